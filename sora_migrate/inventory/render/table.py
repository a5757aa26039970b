"""The merged inventory as plain text for a terminal or a CI log: warnings, one row per
repository (most findings first), then the clean and the failed repositories."""

from __future__ import annotations

from io import StringIO

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from sora_migrate.inventory.merge import Inventory, display_name, total_cost
from sora_migrate.pull_request.costs import PRICED_PROVIDERS

LEVELS = ("high", "medium", "low")


def render(inventory: Inventory) -> str:
    """The inventory as text, no colour, no trailing spaces."""
    buffer = StringIO()
    console = Console(file=buffer, no_color=True, width=120, highlight=False, emoji=False)
    for warning in inventory.warnings:
        console.print(Text(f"warning: {warning}"))
    if inventory.repositories:
        console.print(_overview(inventory))
    if inventory.clean:
        names = ", ".join(display_name(repo.repository) for repo in inventory.clean)
        console.print(Text(f"Clean ({len(inventory.clean)}): {names}"))
    for failure in inventory.failures:
        console.print(Text(f"failed: {failure.name} ({failure.source}): {failure.reason}"))
    findings = sum(len(repo.report.open_items) for repo in inventory.repositories)
    console.print(
        Text(
            f"{findings} findings in {len(inventory.with_findings)} of "
            f"{len(inventory.repositories) + len(inventory.failures)} repositories; "
            f"{len(inventory.clean)} clean, {len(inventory.failures)} failed"
        )
    )
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"


def _overview(inventory: Inventory) -> Table:
    table = Table(box=box.SIMPLE, pad_edge=False)
    table.add_column("repository", overflow="fold")
    for label in (*LEVELS, "total", "files", "video calls"):
        table.add_column(label, justify="right")
    for provider in PRICED_PROVIDERS:
        table.add_column(f"{provider} $", justify="right")
    ordered = sorted(
        inventory.repositories,
        key=lambda r: (-len(r.report.open_items), display_name(r.repository)),
    )
    for repo in ordered:
        counts = repo.report.counts()
        estimates = repo.site_estimates
        costs = total_cost(estimates)
        name = display_name(repo.repository) + ("" if repo.complete else " (incomplete)")
        table.add_row(
            name,
            *(str(counts[level]) for level in LEVELS),
            str(sum(counts.values())),
            str(len(repo.report.files())),
            str(len(estimates)),
            *("" if costs[p] is None else f"{costs[p]:.2f}" for p in PRICED_PROVIDERS),
        )
    return table
