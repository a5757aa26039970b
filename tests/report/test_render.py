"""The reporters' shared entry point: formats, the confidence filter and gate statuses."""

from __future__ import annotations

import pytest

from sora_migrate.findings import Confidence
from sora_migrate.report import FORMATS, build_report, render
from tests.report.sample import RULES, sample_gate, sample_result


def test_formats_are_the_documented_ones() -> None:
    assert FORMATS == ("table", "json", "sarif", "markdown", "github", "csv")


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_lists_the_skipped_file_with_its_reason(fmt: str) -> None:
    text = render(sample_result(), fmt, rules=RULES, min_confidence=Confidence.LOW, color=False)
    assert "data/broken.py" in text
    assert "not valid UTF-8 (byte 3)" in text


@pytest.mark.parametrize("fmt", [fmt for fmt in FORMATS if fmt != "csv"])
def test_every_format_renders_a_gate(fmt: str) -> None:
    text = render(
        sample_result(), fmt, rules=RULES, min_confidence=Confidence.LOW, gate=sample_gate()
    )
    assert "app/worker.py" in text


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        render(sample_result(), "xml", rules=RULES, min_confidence=Confidence.LOW)


def test_min_confidence_hides_lower_findings() -> None:
    report = build_report(sample_result(), rules=RULES, min_confidence=Confidence.HIGH)
    assert [item.finding.rule_id for item in report.items] == ["sdk-call", "model-id", "model-id"]
    assert report.counts() == {"high": 3, "medium": 0, "low": 0}


def test_gate_statuses_are_attached_and_only_open_items_are_counted() -> None:
    report = build_report(
        sample_result(), rules=RULES, min_confidence=Confidence.LOW, gate=sample_gate()
    )
    statuses = [(item.finding.path, item.finding.rule_id, item.status) for item in report.items]
    assert statuses == [
        ("README.md", "doc-mention", "below-gate"),
        ("app/render.py", "sdk-call", "new"),
        ("app/render.py", "model-id", "baselined"),
        ("my dir/.env", "env-var", "suppressed"),
        ("notebooks/explore.ipynb", "model-id", "new"),
    ]
    assert report.counts() == {"high": 2, "medium": 0, "low": 1}
    assert report.gate_line() == (
        "gate FAILED: 2 new findings at or above medium, 1 baselined, 2 fixed, 1 suppressed"
    )
