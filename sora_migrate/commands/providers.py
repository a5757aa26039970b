"""`sora-migrate providers` (capabilities and prices) and `sora-migrate shim vendor DEST`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from sora_migrate.cli_app import app
from sora_migrate.errors import UserError

if TYPE_CHECKING:
    from sora_migrate.shim.params import Capabilities

shim_app = typer.Typer(help="Work with the provider shim.", no_args_is_help=True)
app.add_typer(shim_app, name="shim")


@app.command("providers")
def providers_command(
    output_format: str = typer.Option("table", "--format", "-f", help="table or json."),
) -> None:
    """List the video providers the shim supports, with capabilities and prices."""
    from sora_migrate.write import write_stdout

    rows = provider_rows()
    if output_format == "json":
        write_stdout(json.dumps(rows, indent=2) + "\n")
    elif output_format == "table":
        write_stdout(_table(rows))
    else:
        raise UserError(f"unknown format {output_format!r} (choose from table, json)")


def provider_rows() -> list[dict[str, Any]]:
    """One row per provider: key variable, default model, capabilities, prices."""
    from sora_migrate.shim.pricing import provider_prices
    from sora_migrate.shim.registry import PROVIDERS

    rows = []
    for name, cls in PROVIDERS.items():
        caps = cls.capabilities
        prices = provider_prices(name)
        rows.append(
            {
                "name": name,
                "keys": list(cls.key_env),
                "keys_needed": "all" if cls.needs_every_key else "one",
                "auth": cls.spec.auth,
                "base_url": cls.default_base_url,
                "model": cls.default_model,
                "text_to_video": caps.text_to_video,
                "image_to_video": caps.image_to_video,
                "extend": caps.extend,
                "cancel": caps.cancel,
                "delete": cls.cancel_deletes,
                "native_audio": caps.native_audio,
                "audio_toggle": caps.audio_toggle,
                "aspect_ratio_from_image": caps.aspect_ratio_from_image,
                "durations": list(caps.durations),
                "aspect_ratios": list(caps.aspect_ratios),
                "resolutions": list(caps.resolutions),
                "download_variants": list(caps.variants),
                "thumbnail": "thumbnail" in caps.variants,
                "defaults": _defaults(caps),
                "required": list(caps.required),
                "defaults_source": caps.defaults_source,
                "prices": prices["rows"],
                "prices_published": prices["published"],
                "prices_confirmed": prices["confirmed"],
                "prices_source": prices["source"],
            }
        )
    return rows


def _defaults(caps: Capabilities) -> dict[str, Any]:
    """What a video gets for a value the caller leaves out: the provider's documented default,
    or for a field in `required`, what the shim sends."""
    from sora_migrate.shim.params import ASPECT_RATIO, AUDIO, DURATION, RESOLUTION, VideoRequest
    from sora_migrate.shim.params import settings as made_with

    made = made_with(VideoRequest(""), caps)  # a request that names nothing
    shown = (DURATION, ASPECT_RATIO, RESOLUTION) + ((AUDIO,) if caps.native_audio else ())
    return {name: getattr(made, name) for name in shown}


def _left_out(row: dict[str, Any]) -> tuple[str, str]:
    """(the provider's defaults, the shim's choices) as table cells: what a video gets for the
    values the caller leaves out."""
    from sora_migrate.shim.params import AUDIO

    cells: dict[bool, list[str]] = {True: [], False: []}
    for name, value in row["defaults"].items():
        shown = {True: "on", False: "off"}[value] if name == AUDIO else value
        cells[name in row["required"]].append(f"{name}={shown}")
    return ", ".join(cells[False]) or "-", ", ".join(cells[True]) or "-"


CAPABILITY_LABELS = (
    ("text", "text_to_video"),
    ("image", "image_to_video"),
    ("extend", "extend"),
    ("cancel", "cancel"),
    ("delete", "delete"),
    ("thumbnail", "thumbnail"),
    ("audio", "native_audio"),
    ("audio on/off", "audio_toggle"),
)


def _table(rows: list[dict[str, Any]]) -> str:
    from io import StringIO

    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    providers = Table(title="Providers")
    for column in ("provider", "key variables", "default model", "can do", "seconds", "shapes"):
        providers.add_column(column, overflow="fold")
    left_out = Table(title="A value the caller leaves out")
    for column in ("provider", "not sent: the provider's default", "sent: the shim's choice"):
        left_out.add_column(column)
    prices = Table(title="Prices (USD per second of video)")
    for column in ("provider", "model", "resolution", "audio", "USD/s", "published"):
        prices.add_column(column)
    for row in rows:
        can = [label for label, key in CAPABILITY_LABELS if row[key]]
        shapes = f"{', '.join(row['aspect_ratios'])}; {', '.join(row['resolutions'])}"
        durations = ", ".join(str(d) for d in row["durations"])
        glue = " and " if row["keys_needed"] == "all" else " or "
        keys = glue.join(row["keys"]) or row["auth"] or "none"
        providers.add_row(
            row["name"], escape(keys), row["model"], ", ".join(can), durations, shapes
        )
        left_out.add_row(row["name"], *_left_out(row))
        published = row["prices_published"] + ("" if row["prices_confirmed"] else " (unconfirmed)")
        for price in row["prices"] or [{"model": "-", "per_second": "not published"}]:
            audio = {True: "yes", False: "no"}.get(price.get("audio"), "any")
            resolution = price.get("resolution", "any")
            prices.add_row(
                row["name"], price["model"], resolution, audio, price["per_second"], published
            )
    buffer = StringIO()
    console = Console(file=buffer, width=140, force_terminal=False)
    console.print(providers)
    console.print(left_out)
    console.print(prices)
    return buffer.getvalue()


@shim_app.command("vendor")
def vendor_command(
    dest: Path = typer.Argument(..., help="Folder to copy the shim into."),
    package_name: str = typer.Option(
        "video_shim", "--package-name", help="Name of the copy (a folder inside DEST)."
    ),
    lang: str = typer.Option(
        "py", "--lang", help="py (a Python package), ts (.ts sources) or js (ESM .js + .d.ts)."
    ),
    force: bool = typer.Option(False, "--force", help="Replace an existing copy."),
) -> None:
    """Copy the shim into your codebase, so your application depends on nothing of ours: a
    Python package (httpx + stdlib only) or the TypeScript shim (the platform's fetch only)."""
    from sora_migrate.vendor import vendor_shim, vendor_ts_shim

    if lang == "py":
        target = vendor_shim(dest, package_name, force)
        usage = f"from {package_name} import VideoClient, AsyncVideoClient"
    else:
        target = vendor_ts_shim(dest / package_name, lang, force)
        usage = f'import {{ VideoClient, fromSora }} from "./{package_name}/index.js";'
    print(f"sora-migrate: copied the shim to {target}", file=sys.stderr)
    print(usage)
