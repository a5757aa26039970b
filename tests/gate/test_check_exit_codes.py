"""`sora-migrate check`: every exit code of the 0/1/2 contract, through the real entry point."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.gate.helpers import CLEAN_PY, SORA_PY, gate_json, statuses, write


def test_clean_tree_exits_0(run_cli: Any, tmp_path: Path) -> None:
    write(tmp_path / "app.py", CLEAN_PY)
    outcome = run_cli("check", str(tmp_path))
    assert outcome.exit_code == 0, outcome.stderr
    assert "gate passed: 0 new findings at or above medium" in outcome.stdout


def test_gate_level_findings_exit_1_and_are_listed(run_cli: Any, tmp_path: Path) -> None:
    write(tmp_path / "app.py", SORA_PY)
    outcome = run_cli("check", str(tmp_path), "--format", "json")
    assert outcome.exit_code == 1
    assert statuses(gate_json(outcome)) == [
        ("app.py", 3, "sdk-call", "new"),
        ("app.py", 3, "model-id", "new"),
    ]
    assert outcome.stderr.splitlines()[-1] == (
        "sora-migrate: gate FAILED: 2 new findings at or above medium, 0 baselined, 0 fixed, "
        "0 suppressed"
    )


def test_low_findings_are_shown_but_never_fail_by_default(run_cli: Any, tmp_path: Path) -> None:
    write(tmp_path / "README.md", "# Demo\n\nTrailers were made with OpenAI Sora.\n")
    outcome = run_cli("check", str(tmp_path), "--format", "json")
    assert outcome.exit_code == 0, outcome.stderr
    assert statuses(gate_json(outcome)) == [("README.md", 3, "doc-mention", "below-gate")]
    assert run_cli("check", str(tmp_path), "--min-confidence", "low").exit_code == 1


def test_high_gate_lets_medium_findings_pass(run_cli: Any, tmp_path: Path) -> None:
    write(tmp_path / ".env", "SORA_API_KEY=\n")
    assert run_cli("check", str(tmp_path)).exit_code == 1
    assert run_cli("check", str(tmp_path), "--min-confidence", "high").exit_code == 0


def test_output_file_gets_the_report_and_is_not_scanned(run_cli: Any, tmp_path: Path) -> None:
    write(tmp_path / "app.py", SORA_PY)
    report = tmp_path / "sora-report.md"
    for _ in range(2):
        outcome = run_cli(
            "check",
            str(tmp_path),
            "--format",
            "markdown",
            "--output",
            str(report),
            "--min-confidence",
            "low",
        )
        assert outcome.exit_code == 1
        assert outcome.stdout == ""
    text = report.read_text(encoding="utf-8")
    assert "**2 findings** in 1 files" in text
    assert "sora-report.md" not in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(
            ("--format", "xml"),
            "unknown format 'xml' (choose from table, json, sarif, markdown, github, csv)",
            id="unknown format",
        ),
        pytest.param(
            ("--min-confidence", "urgent"),
            "--min-confidence: unknown confidence 'urgent' (expected low, medium or high)",
            id="bad confidence",
        ),
        pytest.param(
            ("--write-baseline", "b.json", "--since", "main"),
            "--write-baseline records the whole scan; do not combine it with --since",
            id="write-baseline with since",
        ),
    ],
)
def test_usage_errors_exit_2(
    run_cli: Any, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    write(tmp_path / "app.py", SORA_PY)
    outcome = run_cli("check", str(tmp_path), *args)
    assert outcome.exit_code == 2
    assert outcome.stderr == f"sora-migrate: error: {message}\n"


def test_missing_path_exits_2(run_cli: Any, tmp_path: Path) -> None:
    outcome = run_cli("check", str(tmp_path / "nope"))
    assert outcome.exit_code == 2
    assert outcome.stderr.startswith("sora-migrate: error: ")
    assert "nope" in outcome.stderr


def test_nothing_scannable_exits_2(run_cli: Any, tmp_path: Path) -> None:
    write(tmp_path / "node_modules" / "sora" / "index.js", 'export const m = "sora-2";\n')
    outcome = run_cli("check", str(tmp_path))
    assert outcome.exit_code == 2
    assert outcome.stderr == (
        "sora-migrate: error: nothing could be scanned: no readable files under the given paths\n"
    )


def test_help_states_the_exit_contract(run_cli: Any) -> None:
    outcome = run_cli("check", "--help")
    assert outcome.exit_code == 0
    text = " ".join(outcome.stdout.replace("│", " ").split())
    assert "Exit codes: 0 when nothing at gate level remains; 1 when gate-level findings" in text
    assert "2 on a usage error, a bad config or baseline, or when nothing could be scanned" in text
