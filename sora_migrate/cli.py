"""Console entry point: registers every command and turns user errors into one line + exit 2."""

from __future__ import annotations

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


def main() -> None:
    """Run the CLI; a UserError becomes 'sora-migrate: error: ...' on stderr and exit code 2."""
    try:
        code = app(standalone_mode=False)
    except UserError as error:
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
    sys.exit(code if isinstance(code, int) else 0)
