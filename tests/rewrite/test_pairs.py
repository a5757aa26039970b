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
import difflib
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from sora_migrate.rewrite import RewriteReport, rewrite_paths
from sora_migrate.rewrite.calls import REWRITERS
from sora_migrate.rewrite.manual import TODO_PREFIX, comment
from tests.rewrite.helpers import (
    FIXTURES,
    REPO,
    after_of,
    case_id,
    install_case,
    write_stub_openai,
)

CASES = sorted(FIXTURES.glob("*/*.before.*"))
RUNNABLE = [
    case
    for case in CASES
    if after_of(case).exists() and "\ndef run(" in after_of(case).read_text(encoding="utf-8-sig")
]


@dataclass
class Outcome:
    before: Path
    path: Path
    report: RewriteReport


@pytest.fixture(params=CASES, ids=case_id)
def outcome(request: pytest.FixtureRequest, tmp_path: Path) -> Outcome:
    before: Path = request.param
    path = install_case(before, tmp_path)
    report = rewrite_paths([path], write=True, force=True, jobs=1)
    return Outcome(before, path, report)


def _expected(before: Path) -> bytes:
    after = after_of(before)
    return (after if after.exists() else before).read_bytes()


def test_output_matches_the_after_file(outcome: Outcome) -> None:
    expected, actual = _expected(outcome.before), outcome.path.read_bytes()
    diff = difflib.unified_diff(
        expected.decode("utf-8", "replace").splitlines(True),
        actual.decode("utf-8", "replace").splitlines(True),
        "expected",
        "actual",
    )
    assert actual == expected, "".join(diff)


def test_second_run_changes_nothing(outcome: Outcome) -> None:
    first = outcome.path.read_bytes()
    again = rewrite_paths([outcome.path], write=True, force=True, jobs=1)
    assert again.changed == []
    assert outcome.path.read_bytes() == first


def test_output_parses(outcome: Outcome) -> None:
    text = outcome.path.read_text(encoding="utf-8-sig")
    if outcome.path.suffix == ".ipynb":
        assert json.loads(text)["cells"]
    elif outcome.report.changed or after_of(outcome.before).exists():
        ast.parse(text)


def test_todo_comments_are_the_reported_sites(outcome: Outcome) -> None:
    text = outcome.path.read_text(encoding="utf-8-sig")
    in_file = {line.strip() for line in text.splitlines() if line.strip().startswith(TODO_PREFIX)}
    reported = {comment(site.todo) for site in outcome.report.manual if site.todo}
    assert in_file == reported


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
