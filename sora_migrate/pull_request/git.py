"""A thin wrapper over the real `git` binary: argument lists, no shell, one-line errors."""

from __future__ import annotations

import subprocess
from pathlib import Path

from sora_migrate.errors import UserError


class Git:
    """git commands run in one work tree."""

    def __init__(self, path: Path) -> None:
        self.path = path if path.is_dir() else path.parent

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        """Run `git ARGS`; a failure becomes a UserError quoting git's first line."""
        try:
            done = subprocess.run(
                ["git", *args], cwd=self.path, capture_output=True, text=True, check=False
            )
        except FileNotFoundError:
            raise UserError("git is not installed (the pr command runs the real git)") from None
        if check and done.returncode != 0:
            message = (done.stderr or done.stdout).strip().splitlines()
            raise UserError(f"git {args[0]} failed: {message[0] if message else done.returncode}")
        return done

    def toplevel(self) -> Path:
        """The work tree's top folder (a clear error outside a git work tree)."""
        done = self.run("rev-parse", "--show-toplevel", check=False)
        if done.returncode != 0:
            raise UserError(f"{self.path}: not inside a git work tree")
        return Path(done.stdout.strip())

    def current_branch(self) -> str | None:
        """The checked-out branch, or None on a detached HEAD."""
        done = self.run("symbolic-ref", "--quiet", "--short", "HEAD", check=False)
        return done.stdout.strip() or None

    def dirty_paths(self) -> list[str]:
        """Files with uncommitted changes, untracked ones included."""
        done = self.run("status", "--porcelain", "--untracked-files=all")
        return [line[3:] for line in done.stdout.splitlines() if line.strip()]

    def branch_exists(self, name: str) -> bool:
        """Whether a local branch of that name exists."""
        return (
            self.run(
                "show-ref", "--verify", "--quiet", f"refs/heads/{name}", check=False
            ).returncode
            == 0
        )

    def ref_exists(self, ref: str) -> bool:
        """Whether `ref` names a commit (a local or remote branch, a tag, a sha)."""
        done = self.run("rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", check=False)
        return done.returncode == 0

    def remote_for(self, branch: str) -> str | None:
        """The remote the base branch tracks, else `origin` if it exists."""
        tracked = self.run("config", f"branch.{branch}.remote", check=False).stdout.strip()
        if tracked:
            return tracked
        remotes = self.run("remote").stdout.split()
        return "origin" if "origin" in remotes else None
