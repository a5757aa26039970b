"""The scan command through the real entry point: flags, exit codes, output streams."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "fixtures" / "example-repo"
COMMANDS = ["scan", "check", "merge", "rewrite", "pr", "providers", "shim"]


def test_version(run_cli) -> None:  # type: ignore[no-untyped-def]
    outcome = run_cli("--version")
    assert (outcome.exit_code, outcome.stdout.strip()) == (0, "sora-migrate 0.1.0")


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(run_cli, command: str) -> None:  # type: ignore[no-untyped-def]
    outcome = run_cli(command, "--help")
    assert outcome.exit_code == 0
    assert "Usage" in outcome.stdout


def test_json_report_schema(run_cli) -> None:  # type: ignore[no-untyped-def]
    outcome = run_cli("scan", str(EXAMPLE), "--format", "json", "--jobs", "1")
    assert outcome.exit_code == 0
    report = json.loads(outcome.stdout)
    assert report["schema_version"] == 2
    assert report["root"] == str(EXAMPLE)
    call = next(f for f in report["findings"] if f["path"] == "app/render.py")
    assert call["rule_id"] == "sdk-call" and call["confidence"] == "high"
    assert (call["line"], call["column"], call["end_line"]) == (10, 13, 15)
    assert call["args"] == {"model": "sora-2", "seconds": "8", "size": "1280x720"}
    cell = next(f for f in report["findings"] if f["path"].endswith(".ipynb"))
    assert (cell["cell"], cell["cell_line"]) == (1, 4)
    assert cell["args"]["prompt"] == "Autumn leaves over a cafe"
    assert re.match(r"sora-migrate: 27 findings in 10 files", outcome.stderr)


def test_min_confidence_filters_what_is_shown(run_cli) -> None:  # type: ignore[no-untyped-def]
    outcome = run_cli("scan", str(EXAMPLE), "-f", "json", "--min-confidence", "high")
    confidences = {f["confidence"] for f in json.loads(outcome.stdout)["findings"]}
    assert confidences == {"high"}


def test_output_file_is_written_and_not_scanned(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.py").write_text('MODEL = "sora-2"\n')
    report = tmp_path / "report.json"
    first = run_cli("scan", str(tmp_path), "-f", "json", "-o", str(report))
    second = run_cli("scan", str(tmp_path), "-f", "json", "-o", str(report))
    assert first.exit_code == second.exit_code == 0
    assert first.stdout == ""
    assert [f["path"] for f in json.loads(report.read_text())["findings"]] == ["a.py"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["scan", "/nonexistent/path"], "no such file or directory"),
        (["scan", "{empty}"], "nothing could be scanned"),
        (["scan", "{example}", "--format", "xml"], "unknown format 'xml'"),
        (["scan", "{example}", "--min-confidence", "sure"], "unknown confidence 'sure'"),
        (["scan", "{example}", "--rules", "/nonexistent/rules"], "rule directory not found"),
    ],
)
def test_user_errors_are_one_line_and_exit_2(run_cli, tmp_path: Path, args, message) -> None:  # type: ignore[no-untyped-def]
    args = [a.format(empty=tmp_path, example=EXAMPLE) for a in args]
    outcome = run_cli(*args)
    assert outcome.exit_code == 2
    assert outcome.stderr.startswith("sora-migrate: error: ")
    assert message in outcome.stderr
    assert outcome.stderr.count("\n") == 1
    assert "Traceback" not in outcome.stderr


def test_malformed_config_is_a_one_line_error(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / ".sora-migrate.toml").write_text('exclude = "not a list"\n')
    (tmp_path / "a.py").write_text('MODEL = "sora-2"\n')
    outcome = run_cli("scan", str(tmp_path))
    assert outcome.exit_code == 2
    assert ".sora-migrate.toml" in outcome.stderr and "exclude" in outcome.stderr


def test_unreadable_files_are_listed_in_every_format(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "latin.py").write_bytes(b"# caf\xe9 sora\n")
    (tmp_path / "ok.py").write_text('MODEL = "sora-2"\n')
    for output_format in ("table", "json", "sarif", "markdown", "github"):
        outcome = run_cli("scan", str(tmp_path), "-f", output_format)
        assert outcome.exit_code == 0
        assert "latin.py" in outcome.stdout, output_format


def test_module_entry_point_and_lazy_imports() -> None:
    code = (
        "import sys, runpy; sys.argv = ['sora-migrate', '--help']\n"
        "try:\n    runpy.run_module('sora_migrate', run_name='__main__')\n"
        "except SystemExit as done:\n    assert done.code in (0, None)\n"
        "heavy = [m for m in ('libcst', 'tree_sitter', 'httpx') if m in sys.modules]\n"
        "print('heavy:', heavy)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "Usage" in done.stdout
    assert "heavy: []" in done.stdout


def test_readme_opens_with_install_and_test_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = readme.split("```bash", 1)[1].split("```", 1)[0]
    assert "pip install . && sora-migrate scan fixtures/example-repo" in first_block
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for command in ("npm ci --prefix shim-ts", "python -m pytest -q"):
        assert command in first_block
        assert command in ci
    assert "SORA_MIGRATE_REQUIRE_NODE=1" in ci  # the Node tests fail, not skip, in CI


def test_readme_first_command_shows_real_findings() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "sora_migrate", "scan", "fixtures/example-repo"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "app/render.py" in done.stdout
    assert "27 findings in 10 files" in done.stdout
