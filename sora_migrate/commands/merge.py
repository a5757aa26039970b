"""`sora-migrate merge`: one inventory from the JSON reports of many repositories, or of the
shards of one tree."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from sora_migrate.cli_app import app
from sora_migrate.commands.common import write_output
from sora_migrate.errors import UserError

MERGE_HELP = (
    "Merge `scan`/`check --format json` reports (of many repositories, or the --shard K/N "
    "reports of one tree) into one inventory: per repository its totals by category and "
    "confidence, the files with the most findings, the estimated provider cost of its video "
    "calls, and which repositories are clean. A folder stands for every *.json under it.\n\n"
    "Reports from different tool or rule versions are merged with a warning; a file that is "
    "not a sora-migrate report, a duplicate shard or shards of different commits are errors "
    "(exit 2)."
)


@app.command("merge", help=MERGE_HELP)
def merge_command(
    reports: list[Path] = typer.Argument(..., help="JSON reports, or folders holding them."),
    output_format: str = typer.Option(
        "table", "--format", "-f", help="table, json, markdown, sarif or csv."
    ),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write the inventory to FILE."),
) -> None:
    from sora_migrate.inventory.merge import merge_files
    from sora_migrate.inventory.render import FORMATS, render

    if output_format not in FORMATS:
        raise UserError(f"unknown format {output_format!r} (choose from {', '.join(FORMATS)})")
    inventory = merge_files(report_files(reports, output))
    for warning in inventory.warnings:
        print(f"sora-migrate: warning: {warning}", file=sys.stderr)
    write_output(render(inventory, output_format), output)


def report_files(paths: list[Path], output: Path | None) -> list[Path]:
    """The report files named, folders expanded to their *.json files (sorted); the output
    file is never an input."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*.json") if p.is_file())
            if not found:
                raise UserError(f"{path}: no *.json reports in this folder")
            files += found
        elif path.exists():
            files.append(path)
        else:
            raise UserError(f"{path}: no such file or directory")
    if output is not None:
        files = [file for file in files if file.resolve() != output.resolve()]
    if not files:
        raise UserError("no reports to merge (the --output file is never an input)")
    return files
