"""`--format sarif`: SARIF 2.1.0 for GitHub code scanning.

Columns are Unicode code points, `partialFingerprints` carry `Finding.fingerprint` (stable across
line shifts), rules carry the hint as help text and markdown. Suppressed findings stay in the log
with `suppressions` (inline directive: kind inSource; baseline: kind external), never absent.
Spec: https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sora_migrate import __version__
from sora_migrate.findings import Confidence
from sora_migrate.report.model import Item, Report
from sora_migrate.rulepack import Rule

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "soraMigrate/v1"
LEVELS = {Confidence.HIGH: "error", Confidence.MEDIUM: "warning", Confidence.LOW: "note"}
ROOT_ID = "%SRCROOT%"


def render(report: Report) -> str:
    """The SARIF log as indented JSON."""
    return log([sarif_run(report)])


def log(runs: list[dict[str, Any]]) -> str:
    """A SARIF log of `runs` as indented JSON."""
    data = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": runs}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def sarif_run(report: Report) -> dict[str, Any]:
    """One SARIF run: the tool and its rules, the results, skipped files as notifications."""
    rules = sorted(report.rules.values(), key=lambda rule: rule.id)
    index = {rule.id: position for position, rule in enumerate(rules)}
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "sora-migrate",
                "version": __version__,
                "rules": [_rule(rule) for rule in rules],
            }
        },
        "originalUriBaseIds": {ROOT_ID: {"uri": Path(report.result.root).as_uri() + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": [_result(item, index) for item in report.items],
        "invocations": [_invocation(report)],
        "properties": {
            "filesScanned": report.result.files_scanned,
            "filesSkipped": len(report.result.skipped),
            "filesTooLarge": report.result.files_too_large,
            "filesBinary": report.result.files_binary,
        },
    }
    return run


def _rule(rule: Rule) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": rule.id,
        "name": _camel(rule.id),
        "shortDescription": {"text": rule.message},
        "fullDescription": {"text": rule.message},
        "help": {"text": rule.hint, "markdown": rule.hint},
        "defaultConfiguration": {"level": LEVELS[rule.confidence]},
        "properties": {
            "tags": [rule.category, rule.confidence.label],
            "precision": rule.confidence.label,
        },
    }
    if rule.url:
        data["helpUri"] = rule.url
    return data


def _result(item: Item, index: dict[str, int]) -> dict[str, Any]:
    finding = item.finding
    region: dict[str, Any] = {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
        "snippet": {"text": finding.snippet},
    }
    result: dict[str, Any] = {
        "ruleId": finding.rule_id,
        "level": LEVELS[finding.confidence],
        "message": {"text": finding.message},
        "locations": [
            {"physicalLocation": {"artifactLocation": _artifact(finding.path), "region": region}}
        ],
        "partialFingerprints": {FINGERPRINT_KEY: finding.fingerprint},
        "properties": _properties(item),
    }
    if finding.rule_id in index:
        result["ruleIndex"] = index[finding.rule_id]
    suppression = _suppression(item)
    if suppression is not None:
        result["suppressions"] = [suppression]
    return result


def _properties(item: Item) -> dict[str, Any]:
    finding = item.finding
    data: dict[str, Any] = {
        "tags": [finding.category, finding.confidence.label],
        "category": finding.category,
        "confidence": finding.confidence.label,
        "status": item.status,
    }
    if finding.args:
        data["args"] = finding.args
    if finding.cell is not None:
        data["cell"] = finding.cell
        data["cellLine"] = finding.cell_line
    return data


def _suppression(item: Item) -> dict[str, Any] | None:
    if item.status == "suppressed":
        return {"kind": "inSource", "justification": item.finding.suppressed or ""}
    if item.status == "baselined":
        return {"kind": "external", "justification": "recorded in the sora-migrate baseline"}
    return None


def _invocation(report: Report) -> dict[str, Any]:
    """Skipped files, unused suppressions and gate warnings as tool notifications."""
    places: list[tuple[str, int | None, str]] = [
        (s.path, None, f"not scanned: {s.reason}") for s in report.result.skipped
    ]
    if report.gate is not None:
        places += [
            (d.path, d.line, "unused suppression: it matches no finding; remove it")
            for d in report.gate.unused_suppressions
        ]
        places += [(w.path, w.line, w.message) for w in report.gate.warnings]
    invocation: dict[str, Any] = {"executionSuccessful": True}
    if places:
        invocation["toolExecutionNotifications"] = [
            _notification(path, line, text) for path, line, text in places
        ]
    return invocation


def _notification(path: str, line: int | None, text: str) -> dict[str, Any]:
    location: dict[str, Any] = {"artifactLocation": _artifact(path)}
    if line is not None:
        location["region"] = {"startLine": line}
    return {
        "level": "warning",
        "message": {"text": text},
        "locations": [{"physicalLocation": location}],
    }


def _artifact(path: str) -> dict[str, str]:
    return {"uri": quote(path), "uriBaseId": ROOT_ID}


def _camel(rule_id: str) -> str:
    return "".join(part.capitalize() for part in rule_id.replace("_", "-").split("-"))
