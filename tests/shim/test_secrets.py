"""API keys never appear in reprs, exception messages or log records."""

from __future__ import annotations

import logging
from typing import Any

import httpx
import pytest

from sora_migrate.shim import ProviderError, VertexAI, VideoClient
from sora_migrate.shim.registry import PROVIDERS

from .google_credentials import MintingCredentials
from .standin import Harness, StandIn

pytestmark = pytest.mark.anyio

SECRET = "rk_live_SHOULD_NEVER_LEAK"
REAL = sorted(name for name in PROVIDERS if name != "fake")


def _echo(request: httpx.Request) -> httpx.Response:
    """A provider that quotes the credentials it received back in its error."""
    sent = " ".join(f"{k}={v}" for k, v in request.headers.items())
    return httpx.Response(401, json={"error": f"bad credentials {sent} {SECRET}"})


def _echoing_standin() -> StandIn:
    class Everything(StandIn):
        def handle(self, request: httpx.Request) -> httpx.Response:
            self.requests.append(request)
            return _echo(request)

    return Everything()


def _keys(name: str) -> dict[str, dict[str, str]]:
    return {name: {variable: SECRET for variable in PROVIDERS[name].key_env}}


class _SecretToken(MintingCredentials):
    """Credentials whose access token is the secret."""

    def refresh(self, request: Any) -> None:
        super().refresh(request)
        self.token = SECRET


def _credentials(name: str) -> dict[str, Any]:
    """The client arguments that give provider `name` the secret."""
    if name == "veo-vertex":  # the secret is the access token
        credentials = _SecretToken()
        return {"vertex": VertexAI(project="p", location="us-central1", credentials=credentials)}
    return {"api_keys": _keys(name)}


@pytest.mark.parametrize("name", REAL)
async def test_an_error_echoing_the_key_is_redacted_everywhere(
    mode: str, name: str, caplog: pytest.LogCaptureFixture
) -> None:
    harness = Harness(mode, _echoing_standin(), provider=name, **_credentials(name))
    with caplog.at_level(logging.DEBUG), pytest.raises(ProviderError) as caught:
        await harness.call("create_video", "x")
    assert "bad credentials" in str(caught.value) and "***" in str(caught.value)
    for text in (str(caught.value), repr(caught.value), caplog.text, repr(harness.client)):
        assert SECRET not in text


async def test_fallback_log_holds_no_key(mode: str, caplog: pytest.LogCaptureFixture) -> None:
    standin = StandIn()
    standin.on("POST", "https://api.dev.runwayml.com/v1/text_to_video", _echo)
    harness = Harness(mode, standin, provider="runway", fallback="fake", api_keys=_keys("runway"))
    with caplog.at_level(logging.DEBUG):
        job = await harness.call("create_video", "x", duration_seconds=8)
    assert job.provider == "fake"
    assert "bad credentials" in caplog.text
    assert SECRET not in caplog.text


async def test_connection_errors_hold_no_key(mode: str) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError(f"refused {request.headers['authorization']}")

    standin = StandIn()
    standin.on("POST", "https://api.dev.runwayml.com/v1/text_to_video", refuse)
    harness = Harness(mode, standin, provider="runway", api_keys={"runway": SECRET})
    with pytest.raises(ProviderError) as caught:
        await harness.call("create_video", "x", duration_seconds=8)
    assert SECRET not in str(caught.value) and "refused Bearer ***" in str(caught.value)


@pytest.mark.parametrize("name", sorted(PROVIDERS))
def test_adapter_and_client_reprs_hold_no_secret(name: str) -> None:
    cls = PROVIDERS[name]
    adapter = cls(cls.default_base_url, cls.default_model, {var: SECRET for var in cls.key_env})
    assert SECRET not in repr(adapter)
    assert SECRET not in repr(VideoClient(provider=name, **_credentials(name)))
