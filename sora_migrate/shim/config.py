"""Which providers to use and how to reach them: constructor arguments first, then the
environment (read at first use, never when the client is created)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .errors import ConfigurationError
from .providers.base import Adapter
from .registry import PROVIDERS, adapter_class

PROVIDER_ENV = "VIDEO_GENERATION_PROVIDER"
FALLBACK_ENV = "VIDEO_GENERATION_FALLBACK_PROVIDER"
SHADOW_ENV = "VIDEO_GENERATION_SHADOW_PROVIDER"
SHADOW_FRACTION_ENV = "VIDEO_GENERATION_SHADOW_FRACTION"


@dataclass
class ShimConfig:
    """Constructor arguments; None means "ask the environment"."""

    provider: str | None = None
    fallback: str | None = None
    shadow: str | None = None
    shadow_fraction: float | None = None
    api_keys: Mapping[str, str | Mapping[str, str]] = field(default_factory=dict)
    base_urls: Mapping[str, str] = field(default_factory=dict)
    models: Mapping[str, str] = field(default_factory=dict)
    options: Mapping[str, Any] = field(default_factory=dict)
    environ: Mapping[str, str] | None = None

    def env(self) -> Mapping[str, str]:
        """The environment to read (os.environ unless one was given)."""
        return self.environ if self.environ is not None else os.environ

    def primary(self) -> str:
        """The provider every call goes to first."""
        name = self.provider or self.env().get(PROVIDER_ENV)
        if not name:
            known = ", ".join(PROVIDERS)
            raise ConfigurationError(
                f"no video provider configured: set {PROVIDER_ENV} ({known}) or pass provider="
            )
        adapter_class(name)
        return name

    def fallback_name(self) -> str | None:
        """The provider tried when the primary one fails, if any."""
        name = self.fallback or self.env().get(FALLBACK_ENV) or None
        if name is not None:
            adapter_class(name)
        return name

    def shadow_setup(self) -> tuple[str | None, float]:
        """The shadow provider and the fraction of create calls it also receives."""
        name = self.shadow or self.env().get(SHADOW_ENV) or None
        fraction = self.shadow_fraction
        if fraction is None:
            raw = self.env().get(SHADOW_FRACTION_ENV, "0.1" if name else "0")
            try:
                fraction = float(raw)
            except ValueError:
                raise ConfigurationError(
                    f"{SHADOW_FRACTION_ENV} must be a number, not {raw!r}"
                ) from None
        if not 0.0 <= fraction <= 1.0:
            raise ConfigurationError(f"the shadow fraction must be between 0 and 1, not {fraction}")
        if name is not None:
            adapter_class(name)
        return name, fraction

    def model_for(self, name: str) -> str:
        """The model id used on provider `name` (argument, environment, then the default)."""
        variable = f"{env_prefix(name)}_MODEL"
        return (
            self.models.get(name) or self.env().get(variable) or adapter_class(name).default_model
        )

    def build_adapter(self, name: str) -> Adapter:
        """The adapter for `name`, with its base URL, model and key(s)."""
        cls = adapter_class(name)
        env = self.env()
        base_url = (
            self.base_urls.get(name)
            or env.get(f"{env_prefix(name)}_BASE_URL")
            or cls.default_base_url
        )
        given = self.api_keys.get(name)
        if given is None:
            secrets = cls.read_secrets(env)
        elif isinstance(given, str):
            # one key string stands for the first of alternative variables (veo's two)
            if not cls.key_env or cls.needs_every_key:
                raise ConfigurationError(
                    f"{name}: api_keys needs a mapping of {' and '.join(cls.key_env) or 'nothing'}"
                )
            secrets = {cls.key_env[0]: given}
        else:
            secrets = cls.read_secrets(given, where="give api_keys= an entry for")
        return cls(base_url, self.model_for(name), secrets, self.options.get(name))


def env_prefix(name: str) -> str:
    """`VIDEO_GENERATION_<NAME>`, the prefix of a provider's own variables (`veo-vertex`:
    `VIDEO_GENERATION_VEO_VERTEX`)."""
    return f"VIDEO_GENERATION_{name.upper().replace('-', '_')}"
