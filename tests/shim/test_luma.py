"""Luma Dream Machine adapter against a stand-in of api.lumalabs.ai (providers.md §3a)."""

from __future__ import annotations

import httpx
import pytest

from sora_migrate.shim import ParameterMapped, ProviderError, UnsupportedFeature

from .standin import Harness, StandIn

pytestmark = pytest.mark.anyio

BASE = "https://api.lumalabs.ai/dream-machine/v1"
KEYS = {"luma": "luma_test"}
DONE = {"id": "gen1", "state": "completed", "assets": {"video": "https://cdn.luma.test/g.mp4"}}


def _check(request: httpx.Request) -> None:
    if request.url.host == "api.lumalabs.ai":
        assert request.headers["authorization"] == "Bearer luma_test"
    else:
        assert "authorization" not in request.headers


def _standin(final: dict) -> StandIn:
    standin = StandIn(check=_check)
    standin.on("POST", f"{BASE}/generations/video", {"id": "gen1", "state": "queued"})
    standin.on("GET", f"{BASE}/generations/gen1", {"id": "gen1", "state": "dreaming"}, final)
    return standin


async def test_generation_walks_to_success_with_mapped_duration(mode: str) -> None:
    standin = _standin(DONE)
    standin.on("GET", "https://cdn.luma.test/g.mp4", httpx.Response(200, content=b"RAY"))
    harness = Harness(mode, standin, provider="luma", api_keys=KEYS)
    with pytest.warns(ParameterMapped, match="duration_seconds=8; using 9"):
        job = await harness.call("generate_video", "dunes", duration_seconds=8, resolution="1080p")
    assert (job.id, job.status, job.video_url) == (
        "luma:gen1",
        "completed",
        "https://cdn.luma.test/g.mp4",
    )
    assert standin.body(0) == {
        "model": "ray-2",
        "prompt": "dunes",
        "duration": "9s",
        "resolution": "1080p",
    }
    assert (job.aspect_ratio, job.provider_defaults) == ("16:9", ("aspect_ratio",))
    assert await harness.download(job.id) == b"RAY"


async def test_states_map_to_shim_statuses(mode: str) -> None:
    harness = Harness(mode, _standin(DONE), provider="luma", api_keys=KEYS)
    created = await harness.call("create_video", "dunes", duration_seconds=5)
    running = await harness.call("get_job_status", created.id)
    assert (created.status, running.status) == ("pending", "processing")


async def test_failure_reason(mode: str) -> None:
    harness = Harness(
        mode,
        _standin({"id": "gen1", "state": "failed", "failure_reason": "nsfw"}),
        provider="luma",
        api_keys=KEYS,
    )
    job = await harness.call("generate_video", "dunes", duration_seconds=5)
    assert (job.status, job.error.message) == ("failed", "nsfw")


async def test_unknown_state_is_an_error(mode: str) -> None:
    harness = Harness(
        mode, _standin({"id": "gen1", "state": "paused"}), provider="luma", api_keys=KEYS
    )
    with pytest.raises(ProviderError, match="unknown job status 'paused'"):
        await harness.call("generate_video", "dunes", duration_seconds=5)


async def test_extend_uses_the_earlier_generation_as_first_keyframe(mode: str) -> None:
    standin = StandIn(check=_check)
    standin.on("GET", f"{BASE}/generations/gen1", DONE)
    standin.on("POST", f"{BASE}/generations/video", {"id": "gen2", "state": "queued"})
    harness = Harness(mode, standin, provider="luma", api_keys=KEYS)
    with pytest.warns(ParameterMapped, match="duration_seconds=10; using 9"):
        job = await harness.call(
            "extend_video", "luma:gen1", prompt="keep going", duration_seconds=10
        )
    assert job.id == "luma:gen2"
    assert standin.body(-1) == {
        "model": "ray-2",
        "prompt": "keep going",
        "keyframes": {"frame0": {"type": "generation", "id": "gen1"}},
        "duration": "9s",
    }


async def test_delete_is_the_cancel(mode: str) -> None:
    standin = _standin(DONE)
    standin.on("DELETE", f"{BASE}/generations/gen1", httpx.Response(204))
    harness = Harness(mode, standin, provider="luma", api_keys=KEYS)
    await harness.call("cancel_job", "luma:gen1")
    assert standin.requests[-1].method == "DELETE"


async def test_image_must_be_a_url_and_aspect_ratio_is_mapped(mode: str) -> None:
    standin = _standin({})
    harness = Harness(mode, standin, provider="luma", api_keys=KEYS)
    with pytest.raises(UnsupportedFeature, match="https URL"):
        await harness.call("create_video", "x", image=b"rawbytes", duration_seconds=5)
    with pytest.warns(ParameterMapped, match="aspect_ratio='12:5'; using '21:9'"):
        await harness.call("create_video", "x", aspect_ratio="12:5", duration_seconds=5)
    await harness.call("create_video", "x", image="https://img.test/a.png", duration_seconds=5)
    assert standin.body(-1)["keyframes"] == {
        "frame0": {"type": "image", "url": "https://img.test/a.png"}
    }
