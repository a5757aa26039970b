"""`--format table`: plain, readable text grouped by file when not writing to a terminal."""

from __future__ import annotations

from sora_migrate.findings import Confidence
from sora_migrate.report import GateOutcome, render
from tests.report.sample import RULES, sample_gate, sample_result


def _render(gate: GateOutcome | None = None) -> str:
    return render(
        sample_result(), "table", rules=RULES, min_confidence=Confidence.LOW, color=False, gate=gate
    )


def test_plain_text_has_no_control_codes_or_trailing_spaces() -> None:
    text = _render()
    assert "\x1b" not in text
    assert all(line == line.rstrip() for line in text.splitlines())
    assert max(len(line) for line in text.splitlines()) <= 100


def test_grouped_by_file_in_order_with_positions_and_snippets() -> None:
    lines = _render().splitlines()
    headers = [
        line
        for line in lines
        if line in ("README.md", "app/render.py", "my dir/.env", "notebooks/explore.ipynb")
    ]
    assert headers == ["README.md", "app/render.py", "my dir/.env", "notebooks/explore.ipynb"]
    text = "\n".join(lines)
    assert "3:1   high         sdk-call   OpenAI Videos API call" in text
    assert "20:52 (cell 1:4)   high" in text
    assert 'client.videos.create(model="sora-2", prompt="x")' in text


def test_summary_by_category_and_confidence() -> None:
    text = _render()
    summary = text[text.index("Summary") :]
    assert " model-id         2        0     0       2" in summary
    assert " total            3        1     1       5" in summary
    assert "Skipped 1 files:\n  data/broken.py: not valid UTF-8 (byte 3)" in text
    assert text.endswith(
        "5 findings in 4 files (3 high, 1 medium, 1 low); 12 files scanned, 1 skipped, "
        "1 too large, 2 binary\n"
    )


def test_gate_details_and_new_marker() -> None:
    text = _render(gate=sample_gate())
    assert "[new]" in text
    assert "warning: app/worker.py:7: suppression matches no finding" in text
    assert "fixed: 2 x sdk-call in app/old.py (baseline can shrink)" in text
    assert "gate FAILED: 2 new findings at or above medium" in text


def test_color_output_uses_ansi_codes() -> None:
    text = render(sample_result(), "table", rules=RULES, min_confidence=Confidence.LOW, color=True)
    assert "\x1b[" in text
