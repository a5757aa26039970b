"""Pika 2.2 through a stand-in of the fal.ai queue: status and result URLs come from submit
(providers.md §4)."""

from __future__ import annotations

import httpx
import pytest

from sora_migrate.shim import ConfigurationError, ParameterMapped, ProviderError

from .standin import Harness, StandIn

pytestmark = pytest.mark.anyio

QUEUE = "https://queue.fal.run"
SUBMIT = {
    "request_id": "req1",
    "status_url": f"{QUEUE}/fal-ai/pika/requests/req1/status?from=submit",
    "response_url": f"{QUEUE}/fal-ai/pika/requests/req1?from=submit",
    "cancel_url": f"{QUEUE}/fal-ai/pika/requests/req1/cancel?from=submit",
    "queue_position": 0,
}
KEY = {"FAL_KEY": "fal_test"}


def _check(request: httpx.Request) -> None:
    if request.url.host == "queue.fal.run":
        assert request.headers["authorization"] == "Key fal_test"
    else:
        assert "authorization" not in request.headers


def _standin(result: object, endpoint: str = "text-to-video") -> StandIn:
    standin = StandIn(check=_check)
    standin.on("POST", f"{QUEUE}/fal-ai/pika/v2.2/{endpoint}", SUBMIT)
    standin.on(
        "GET",
        SUBMIT["status_url"],
        {"status": "IN_QUEUE", "queue_position": 2},
        {"status": "IN_PROGRESS"},
        {"status": "COMPLETED"},
    )
    standin.on("GET", SUBMIT["response_url"], result)
    return standin


async def test_queue_walks_to_success_using_the_returned_urls(mode: str) -> None:
    standin = _standin({"video": {"url": "https://v3.fal.media/out.mp4"}})
    standin.on("GET", "https://v3.fal.media/out.mp4", httpx.Response(200, content=b"PIKA"))
    harness = Harness(mode, standin, provider="pika", environ=KEY)
    job = await harness.call("generate_video", "neon city", duration_seconds=10, resolution="1080p")
    assert (job.id, job.status, job.video_url) == (
        "pika:req1",
        "completed",
        "https://v3.fal.media/out.mp4",
    )
    assert standin.body(0) == {"prompt": "neon city", "resolution": "1080p", "duration": 10}
    assert (job.aspect_ratio, job.provider_defaults) == ("16:9", ("aspect_ratio",))
    assert all("from=submit" in str(r.url) for r in standin.requests[1:])
    assert await harness.download(job.id) == b"PIKA"


async def test_queue_statuses_map_to_shim_statuses(mode: str) -> None:
    standin = _standin({"video": {"url": "https://v3.fal.media/out.mp4"}})
    harness = Harness(mode, standin, provider="pika", environ=KEY)
    await harness.call("create_video", "x", duration_seconds=5)
    statuses = [(await harness.call("get_job_status", "pika:req1")).status for _ in range(3)]
    assert statuses == ["pending", "processing", "completed"]


async def test_failure_surfaces_from_the_result_request(mode: str) -> None:
    standin = _standin(httpx.Response(422, json={"detail": "prompt flagged"}))
    harness = Harness(mode, standin, provider="pika", environ=KEY)
    job = await harness.call("generate_video", "neon city", duration_seconds=5)
    assert (job.status, job.error.message) == ("failed", "prompt flagged")


async def test_unknown_queue_status_is_an_error(mode: str) -> None:
    standin = StandIn(check=_check)
    standin.on("POST", f"{QUEUE}/fal-ai/pika/v2.2/text-to-video", SUBMIT)
    standin.on("GET", SUBMIT["status_url"], {"status": "SLEEPING"})
    harness = Harness(mode, standin, provider="pika", environ=KEY)
    with pytest.raises(ProviderError, match="unknown job status 'SLEEPING'"):
        await harness.call("generate_video", "x", duration_seconds=5)


async def test_image_to_video_takes_its_shape_from_the_image(mode: str) -> None:
    standin = _standin({}, endpoint="image-to-video")
    harness = Harness(mode, standin, provider="pika", environ=KEY)
    with pytest.warns(ParameterMapped, match="pika ignores aspect_ratio='9:16': the image sets"):
        await harness.call("create_video", "x", image="https://img.test/a.png", aspect_ratio="9:16")
    assert standin.body(0) == {"prompt": "x", "image_url": "https://img.test/a.png"}


async def test_cancel_uses_the_cancel_url(mode: str) -> None:
    standin = _standin({})
    standin.on("PUT", SUBMIT["cancel_url"], {"status": "CANCELLATION_REQUESTED"})
    harness = Harness(mode, standin, provider="pika", environ=KEY)
    job = await harness.call("create_video", "x", duration_seconds=5)
    await harness.call("cancel_job", job.id)
    assert standin.requests[-1].method == "PUT"


async def test_unknown_request_falls_back_to_the_owner_app_url(mode: str) -> None:
    standin = StandIn(check=_check)
    standin.on("GET", f"{QUEUE}/fal-ai/pika/requests/other/status", {"status": "IN_PROGRESS"})
    harness = Harness(mode, standin, provider="pika", environ=KEY)
    assert (await harness.call("get_job_status", "pika:other")).status == "processing"


async def test_missing_key_names_the_variable(mode: str) -> None:
    harness = Harness(mode, _standin({}), provider="pika")
    with pytest.raises(ConfigurationError, match="pika: set FAL_KEY"):
        await harness.call("create_video", "x")
