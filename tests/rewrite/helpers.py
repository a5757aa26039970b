"""Shared helpers for the rewrite tests: fixture cases and a stand-in `openai` package."""

from __future__ import annotations

import shutil
from pathlib import Path

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
