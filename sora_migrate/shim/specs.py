"""What each provider is and can do, read from `providers.json` (shipped beside this module and
shared with the TypeScript shim, so the two cannot drift): key variables, default base URL and
model, capabilities, the provider's job states and its own parameter tables."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from .jobs import STATUSES, Status
from .params import Capabilities

KEYS_NEEDED = ("one", "all")


@dataclass(frozen=True)
class ProviderSpec:
    """One provider's entry of providers.json."""

    name: str
    key_env: tuple[str, ...]
    needs_every_key: bool
    default_base_url: str
    default_model: str
    docs: str
    capabilities: Capabilities
    statuses: Mapping[str, Status]
    tables: Mapping[str, Any]
    auth: str = ""  # how a provider without key variables authenticates
    cancel_deletes: bool = False  # the cancel request also removes a finished video


@cache
def provider_data() -> dict[str, Any]:
    """The parsed providers.json that ships beside this module."""
    text = resources.files(__package__).joinpath("providers.json").read_text("utf-8")
    return dict(json.loads(text))


@cache
def provider_spec(name: str) -> ProviderSpec:
    """The spec of provider `name` (a ValueError names what in the data is wrong)."""
    entry = provider_data()["providers"][name]
    if entry["keys_needed"] not in KEYS_NEEDED:
        raise ValueError(f"providers.json: {name}: keys_needed must be 'one' or 'all'")
    unknown = set(entry["statuses"].values()) - set(STATUSES)
    if unknown:
        raise ValueError(f"providers.json: {name}: unknown statuses {sorted(unknown)}")
    caps = dict(entry["capabilities"])
    for key in ("durations", "aspect_ratios", "resolutions", "required", "variants"):
        if key in caps:
            caps[key] = tuple(caps[key])
    return ProviderSpec(
        name=name,
        key_env=tuple(entry["keys"]),
        needs_every_key=entry["keys_needed"] == "all",
        default_base_url=entry["base_url"],
        default_model=entry["model"],
        docs=entry["docs"],
        capabilities=Capabilities(**caps),
        statuses=dict(entry["statuses"]),
        tables=dict(entry["tables"]),
        auth=entry.get("auth", ""),
        cancel_deletes=bool(entry.get("cancel_deletes", False)),
    )
