"""`--format csv`: the documented columns, one row per finding, skipped files as rows, text that
a spreadsheet would evaluate made inert."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

from sora_migrate.findings import Confidence
from sora_migrate.report import render
from sora_migrate.report.csv import COLUMNS
from tests.report.sample import CALL, RULES, sample_gate, sample_result


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_columns_are_stable_and_documented() -> None:
    assert COLUMNS == (
        "repository", "commit", "path", "line", "column", "end_line", "end_column", "rule_id",
        "category", "confidence", "status", "message", "snippet", "fingerprint", "cell",
        "cell_line", "model", "seconds", "size", "prompt",
    )  # fmt: skip
    text = render(sample_result(), "csv", rules=RULES, min_confidence=Confidence.LOW)
    assert text.splitlines()[0] == ",".join(COLUMNS)


def test_one_row_per_finding_then_skipped_files() -> None:
    rows = _rows(render(sample_result(), "csv", rules=RULES, min_confidence=Confidence.LOW))
    assert [row["status"] for row in rows] == ["found"] * 5 + ["skipped"]
    call = next(row for row in rows if row["rule_id"] == "sdk-call")
    assert call["path"] == "app/render.py"
    assert (call["line"], call["column"], call["confidence"]) == ("3", "1", "high")
    assert (call["model"], call["prompt"], call["fingerprint"]) == ("sora-2", "x", CALL.fingerprint)
    assert call["repository"] == "project"  # /work/project is not a git work tree
    notebook = next(row for row in rows if row["path"].endswith(".ipynb"))
    assert (notebook["cell"], notebook["cell_line"]) == ("1", "4")
    skipped = rows[-1]
    assert (skipped["path"], skipped["message"]) == ("data/broken.py", "not valid UTF-8 (byte 3)")


def test_check_rows_carry_the_gate_status() -> None:
    text = render(
        sample_result(), "csv", rules=RULES, min_confidence=Confidence.LOW, gate=sample_gate()
    )
    statuses = sorted(row["status"] for row in _rows(text) if row["status"] != "skipped")
    assert statuses == ["baselined", "below-gate", "new", "new", "suppressed"]


def test_formula_like_text_is_prefixed_so_spreadsheets_show_it_as_text() -> None:
    result = sample_result()
    result.findings[0] = replace(result.findings[0], snippet='=HYPERLINK("http://x")')
    result.findings[1] = replace(result.findings[1], snippet="@SUM(A1)", path="-rf.sh")
    rows = _rows(render(result, "csv", rules=RULES, min_confidence=Confidence.LOW))
    snippets = {row["snippet"]: row for row in rows}
    assert '\'=HYPERLINK("http://x")' in snippets
    assert snippets["'@SUM(A1)"]["path"] == "'-rf.sh"
    assert all(row["line"].isdigit() for row in rows if row["status"] == "found")
