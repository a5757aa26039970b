"""`--format table`: rich text grouped by file, then a summary by category and confidence.

Plain text (no colour, no control codes) unless the report asks for colour, so it reads the same
in a terminal, a CI log or a file.
"""

from __future__ import annotations

from io import StringIO

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from sora_migrate.report.model import Item, Report

STYLES = {"high": "bold red", "medium": "yellow", "low": "dim"}


def render(report: Report) -> str:
    """The whole report as text."""
    buffer = StringIO()
    console = Console(
        file=buffer,
        force_terminal=report.color,
        no_color=not report.color,
        color_system="standard" if report.color else None,
        width=report.width,
        highlight=False,
        emoji=False,
        soft_wrap=False,
    )
    for path, items in report.files().items():
        console.print(Text(path, style="bold underline"))
        console.print(_file_table(items))
    if not report.open_items:
        console.print(Text(f"No findings at or above {report.min_confidence.label} confidence."))
        console.print()
    console.print(_summary_table(report))
    _print_skipped(console, report)
    _print_gate(console, report)
    console.print(Text(report.headline()))
    text = buffer.getvalue()
    if report.color:
        return text
    # rich pads every table row to the console width; plain text should not carry that padding
    return "\n".join(line.rstrip() for line in text.splitlines()) + "\n"


def _file_table(items: list[Item]) -> Table:
    table = Table(box=box.SIMPLE, show_header=True, pad_edge=False, expand=False)
    table.add_column("line:col", justify="right", no_wrap=True)
    table.add_column("confidence", no_wrap=True)
    table.add_column("rule", no_wrap=True)
    table.add_column("finding", overflow="fold")
    for item in items:
        finding = item.finding
        where = f"{finding.line}:{finding.column}"
        if finding.cell is not None:
            where += f" (cell {finding.cell}:{finding.cell_line})"
        label = finding.confidence.label
        detail = Text(finding.message)
        detail.append("\n" + finding.snippet.strip(), style="cyan")
        if item.status == "new":
            detail.append("  [new]", style="bold")
        table.add_row(where, Text(label, style=STYLES[label]), finding.rule_id, detail)
    return table


def _summary_table(report: Report) -> Table:
    table = Table(title="Summary", box=box.SIMPLE, title_justify="left", pad_edge=False)
    table.add_column("category")
    for label in ("high", "medium", "low", "total"):
        table.add_column(label, justify="right")
    totals = {"high": 0, "medium": 0, "low": 0}
    for category, counts in report.by_category().items():
        table.add_row(category, *(str(counts[k]) for k in totals), str(sum(counts.values())))
        for key in totals:
            totals[key] += counts[key]
    table.add_row(
        Text("total", style="bold"), *(str(totals[k]) for k in totals), str(sum(totals.values()))
    )
    return table


def _print_skipped(console: Console, report: Report) -> None:
    skipped = report.result.skipped
    if not skipped:
        return
    console.print(Text(f"Skipped {len(skipped)} files:", style="bold"))
    for entry in skipped:
        console.print(Text(f"  {entry.path}: {entry.reason}"))
    console.print()


def _print_gate(console: Console, report: Report) -> None:
    gate = report.gate
    if gate is None:
        return
    for directive in gate.unused_suppressions:
        console.print(
            Text(f"warning: {directive.path}:{directive.line}: suppression matches no finding")
        )
    for notice in gate.warnings:
        console.print(Text(f"warning: {notice.path}:{notice.line}: {notice.message}"))
    for entry in gate.fixed:
        console.print(
            Text(f"fixed: {entry.count} x {entry.rule_id} in {entry.path} (baseline can shrink)")
        )
    line = report.gate_line()
    if line is not None:
        console.print(Text(line, style="bold red" if gate.failed else "bold green"))
