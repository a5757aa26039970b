"""Luma Dream Machine adapter against a stand-in of api.lumalabs.ai."""

from __future__ import annotations

import httpx
import pytest

from sora_migrate.shim import ParameterMapped, UnsupportedFeature

from .standin import Harness, StandIn

BASE = "https://api.lumalabs.ai/dream-machine/v1"
KEYS = {"luma": {"LUMAAI_API_KEY": "luma_test"}}


def _check(request: httpx.Request) -> None:
    assert request.headers["authorization"] == "Bearer luma_test"


def _standin(final: dict) -> StandIn:
    standin = StandIn(check=_check)
    standin.on("POST", f"{BASE}/generations/video", {"id": "gen1", "state": "queued"})
    standin.on("GET", f"{BASE}/generations/gen1", {"id": "gen1", "state": "dreaming"}, final)
    return standin


def test_generation_walks_to_success_with_mapped_duration(mode: str) -> None:
    final = {"id": "gen1", "state": "completed", "assets": {"video": "https://cdn.luma.test/g.mp4"}}
    standin = _standin(final)
    harness = Harness(mode, standin, provider="luma", api_keys=KEYS)
    with pytest.warns(ParameterMapped, match="duration_seconds=8; using 9"):
        job = harness.call("generate_video", "dunes", duration_seconds=8, resolution="1080p")
    assert (job.id, job.status, job.video_url) == (
        "luma:gen1",
        "completed",
        "https://cdn.luma.test/g.mp4",
    )
    assert standin.body(0) == {
        "model": "ray-2",
        "prompt": "dunes",
        "aspect_ratio": "16:9",
        "duration": "9s",
        "resolution": "1080p",
    }


def test_failure_reason(mode: str) -> None:
    harness = Harness(
        mode,
        _standin({"id": "gen1", "state": "failed", "failure_reason": "nsfw"}),
        provider="luma",
        api_keys=KEYS,
    )
    job = harness.call("generate_video", "dunes", duration_seconds=5)
    assert (job.status, job.error.message) == ("failed", "nsfw")


def test_extend_uses_the_earlier_generation_as_first_keyframe(mode: str) -> None:
    standin = _standin({"id": "gen1", "state": "completed", "assets": {"video": "https://v"}})
    harness = Harness(mode, standin, provider="luma", api_keys=KEYS)
    harness.call("get_job_status", "luma:gen1")
    job = harness.call("extend_video", "luma:gen1", prompt="keep going", duration_seconds=5)
    assert job.id == "luma:gen1"
    assert standin.body(-1)["keyframes"] == {"frame0": {"type": "generation", "id": "gen1"}}


def test_image_must_be_a_url_and_aspect_ratio_is_mapped(mode: str) -> None:
    standin = _standin({})
    harness = Harness(mode, standin, provider="luma", api_keys=KEYS)
    with pytest.raises(UnsupportedFeature, match="https URL"):
        harness.call("create_video", "x", image=b"rawbytes", duration_seconds=5)
    with pytest.warns(ParameterMapped, match="aspect_ratio='12:5'; using '21:9'"):
        harness.call("create_video", "x", aspect_ratio="12:5", duration_seconds=5)
