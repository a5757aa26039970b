"""TS/JS rewrite pairs: `fixtures/rewrite/ts/<call-shape>/<case>.before.<ext>` and `.after.<ext>`.

A case without an `.after` file must come out byte-identical. Every pair is checked like the
Python pairs: exact bytes; a second run changes nothing; the output parses (tree-sitter, no
error nodes); and the TODO comments in the output are exactly the TODOs the report lists.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sora_migrate.rewrite.javascript.source import Source
from sora_migrate.rewrite.javascript.todos import TODO_PREFIX, comment
from tests.rewrite.helpers import (
    FIXTURES,
    PairOutcome,
    after_of,
    assert_matches_after,
    assert_second_run_changes_nothing,
    assert_todos_are_reported,
    rewrite_case,
)

TS_FIXTURES = FIXTURES / "ts"
CASES = sorted(TS_FIXTURES.glob("*/*.before.*"))


def case_id(before: Path) -> str:
    return f"{before.parent.name}/{before.name}"


def vendor_placeholder(directory: Path) -> None:
    """Mark the default shim folder as vendored (the rewrite itself only needs it to exist)."""
    (directory / "video_shim").mkdir()
    (directory / "video_shim" / "index.ts").write_text("export {};\n")


@pytest.fixture(params=CASES, ids=case_id)
def outcome(request: pytest.FixtureRequest, tmp_path: Path) -> PairOutcome:
    vendor_placeholder(tmp_path)
    return rewrite_case(request.param, tmp_path)


def test_output_matches_the_after_file(outcome: PairOutcome) -> None:
    assert_matches_after(outcome)


def test_second_run_changes_nothing(outcome: PairOutcome) -> None:
    assert_second_run_changes_nothing(outcome)


def test_output_parses(outcome: PairOutcome) -> None:
    if not after_of(outcome.before).exists():
        return
    data = outcome.path.read_bytes().removeprefix(b"\xef\xbb\xbf")
    assert not Source(outcome.path.name, data).root.has_error


def test_todo_comments_are_the_reported_sites(outcome: PairOutcome) -> None:
    assert_todos_are_reported(outcome, TODO_PREFIX, comment)


def test_every_rewritten_call_shape_has_a_fixture_folder() -> None:
    from sora_migrate.rewrite.javascript.calls import REWRITTEN_METHODS

    folders = {path.name for path in TS_FIXTURES.iterdir() if path.is_dir()}
    assert REWRITTEN_METHODS | {"delete", "manual"} <= folders


def test_fixtures_cover_typescript_and_javascript_esm_and_commonjs() -> None:
    suffixes = {case.suffix for case in CASES}
    assert {".ts", ".tsx", ".mts", ".js", ".mjs", ".cjs"} <= suffixes
    changed = [case for case in CASES if after_of(case).exists()]
    assert any("require(" in after_of(case).read_text() for case in changed)
    assert any("\nimport " in after_of(case).read_text() for case in changed)
