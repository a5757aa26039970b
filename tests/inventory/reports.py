"""Build JSON reports for merge tests from the reporters' sample scan, and check documents
against the JSON Schemas in docs/schemas."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import jsonschema
from referencing import Registry, Resource

from sora_migrate.findings import Confidence, ScanResult
from sora_migrate.provenance import Repository
from sora_migrate.report import render
from sora_migrate.shard import Shard, ShardPlan
from tests.report.sample import CALL, RULES, sample_result

SCHEMAS = Path(__file__).resolve().parents[2] / "docs" / "schemas"


def report_json(
    name: str = "acme/render",
    commit: str | None = "c0ffee",
    shard: tuple[int, int] | None = None,
    result: ScanResult | None = None,
    **changes: Any,
) -> dict[str, Any]:
    """A `scan --format json` report of the sample scan, as from repository `name`."""
    scan = result or realistic_result()
    scan.repository = Repository(name, f"https://git.example.com/{name}.git", commit)
    scan.shard = None if shard is None else ShardPlan(Shard(*shard), [])
    data: dict[str, Any] = json.loads(
        render(scan, "json", rules=RULES, min_confidence=Confidence.LOW)
    )
    data.update(changes)
    return data


def realistic_result() -> ScanResult:
    """The sample scan, its call's message worded as the analysers word it."""
    scan = sample_result()
    message = f"{CALL.message} (videos.create: client OpenAI() at line 1)"
    scan.findings = [replace(f, message=message) if f == CALL else f for f in scan.findings]
    return scan


def clean_result() -> ScanResult:
    """A scan that found nothing."""
    return replace(sample_result(), findings=[], skipped=[])


def write_report(path: Path, data: Any) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def assert_matches_schema(document: Any, schema_name: str) -> None:
    """Fail with every violation of docs/schemas/<schema_name> listed."""
    schemas = [json.loads(path.read_text(encoding="utf-8")) for path in SCHEMAS.glob("*.json")]
    resources = [(schema["$id"], Resource.from_contents(schema)) for schema in schemas]
    registry: Registry[Any] = Registry().with_resources(resources)
    schema = json.loads((SCHEMAS / schema_name).read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema, registry=registry)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]
    assert not errors, "\n".join(errors[:20])
