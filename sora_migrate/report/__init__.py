"""Reporters: one module per output format, each `render(report: Report) -> str`."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from importlib import import_module

from sora_migrate.findings import Confidence, Finding, ScanResult
from sora_migrate.report.model import GateOutcome, Item, Report, Status
from sora_migrate.rulepack import Rule

FORMATS = ("table", "json", "sarif", "markdown", "github", "csv")

__all__ = ["FORMATS", "GateOutcome", "Report", "build_report", "render"]


def render(
    result: ScanResult,
    fmt: str,
    *,
    rules: Sequence[Rule],
    min_confidence: Confidence,
    gate: GateOutcome | None = None,
    color: bool | None = None,
) -> str:
    """Render a scan (and, for `check`, its gate outcome) in one of FORMATS.

    `min_confidence` hides findings below it. `color` applies to `table` only; None means
    "when stdout is a terminal and NO_COLOR is unset".
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    report = build_report(result, rules=rules, min_confidence=min_confidence, gate=gate)
    if color is None:
        color = _stdout_wants_color()
    if color:
        report = replace(report, color=True, width=_terminal_width())
    module = import_module(f"sora_migrate.report.{fmt}")
    text: str = module.render(report)
    return text


def build_report(
    result: ScanResult,
    *,
    rules: Sequence[Rule],
    min_confidence: Confidence,
    gate: GateOutcome | None = None,
) -> Report:
    """Pair each shown finding with its status; findings below `min_confidence` are left out."""
    pairs: list[tuple[Finding, Status]]
    if gate is None:
        pairs = [(finding, "found") for finding in result.findings]
    else:
        pairs = [
            *((finding, "new") for finding in gate.new),
            *((finding, "below-gate") for finding in gate.below_gate),
            *((finding, "baselined") for finding in gate.baselined),
            *((finding, "suppressed") for finding in gate.suppressed),
        ]
    items = sorted(
        (
            Item(finding, status)
            for finding, status in pairs
            if finding.confidence >= min_confidence
        ),
        key=lambda item: item.finding.sort_key(),
    )
    return Report(
        result=result,
        items=tuple(items),
        rules={rule.id: rule for rule in rules},
        min_confidence=min_confidence,
        gate=gate,
    )


def _stdout_wants_color() -> bool:
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return sys.stdout.isatty()


def _terminal_width() -> int:
    import shutil

    return shutil.get_terminal_size((100, 24)).columns
