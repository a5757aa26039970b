"""Rewrite pairs: `fixtures/rewrite/<call-kind>/<case>.before.py` (or `.ipynb`) and `.after`.

When a case has no `.after` file, the output must be byte-identical to the input. Every pair
is checked four ways: exact bytes; a second run changes nothing; the output parses; and, when
the expected output defines `run()`, the rewritten module is imported in a fresh interpreter
with `VIDEO_GENERATION_PROVIDER=fake` (and an `openai` stand-in whose `videos` raises) and
`run()` must succeed against the shim's fake provider. The TODO comments in the output must be
exactly the TODOs the report lists, like LibCST's `expected_warnings`.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sora_migrate.rewrite import rewrite_paths
from sora_migrate.rewrite.calls import REWRITERS
from sora_migrate.rewrite.manual import TODO_PREFIX, comment
from tests.rewrite.helpers import (
    FIXTURES,
    REPO,
    PairOutcome,
    after_of,
    assert_matches_after,
    assert_second_run_changes_nothing,
    assert_todos_are_reported,
    case_id,
    install_case,
    rewrite_case,
    write_stub_openai,
)

CASES = sorted(FIXTURES.glob("*/*.before.*"))
RUNNABLE = [
    case
    for case in CASES
    if after_of(case).exists() and "\ndef run(" in after_of(case).read_text(encoding="utf-8-sig")
]


@pytest.fixture(params=CASES, ids=case_id)
def outcome(request: pytest.FixtureRequest, tmp_path: Path) -> PairOutcome:
    return rewrite_case(request.param, tmp_path)


def test_output_matches_the_after_file(outcome: PairOutcome) -> None:
    assert_matches_after(outcome)


def test_second_run_changes_nothing(outcome: PairOutcome) -> None:
    assert_second_run_changes_nothing(outcome)


def test_output_parses(outcome: PairOutcome) -> None:
    text = outcome.path.read_text(encoding="utf-8-sig")
    if outcome.path.suffix == ".ipynb":
        assert json.loads(text)["cells"]
    elif outcome.report.changed or after_of(outcome.before).exists():
        ast.parse(text)


def test_todo_comments_are_the_reported_sites(outcome: PairOutcome) -> None:
    assert_todos_are_reported(outcome, TODO_PREFIX, comment)


@pytest.mark.parametrize("before", RUNNABLE, ids=case_id)
def test_rewritten_module_runs_on_the_fake_provider(before: Path, tmp_path: Path) -> None:
    shim = pytest.importorskip("sora_migrate.shim")
    if not hasattr(shim, "VideoClient"):
        pytest.skip("sora_migrate.shim does not export VideoClient yet")
    path = install_case(before, tmp_path)
    rewrite_paths([path], write=True, force=True, jobs=1)
    stubs = write_stub_openai(tmp_path / "stubs")
    env = {key: value for key, value in os.environ.items() if not key.startswith("OPENAI_")}
    env["VIDEO_GENERATION_PROVIDER"] = "fake"
    env["PYTHONPATH"] = os.pathsep.join([str(stubs), str(tmp_path), str(REPO)])
    code = f"import {path.stem} as m; print(repr(m.run()))"
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() not in ("", "None", "''", "0")


def test_every_call_kind_has_a_fixture_folder() -> None:
    folders = {path.name for path in FIXTURES.iterdir() if path.is_dir()}
    assert set(REWRITERS) <= folders
