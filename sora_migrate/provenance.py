"""Where a report comes from: the repository (name, remote, commit, scanned folder inside it) and
the rule set that produced it, so reports of many repositories or shards can be merged.

Git is asked through the user's own `git` (nothing talks to a hosting API); a folder outside a
git work tree, or a machine without git, gives a name from the folder and no remote or commit.
Credentials written into a remote URL (`https://user:token@host/...`) are never recorded.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from sora_migrate.rulepack import Rule

GIT_TIMEOUT = 10


@dataclass(frozen=True)
class Repository:
    """The repository a scan covered. `path` is the scanned folder relative to the work tree's
    top ("" for the top itself)."""

    name: str
    remote: str | None = None
    commit: str | None = None
    path: str = ""

    def to_dict(self) -> dict[str, str | None]:
        """The JSON form (`repository` in the report)."""
        return {"name": self.name, "remote": self.remote, "commit": self.commit, "path": self.path}


def describe_repository(root: Path) -> Repository:
    """The repository holding `root`, from git; the folder's name when git knows nothing."""
    top = _git(root, "rev-parse", "--show-toplevel")
    if top is None:
        return Repository(name=root.name or str(root))
    toplevel = Path(top)
    try:
        path = root.resolve().relative_to(toplevel.resolve()).as_posix()
    except ValueError:
        path = ""
    remote = _git(root, "config", "--get", "remote.origin.url")
    clean = public_url(remote) if remote else None
    return Repository(
        name=name_from_url(clean) if clean else toplevel.name,
        remote=clean,
        commit=_git(root, "rev-parse", "-q", "--verify", "HEAD^{commit}"),
        path="" if path == "." else path,
    )


def public_url(url: str) -> str:
    """`url` without a user name or password (`https://x:token@host/a` -> `https://host/a`)."""
    if "://" not in url:
        return url  # scp-like `git@host:org/repo` or a path: no secret to hide
    parts = urlsplit(url)
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))


def name_from_url(url: str) -> str:
    """A short repository name: `org/repo` for a hosted URL, the folder name for a path."""
    if url.startswith("file://") or ("://" not in url and ":" not in url.split("/")[0]):
        path = urlsplit(url).path if url.startswith("file://") else url
        tail = path.rstrip("/\\").replace("\\", "/").rsplit("/", 1)[-1]
        return tail.removesuffix(".git") or url
    path = urlsplit(url).path if "://" in url else url.split(":", 1)[1]
    path = path.strip("/").removesuffix(".git")
    return path or url


def ruleset_version(rules: Sequence[Rule]) -> str:
    """A digest of what the rules match (id, category, confidence, languages, matcher): it
    changes when a rule is added, removed or changed, not when its wording or examples do."""
    canonical = [
        [
            rule.id,
            rule.category,
            rule.confidence.label,
            list(rule.languages),
            rule.builtin,
            rule.regex.pattern if rule.regex is not None else None,
        ]
        for rule in sorted(rules, key=lambda rule: rule.id)
    ]
    return hashlib.sha256(json.dumps(canonical).encode()).hexdigest()[:12]


def _git(cwd: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(cwd), *args],
            capture_output=True,
            text=True,
            timeout=GIT_TIMEOUT,
            env={**os.environ, "GIT_TERMINAL_PROMPT": "0"},
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    output = done.stdout.strip()
    return output if done.returncode == 0 and output else None
