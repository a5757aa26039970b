"""`sora-migrate check`: the CI gate. Fails on Sora findings at or above a confidence level that
are not baselined, not suppressed inline and (with --since) on changed lines."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from sora_migrate.cli_app import app
from sora_migrate.commands.common import (
    check_format,
    parse_confidence,
    run_configured_scan,
    settings_for,
    write_output,
)
from sora_migrate.errors import UserError
from sora_migrate.findings import Confidence

if TYPE_CHECKING:
    from sora_migrate.config import Settings
    from sora_migrate.findings import ScanResult
    from sora_migrate.report.model import GateOutcome
    from sora_migrate.rulepack import Rule

CHECK_HELP = (
    "Fail CI while Sora findings remain at or above --min-confidence (default medium).\n\n"
    "Exit codes: 0 when nothing at gate level remains; 1 when gate-level findings remain "
    "(the output lists them); 2 on a usage error, a bad config or baseline, or when nothing "
    "could be scanned. Low-confidence findings are shown but never fail the gate unless "
    "--min-confidence low.\n\n"
    "Settings come from .sora-migrate.toml or [tool.sora-migrate] in pyproject.toml; "
    "flags win."
)


@app.command("check", help=CHECK_HELP)
def check_command(
    paths: list[Path] = typer.Argument(None, help="Files or directories to check (default: .)."),
    min_confidence: str | None = typer.Option(
        None, "--min-confidence", help="Gate level: low, medium or high (default: medium)."
    ),
    baseline: Path | None = typer.Option(
        None, "--baseline", help="Fail only on findings not recorded in this baseline FILE."
    ),
    write_baseline: Path | None = typer.Option(
        None, "--write-baseline", help="Record today's findings in FILE and exit 0."
    ),
    since: str | None = typer.Option(
        None, "--since", help="Only findings on lines changed since the merge-base with REF."
    ),
    output_format: str = typer.Option(
        "table", "--format", "-f", help="table, json, sarif, markdown, github or csv."
    ),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write the report to FILE."),
    include: list[str] = typer.Option(None, "--include", help="Only check matching globs."),
    exclude: list[str] = typer.Option(None, "--exclude", help="Skip matching globs."),
    rules: list[Path] = typer.Option(None, "--rules", help="Extra rule directory (repeatable)."),
    jobs: int | None = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes."),
    shard: str | None = typer.Option(
        None, "--shard", help="Scan only shard K/N of the files (N CI jobs, one tree)."
    ),
) -> None:
    from sora_migrate.config import Settings

    check_format(output_format)
    if write_baseline is not None and since is not None:
        raise UserError("--write-baseline records the whole scan; do not combine it with --since")
    if write_baseline is not None and shard is not None:
        raise UserError("--write-baseline records the whole tree; do not combine it with --shard")
    targets = list(paths or [Path(".")])
    flags = Settings(
        include=tuple(include) if include else None,
        exclude=tuple(exclude) if exclude else None,
        min_confidence=parse_confidence(min_confidence),
        rule_dirs=tuple(rules) if rules else None,
        baseline=baseline,
    )
    settings = settings_for(targets, flags)
    ignored = [path for path in (output, write_baseline, settings.baseline) if path is not None]
    result, selected = run_configured_scan(targets, settings, jobs, ignored, shard)
    if write_baseline is not None:
        _write_baseline(result, selected, write_baseline)
        return
    outcome = _gate(result, settings, selected, since)
    _emit(result, outcome, selected, output_format, output)
    if outcome.failed:
        raise typer.Exit(1)


def _write_baseline(result: ScanResult, selected: tuple[Rule, ...], path: Path) -> None:
    from sora_migrate.gate import baseline
    from sora_migrate.gate.suppressions import apply_directives
    from sora_migrate.write import write_output_file

    applied = apply_directives(result.findings, result.directives, {r.id for r in selected})
    active = [finding for finding in applied.findings if finding.suppressed is None]
    entries = baseline.entries_for(active)
    write_output_file(path, baseline.dumps(entries))
    print(
        f"sora-migrate: wrote {len(active)} findings ({len(entries)} entries) to {path}",
        file=sys.stderr,
    )


def _gate(
    result: ScanResult, settings: Settings, selected: tuple[Rule, ...], since: str | None
) -> GateOutcome:
    from sora_migrate.gate import baseline
    from sora_migrate.gate.outcome import GateInputs, evaluate
    from sora_migrate.gate.since import changed_lines

    entries = baseline.load(settings.baseline) if settings.baseline else None
    if entries is not None and result.shard is not None:
        # another shard reports the rest of the baseline: not "fixed" here
        entries = tuple(entry for entry in entries if result.shard.owns(entry.path))
    inputs = GateInputs(
        threshold=settings.min_confidence or Confidence.MEDIUM,
        known_rules={rule.id for rule in selected},
        baseline=entries,
        baseline_path=str(settings.baseline) if settings.baseline else None,
        changed=changed_lines(Path(result.root), since) if since is not None else None,
        since=since,
    )
    return evaluate(result, inputs)


def _emit(
    result: ScanResult,
    outcome: GateOutcome,
    selected: tuple[Rule, ...],
    output_format: str,
    output: Path | None,
) -> None:
    from sora_migrate.report import build_report, render

    text = render(
        result,
        output_format,
        rules=selected,
        min_confidence=Confidence.LOW,
        gate=outcome,
        color=False if output is not None else None,
    )
    write_output(text, output)
    if output_format != "table" or output is not None:
        report = build_report(result, rules=selected, min_confidence=Confidence.LOW, gate=outcome)
        print(f"sora-migrate: {report.headline()}", file=sys.stderr)
        print(f"sora-migrate: {report.gate_line()}", file=sys.stderr)
