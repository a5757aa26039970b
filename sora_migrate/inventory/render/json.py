"""The merged inventory as JSON (`kind: sora-migrate-inventory`, documented in README and in
`docs/schemas/inventory.schema.json`). Per repository it keeps the whole report (summary,
findings, skipped files), so merging the N shards of a tree gives exactly the unsharded report.
Amounts are decimal strings in USD; null where a provider has no published price."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from sora_migrate import __version__
from sora_migrate.inventory.load import INVENTORY_KIND
from sora_migrate.inventory.merge import (
    Inventory,
    RepositoryInventory,
    SiteEstimate,
    display_name,
    total_cost,
)
from sora_migrate.report.json import SCHEMA_VERSION, finding_entry, summary


def render(inventory: Inventory) -> str:
    """The JSON document, indented, keys in a fixed order."""
    repositories = [_repository(repo) for repo in inventory.repositories]
    data = {
        "schema_version": SCHEMA_VERSION,
        "kind": INVENTORY_KIND,
        "tool": {"name": "sora-migrate", "version": __version__},
        "warnings": inventory.warnings,
        "totals": _totals(inventory),
        "clean": [display_name(repo.repository) for repo in inventory.clean],
        "failed": [
            {"name": f.name, "source": f.source, "reason": f.reason} for f in inventory.failures
        ],
        "repositories": repositories,
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _totals(inventory: Inventory) -> dict[str, Any]:
    by_confidence = {"high": 0, "medium": 0, "low": 0}
    by_category: dict[str, dict[str, int]] = {}
    for repo in inventory.repositories:
        for label, count in repo.report.counts().items():
            by_confidence[label] += count
        for category, counts in repo.report.by_category().items():
            row = by_category.setdefault(category, dict.fromkeys(by_confidence, 0))
            for label, count in counts.items():
                row[label] += count
    estimates = [e for repo in inventory.repositories for e in repo.site_estimates]
    return {
        "repositories": len(inventory.repositories) + len(inventory.failures),
        "with_findings": len(inventory.with_findings),
        "clean": len(inventory.clean),
        "failed": len(inventory.failures),
        "findings": sum(by_confidence.values()),
        "by_confidence": by_confidence,
        "by_category": dict(sorted(by_category.items())),
        "cost": _cost(estimates, with_sites=False),
    }


def _repository(repo: RepositoryInventory) -> dict[str, Any]:
    report = repo.report
    return {
        "name": display_name(repo.repository),
        "repository": repo.repository.to_dict(),
        "root": report.result.root,
        "tool_versions": list(repo.tool_versions),
        "rules_versions": list(repo.ruleset_versions),
        "shards": None
        if repo.shard_count is None
        else {"count": repo.shard_count, "missing": list(repo.missing_shards)},
        "complete": repo.complete,
        "clean": repo.clean,
        "sources": list(repo.sources),
        "summary": summary(report),
        "top_files": [{"path": path, "findings": count} for path, count in repo.top_files()],
        "cost": _cost(repo.site_estimates, with_sites=True),
        "findings": [finding_entry(report, item) for item in report.items],
        "skipped": [{"path": s.path, "reason": s.reason} for s in report.result.skipped],
    }


def _cost(estimates: list[SiteEstimate], with_sites: bool) -> dict[str, Any]:
    data: dict[str, Any] = {
        "currency": "USD",
        "call_sites": len(estimates),
        "assumed": sum(1 for e in estimates if e.assumed),
        "per_provider": _amounts(total_cost(estimates)),
    }
    if with_sites:
        data["sites"] = [
            {
                "path": e.path,
                "line": e.line,
                "method": e.method,
                "seconds": e.seconds,
                "resolution": e.resolution,
                "assumed": e.assumed,
                "per_provider": _amounts(e.per_provider),
            }
            for e in estimates
        ]
    return data


def _amounts(amounts: dict[str, Decimal | None]) -> dict[str, str | None]:
    return {provider: None if a is None else f"{a:.2f}" for provider, a in amounts.items()}
