"""Shared helpers for the rewrite tests: fixture cases and a stand-in `openai` package."""

from __future__ import annotations

import difflib
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sora_migrate.rewrite import RewriteReport, rewrite_paths

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "rewrite"
REPO = FIXTURES.parents[1]

# A stand-in for the openai package: clients construct without a key, and touching `videos`
# fails loudly, so a rewritten module that still reaches Sora cannot pass its run.
STUB_OPENAI = """
class _Gone:
    def __getattr__(self, name):
        raise RuntimeError(f"videos.{name} was called: the Sora API is gone")


class OpenAI:
    def __init__(self, *args, **kwargs):
        self.videos = _Gone()


AsyncOpenAI = OpenAI
videos = _Gone()


class OpenAIError(Exception):
    pass


APIError = APIConnectionError = APITimeoutError = RateLimitError = InternalServerError = OpenAIError
"""


def case_id(before: Path) -> str:
    """`create/module_client` for fixtures/rewrite/create/module_client.before.py."""
    return f"{before.parent.name}/{before.name.split('.before')[0]}"


def after_of(before: Path) -> Path:
    """The expected-output file of a case (it may not exist: then nothing may change)."""
    return before.with_name(before.name.replace(".before", ".after"))


def install_case(before: Path, directory: Path) -> Path:
    """Copy a case (and the plain support modules of its folder) into `directory`."""
    for support in before.parent.iterdir():
        if ".before." not in support.name and ".after." not in support.name:
            shutil.copy2(support, directory / support.name)
    target = directory / before.name.replace(".before", "")
    shutil.copy2(before, target)
    return target


def write_stub_openai(directory: Path) -> Path:
    """Write the stand-in openai package under `directory` and return the directory."""
    package = directory / "openai"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(STUB_OPENAI)
    return directory


@dataclass
class PairOutcome:
    """A case rewritten in place: its fixture, the rewritten copy and the report."""

    before: Path
    path: Path
    report: RewriteReport


def rewrite_case(before: Path, directory: Path) -> PairOutcome:
    """Install a case in `directory` and rewrite it with `--write --force`."""
    path = install_case(before, directory)
    return PairOutcome(before, path, rewrite_paths([path], write=True, force=True, jobs=1))


def assert_matches_after(outcome: PairOutcome) -> None:
    """The output equals the `.after` file byte for byte (the input when there is none)."""
    after = after_of(outcome.before)
    expected = (after if after.exists() else outcome.before).read_bytes()
    actual = outcome.path.read_bytes()
    diff = difflib.unified_diff(
        expected.decode("utf-8", "replace").splitlines(True),
        actual.decode("utf-8", "replace").splitlines(True),
        "expected",
        "actual",
    )
    assert actual == expected, "".join(diff)


def assert_second_run_changes_nothing(outcome: PairOutcome) -> None:
    """Rewriting the output again changes no file."""
    first = outcome.path.read_bytes()
    again = rewrite_paths([outcome.path], write=True, force=True, jobs=1)
    assert again.changed == []
    assert outcome.path.read_bytes() == first


def assert_todos_are_reported(
    outcome: PairOutcome, prefix: str, comment: Callable[[str], str]
) -> None:
    """The TODO comment lines in the output are exactly the TODOs the report lists."""
    text = outcome.path.read_text(encoding="utf-8-sig")
    in_file = {line.strip() for line in text.splitlines() if line.strip().startswith(prefix)}
    reported = {comment(site.todo) for site in outcome.report.manual if site.todo}
    assert in_file == reported
