"""`sora-migrate rewrite`: move Python and TS/JS Sora call sites onto the provider shims.

Without `--write` the unified diff goes to stdout and the exit code says whether anything
would change (1) or not (0). With `--write` the files are replaced atomically and a summary
goes to stderr; exit 0, or 1 when a changed file had to be left alone (uncommitted changes,
or a rewrite that failed its checks).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import typer

from sora_migrate.cli_app import app
from sora_migrate.errors import UserError

DOTTED = re.compile(r"[A-Za-z_]\w*(\.[A-Za-z_]\w*)*")


@app.command("rewrite")
def rewrite_command(
    paths: list[Path] = typer.Argument(None, help="Files or directories (default: .)."),
    write: bool = typer.Option(False, "--write", help="Apply the changes instead of a diff."),
    shim_module: str = typer.Option(
        "sora_migrate.shim", "--shim-module", help="Import the shim from MODULE (a vendored copy)."
    ),
    force: bool = typer.Option(
        False, "--force", help="Also write files with uncommitted git changes."
    ),
    jobs: int | None = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes."),
    ts_shim: Path | None = typer.Option(
        None,
        "--ts-shim",
        help="Folder of the TypeScript shim that TS/JS files import (default: src/video_shim "
        "or video_shim of each file's package.json project); --write vendors it when missing.",
    ),
    include: list[str] = typer.Option(None, "--include", help="Only rewrite matching globs."),
    exclude: list[str] = typer.Option(None, "--exclude", help="Skip matching globs."),
) -> None:
    """Rewrite Sora SDK calls onto the provider shim; leave TODO(sora-migrate) where unsafe.
    Files are chosen as `scan` chooses them: .gitignore, the config file's include/exclude
    and the flags. Symbolic links are never rewritten."""
    from sora_migrate.config import Settings, options_for_paths
    from sora_migrate.rewrite import rewrite_paths

    if not DOTTED.fullmatch(shim_module):
        raise UserError(f"--shim-module {shim_module!r} is not a dotted module path")
    if ts_shim is not None and ts_shim.exists() and not ts_shim.is_dir():
        raise UserError(f"--ts-shim {ts_shim}: not a directory")
    targets = list(paths or [Path(".")])
    flags = Settings(
        include=tuple(include) if include else None,
        exclude=tuple(exclude) if exclude else None,
    )
    report = rewrite_paths(
        targets,
        shim_module=shim_module,
        write=write,
        force=force,
        jobs=jobs,
        ts_shim=ts_shim,
        options=options_for_paths(targets, flags, jobs=jobs),
    )
    if not write:
        from sora_migrate.write import write_stdout

        write_stdout("".join(outcome.diff for outcome in report.changed))
    from sora_migrate.rewrite.summary import summary_lines

    for line in summary_lines(report, write):
        print(line, file=sys.stderr)
    if write:
        refused = [f for f in report.problems if f.status == "failed" or f.diff]
        raise typer.Exit(1 if refused else 0)
    raise typer.Exit(1 if report.changed else 0)
