"""Every provider the shim knows, by name: an explicit table, no discovery magic."""

from __future__ import annotations

from .errors import ConfigurationError
from .providers.base import Adapter
from .providers.fake import Fake
from .providers.kling import Kling
from .providers.luma import Luma
from .providers.pika import Pika
from .providers.runway import Runway
from .providers.veo import Veo
from .providers.veo_vertex import VeoVertex

PROVIDERS: dict[str, type[Adapter]] = {
    "runway": Runway,
    "veo": Veo,
    "veo-vertex": VeoVertex,
    "luma": Luma,
    "pika": Pika,
    "kling": Kling,
    "fake": Fake,
}


def adapter_class(name: str) -> type[Adapter]:
    """The adapter class registered under `name`."""
    try:
        return PROVIDERS[name]
    except KeyError:
        known = ", ".join(PROVIDERS)
        raise ConfigurationError(f"unknown video provider {name!r} (known: {known})") from None
