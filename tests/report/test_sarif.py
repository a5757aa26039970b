"""`--format sarif`: valid SARIF 2.1.0 (checked against the OASIS schema) for code scanning."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from sora_migrate.findings import Confidence
from sora_migrate.report import render
from tests.conftest import CliOutcome
from tests.report.sample import CALL, RULES, sample_gate, sample_result

SCHEMA = Path(__file__).resolve().parent.parent / "schemas" / "sarif-schema-2.1.0.json"
EXAMPLE = Path(__file__).resolve().parent.parent.parent / "fixtures" / "example-repo"


def assert_valid_sarif(log: dict[str, Any]) -> None:
    """Fail with every schema violation listed."""
    validator = jsonschema.Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]
    assert not errors, "\n".join(errors)


def _log(**kwargs: Any) -> dict[str, Any]:
    text = render(sample_result(), "sarif", rules=RULES, min_confidence=Confidence.LOW, **kwargs)
    log: dict[str, Any] = json.loads(text)
    return log


@pytest.mark.parametrize("gated", [False, True], ids=["scan", "check with a gate"])
def test_output_validates_against_the_sarif_schema(gated: bool) -> None:
    assert_valid_sarif(_log(gate=sample_gate() if gated else None))


def test_example_repository_scan_validates(run_cli: Any) -> None:
    outcome: CliOutcome = run_cli("scan", str(EXAMPLE), "--format", "sarif", "--jobs", "1")
    assert outcome.exit_code == 0, outcome.stderr
    log = json.loads(outcome.stdout)
    assert_valid_sarif(log)
    assert len(log["runs"][0]["results"]) == 27


def test_run_header_rules_and_help() -> None:
    run = _log()["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": "file:///work/project/"}}
    rules = {rule["id"]: rule for rule in run["tool"]["driver"]["rules"]}
    assert set(rules) == {rule.id for rule in RULES}
    sdk = next(rule for rule in RULES if rule.id == "sdk-call")
    assert rules["sdk-call"]["help"] == {"text": sdk.hint, "markdown": sdk.hint}
    assert rules["sdk-call"]["properties"]["tags"] == ["sdk-call", "high"]
    assert rules["sdk-call"]["defaultConfiguration"] == {"level": "error"}


def test_result_region_fingerprint_level_and_tags() -> None:
    results = _log()["runs"][0]["results"]
    call = next(r for r in results if r["ruleId"] == "sdk-call")
    assert call["level"] == "error"
    assert call["partialFingerprints"] == {"soraMigrate/v1": CALL.fingerprint}
    assert call["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "app/render.py", "uriBaseId": "%SRCROOT%"},
        "region": {
            "startLine": 3,
            "startColumn": 1,
            "endLine": 3,
            "endColumn": 49,
            "snippet": {"text": 'client.videos.create(model="sora-2", prompt="x")'},
        },
    }
    assert call["properties"]["tags"] == ["sdk-call", "high"]
    assert call["properties"]["args"] == {"model": "sora-2", "prompt": "x"}
    levels = {r["ruleId"]: r["level"] for r in results}
    assert (levels["env-var"], levels["doc-mention"]) == ("warning", "note")
    env = next(r for r in results if r["ruleId"] == "env-var")
    assert env["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "my%20dir/.env"


def test_suppressed_and_baselined_findings_stay_with_suppressions() -> None:
    results = _log(gate=sample_gate())["runs"][0]["results"]
    assert len(results) == 5
    kinds = {r["ruleId"] + ":" + r["properties"]["status"]: r.get("suppressions") for r in results}
    assert kinds["env-var:suppressed"] == [
        {"kind": "inSource", "justification": "rotated in vault"}
    ]
    assert kinds["model-id:baselined"] == [
        {"kind": "external", "justification": "recorded in the sora-migrate baseline"}
    ]
    assert kinds["sdk-call:new"] is None


def test_skipped_files_and_gate_warnings_are_notifications() -> None:
    invocation = _log(gate=sample_gate())["runs"][0]["invocations"][0]
    texts = [n["message"]["text"] for n in invocation["toolExecutionNotifications"]]
    assert texts == [
        "not scanned: not valid UTF-8 (byte 3)",
        "unused suppression: it matches no finding; remove it",
        "suppression has no reason; say why after it",
    ]
