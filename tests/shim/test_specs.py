"""providers.json, the provider data both shims share, is complete and consistent."""

from __future__ import annotations

import pytest

from sora_migrate.shim import PROVIDERS
from sora_migrate.shim.jobs import STATUSES
from sora_migrate.shim.params import _lines, _ratio
from sora_migrate.shim.pricing import price_table
from sora_migrate.shim.specs import provider_data, provider_spec


def test_the_data_names_exactly_the_registered_providers() -> None:
    assert list(provider_data()["providers"]) == list(PROVIDERS)
    assert list(price_table()["providers"]) == list(PROVIDERS)


@pytest.mark.parametrize("name", list(PROVIDERS))
def test_adapters_take_their_class_attributes_from_the_data(name: str) -> None:
    cls, spec = PROVIDERS[name], provider_spec(name)
    assert cls.spec is spec
    assert (cls.key_env, cls.needs_every_key) == (spec.key_env, spec.needs_every_key)
    assert (cls.default_base_url, cls.default_model) == (spec.default_base_url, spec.default_model)
    assert cls.capabilities == spec.capabilities


@pytest.mark.parametrize("name", list(PROVIDERS))
def test_capabilities_are_usable(name: str) -> None:
    caps = provider_spec(name).capabilities
    assert caps.default_duration in caps.durations
    assert list(caps.durations) == sorted(set(caps.durations))
    assert all(_ratio(aspect) > 0 for aspect in caps.aspect_ratios)
    lines = [_lines(resolution) for resolution in caps.resolutions]
    assert lines == sorted(set(lines))
    assert caps.audio_toggle <= caps.native_audio
    assert caps.default_aspect_ratio in caps.aspect_ratios
    assert caps.default_resolution in caps.resolutions
    assert set(caps.required) <= {"duration_seconds", "aspect_ratio", "resolution"}
    assert caps.defaults_source
    assert set(provider_spec(name).statuses.values()) <= set(STATUSES)


def test_provider_tables_cover_every_offered_value() -> None:
    runway, kling = provider_spec("runway"), provider_spec("kling")
    assert set(runway.tables["ratios"]) == set(runway.capabilities.aspect_ratios)
    assert set(kling.tables["modes"]) == set(kling.capabilities.resolutions)


def test_the_default_model_of_every_paid_provider_has_a_price_or_says_why_not() -> None:
    for name in PROVIDERS:
        section = price_table()["providers"][name]
        models = {row["model"] for row in section["rows"]}
        assert provider_spec(name).default_model in models or not section["rows"], name


def test_a_bad_status_in_the_data_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    data = provider_data()
    broken = {**data["providers"]["luma"], "statuses": {"dreaming": "rendering"}}
    monkeypatch.setitem(data["providers"], "broken", broken)
    with pytest.raises(ValueError, match="unknown statuses"):
        provider_spec.__wrapped__("broken")


def test_which_cancel_request_also_deletes_is_data() -> None:
    deleting = {name for name, cls in PROVIDERS.items() if cls.cancel_deletes}
    assert deleting == {"runway", "luma", "fake"}
    for name, cls in PROVIDERS.items():
        assert cls.cancel_deletes == provider_spec(name).cancel_deletes, name
