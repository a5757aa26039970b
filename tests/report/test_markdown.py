"""`--format markdown`: the inventory for a tracking issue or $GITHUB_STEP_SUMMARY."""

from __future__ import annotations

import pytest

from sora_migrate.findings import Confidence
from sora_migrate.report import GateOutcome, render
from sora_migrate.report.markdown import code
from tests.report.sample import RULES, sample_gate, sample_result


def _render(gate: GateOutcome | None = None) -> str:
    return render(
        sample_result(), "markdown", rules=RULES, min_confidence=Confidence.LOW, gate=gate
    )


def test_totals_and_category_table() -> None:
    text = _render()
    assert text.startswith(
        "# Sora migration inventory\n\n"
        "**5 findings** in 4 files (3 high, 1 medium, 1 low confidence, showing low and above). "
        "12 files scanned, 1 skipped, 1 too large, 2 binary.\n"
    )
    assert (
        "| Category | High | Medium | Low | Total |\n"
        "| --- | ---: | ---: | ---: | ---: |\n"
        "| doc-mention | 0 | 0 | 1 | 1 |\n"
        "| env-var | 0 | 1 | 0 | 1 |\n"
        "| model-id | 2 | 0 | 0 | 2 |\n"
        "| sdk-call | 1 | 0 | 0 | 1 |\n"
    ) in text


def test_table_per_category_escapes_pipes_and_backticks() -> None:
    text = _render()
    assert "### doc-mention (1)" in text
    assert "| `README.md` | 4 | low | `doc-mention` | ``Made with `Sora` \\| fast`` |" in text


def test_per_file_checklist_with_notebook_cells() -> None:
    text = _render()
    assert (
        "### `notebooks/explore.ipynb`\n\n"
        "- [ ] L20 (cell 1, line 4) `model-id` (high): Sora model id" in text
    )


def test_skipped_files_and_next_steps_from_rule_hints() -> None:
    text = _render()
    assert (
        "## Skipped files\n\n| File | Reason |\n| --- | --- |\n"
        "| `data/broken.py` | not valid UTF-8 (byte 3) |" in text
    )
    sdk = next(rule for rule in RULES if rule.id == "sdk-call")
    assert "## What to do next" in text
    assert sdk.hint.strip() in text


def test_gate_section() -> None:
    text = _render(gate=sample_gate())
    assert (
        "## Gate\n\n"
        "**❌ gate FAILED: 2 new findings at or above medium, 1 baselined, 2 fixed, "
        "1 suppressed**\n"
        "\nBaseline: `.sora-migrate-baseline.json`\n\n"
        "- fixed: 2 × `sdk-call` in `app/old.py`\n"
        "- unused suppression: `app/worker.py:7` matches no finding; remove it\n"
        "- warning: `app/render.py:9` suppression has no reason; say why after it\n"
    ) in text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param("x = 1", "`x = 1`", id="plain"),
        pytest.param("a`b", "``a`b``", id="inner backtick"),
        pytest.param("`a`", "`` `a` ``", id="edge backticks are padded"),
        pytest.param("a | b\n c", "`a \\| b c`", id="pipes escaped and whitespace folded"),
    ],
)
def test_code_span(raw: str, expected: str) -> None:
    assert code(raw) == expected


def test_no_findings_says_so() -> None:
    text = render(sample_result(), "markdown", rules=RULES, min_confidence=Confidence.HIGH)
    assert "**3 findings**" in text
    empty = sample_result()
    empty.findings = []
    assert "No findings at or above low confidence." in render(
        empty, "markdown", rules=RULES, min_confidence=Confidence.LOW
    )
