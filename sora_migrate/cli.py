"""Console entry point: registers every command and turns user errors into one line + exit 2.

Whatever happens (a bad input, a full disk, a closed pipe, a bug), the user sees one line on
stderr and exit code 2, never a traceback; `SORA_MIGRATE_DEBUG=1` re-raises unexpected errors."""

from __future__ import annotations

import os
import sys

import typer

from sora_migrate.cli_app import app
from sora_migrate.commands import (
    check,  # noqa: F401
    fleet,  # noqa: F401
    merge,  # noqa: F401
    providers,  # noqa: F401
    pull_request,  # noqa: F401
    rewrite,  # noqa: F401
    scan,  # noqa: F401  (registers the command)
)
from sora_migrate.errors import UserError
from sora_migrate.write import StdoutError, write_stdout


def main() -> None:
    """Run the CLI; a UserError becomes 'sora-migrate: error: ...' on stderr and exit code 2."""
    try:
        code = app(standalone_mode=False)
        write_stdout("")  # flush now: a full disk must not surface at interpreter exit
    except UserError as error:
        if isinstance(error, StdoutError):
            _detach_stdout()
        print(f"sora-migrate: error: {error}", file=sys.stderr)
        sys.exit(error.exit_code)
    except typer.Exit as done:
        sys.exit(done.exit_code)
    except typer.Abort:
        print("sora-migrate: aborted", file=sys.stderr)
        sys.exit(130)
    except typer.TyperException as error:
        show = getattr(error, "show", None)
        if callable(show):
            show()
        else:
            print(f"sora-migrate: error: {error}", file=sys.stderr)
        sys.exit(getattr(error, "exit_code", 2))
    except KeyboardInterrupt:
        print("sora-migrate: interrupted", file=sys.stderr)
        sys.exit(130)
    except Exception as error:  # the last line of defence: one line, never a traceback
        if os.environ.get("SORA_MIGRATE_DEBUG"):
            raise
        print(f"sora-migrate: error: {_describe(error)}", file=sys.stderr)
        sys.exit(2)
    sys.exit(code if isinstance(code, int) else 0)


def _describe(error: BaseException) -> str:
    """One line for an unexpected error: its type and the first line of its message."""
    if isinstance(error, RecursionError):
        return "input nested too deeply to process (RecursionError)"
    if isinstance(error, MemoryError):
        return "out of memory"
    if isinstance(error, OSError) and error.filename is not None:
        return f"{error.filename}: {error.strerror or error}"
    lines = str(error).strip().splitlines()
    detail = f": {lines[0]}" if lines else ""
    return f"unexpected {type(error).__name__}{detail} (set SORA_MIGRATE_DEBUG=1 for details)"


def _detach_stdout() -> None:
    """Point stdout at /dev/null so Python's own flush at exit cannot print a second error."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass
