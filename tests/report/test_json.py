"""`--format json`: the documented schema, Finding.to_dict() per finding, gate details."""

from __future__ import annotations

import json

from sora_migrate import __version__
from sora_migrate.findings import Confidence
from sora_migrate.provenance import ruleset_version
from sora_migrate.report import GateOutcome, render
from tests.report.sample import CALL, NOTEBOOK, RULES, sample_gate, sample_result


def _render(gate: GateOutcome | None = None) -> dict[str, object]:
    text = render(sample_result(), "json", rules=RULES, min_confidence=Confidence.LOW, gate=gate)
    data: dict[str, object] = json.loads(text)
    return data


def test_top_level_keys_and_summary() -> None:
    data = _render()
    assert list(data) == [
        "schema_version",
        "tool",
        "root",
        "repository",
        "rules",
        "shard",
        "summary",
        "findings",
        "skipped",
    ]
    assert data["schema_version"] == 2
    assert data["tool"] == {"name": "sora-migrate", "version": __version__}
    assert data["root"] == "/work/project"
    # not a git work tree: the folder's name, nothing else
    assert data["repository"] == {"name": "project", "remote": None, "commit": None, "path": ""}
    assert data["rules"] == {"version": ruleset_version(RULES), "ids": sorted(r.id for r in RULES)}
    assert data["shard"] is None
    assert data["summary"] == {
        "findings": 5,
        "files_with_findings": 4,
        "by_confidence": {"high": 3, "medium": 1, "low": 1},
        "by_category": {
            "doc-mention": {"high": 0, "medium": 0, "low": 1},
            "env-var": {"high": 0, "medium": 1, "low": 0},
            "model-id": {"high": 2, "medium": 0, "low": 0},
            "sdk-call": {"high": 1, "medium": 0, "low": 0},
        },
        "files_scanned": 12,
        "files_parsed": 5,
        "files_skipped": 1,
        "files_too_large": 1,
        "files_binary": 2,
        "min_confidence": "low",
    }
    assert data["skipped"] == [{"path": "data/broken.py", "reason": "not valid UTF-8 (byte 3)"}]


def test_findings_are_finding_to_dict_with_args_and_notebook_cells() -> None:
    findings = _render()["findings"]
    assert isinstance(findings, list)
    assert CALL.to_dict() in findings
    assert CALL.to_dict()["args"] == {"model": "sora-2", "prompt": "x"}
    notebook = NOTEBOOK.to_dict()
    assert notebook in findings
    assert (notebook["cell"], notebook["cell_line"]) == (1, 4)


def test_gate_section_and_statuses() -> None:
    data = _render(gate=sample_gate())
    gate = data["gate"]
    assert gate == {
        "failed": True,
        "min_confidence": "medium",
        "baseline": ".sora-migrate-baseline.json",
        "since": None,
        "new": 2,
        "below_gate": 1,
        "baselined": 1,
        "suppressed": 1,
        "outside_diff": 0,
        "fixed": [
            {
                "rule_id": "sdk-call",
                "path": "app/old.py",
                "fingerprint": "0123456789abcdef0123",
                "count": 2,
            }
        ],
        "unused_suppressions": [
            {"path": "app/worker.py", "line": 7, "rules": ["sdk-call"], "reason": "legacy"}
        ],
        "warnings": [
            {
                "path": "app/render.py",
                "line": 9,
                "message": "suppression has no reason; say why after it",
            }
        ],
    }
    findings = data["findings"]
    assert isinstance(findings, list)
    suppressed = [f for f in findings if f["status"] == "suppressed"]
    assert suppressed[0]["suppressed"] == "rotated in vault"
