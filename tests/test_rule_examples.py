"""Every rule's inline examples run as tests: `match` examples must be found (at the stated
confidence and line), `no_match` examples must produce no finding of that rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from scan_helpers import describe, scan_snippet
from sora_migrate.rulepack import Example, Rule, load_rules

RULES = load_rules()


def _cases(kind: str) -> list:  # type: ignore[type-arg]
    cases = []
    for rule in RULES:
        examples = rule.matches if kind == "match" else rule.no_matches
        for example in examples:
            cases.append(pytest.param(rule, example, id=f"{rule.id}/{kind}/{example.name}"))
    return cases


@pytest.mark.parametrize(("rule", "example"), _cases("match"))
def test_match_example_is_found(rule: Rule, example: Example, tmp_path: Path) -> None:
    findings = scan_snippet(tmp_path, example.lang, example.code, example.file)
    hits = [f for f in findings if f.rule_id == rule.id]
    assert hits, f"missing: no {rule.id} finding; instead found:\n{describe(findings)}"
    if example.line is not None:
        hits = [f for f in hits if f.line == example.line]
        assert hits, f"missing on line {example.line}; found:\n{describe(findings)}"
    if example.confidence is not None:
        assert {f.confidence for f in hits} == {example.confidence}, (
            f"wrong confidence, expected {example.confidence.label}:\n{describe(hits)}"
        )


@pytest.mark.parametrize(("rule", "example"), _cases("no_match"))
def test_no_match_example_is_quiet(rule: Rule, example: Example, tmp_path: Path) -> None:
    findings = scan_snippet(tmp_path, example.lang, example.code, example.file)
    noisy = [f for f in findings if f.rule_id == rule.id]
    assert not noisy, f"noisy:\n{describe(noisy)}"


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_every_rule_has_positive_and_negative_examples(rule: Rule) -> None:
    assert rule.matches, f"{rule.id} has no match examples"
    assert rule.no_matches, f"{rule.id} has no no_match examples"
