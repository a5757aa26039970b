"""`--format github`: GitHub Actions workflow commands that annotate the pull request.

See https://docs.github.com/actions/reference/workflow-commands-for-github-actions. Message
data escapes `%`, CR and LF; property values also escape `:` and `,`. File paths are made
relative to the working directory (the workspace in Actions) when the scanned root is inside it.
"""

from __future__ import annotations

from pathlib import Path

from sora_migrate.findings import Confidence, Finding
from sora_migrate.report.model import Report

LEVELS = {Confidence.HIGH: "error", Confidence.MEDIUM: "warning", Confidence.LOW: "notice"}


def escape_data(text: str) -> str:
    """Escape a workflow command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow command's property value."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **properties: str | int) -> str:
    """One `::level key=value,...::message` line."""
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return (
        f"::{level} {props}::{escape_data(message)}"
        if props
        else f"::{level}::{escape_data(message)}"
    )


def render(report: Report) -> str:
    """One annotation per open finding, skipped file and gate warning, then a summary notice."""
    root = Path(report.result.root)
    lines = [_finding(root, item.finding) for item in report.open_items]
    for skipped in report.result.skipped:
        lines.append(
            command(
                "warning",
                f"not scanned: {skipped.reason}",
                file=_path(root, skipped.path),
                title="sora-migrate file skipped",
            )
        )
    gate = report.gate
    if gate is not None:
        for directive in gate.unused_suppressions:
            lines.append(
                command(
                    "warning",
                    "this suppression matches no finding; remove it",
                    file=_path(root, directive.path),
                    line=directive.line,
                    title="sora-migrate unused suppression",
                )
            )
        for notice in gate.warnings:
            lines.append(
                command(
                    "warning",
                    notice.message,
                    file=_path(root, notice.path),
                    line=notice.line,
                    title="sora-migrate warning",
                )
            )
        for entry in gate.fixed:
            lines.append(
                command(
                    "notice",
                    f"{entry.count} baselined {entry.rule_id} finding(s) fixed; "
                    "tighten the baseline with --write-baseline",
                    file=_path(root, entry.path),
                    title="sora-migrate fixed",
                )
            )
    lines.append(command("notice", f"sora-migrate: {report.headline()}"))
    gate_line = report.gate_line()
    if gate_line is not None:
        lines.append(command("error" if gate is not None and gate.failed else "notice", gate_line))
    return "\n".join(lines) + "\n"


def _finding(root: Path, finding: Finding) -> str:
    return command(
        LEVELS[finding.confidence],
        finding.message,
        file=_path(root, finding.path),
        line=finding.line,
        col=finding.column,
        endLine=finding.end_line,
        endColumn=finding.end_column,
        title=f"sora-migrate {finding.rule_id} ({finding.confidence.label})",
    )


def _path(root: Path, path: str) -> str:
    full = root / path
    try:
        return full.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return full.as_posix()
