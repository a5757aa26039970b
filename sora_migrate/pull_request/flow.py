"""The pull-request flow. The rewrite runs in a temporary `git worktree` on the new branch, so
the user's checkout is never touched and a failure at any step removes the worktree and the
branch: no half-made branch is ever left behind. `--dry-run` does the same on a detached
worktree and keeps nothing."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from sora_migrate.errors import UserError
from sora_migrate.pull_request.git import Git

DEFAULT_BRANCH = "sora-migrate/rewrite"


@dataclass(frozen=True)
class PullRequestPlan:
    """What the user asked for."""

    path: Path
    branch: str = DEFAULT_BRANCH
    base: str | None = None
    push: bool = False
    open: bool = False
    dry_run: bool = False
    shim_module: str = "sora_migrate.shim"
    ts_shim: Path | None = None


@dataclass(frozen=True)
class PullRequestResult:
    """What the flow did: the body, and the branch and commit unless nothing changed."""

    body: str
    title: str
    branch: str | None
    base: str
    commit: str | None
    pushed_to: str | None
    message: str


def open_pull_request(plan: PullRequestPlan) -> PullRequestResult:
    """Create the branch and commit (and push / open), or explain why nothing was made."""
    git = Git(plan.path)
    top = git.toplevel()
    if plan.ts_shim is not None and not plan.ts_shim.resolve().is_relative_to(top):
        raise UserError(f"--ts-shim {plan.ts_shim} is outside the repository {top}")
    base = _check_repository(git, plan)
    scratch = Path(tempfile.mkdtemp(prefix="sora-migrate-pr-"))
    worktree = scratch / "tree"
    made_branch = False
    try:
        if plan.dry_run:
            git.run("worktree", "add", "--detach", str(worktree), "HEAD")
        else:
            git.run("worktree", "add", "-b", plan.branch, str(worktree), "HEAD")
            made_branch = True
        result = _rewrite_and_commit(Git(worktree), worktree, top, plan, base)
        if result.commit is None and made_branch:
            _drop_branch(git, worktree, plan.branch)
            made_branch = False
    except BaseException:
        if made_branch:
            _drop_branch(git, worktree, plan.branch)
        raise
    finally:
        git.run("worktree", "remove", "--force", str(worktree), check=False)
        git.run("worktree", "prune", check=False)
        shutil.rmtree(scratch, ignore_errors=True)
    if result.commit is not None and plan.push:
        result = _push(git, result)
    return result


def _check_repository(git: Git, plan: PullRequestPlan) -> str:
    if plan.base is not None and not git.ref_exists(plan.base):
        raise UserError(f"--base {plan.base!r} is not a branch or ref of this repository")
    current = git.current_branch()
    if current is None:
        raise UserError("HEAD is detached: check out the branch the pull request should target")
    dirty = git.dirty_paths()
    if dirty:
        listed = ", ".join(dirty[:3]) + (" ..." if len(dirty) > 3 else "")
        raise UserError(f"the work tree has uncommitted changes ({listed}): commit or stash them")
    if not plan.dry_run and git.branch_exists(plan.branch):
        raise UserError(f"branch {plan.branch!r} already exists: delete it or pass --branch NAME")
    return plan.base or current


def _rewrite_and_commit(
    tree_git: Git, worktree: Path, top: Path, plan: PullRequestPlan, base: str
) -> PullRequestResult:
    from sora_migrate.config import options_for_paths
    from sora_migrate.pull_request.body import render_body, title
    from sora_migrate.pull_request.costs import site_costs
    from sora_migrate.rewrite import rewrite_paths
    from sora_migrate.scan import run_scan

    target = (
        worktree / plan.path.resolve().relative_to(top) if plan.path.resolve() != top else worktree
    )
    ts_shim = worktree / plan.ts_shim.resolve().relative_to(top) if plan.ts_shim else None
    options = options_for_paths([target])  # the branch's own config, as `scan` reads it
    report = rewrite_paths(
        [target],
        shim_module=plan.shim_module,
        write=True,
        force=True,
        ts_shim=ts_shim,
        options=options,
    )
    assert report.inventory is not None
    before = report.inventory
    # the vendored TypeScript shim names Sora itself (fromSora): it is not a Sora use left
    shims = tuple(f"/{Path(os.path.relpath(f, before.root)).as_posix()}/" for f in report.vendored)
    after = run_scan([target], replace(options, jobs=1, exclude=(*options.exclude, *shims)))
    body = render_body(before, after, report, site_costs(report.rewritten))
    subject = title(report)
    changed = [outcome.path for outcome in report.changed]
    if not changed or not report.rewritten:
        message = "nothing to rewrite: no call site could be moved onto the shim"
        if changed:
            message += f" ({len(report.manual)} left for a person: run `sora-migrate rewrite`)"
        return PullRequestResult(body, subject, None, base, None, None, message)
    if plan.dry_run:
        message = f"dry run: would commit {_files(len(changed))} on {plan.branch!r}"
        return PullRequestResult(body, subject, None, base, None, None, message)
    # finding paths are relative to the scan root: the folder itself, or a file's folder
    prefix = (target if target.is_dir() else target.parent).relative_to(worktree)
    files = [str(prefix / path) for path in changed]
    files += [str(folder.relative_to(worktree)) for folder in report.vendored]
    tree_git.run("add", "--", *files)
    commit_message = f"{subject}\n\nRewritten by sora-migrate pr:\n" + "".join(
        f"- {f}\n" for f in files
    )
    tree_git.run("commit", "-q", "-m", commit_message)
    commit = tree_git.run("rev-parse", "HEAD").stdout.strip()
    message = f"committed {_files(len(files))} on branch {plan.branch!r} ({commit[:12]})"
    return PullRequestResult(body, subject, plan.branch, base, commit, None, message)


def _files(count: int) -> str:
    return f"{count} file{'s' if count != 1 else ''}"


def _drop_branch(git: Git, worktree: Path, branch: str) -> None:
    git.run("worktree", "remove", "--force", str(worktree), check=False)
    git.run("branch", "-D", branch, check=False)


def _push(git: Git, result: PullRequestResult) -> PullRequestResult:
    assert result.branch is not None
    remote = git.remote_for(result.base)
    if remote is None:
        raise UserError(
            f"no remote to push to: add one (git remote add origin URL), then run "
            f"git push --set-upstream origin {result.branch}"
        )
    done = git.run("push", "--set-upstream", remote, result.branch, check=False)
    if done.returncode != 0:
        reason = (done.stderr.strip().splitlines() or ["push failed"])[-1]
        raise UserError(
            f"pushing {result.branch!r} to {remote} failed ({reason}); the branch is ready: "
            f"git push --set-upstream {remote} {result.branch}"
        )
    return PullRequestResult(
        result.body,
        result.title,
        result.branch,
        result.base,
        result.commit,
        remote,
        f"{result.message}; pushed to {remote}",
    )


def open_with_gh(result: PullRequestResult, body_file: Path, cwd: Path) -> str:
    """Open the pull request with `gh` when it is installed and logged in, else say how."""
    import subprocess

    command = [
        "gh",
        "pr",
        "create",
        "--base",
        result.base,
        "--head",
        result.branch or "",
        "--title",
        result.title,
        "--body-file",
        str(body_file),
    ]
    printable = " ".join(_quote(part) for part in command)
    gh = shutil.which("gh")
    if gh is None:
        return f"gh is not installed; open the pull request with: {printable}"
    if subprocess.run([gh, "auth", "status"], cwd=cwd, capture_output=True, check=False).returncode:
        return f"gh is not logged in (gh auth login); then run: {printable}"
    done = subprocess.run([gh, *command[1:]], cwd=cwd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise UserError(f"gh pr create failed: {(done.stderr or done.stdout).strip()[:200]}")
    return f"opened {done.stdout.strip()}"


def _quote(part: str) -> str:
    import shlex

    return shlex.quote(part)


def echo(message: str) -> None:
    """A progress line on stderr."""
    print(f"sora-migrate: {message}", file=sys.stderr)
