"""Generated git repositories for fleet tests, made cheaply: each is a bare repository written by
one `git fast-import` (two git calls per repository, no work tree, no index)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from tests.gate.helpers import GIT_ENV

SORA_PY = (
    "from openai import OpenAI\n\nclient = OpenAI()\n\n\n"
    "def render(prompt: str) -> str:\n"
    '    video = client.videos.create_and_poll(model="sora-2", prompt=prompt, seconds="8")\n'
    "    return video.id\n"
)
SORA_ENV = "SORA_API_KEY=\nOPENAI_VIDEO_MODEL=sora-2-pro\n"
CLEAN_PY = "def add(a: int, b: int) -> int:\n    return a + b\n"
README = "# Service\n\nRenders thumbnails with Pillow.\n"


def _git(*args: str, stdin: bytes | None = None) -> str:
    done = subprocess.run(
        ["git", "-c", "init.defaultBranch=main", *args],
        input=stdin,
        capture_output=True,
        env={**os.environ, **GIT_ENV},
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()
    return done.stdout.decode().strip()


def _blob(text: str) -> bytes:
    data = text.encode("utf-8")
    return b"data %d\n%s\n" % (len(data), data)


def commit(repo: Path, files: dict[str, str | None], branch: str = "main", tick: int = 0) -> str:
    """Commit `files` (None deletes a path) on `branch` of the bare repository, on top of the
    branch when it exists; the new commit's id."""
    exists = (repo / "refs" / "heads" / branch).exists() or _has_packed(repo, branch)
    stream = [
        f"commit refs/heads/{branch}\n".encode(),
        f"committer t <t@example.com> {1_700_000_000 + tick} +0000\n".encode(),
        _blob(f"change {tick}"),
    ]
    if exists:
        stream.append(f"from refs/heads/{branch}^0\n".encode())
    for path, text in sorted(files.items()):
        if text is None:
            stream.append(f"D {path}\n".encode())
        else:
            stream += [f"M 100644 inline {path}\n".encode(), _blob(text)]
    _git(
        "--git-dir",
        str(repo),
        "-c",
        "fastimport.unpackLimit=0",
        "-c",
        "core.fsync=none",
        "fast-import",
        "--quiet",
        stdin=b"".join(stream),
    )
    return _git("--git-dir", str(repo), "rev-parse", f"refs/heads/{branch}")


def _has_packed(repo: Path, branch: str) -> bool:
    packed = repo / "packed-refs"
    return packed.exists() and f"refs/heads/{branch}" in packed.read_text()


def bare_repo(path: Path, files: dict[str, str | None]) -> tuple[Path, str]:
    """A new bare repository at `path` holding `files` on main, and its commit. The layout
    `git init --bare` would make is written directly (no hooks, no templates): one git call."""
    for folder in ("objects", "refs/heads", "refs/tags"):
        (path / folder).mkdir(parents=True)
    (path / "HEAD").write_text("ref: refs/heads/main\n")
    (path / "config").write_text("[core]\n\trepositoryformatversion = 0\n\tbare = true\n")
    return path, commit(path, files)
