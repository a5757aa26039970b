"""A cost estimate per rewritten call site, from the shim's price table (prices.json).

A site's duration and size come from its literal `seconds` / `size` arguments; when they are not
literals, Sora's defaults (4 s, 720x1280) are assumed and the row says so."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sora_migrate.rewrite.report import Site

PRICED_PROVIDERS = ("runway", "veo", "veo-vertex", "pika", "kling")
HIGH_RESOLUTION_SIZES = ("1792x1024", "1024x1792", "1920x1080", "1080x1920")


@dataclass(frozen=True)
class SiteCost:
    """One call site's estimated price on each priced provider (None: no published row)."""

    site: Site
    seconds: int
    resolution: str
    assumed: bool
    per_provider: dict[str, Decimal | None]


def site_costs(sites: list[Site]) -> list[SiteCost]:
    """Estimates for every site that starts a video (create / create_and_poll / extend)."""
    costs = []
    for site in sites:
        if site.kind not in ("create", "create_and_poll", "extend"):
            continue
        seconds, resolution, assumed, prices = estimate_call(site.args)
        costs.append(SiteCost(site, seconds, resolution, assumed, prices))
    return costs


def estimate_call(
    args: Mapping[str, Any],
) -> tuple[int, str, bool, dict[str, Decimal | None]]:
    """One video-making call's duration, resolution, whether they were assumed, and its price
    on each priced provider (None: no published row), from its literal `seconds` / `size`;
    sound as each provider makes it by default (Sora's videos had sound)."""
    from sora_migrate.shim import UnsupportedFeature
    from sora_migrate.shim.config import ShimConfig
    from sora_migrate.shim.params import VideoRequest, settings
    from sora_migrate.shim.pricing import estimate
    from sora_migrate.shim.registry import PROVIDERS

    config = ShimConfig()  # VIDEO_GENERATION_<PROVIDER>_MODEL picks the priced model
    seconds, resolution, assumed = _shape(args)
    prices: dict[str, Decimal | None] = {}
    for provider in PRICED_PROVIDERS:
        try:
            shape = VideoRequest("", seconds, resolution=resolution)
            audio = settings(shape, PROVIDERS[provider].capabilities).audio
            cost = estimate(provider, config.model_for(provider), seconds, resolution, audio)
        except UnsupportedFeature:
            prices[provider] = None
        else:
            prices[provider] = cost.amount
    return seconds, resolution, assumed, prices


def published_date(provider: str) -> str:
    """When the provider's prices in the shim's table were published."""
    from sora_migrate.shim.pricing import provider_prices

    return str(provider_prices(provider)["published"])


def _shape(args: Mapping[str, Any]) -> tuple[int, str, bool]:
    seconds, size = args.get("seconds"), args.get("size")
    assumed = seconds is None or size is None
    try:
        duration = int(seconds) if seconds is not None else 4
    except (TypeError, ValueError):
        duration, assumed = 4, True
    resolution = "1080p" if size in HIGH_RESOLUTION_SIZES else "720p"
    return duration, resolution, assumed
