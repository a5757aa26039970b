"""The merged inventory as CSV: the same columns as `scan --format csv` (see report/csv.py), one
row per finding of every repository, repositories in name order."""

from __future__ import annotations

from sora_migrate.inventory.merge import Inventory, display_name
from sora_migrate.report.csv import row, skipped_rows, write_rows


def render(inventory: Inventory) -> str:
    """A header row, then every finding (and skipped file) of every repository."""
    rows = []
    for repo in inventory.repositories:
        name, commit = display_name(repo.repository), repo.repository.commit
        rows += [row(name, commit, item.finding, item.status) for item in repo.report.items]
        rows += skipped_rows(name, commit, repo.report.result.skipped)
    return write_rows(rows)
