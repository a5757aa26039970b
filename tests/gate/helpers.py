"""Helpers for gate tests: files the scanner really flags, and real temporary git repositories."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

from tests.conftest import CliOutcome

# high-confidence sdk-call (line 3) and model-id (line 3)
CALL_LINE = 'client.videos.create(model="sora-2", prompt="x")\n'
SORA_PY = "from openai import OpenAI\nclient = OpenAI()\n" + CALL_LINE
CLEAN_PY = "print('hello')\n"
GIT_ENV = {
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.com",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.com",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
}


def git(cwd: Path, *args: str) -> str:
    """Run git with a fixed identity and no user configuration; fail loudly."""
    done = subprocess.run(
        ["git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, **GIT_ENV},
        check=False,
    )
    assert done.returncode == 0, f"git {' '.join(args)}: {done.stderr}"
    return done.stdout


def init_repo(path: Path) -> Path:
    """An empty git repository at `path`."""
    path.mkdir(parents=True, exist_ok=True)
    git(path, "init", "-q")
    return path


def commit_all(repo: Path, message: str) -> None:
    """Stage everything and commit."""
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def write(path: Path, text: str) -> Path:
    """Write a file, creating folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def gate_json(outcome: CliOutcome) -> dict[str, Any]:
    """Parse `check --format json` output, showing stderr when it is not JSON."""
    assert outcome.stdout.startswith("{"), outcome.stderr
    data: dict[str, Any] = json.loads(outcome.stdout)
    return data


def statuses(data: dict[str, Any]) -> list[tuple[str, int, str, str]]:
    """(path, line, rule, status) of every finding in a JSON report."""
    return [(f["path"], f["line"], f["rule_id"], f["status"]) for f in data["findings"]]
