"""Kling adapter against a stand-in that verifies the JWT it receives."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time

import httpx
import pytest

from sora_migrate.shim import ParameterMapped, ProviderError

from .standin import Harness, StandIn

BASE = "https://api-singapore.klingai.com"
KEYS = {"kling": {"KLING_ACCESS_KEY": "ak_test", "KLING_SECRET_KEY": "sk_test"}}


def _b64decode(part: str) -> bytes:
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def _check(request: httpx.Request) -> None:
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


def test_task_walks_to_success(mode: str) -> None:
    final = {
        "task_id": "t1",
        "task_status": "succeed",
        "task_result": {
            "videos": [{"id": "vid1", "url": "https://cdn.kling.test/t1.mp4", "duration": "5.1"}]
        },
    }
    standin = _standin(final)
    harness = Harness(mode, standin, provider="kling", api_keys=KEYS)
    with pytest.warns(ParameterMapped, match="using 10"):
        job = harness.call("generate_video", "a fox", duration_seconds=8, audio=True)
    assert (job.id, job.status, job.video_url) == (
        "kling:text2video/t1",
        "completed",
        "https://cdn.kling.test/t1.mp4",
    )
    assert standin.body(0) == {
        "model_name": "kling-v2-6",
        "prompt": "a fox",
        "duration": "10",
        "mode": "std",
        "sound": "on",
        "aspect_ratio": "16:9",
    }
    standin.on(
        "POST",
        f"{BASE}/v1/videos/video-extend",
        _envelope({"task_id": "t2", "task_status": "submitted"}),
    )
    extended = harness.call("extend_video", job.id, prompt="and then")
    assert extended.id == "kling:video-extend/t2"
    assert standin.body(-1) == {"video_id": "vid1", "prompt": "and then"}


def test_failed_task_and_error_envelope(mode: str) -> None:
    harness = Harness(
        mode,
        _standin({"task_id": "t1", "task_status": "failed", "task_status_msg": "risk control"}),
        provider="kling",
        api_keys=KEYS,
    )
    job = harness.call("generate_video", "a fox", duration_seconds=5)
    assert (job.status, job.error.message) == ("failed", "risk control")
    standin = StandIn(check=_check)
    standin.on(
        "POST",
        f"{BASE}/v1/videos/text2video",
        {"code": 1201, "message": "invalid model", "data": None},
    )
    harness = Harness(mode, standin, provider="kling", api_keys=KEYS)
    with pytest.raises(ProviderError, match="invalid model"):
        harness.call("create_video", "a fox", duration_seconds=5)


def test_both_keys_are_required(mode: str) -> None:
    harness = Harness(mode, StandIn(), provider="kling", environ={"KLING_ACCESS_KEY": "ak"})
    with pytest.raises(Exception, match="set KLING_SECRET_KEY"):
        harness.call("create_video", "x", duration_seconds=5)
