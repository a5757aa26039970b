"""Cost estimates come from the shipped price table, with the row used and its date."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from sora_migrate.shim import UnsupportedFeature, VideoClient
from sora_migrate.shim.pricing import price_table
from sora_migrate.shim.registry import PROVIDERS


def test_runway_gen45_price() -> None:
    estimate = VideoClient(provider="runway").estimate_cost(8, "720p")
    assert estimate.amount == Decimal("0.9600")
    assert estimate.price_row == {"model": "gen4.5", "per_second": "0.12"}
    assert estimate.published == date(2026, 7, 27)


def test_most_specific_row_wins() -> None:
    estimate = VideoClient(provider="kling").estimate_cost(10, "1080p")
    assert estimate.amount == Decimal("0.7000")
    assert estimate.confirmed is False


def test_configured_model_is_priced() -> None:
    client = VideoClient(provider="veo", models={"veo": "veo-3.1-fast-generate-preview"})
    assert client.estimate_cost(8, "4k").amount == Decimal("2.4000")


def test_a_missing_price_is_an_error_not_zero() -> None:
    with pytest.raises(UnsupportedFeature, match="no published price"):
        VideoClient(provider="luma").estimate_cost(5, "720p")


def test_every_provider_has_a_price_section() -> None:
    assert set(price_table()["providers"]) == set(PROVIDERS)
