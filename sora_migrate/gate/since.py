"""`check --since REF`: which lines changed since the merge-base of REF and HEAD, from real git.

Changed means added or modified in `git diff -U0 <merge-base>` (committed or not) or inside an
untracked file. In a shallow clone (CI checkouts), a missing ref or merge-base is fetched a
bounded number of times; when that is not enough the error names the exact fetch command.
"""

from __future__ import annotations

import ast
import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from sora_migrate.errors import UserError

HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(?P<start>\d+)(?:,(?P<count>\d+))? @@")
DEEPEN_STEPS = (50, 500)
_ENV = {"LC_ALL": "C", "GIT_TERMINAL_PROMPT": "0"}


@dataclass(frozen=True)
class ChangedLines:
    """Changed line ranges per path (POSIX, relative to the work tree); None = whole file."""

    toplevel: Path
    ranges: dict[str, tuple[tuple[int, int], ...] | None]
    base: str

    def touches(self, path: str, start: int, end: int) -> bool:
        """Whether lines start..end (inclusive) of `path` overlap a change."""
        if path not in self.ranges:
            return False
        ranges = self.ranges[path]
        return ranges is None or any(a <= end and start <= b for a, b in ranges)


def changed_lines(directory: Path, ref: str) -> ChangedLines:
    """Lines added or changed since the merge-base of `ref` and HEAD, for the work tree holding
    `directory`."""
    inside = _git(directory, "rev-parse", "--is-inside-work-tree", check=False)
    if inside.stdout.strip() != "true":
        raise UserError(f"--since needs a git work tree, and {directory} is not inside one")
    toplevel = Path(_git(directory, "rev-parse", "--show-toplevel").stdout.strip())
    commit = _resolve(toplevel, ref)
    base = _merge_base(toplevel, ref, commit)
    diff = _git(
        toplevel,
        "-c",
        "core.quotePath=false",
        "diff",
        "-U0",
        "--no-color",
        "--no-ext-diff",
        "--find-renames",
        base,
        "--",
    )
    ranges: dict[str, tuple[tuple[int, int], ...] | None] = dict(parse_diff(diff.stdout))
    untracked = _git(toplevel, "ls-files", "--others", "--exclude-standard", "-z").stdout
    for name in filter(None, untracked.split("\0")):
        ranges[name] = None
    return ChangedLines(toplevel, ranges, base)


def parse_diff(text: str) -> dict[str, tuple[tuple[int, int], ...]]:
    """Added line ranges (inclusive, new-file numbering) per path from `git diff -U0` output."""
    ranges: dict[str, list[tuple[int, int]]] = {}
    current: list[tuple[int, int]] | None = None
    for line in text.splitlines():
        if line.startswith("+++ "):
            target = line[4:]
            current = None if target == "/dev/null" else ranges.setdefault(_strip_b(target), [])
        elif current is not None and (hunk := HUNK.match(line)):
            start = int(hunk["start"])
            count = 1 if hunk["count"] is None else int(hunk["count"])
            if count:
                current.append((start, start + count - 1))
    return {path: tuple(found) for path, found in ranges.items()}


def _strip_b(target: str) -> str:
    if target.startswith('"'):
        # git C-quotes names with control characters, quotes or backslashes
        target = ast.literal_eval("b" + target).decode("utf-8", "surrogateescape")
    return target[2:] if target.startswith("b/") else target


def _resolve(toplevel: Path, ref: str) -> str:
    commit = _rev(toplevel, ref)
    if commit is None and _has_origin(toplevel):
        _fetch(toplevel, *_fetch_spec(ref))
        commit = _rev(toplevel, ref) or _rev(toplevel, "FETCH_HEAD")
    if commit is None:
        fetch = " ".join(("git", "fetch", *_fetch_spec(ref)))
        raise UserError(
            f"--since: git ref {ref!r} does not exist in {toplevel}",
            f"check the name, or fetch it first: {fetch}",
        )
    return commit


def _merge_base(toplevel: Path, ref: str, commit: str) -> str:
    probe = _git(toplevel, "rev-parse", "--is-shallow-repository", check=False)
    shallow = probe.stdout.strip() == "true"
    steps = DEEPEN_STEPS if shallow and _has_origin(toplevel) else ()
    for depth in (None, *steps):
        if depth is not None:
            _fetch(toplevel, f"--deepen={depth}", "origin")
            _fetch(toplevel, f"--deepen={depth}", *_fetch_spec(ref))
        found = _git(toplevel, "merge-base", commit, "HEAD", check=False)
        if found.returncode == 0:
            return found.stdout.strip()
    if shallow:
        raise UserError(
            f"--since: no merge-base of {ref!r} and HEAD in this shallow clone",
            "fetch more history: git fetch --unshallow origin "
            "(in GitHub Actions: actions/checkout with fetch-depth: 0)",
        )
    raise UserError(f"--since: {ref!r} and HEAD have no common ancestor")


def _fetch_spec(ref: str) -> tuple[str, ...]:
    if ref.startswith("origin/"):
        branch = ref.removeprefix("origin/")
        return ("--no-tags", "origin", f"+refs/heads/{branch}:refs/remotes/origin/{branch}")
    return ("--no-tags", "origin", ref)


def _rev(toplevel: Path, ref: str) -> str | None:
    found = _git(toplevel, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", check=False)
    return found.stdout.strip() if found.returncode == 0 else None


def _has_origin(toplevel: Path) -> bool:
    return _git(toplevel, "remote", "get-url", "origin", check=False).returncode == 0


def _fetch(toplevel: Path, *args: str) -> None:
    # a failed fetch is not fatal here: the caller re-checks and explains what is missing
    _git(toplevel, "fetch", "--quiet", *args, check=False)


def _git(directory: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    try:
        done = subprocess.run(
            ["git", *args],
            cwd=directory,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="surrogateescape",
            env={**os.environ, **_ENV},
            check=False,
        )
    except FileNotFoundError:
        raise UserError("--since needs the git binary on PATH") from None
    except NotADirectoryError:
        raise UserError(f"--since: {directory} is not a directory") from None
    if check and done.returncode != 0:
        detail = done.stderr.strip().splitlines()[-1:] or [f"exit code {done.returncode}"]
        raise UserError(f"git {' '.join(args)} failed: {detail[0]}")
    return done
