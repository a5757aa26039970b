"""Kling adapter against a stand-in that verifies the JWT it receives (providers.md §5)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time

import httpx
import pytest

from sora_migrate.shim import ConfigurationError, ParameterMapped, ProviderError

from .standin import Harness, StandIn

pytestmark = pytest.mark.anyio

BASE = "https://api-singapore.klingai.com"
KEYS = {"kling": {"KLING_ACCESS_KEY": "ak_test", "KLING_SECRET_KEY": "sk_test"}}


def _b64decode(part: str) -> bytes:
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def _check(request: httpx.Request) -> None:
    if request.url.host != "api-singapore.klingai.com":
        assert "authorization" not in request.headers  # result URLs get no token
        return
    token = request.headers["authorization"].removeprefix("Bearer ")
    header, claims, signature = token.split(".")
    expected = hmac.new(b"sk_test", f"{header}.{claims}".encode(), hashlib.sha256).digest()
    assert _b64decode(signature) == expected
    assert json.loads(_b64decode(header)) == {"alg": "HS256", "typ": "JWT"}
    payload = json.loads(_b64decode(claims))
    assert payload["iss"] == "ak_test"
    assert payload["nbf"] <= time.time() < payload["exp"] <= time.time() + 1800


def _envelope(data: dict) -> dict:
    return {"code": 0, "message": "SUCCEED", "request_id": "r", "data": data}


def _standin(final: dict) -> StandIn:
    standin = StandIn(check=_check)
    standin.on(
        "POST",
        f"{BASE}/v1/videos/text2video",
        _envelope({"task_id": "t1", "task_status": "submitted"}),
    )
    standin.on(
        "GET",
        f"{BASE}/v1/videos/text2video/t1",
        _envelope({"task_id": "t1", "task_status": "submitted"}),
        _envelope({"task_id": "t1", "task_status": "processing"}),
        _envelope(final),
    )
    return standin


async def test_task_walks_to_success(mode: str) -> None:
    final = {
        "task_id": "t1",
        "task_status": "succeed",
        "task_result": {
            "videos": [{"id": "vid1", "url": "https://cdn.kling.test/t1.mp4", "duration": "5.1"}]
        },
    }
    standin = _standin(final)
    standin.on("GET", "https://cdn.kling.test/t1.mp4", httpx.Response(200, content=b"KLING"))
    harness = Harness(mode, standin, provider="kling", api_keys=KEYS)
    with pytest.warns(ParameterMapped, match="using 10"):
        job = await harness.call("generate_video", "a fox", duration_seconds=8, audio=True)
    assert (job.id, job.status, job.video_url) == (
        "kling:text2video/t1",
        "completed",
        "https://cdn.kling.test/t1.mp4",
    )
    assert standin.body(0) == {  # no mode, no aspect_ratio: the caller chose neither
        "model_name": "kling-v2-6",
        "prompt": "a fox",
        "duration": "10",
        "sound": "on",
    }
    assert (job.duration_seconds, job.aspect_ratio, job.resolution, job.audio) == (
        10,
        "16:9",
        "720p",
        True,
    )
    assert job.provider_defaults == ("aspect_ratio", "resolution")
    assert await harness.download(job.id) == b"KLING"
    standin.on(
        "POST",
        f"{BASE}/v1/videos/video-extend",
        _envelope({"task_id": "t2", "task_status": "submitted"}),
    )
    with pytest.warns(ParameterMapped, match="kling ignores duration_seconds=5: video-extend"):
        extended = await harness.call("extend_video", job.id, prompt="and then", duration_seconds=5)
    assert extended.id == "kling:video-extend/t2"
    assert standin.body(-1) == {"video_id": "vid1", "prompt": "and then"}
    standin.on(
        "GET",
        f"{BASE}/v1/videos/video-extend/t2",
        _envelope({"task_id": "t2", "task_status": "processing"}),
    )
    assert (await harness.call("get_job_status", extended.id)).status == "processing"


async def test_failed_task_and_error_envelope(mode: str) -> None:
    harness = Harness(
        mode,
        _standin({"task_id": "t1", "task_status": "failed", "task_status_msg": "risk control"}),
        provider="kling",
        api_keys=KEYS,
    )
    job = await harness.call("generate_video", "a fox", duration_seconds=5)
    assert (job.status, job.error.message) == ("failed", "risk control")
    standin = StandIn(check=_check)
    standin.on(
        "POST",
        f"{BASE}/v1/videos/text2video",
        {"code": 1201, "message": "invalid model", "data": None},
    )
    harness = Harness(mode, standin, provider="kling", api_keys=KEYS)
    with pytest.raises(ProviderError, match="invalid model"):
        await harness.call("create_video", "a fox", duration_seconds=5)


async def test_image_to_video_sends_base64_and_takes_the_shape_from_the_image(
    mode: str,
) -> None:
    standin = StandIn(check=_check)
    standin.on(
        "POST",
        f"{BASE}/v1/videos/image2video",
        _envelope({"task_id": "i1", "task_status": "submitted"}),
    )
    standin.on(
        "GET",
        f"{BASE}/v1/videos/image2video/i1",
        _envelope({"task_id": "i1", "task_status": "processing"}),
    )
    environ = {"KLING_ACCESS_KEY": "ak_test", "KLING_SECRET_KEY": "sk_test"}
    harness = Harness(mode, standin, provider="kling", environ=environ)
    with pytest.warns(ParameterMapped, match="kling ignores aspect_ratio='9:16'"):
        job = await harness.call(
            "create_video",
            "a fox",
            image=b"\xff\xd8jpeg",
            aspect_ratio="9:16",
            resolution="1080p",
            audio=False,
        )
    assert job.id == "kling:image2video/i1"
    assert standin.body(0) == {
        "model_name": "kling-v2-6",
        "prompt": "a fox",
        "mode": "pro",
        "sound": "off",
        "image": base64.b64encode(b"\xff\xd8jpeg").decode(),
    }
    assert (job.aspect_ratio, job.duration_seconds, job.provider_defaults) == (
        None,
        5,
        ("duration_seconds",),
    )
    assert (await harness.call("get_job_status", job.id)).status == "processing"


async def test_unknown_task_status_is_an_error(mode: str) -> None:
    harness = Harness(
        mode, _standin({"task_id": "t1", "task_status": "queued"}), provider="kling", api_keys=KEYS
    )
    with pytest.raises(ProviderError, match="unknown job status 'queued'"):
        await harness.call("generate_video", "a fox", duration_seconds=5)


async def test_both_keys_are_required(mode: str) -> None:
    harness = Harness(mode, StandIn(), provider="kling", environ={"KLING_ACCESS_KEY": "ak"})
    with pytest.raises(ConfigurationError, match="kling: set KLING_SECRET_KEY"):
        await harness.call("create_video", "x", duration_seconds=5)
