"""`--format json`: the stable, documented machine-readable report (schema_version 2; version 2
only adds `repository`, `rules` and `shard` to version 1, so version 1 readers keep working).
`docs/schemas/report.schema.json` is its JSON Schema.

{"schema_version": 2,
 "tool": {"name": "sora-migrate", "version": "0.1.0"},
 "root": "/abs/scanned/root",
 "repository": {"name", "remote", "commit", "path"},  # path: the root inside the work tree
 "rules": {"version": "<digest of the rule set>", "ids": [...]},
 "shard": {"index": K, "count": N} or null,
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
from sora_migrate.report.model import GateOutcome, Item, Report

SCHEMA_VERSION = 2


def render(report: Report) -> str:
    """The JSON document, indented, keys in a fixed order."""
    data: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "sora-migrate", "version": __version__},
        "root": report.result.root,
        "repository": report.repository().to_dict(),
        "rules": {"version": report.ruleset_version(), "ids": sorted(report.rules)},
        "shard": _shard(report),
        "summary": summary(report),
        "findings": [finding_entry(report, item) for item in report.items],
        "skipped": [{"path": s.path, "reason": s.reason} for s in report.result.skipped],
    }
    if report.gate is not None:
        data["gate"] = _gate(report.gate)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _shard(report: Report) -> dict[str, int] | None:
    plan = report.result.shard
    return None if plan is None else {"index": plan.shard.index, "count": plan.shard.count}


def finding_entry(report: Report, item: Item) -> dict[str, Any]:
    """A finding's JSON form; with its gate status when there is one (`check`)."""
    data = item.finding.to_dict()
    if report.gate is not None or item.status != "found":
        data["status"] = item.status
    return data


def summary(report: Report) -> dict[str, Any]:
    """The `summary` object: counts of open findings, files, and the confidence shown."""
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
