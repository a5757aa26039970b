"""`sora-migrate pr`: the rewrite as a branch with one commit and a pull-request body."""

from __future__ import annotations

from pathlib import Path

import typer

from sora_migrate.cli_app import app
from sora_migrate.errors import UserError

PR_HELP = (
    "Rewrite onto the shim in a new branch and write the pull-request body (Markdown).\n\n"
    "The rewrite runs in a temporary git worktree: your checkout is not touched, and a failure "
    "leaves no branch behind. Needs a clean work tree on a branch. Exit codes: 0 (including "
    "'nothing to rewrite'), 2 on a usage or git error."
)


@app.command("pr", help=PR_HELP)
def pr_command(
    path: Path = typer.Argument(Path("."), help="Repository (or a folder inside it)."),
    branch: str = typer.Option("sora-migrate/rewrite", "--branch", help="New branch name."),
    base: str | None = typer.Option(None, "--base", help="Target branch (default: current)."),
    push: bool = typer.Option(False, "--push", help="Push the branch to its remote."),
    open_pr: bool = typer.Option(False, "--open", help="Open the pull request with gh (pushes)."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Print the body; create nothing."),
    body_file: Path | None = typer.Option(None, "--body-file", help="Write the body to FILE."),
    shim_module: str = typer.Option("sora_migrate.shim", "--shim-module", help="Shim import."),
    ts_shim: Path | None = typer.Option(
        None, "--ts-shim", help="Folder of the TypeScript shim (see `rewrite --help`)."
    ),
) -> None:
    from sora_migrate.pull_request.flow import (
        PullRequestPlan,
        echo,
        open_pull_request,
        open_with_gh,
    )
    from sora_migrate.write import write_output_file, write_stdout

    if not path.exists():
        raise UserError(f"{path}: no such file or directory")
    plan = PullRequestPlan(
        path, branch, base, push or open_pr, open_pr, dry_run, shim_module, ts_shim
    )
    result = open_pull_request(plan)
    echo(result.message)
    if body_file is not None:
        write_output_file(body_file, result.body)
        echo(f"wrote the pull-request body to {body_file}")
    else:
        write_stdout(result.body)
    if open_pr and result.commit is not None:
        import os
        import tempfile

        target = body_file
        if target is None:
            # kept until gh has used it: the printed fallback command must still work
            handle, name = tempfile.mkstemp(prefix="sora-migrate-pr-", suffix=".md")
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(result.body)
            target = Path(name)
        message = open_with_gh(result, target, path if path.is_dir() else path.parent)
        if body_file is None and message.startswith("opened"):
            target.unlink(missing_ok=True)
        echo(message)
