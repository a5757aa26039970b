"""Refuse to write over uncommitted work: in a git work tree, a file with staged, unstaged or
untracked changes is left alone unless `--force`, so the rewrite is always its own diff.

Uses the real `git` binary; outside a work tree (or without git) nothing is refused.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path


def dirty_files(paths: Iterable[Path]) -> set[Path]:
    """The resolved paths among `paths` that differ from the committed version (HEAD)."""
    if shutil.which("git") is None:
        return set()
    by_top: dict[Path, list[Path]] = {}
    tops: dict[Path, Path | None] = {}
    for path in paths:
        resolved = path.resolve()
        directory = resolved.parent
        if directory not in tops:
            tops[directory] = _toplevel(directory)
        top = tops[directory]
        if top is not None:
            by_top.setdefault(top, []).append(resolved)
    dirty: set[Path] = set()
    for top, files in by_top.items():
        dirty |= _dirty_in(top, files)
    return dirty


def _toplevel(directory: Path) -> Path | None:
    done = _git(directory, "rev-parse", "--show-toplevel")
    if done.returncode != 0:
        return None
    return Path(os.fsdecode(done.stdout).strip()).resolve()


def _dirty_in(top: Path, files: list[Path]) -> set[Path]:
    relative = [os.fspath(path.relative_to(top)) for path in files]
    done = _git(top, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--", *relative)
    if done.returncode != 0:
        return set(files)
    dirty = set()
    for entry in os.fsdecode(done.stdout).split("\0"):
        if len(entry) > 3 and entry[2] == " ":
            dirty.add((top / entry[3:]).resolve())
    return dirty


def _git(cwd: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, check=False, env=_environment()
    )


def _environment() -> dict[str, str]:
    """The caller's environment without variables that would point git at another repository."""
    skip = {"GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"}
    return {key: value for key, value in os.environ.items() if key not in skip}
