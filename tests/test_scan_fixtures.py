"""The annotated fixtures under fixtures/scan: each file's findings equal its markers exactly."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from fixture_markers import Expected, expectations, marker_rules
from scan_helpers import describe
from sora_migrate.findings import Finding, ScanResult
from sora_migrate.options import ScanOptions
from sora_migrate.rulepack import load_rules
from sora_migrate.scan import run_scan

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "scan"
EXPECTED = expectations(FIXTURES)


@pytest.fixture(scope="module")
def scanned() -> ScanResult:
    return run_scan([FIXTURES], ScanOptions(jobs=1))


def _key(finding: Finding) -> tuple[int, str, str]:
    return (finding.line, finding.rule_id, finding.confidence.label)


@pytest.mark.parametrize("path", sorted(EXPECTED), ids=str)
def test_fixture_findings_match_markers(path: str, scanned: ScanResult) -> None:
    expected = [e for e in EXPECTED[path] if not e.todo]
    todo = [e for e in EXPECTED[path] if e.todo]
    actual = [f for f in scanned.findings if f.path == path]
    want = Counter((e.line, e.rule, e.confidence) for e in expected)
    got = Counter(_key(f) for f in actual)
    missing = want - got
    noisy = got - want
    assert not missing and not noisy, (
        f"{path}\nmissing: {sorted(missing)}\nnoisy: {sorted(noisy)}\nall:\n{describe(actual)}"
    )
    for gap in todo:
        assert (gap.line, gap.rule, gap.confidence) not in got, f"todo now passes: {gap}"
    _check_positions(expected, actual)


def _check_positions(expected: list[Expected], actual: list[Finding]) -> None:
    for entry in expected:
        if entry.column is None and entry.cell is None:
            continue
        matches = [f for f in actual if (f.line, f.rule_id) == (entry.line, entry.rule)]
        assert any(
            (entry.column is None or f.column == entry.column)
            and (entry.cell is None or (f.cell, f.cell_line) == (entry.cell, entry.cell_line))
            for f in matches
        ), f"position differs for {entry}: {describe(matches)}"


def test_no_fixture_is_skipped(scanned: ScanResult) -> None:
    assert scanned.skipped == []


def test_markers_name_existing_rules() -> None:
    known = {rule.id for rule in load_rules()}
    assert marker_rules(FIXTURES) <= known
