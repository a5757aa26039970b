"""`sora-migrate scan`: the inventory of every Sora dependency under the given paths."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from sora_migrate.cli_app import app
from sora_migrate.commands.common import (
    check_format,
    parse_confidence,
    run_configured_scan,
    settings_for,
    write_output,
)
from sora_migrate.findings import Confidence

SCAN_HELP = (
    "Find every Sora dependency: model ids, SDK calls, REST endpoints, webhook events, "
    "environment variables and mentions in docs.\n\n"
    "Exit codes: 0 after a successful scan, whatever it found; 2 on a usage error, a bad "
    "config or rule file, or when nothing could be scanned. Use `sora-migrate check` to fail "
    "a build on findings.\n\n"
    "Include/exclude globs, rules and rule directories also come from .sora-migrate.toml or "
    "[tool.sora-migrate] in pyproject.toml; flags win."
)


@app.command("scan", help=SCAN_HELP)
def scan_command(
    paths: list[Path] = typer.Argument(None, help="Files or directories to scan (default: .)."),
    output_format: str = typer.Option(
        "table", "--format", "-f", help="table, json, sarif, markdown, github or csv."
    ),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write the report to FILE."),
    min_confidence: str = typer.Option(
        "low", "--min-confidence", help="Show findings at or above: low, medium or high."
    ),
    jobs: int | None = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes."),
    shard: str | None = typer.Option(
        None, "--shard", help="Scan only shard K/N of the files (N CI jobs, one tree)."
    ),
    rules: list[Path] = typer.Option(None, "--rules", help="Extra rule directory (repeatable)."),
    include: list[str] = typer.Option(None, "--include", help="Only scan matching globs."),
    exclude: list[str] = typer.Option(None, "--exclude", help="Skip matching globs."),
) -> None:
    from sora_migrate.config import Settings
    from sora_migrate.report import build_report, render

    check_format(output_format)
    threshold = parse_confidence(min_confidence) or Confidence.LOW
    targets = list(paths or [Path(".")])
    flags = Settings(
        include=tuple(include) if include else None,
        exclude=tuple(exclude) if exclude else None,
        rule_dirs=tuple(rules) if rules else None,
    )
    settings = settings_for(targets, flags)
    ignored = [output] if output is not None else []
    result, selected = run_configured_scan(targets, settings, jobs, ignored, shard)
    color = False if output is not None else None
    text = render(result, output_format, rules=selected, min_confidence=threshold, color=color)
    write_output(text, output)
    if output_format != "table" or output is not None:
        report = build_report(result, rules=selected, min_confidence=threshold)
        print(f"sora-migrate: {report.headline()}", file=sys.stderr)
