"""API keys never appear in reprs, exception messages or log records."""

from __future__ import annotations

import logging

import httpx
import pytest

from sora_migrate.shim import ProviderError, VideoClient
from sora_migrate.shim.registry import PROVIDERS

from .standin import Harness, StandIn

SECRET = "rk_live_SHOULD_NEVER_LEAK"


def test_error_echoing_the_key_is_redacted(mode: str, caplog: pytest.LogCaptureFixture) -> None:
    def echo(request: httpx.Request) -> httpx.Response:
        return httpx.Response(401, json={"error": f"bad token {request.headers['authorization']}"})

    standin = StandIn()
    standin.on("POST", "https://api.dev.runwayml.com/v1/text_to_video", echo)
    harness = Harness(
        mode,
        standin,
        provider="runway",
        fallback="fake",
        api_keys={"runway": {"RUNWAYML_API_SECRET": SECRET}},
    )
    with caplog.at_level(logging.DEBUG):
        harness.call("create_video", "x", duration_seconds=8)
    assert "bad token" in caplog.text
    assert SECRET not in caplog.text


def test_error_message_and_reprs_hide_the_key(mode: str) -> None:
    def echo(request: httpx.Request) -> httpx.Response:
        return httpx.Response(403, text=f"forbidden for {request.headers['authorization']}")

    standin = StandIn()
    standin.on("POST", "https://api.dev.runwayml.com/v1/text_to_video", echo)
    harness = Harness(
        mode, standin, provider="runway", api_keys={"runway": {"RUNWAYML_API_SECRET": SECRET}}
    )
    with pytest.raises(ProviderError) as caught:
        harness.call("create_video", "x", duration_seconds=8)
    assert SECRET not in str(caught.value) and "***" in str(caught.value)
    assert SECRET not in repr(harness.client)


@pytest.mark.parametrize("name", sorted(PROVIDERS))
def test_adapter_reprs_hold_no_secret(name: str) -> None:
    cls = PROVIDERS[name]
    adapter = cls(cls.default_base_url, cls.default_model, {var: SECRET for var in cls.key_env})
    assert SECRET not in repr(adapter)
    assert SECRET not in repr(VideoClient(provider=name, api_keys={name: {"X": SECRET}}))
