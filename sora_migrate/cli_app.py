"""The typer application object, shared by every command module under `commands/`."""

from __future__ import annotations

import typer

from sora_migrate import __version__

app = typer.Typer(
    name="sora-migrate",
    help="Find, gate and rewrite OpenAI Sora video API usage.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_show_locals=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"sora-migrate {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: bool = typer.Option(
        False,
        "--version",
        callback=_print_version,
        is_eager=True,
        help="Show the version and exit.",
    ),
) -> None:
    """Find, gate and rewrite OpenAI Sora video API usage."""
