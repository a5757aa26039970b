"""User rules' regexes cannot hang a scan: RE2 runs them in linear time, Python's re (the
fallback) runs under a time budget per file, and empty-matching patterns are refused."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from sora_migrate.analyse import user_regex
from sora_migrate.rulepack import load_rules
from tests.conftest import CliOutcome

RunCli = Callable[..., CliOutcome]
RULE = """\
id: {id}
category: model-id
confidence: medium
languages: [python]
message: a user rule
hint: none
match:
  regex: '{regex}'
"""


def tree(tmp_path: Path, regex: str) -> tuple[Path, Path]:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "user-rule.yaml").write_text(RULE.format(id="user-rule", regex=regex))
    root = tmp_path / "repo"
    root.mkdir()
    (root / "a.py").write_text("x = '" + "a" * 5000 + "b'\nMODEL = 'sora-2'\n")
    return root, rules


def scan(run_cli: RunCli, root: Path, rules: Path) -> dict[str, object]:
    load_rules.cache_clear()
    user_regex.user_pattern.cache_clear()
    outcome = run_cli("scan", str(root), "--rules", str(rules), "-f", "json", "--jobs", "1")
    assert outcome.exit_code == 0, outcome.stderr
    report: dict[str, object] = json.loads(outcome.stdout)
    return report


@pytest.mark.parametrize("regex", ["a*", "x?", "(?:)", "^", "\\b", "(?=a)", "a|"])
def test_empty_matching_patterns_are_refused(run_cli: RunCli, tmp_path: Path, regex: str) -> None:
    root, rules = tree(tmp_path, regex)
    load_rules.cache_clear()
    outcome = run_cli("scan", str(root), "--rules", str(rules))
    assert outcome.exit_code == 2
    assert outcome.stderr.startswith("sora-migrate: error: ")
    assert "matches the empty string" in outcome.stderr
    assert outcome.stderr.count("\n") == 1


@pytest.mark.skipif(user_regex._re2_compile("a") is None, reason="google-re2 is not installed")
def test_catastrophic_backtracking_runs_in_linear_time_with_re2(
    run_cli: RunCli, tmp_path: Path
) -> None:
    root, rules = tree(tmp_path, "(a+)+$")
    report = scan(run_cli, root, rules)
    assert user_regex.user_pattern("user-rule", "(a+)+$").linear
    assert report["skipped"] == []
    assert {f["rule_id"] for f in report["findings"]} == {"model-id"}  # type: ignore[attr-defined]


def test_without_re2_a_backtracking_pattern_is_stopped_by_the_budget(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(user_regex, "_re2_compile", lambda pattern: None)
    monkeypatch.setattr(user_regex, "BUDGET_SECONDS", 0.2)
    root, rules = tree(tmp_path, "(a+)+$")
    report = scan(run_cli, root, rules)
    assert report["skipped"] == [
        {
            "path": "a.py",
            "reason": "cannot analyse: user rule 'user-rule': its regex ran past 0.2 s on this "
            "file (install google-re2 or simplify the pattern)",
        }
    ]


def test_re2_and_re_report_the_same_spans() -> None:
    text = "é VIDEO_ALIAS_ONE x VIDEO_ALIAS_TWO\n"
    with_re2 = user_regex.UserPattern("r", "VIDEO_ALIAS_\\w+")
    fallback = user_regex.UserPattern("r", "(?<=x )VIDEO_ALIAS_\\w+")  # lookbehind: no RE2
    assert fallback.re2 is None
    assert with_re2.spans(text) == [(2, 17), (20, 35)]
    assert fallback.spans(text) == [(20, 35)]
