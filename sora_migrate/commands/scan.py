"""`sora-migrate scan`: the inventory of every Sora dependency under the given paths."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from sora_migrate.cli_app import app
from sora_migrate.errors import UserError
from sora_migrate.findings import Confidence, ScanResult

FORMAT_HELP = "Output format: table, json, sarif, markdown or github."


@app.command("scan")
def scan_command(
    paths: list[Path] = typer.Argument(None, help="Files or directories to scan (default: .)."),
    output_format: str = typer.Option("table", "--format", "-f", help=FORMAT_HELP),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write the report to FILE."),
    min_confidence: str = typer.Option(
        "low", "--min-confidence", help="Show findings at or above: low, medium or high."
    ),
    jobs: int | None = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes."),
    rules: list[Path] = typer.Option(None, "--rules", help="Extra rule directory (repeatable)."),
    include: list[str] = typer.Option(None, "--include", help="Only scan matching globs."),
    exclude: list[str] = typer.Option(None, "--exclude", help="Skip matching globs."),
) -> None:
    """Find every Sora dependency: model ids, SDK calls, REST endpoints, webhooks, env vars, docs.

    Exit codes: 0 after a successful scan (whatever it found), 2 on a usage error or when
    nothing could be scanned.
    """
    from sora_migrate.options import ScanOptions
    from sora_migrate.report import FORMATS, render
    from sora_migrate.rulepack import load_rules
    from sora_migrate.scan import run_scan
    from sora_migrate.write import write_atomically

    if output_format not in FORMATS:
        raise UserError(f"unknown format {output_format!r} (choose from {', '.join(FORMATS)})")
    try:
        threshold = Confidence.parse(min_confidence)
    except ValueError as error:
        raise UserError(str(error)) from None
    options = ScanOptions(
        include=tuple(include or ()),
        exclude=tuple(exclude or ()),
        rule_dirs=tuple(rules or ()),
        jobs=jobs,
        ignore_paths=(output,) if output else (),
        progress=sys.stderr.isatty(),
    )
    result = run_scan(list(paths or [Path(".")]), options)
    if result.files_scanned == 0:
        raise UserError("nothing could be scanned: no supported files under the given paths")
    text = render(
        result, output_format, rules=load_rules(options.rule_dirs), min_confidence=threshold
    )
    if output is not None:
        write_atomically(output, text)
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    if output_format != "table" or output is not None:
        print(_summary_line(result, threshold), file=sys.stderr)


def _summary_line(result: ScanResult, threshold: Confidence) -> str:
    shown = [f for f in result.findings if f.confidence >= threshold]
    counts = {level: 0 for level in ("high", "medium", "low")}
    for finding in shown:
        counts[finding.confidence.label] += 1
    files = len({finding.path for finding in shown})
    return (
        f"sora-migrate: {len(shown)} findings in {files} files "
        f"({counts['high']} high, {counts['medium']} medium, {counts['low']} low); "
        f"{result.files_scanned} files scanned, {len(result.skipped)} skipped, "
        f"{result.seconds:.2f}s"
    )
