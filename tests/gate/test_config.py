"""Configuration: .sora-migrate.toml and [tool.sora-migrate], found upward to the git root;
command-line flags win; every bad key or value is a one-line error naming file and key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sora_migrate.config import Settings, find_config, load_settings, merge, scan_options
from sora_migrate.findings import Confidence
from tests.gate.helpers import SORA_PY, gate_json, init_repo, statuses, write

ENV_FILE = "SORA_API_KEY=\n"  # one medium env-var finding


def test_min_confidence_from_file_and_flag_precedence(run_cli: Any, tmp_path: Path) -> None:
    write(tmp_path / ".env", ENV_FILE)
    write(tmp_path / ".sora-migrate.toml", 'min-confidence = "high"\n')
    assert run_cli("check", str(tmp_path)).exit_code == 0
    assert run_cli("check", str(tmp_path), "--min-confidence", "medium").exit_code == 1


def test_pyproject_exclude_and_flag_override(run_cli: Any, tmp_path: Path) -> None:
    write(tmp_path / "legacy" / "old.py", SORA_PY)
    write(
        tmp_path / "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.sora-migrate]\nexclude = ["legacy/"]\n',
    )
    write(tmp_path / "app.py", "print(1)\n")
    assert run_cli("check", str(tmp_path)).exit_code == 0
    overridden = run_cli("check", str(tmp_path), "--exclude", "nothing/", "--format", "json")
    assert overridden.exit_code == 1
    assert {p for p, _, _, _ in statuses(gate_json(overridden))} == {"legacy/old.py"}


def test_disable_rule_and_baseline_relative_to_the_config(run_cli: Any, tmp_path: Path) -> None:
    write(tmp_path / "src" / "app.py", SORA_PY)
    write(
        tmp_path / ".sora-migrate.toml", 'disable = ["model-id"]\nbaseline = "ci/baseline.json"\n'
    )
    (tmp_path / "ci").mkdir()
    assert (
        run_cli(
            "check", str(tmp_path), "--write-baseline", str(tmp_path / "ci" / "baseline.json")
        ).exit_code
        == 0
    )
    outcome = run_cli("check", str(tmp_path), "--format", "json")
    assert outcome.exit_code == 0, outcome.stderr
    data = gate_json(outcome)
    assert statuses(data) == [("src/app.py", 3, "sdk-call", "baselined")]
    assert data["gate"]["baseline"] == str(tmp_path / "ci" / "baseline.json")


def test_config_is_found_upward_but_not_above_the_git_root(tmp_path: Path) -> None:
    write(tmp_path / ".sora-migrate.toml", 'min-confidence = "low"\n')
    repo = init_repo(tmp_path / "repo")
    (repo / "pkg").mkdir()
    assert find_config(repo / "pkg") is None
    write(repo / "pyproject.toml", '[tool.sora-migrate]\nmin-confidence = "high"\n')
    assert load_settings(repo / "pkg").min_confidence is Confidence.HIGH
    write(repo / "pkg" / ".sora-migrate.toml", 'include = ["*.py"]\n')
    settings = load_settings(repo / "pkg" / "file.py")
    assert settings.source == str(repo / "pkg" / ".sora-migrate.toml")
    assert settings.include == ("*.py",)
    assert settings.min_confidence is None


def test_pyproject_without_the_table_is_skipped(tmp_path: Path) -> None:
    write(tmp_path / ".sora-migrate.toml", 'min-confidence = "low"\n')
    write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "x"\n')
    assert load_settings(tmp_path / "sub").min_confidence is Confidence.LOW


def test_merge_lets_flags_win_and_builds_scan_options(tmp_path: Path) -> None:
    file = Settings(
        source="f", include=("a/**",), exclude=("b/",), enable=("sdk-call",), rule_dirs=(tmp_path,)
    )
    merged = merge(file, Settings(exclude=("c/",), min_confidence=Confidence.LOW))
    assert merged == Settings(
        source="f",
        include=("a/**",),
        exclude=("c/",),
        enable=("sdk-call",),
        rule_dirs=(tmp_path,),
        min_confidence=Confidence.LOW,
    )
    options = scan_options(merged, jobs=2, ignore_paths=[Path("out.json")])
    assert (options.include, options.exclude, options.enabled_rules, options.disabled_rules) == (
        ("a/**",),
        ("c/",),
        ("sdk-call",),
        (),
    )
    assert options.ignore_paths == (Path("out.json").resolve(),)
    assert options.jobs == 2


@pytest.mark.parametrize(
    ("file", "text", "message"),
    [
        pytest.param(
            ".sora-migrate.toml",
            "colour = 1\n",
            "{f}: unknown key 'colour' (known: include, exclude, enable, disable, rule-dirs, "
            "min-confidence, baseline)",
            id="unknown key",
        ),
        pytest.param(
            "pyproject.toml",
            '[tool.sora-migrate]\nmin-confidence = "urgent"\n',
            "{f}: [tool.sora-migrate]: 'min-confidence' must be low, medium or high, not 'urgent'",
            id="bad confidence",
        ),
        pytest.param(
            ".sora-migrate.toml",
            'include = "src"\n',
            "{f}: 'include' must be a list of non-empty strings",
            id="include not a list",
        ),
        pytest.param(
            ".sora-migrate.toml",
            "exclude = [1]\n",
            "{f}: 'exclude' must be a list of non-empty strings",
            id="exclude not strings",
        ),
        pytest.param(
            ".sora-migrate.toml",
            "baseline = 3\n",
            "{f}: 'baseline' must be a path string",
            id="baseline not a string",
        ),
        pytest.param(
            ".sora-migrate.toml", "include = [\n", "{f}: invalid TOML: ", id="invalid TOML"
        ),
        pytest.param(
            "pyproject.toml",
            "[tool]\nsora-migrate = 1\n",
            "{f}: [tool.sora-migrate] must be a table",
            id="table not a table",
        ),
        pytest.param(
            ".sora-migrate.toml",
            'enable = ["sdk-cal"]\n',
            "{f}: unknown rule id 'sdk-cal' (known: ",
            id="unknown rule id",
        ),
        pytest.param(
            ".sora-migrate.toml",
            'rule-dirs = ["missing"]\n',
            "{d}/missing: rule directory not found",
            id="missing rule dir",
        ),
    ],
)
def test_config_errors_exit_2_naming_file_and_key(
    run_cli: Any, tmp_path: Path, file: str, text: str, message: str
) -> None:
    write(tmp_path / "app.py", SORA_PY)
    path = write(tmp_path / file, text)
    outcome = run_cli("check", str(tmp_path))
    assert outcome.exit_code == 2
    expected = "sora-migrate: error: " + message.format(f=path, d=tmp_path)
    assert outcome.stderr.startswith(expected), outcome.stderr
    assert outcome.stderr.count("\n") == 1
