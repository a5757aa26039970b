"""`--format json`: the stable, documented machine-readable report (schema_version 1).

{"schema_version": 1,
 "tool": {"name": "sora-migrate", "version": "0.1.0"},
 "root": "/abs/scanned/root",
 "summary": {"findings", "files_with_findings", "by_confidence", "by_category",
             "files_scanned", "files_parsed", "files_skipped", "files_too_large",
             "files_binary", "min_confidence"},
 "findings": [Finding.to_dict() + {"status"} when gated],
 "skipped": [{"path", "reason"}],
 "gate": {...}  # only from `check`
}
"""

from __future__ import annotations

import json
from typing import Any

from sora_migrate import __version__
from sora_migrate.report.model import GateOutcome, Report

SCHEMA_VERSION = 1


def render(report: Report) -> str:
    """The JSON document, indented, keys in a fixed order."""
    data: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "sora-migrate", "version": __version__},
        "root": report.result.root,
        "summary": _summary(report),
        "findings": [
            _finding(report, item.finding.to_dict(), item.status) for item in report.items
        ],
        "skipped": [{"path": s.path, "reason": s.reason} for s in report.result.skipped],
    }
    if report.gate is not None:
        data["gate"] = _gate(report.gate)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _finding(report: Report, data: dict[str, Any], status: str) -> dict[str, Any]:
    if report.gate is not None:
        data["status"] = status
    return data


def _summary(report: Report) -> dict[str, Any]:
    result = report.result
    return {
        "findings": len(report.open_items),
        "files_with_findings": len(report.files()),
        "by_confidence": report.counts(),
        "by_category": report.by_category(),
        "files_scanned": result.files_scanned,
        "files_parsed": result.files_parsed,
        "files_skipped": len(result.skipped),
        "files_too_large": result.files_too_large,
        "files_binary": result.files_binary,
        "min_confidence": report.min_confidence.label,
    }


def _gate(gate: GateOutcome) -> dict[str, Any]:
    return {
        "failed": gate.failed,
        "min_confidence": gate.threshold.label,
        "baseline": gate.baseline,
        "since": gate.since,
        "new": len(gate.new),
        "below_gate": len(gate.below_gate),
        "baselined": len(gate.baselined),
        "suppressed": len(gate.suppressed),
        "outside_diff": gate.outside_diff,
        "fixed": [
            {"rule_id": e.rule_id, "path": e.path, "fingerprint": e.fingerprint, "count": e.count}
            for e in gate.fixed
        ],
        "unused_suppressions": [
            {"path": d.path, "line": d.line, "rules": list(d.rules), "reason": d.reason}
            for d in gate.unused_suppressions
        ],
        "warnings": [{"path": w.path, "line": w.line, "message": w.message} for w in gate.warnings],
    }
