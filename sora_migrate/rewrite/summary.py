"""The human summary of a rewrite (stderr): counts, sites left for a person, problems."""

from __future__ import annotations

from sora_migrate.rewrite.report import RewriteReport


def summary_lines(report: RewriteReport, written: bool) -> list[str]:
    """Warnings for skipped or failed files, then the counts and every site left for a person."""
    lines = [
        f"sora-migrate: warning: {outcome.path}: {outcome.status}: {outcome.reason}"
        for outcome in report.problems
    ]
    verb = "rewrote" if written else "would rewrite"
    files = len(report.changed)
    lines.append(
        f"sora-migrate: {verb} {len(report.rewritten)} call sites in {files} "
        f"file{'' if files == 1 else 's'}; {len(report.manual)} left for a person"
    )
    for site in report.manual:
        lines.append(f"  {site.location}: {site.reason}")
    from sora_migrate.rewrite.javascript.vendoring import shim_notes

    return [*lines, *shim_notes(report, written)]
