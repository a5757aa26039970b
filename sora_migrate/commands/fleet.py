"""`sora-migrate fleet`: fetch and scan many repositories on one machine, one inventory."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from sora_migrate.cli_app import app
from sora_migrate.commands.common import write_output
from sora_migrate.errors import UserError

FLEET_HELP = (
    "Scan every repository listed in REPOS_FILE (one git URL or local path per line, optional "
    "@ref, # comments) and write the merged inventory. Each repository is cloned shallowly "
    "into the cache folder, and updated there on the next run, with your own git and "
    "credentials (prompts are off, so a missing credential fails that repository only). A "
    "local folder that is not a git repository is scanned in place. A repository's config "
    "file applies, except its rule-dirs, which are never loaded.\n\n"
    "Exit codes: 0 when every repository was scanned; 1 when some could not be fetched or "
    "scanned (they are listed with the reason, and the inventory covers the rest); 2 on a "
    "usage error."
)


@app.command("fleet", help=FLEET_HELP)
def fleet_command(
    repos_file: Path = typer.Argument(..., help="The repository list."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Repositories handled at once."),
    cache: Path | None = typer.Option(
        None, "--cache", help="Checkout folder (default: ~/.cache/sora-migrate/fleet)."
    ),
    reports: Path | None = typer.Option(
        None, "--reports", help="Also keep each repository's JSON report in this folder."
    ),
    output_format: str = typer.Option(
        "table", "--format", "-f", help="table, json, markdown, sarif or csv."
    ),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write the inventory to FILE."),
    timeout: float = typer.Option(
        600, "--timeout", min=1, help="Seconds each git command may take."
    ),
) -> None:
    from sora_migrate.inventory.fleet import FleetOptions, Outcome, default_cache, run_fleet
    from sora_migrate.inventory.render import FORMATS, render
    from sora_migrate.inventory.repos_file import read_repos_file

    if output_format not in FORMATS:
        raise UserError(f"unknown format {output_format!r} (choose from {', '.join(FORMATS)})")
    specs = read_repos_file(repos_file)
    done = 0

    def progress(outcome: Outcome) -> None:
        nonlocal done
        done += 1
        what = "scanned" if outcome.reason is None else f"failed: {outcome.reason}"
        print(f"sora-migrate: [{done}/{len(specs)}] {outcome.spec.name}: {what}", file=sys.stderr)

    options = FleetOptions(cache or default_cache(), jobs, timeout, reports)
    inventory = run_fleet(specs, options, progress if sys.stderr.isatty() else None)
    write_output(render(inventory, output_format), output)
    for warning in inventory.warnings:
        print(f"sora-migrate: warning: {warning}", file=sys.stderr)
    for failure in inventory.failures:
        print(f"sora-migrate: failed: {failure.name}: {failure.reason}", file=sys.stderr)
    print(
        f"sora-migrate: {len(inventory.repositories)} repositories scanned "
        f"({len(inventory.with_findings)} with findings, {len(inventory.clean)} clean), "
        f"{len(inventory.failures)} failed",
        file=sys.stderr,
    )
    if inventory.failures:
        raise typer.Exit(1)
