"""`--format csv`: one row per finding, for the spreadsheet where migration tracking lives.

The columns are stable (new ones are only ever appended) and the same for `scan`, `check` and
`merge`, so sheets from one repository and from a whole organisation line up:

    repository, commit, path, line, column, end_line, end_column, rule_id, category,
    confidence, status, message, snippet, fingerprint, cell, cell_line, model, seconds, size,
    prompt

`status` is `found` for `scan`, and `new`, `below-gate`, `baselined` or `suppressed` for
`check`. A file that could not be scanned is a row of its own with status `skipped`, its path,
and the reason in `message` (every other cell empty), so no format hides it. Text that a
spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage
return) is prefixed with `'`: a scanned repository must not be able to put a formula into the
sheet of whoever opens the inventory.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

from sora_migrate.findings import Finding, SkippedFile
from sora_migrate.report.model import Report

COLUMNS = (
    "repository",
    "commit",
    "path",
    "line",
    "column",
    "end_line",
    "end_column",
    "rule_id",
    "category",
    "confidence",
    "status",
    "message",
    "snippet",
    "fingerprint",
    "cell",
    "cell_line",
    "model",
    "seconds",
    "size",
    "prompt",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def render(report: Report) -> str:
    """A header row, then one row per finding shown in the report."""
    repository = report.repository()
    rows = [
        row(repository.name, repository.commit, item.finding, item.status) for item in report.items
    ]
    rows += skipped_rows(repository.name, repository.commit, report.result.skipped)
    return write_rows(rows)


def skipped_rows(
    repository: str, commit: str | None, skipped: Iterable[SkippedFile]
) -> list[list[Any]]:
    """One `skipped` row per file that could not be scanned."""
    rows = []
    for entry in skipped:
        cells: list[Any] = [""] * len(COLUMNS)
        cells[:3] = [repository, commit or "", entry.path]
        cells[COLUMNS.index("status")] = "skipped"
        cells[COLUMNS.index("message")] = entry.reason
        rows.append(cells)
    return rows


def row(repository: str, commit: str | None, finding: Finding, status: str) -> list[Any]:
    """One finding as CSV cells in COLUMNS order."""
    args = finding.args
    return [
        repository,
        commit or "",
        finding.path,
        finding.line,
        finding.column,
        finding.end_line,
        finding.end_column,
        finding.rule_id,
        finding.category,
        finding.confidence.label,
        status,
        finding.message,
        finding.snippet,
        finding.fingerprint,
        "" if finding.cell is None else finding.cell,
        "" if finding.cell_line is None else finding.cell_line,
        args.get("model", ""),
        args.get("seconds", ""),
        args.get("size", ""),
        args.get("prompt", ""),
    ]


def write_rows(rows: Iterable[list[Any]]) -> str:
    """The header and `rows` as RFC 4180 CSV (CRLF line ends), text cells made formula-safe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    writer.writerows([_safe(value) for value in cells] for cells in rows)
    return buffer.getvalue()


def _safe(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
