"""Prices as data (`prices.json`, with each provider's publication date and source) and the cost
estimate built from them. A missing price row is an error, never a guessed zero."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

from .errors import UnsupportedFeature
from .jobs import CostEstimate
from .params import AUDIO, DURATION, RESOLUTION, Capabilities, VideoRequest, fit, settings

PRICED = (DURATION, RESOLUTION, AUDIO)  # what a price row depends on


@cache
def price_table() -> dict[str, Any]:
    """The parsed prices.json that ships beside this module."""
    return json.loads(resources.files(__package__).joinpath("prices.json").read_text("utf-8"))


def provider_prices(provider: str) -> dict[str, Any]:
    """One provider's price section (published, source, confirmed, rows)."""
    return price_table()["providers"][provider]


def estimate_request(
    provider: str, capabilities: Capabilities, request: VideoRequest
) -> CostEstimate:
    """The price of the video `request` makes on `provider`: values mapped as create_video maps
    them, and a value left out priced at the provider's documented default (and named in
    `provider_defaults`)."""
    fitted = fit(provider, request, capabilities, request.model or "")
    made = settings(fitted, capabilities)
    priced = tuple(name for name in made.provider_defaults if name in PRICED)
    return estimate(
        provider, str(fitted.model), made.duration_seconds, made.resolution, made.audio, priced
    )


def estimate(
    provider: str,
    model: str,
    duration_seconds: float,
    resolution: str | None,
    audio: bool,
    provider_defaults: tuple[str, ...] = (),
) -> CostEstimate:
    """The cost of `duration_seconds` of video from the best-matching price row."""
    section = provider_prices(provider)
    row = _row(section["rows"], model, resolution, audio)
    if row is None:
        raise UnsupportedFeature(
            f"{provider}: no published price for model {model!r} at {resolution or 'any'} "
            f"resolution{' with audio' if audio else ''} ({section['source']})"
        )
    amount = (Decimal(row["per_second"]) * Decimal(str(duration_seconds))).quantize(
        Decimal("0.0001")
    )
    confirmed = bool(row.get("confirmed", section["confirmed"]))
    return CostEstimate(
        amount=amount,
        currency=price_table()["currency"],
        provider=provider,
        model=model,
        price_row=dict(row),
        published=date.fromisoformat(section["published"]),
        confirmed=confirmed,
        note=section["source"],
        duration_seconds=duration_seconds,
        resolution=resolution,
        audio=audio,
        provider_defaults=provider_defaults,
    )


def _row(
    rows: list[dict[str, Any]], model: str, resolution: str | None, audio: bool
) -> dict[str, Any] | None:
    candidates = [
        row
        for row in rows
        if row["model"] == model
        and row.get("resolution") in (None, resolution)
        and row.get("audio") in (None, audio)
    ]
    # the most specific row wins (one that names the resolution and the audio setting)
    return max(candidates, key=lambda row: ("resolution" in row) + ("audio" in row), default=None)
