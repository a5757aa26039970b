"""Baselines: record today's findings, fail only on new ones, report fixed ones; matching is on
rule, path and code fingerprint (not line numbers), counted as a multiset."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sora_migrate.errors import ConfigError
from sora_migrate.gate import baseline
from sora_migrate.gate.baseline import BaselineEntry
from tests.gate.helpers import CALL_LINE, SORA_PY, gate_json, statuses, write
from tests.report.sample import CALL, MODEL


def test_round_trip_with_shifted_lines_duplicates_and_fixed_findings(
    run_cli: Any, tmp_path: Path
) -> None:
    app = write(tmp_path / "app.py", SORA_PY)
    base = tmp_path / ".sora-migrate-baseline.json"
    outcome = run_cli("check", str(tmp_path), "--write-baseline", str(base))
    assert outcome.exit_code == 0, outcome.stderr
    assert outcome.stderr == f"sora-migrate: wrote 2 findings (2 entries) to {base}\n"
    entries = json.loads(base.read_text(encoding="utf-8"))["entries"]
    assert [(e["rule_id"], e["path"], e["count"]) for e in entries] == [
        ("model-id", "app.py", 1),
        ("sdk-call", "app.py", 1),
    ]

    def check() -> Any:
        return run_cli("check", str(tmp_path), "--baseline", str(base), "--format", "json")

    clean = check()
    assert clean.exit_code == 0, clean.stderr
    assert statuses(gate_json(clean)) == [
        ("app.py", 3, "sdk-call", "baselined"),
        ("app.py", 3, "model-id", "baselined"),
    ]

    app.write_text("import os\n\n\n" + SORA_PY, encoding="utf-8")
    shifted = check()
    assert shifted.exit_code == 0, shifted.stdout
    assert [line for _, line, _, _ in statuses(gate_json(shifted))] == [6, 6]

    app.write_text(SORA_PY + CALL_LINE, encoding="utf-8")
    duplicated = check()
    assert duplicated.exit_code == 1
    assert statuses(gate_json(duplicated)) == [
        ("app.py", 3, "sdk-call", "baselined"),
        ("app.py", 3, "model-id", "baselined"),
        ("app.py", 4, "sdk-call", "new"),
        ("app.py", 4, "model-id", "new"),
    ]

    app.write_text("print('migrated')\n", encoding="utf-8")
    fixed = check()
    assert fixed.exit_code == 0
    gate = gate_json(fixed)["gate"]
    assert [(e["rule_id"], e["path"], e["count"]) for e in gate["fixed"]] == [
        ("model-id", "app.py", 1),
        ("sdk-call", "app.py", 1),
    ]
    assert "2 fixed" in fixed.stderr


def test_baseline_file_in_the_tree_is_not_scanned(run_cli: Any, tmp_path: Path) -> None:
    write(tmp_path / "app.py", SORA_PY)
    base = tmp_path / "sora-baseline.json"
    run_cli("check", str(tmp_path), "--write-baseline", str(base))
    outcome = run_cli(
        "check",
        str(tmp_path),
        "--baseline",
        str(base),
        "--min-confidence",
        "low",
        "--format",
        "json",
    )
    assert outcome.exit_code == 0
    assert {path for path, _, _, _ in statuses(gate_json(outcome))} == {"app.py"}


def test_match_counts_each_entry_as_a_multiset() -> None:
    entries = [BaselineEntry("sdk-call", CALL.path, CALL.fingerprint, 1)]
    matched = baseline.match([CALL, CALL, MODEL], entries)
    assert matched.baselined == (CALL,)
    assert matched.new == (CALL, MODEL)
    assert matched.fixed == ()


def test_unmatched_counts_are_fixed() -> None:
    entries = [BaselineEntry("sdk-call", CALL.path, CALL.fingerprint, 3)]
    matched = baseline.match([CALL], entries)
    assert matched.fixed == (BaselineEntry("sdk-call", CALL.path, CALL.fingerprint, 2),)


def test_dumps_and_load_round_trip(tmp_path: Path) -> None:
    entries = baseline.entries_for([CALL, MODEL, CALL])
    path = write(tmp_path / "b.json", baseline.dumps(entries))
    assert baseline.load(path) == entries
    assert [e.count for e in entries] == [1, 2]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param("{", "b.json: baseline is not valid JSON (line 1)", id="bad JSON"),
        pytest.param(
            '{"schema_version": 2, "entries": []}',
            "b.json: not a sora-migrate baseline (schema_version must be 1)",
            id="wrong schema version",
        ),
        pytest.param(
            '{"schema_version": 1, "entries": {}}',
            "b.json: baseline 'entries' must be a list",
            id="entries not a list",
        ),
        pytest.param(
            '{"schema_version": 1, "entries": [{"rule_id": "x"}]}',
            "b.json: entries[0] must have exactly the keys count, fingerprint, path, rule_id",
            id="missing keys",
        ),
        pytest.param(
            '{"schema_version": 1, "entries": [{"rule_id": "x", "path": "a", '
            '"fingerprint": "f", "count": 0}]}',
            "b.json: entries[0].count must be a positive integer",
            id="zero count",
        ),
    ],
)
def test_bad_baseline_files_are_one_line_errors(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path / "b.json", text)
    with pytest.raises(ConfigError) as raised:
        baseline.load(path)
    assert str(raised.value) == f"{tmp_path}/{message}"


def test_missing_baseline_exits_2_with_a_hint(run_cli: Any, tmp_path: Path) -> None:
    write(tmp_path / "app.py", SORA_PY)
    outcome = run_cli("check", str(tmp_path), "--baseline", str(tmp_path / "none.json"))
    assert outcome.exit_code == 2
    assert outcome.stderr == (
        f"sora-migrate: error: {tmp_path}/none.json: baseline file not found "
        "(create it with `sora-migrate check --write-baseline FILE`)\n"
    )
