"""Pika 2.2 through a stand-in of the fal.ai queue: status and result URLs come from submit."""

from __future__ import annotations

import httpx
import pytest

from .standin import Harness, StandIn

QUEUE = "https://queue.fal.run"
SUBMIT = {
    "request_id": "req1",
    "status_url": f"{QUEUE}/fal-ai/pika/requests/req1/status?from=submit",
    "response_url": f"{QUEUE}/fal-ai/pika/requests/req1?from=submit",
    "cancel_url": f"{QUEUE}/fal-ai/pika/requests/req1/cancel?from=submit",
}


def _check(request: httpx.Request) -> None:
    assert request.headers["authorization"] == "Key fal_test"


def _standin(result: object) -> StandIn:
    standin = StandIn(check=_check)
    standin.on("POST", f"{QUEUE}/fal-ai/pika/v2.2/text-to-video", SUBMIT)
    standin.on(
        "GET",
        SUBMIT["status_url"],
        {"status": "IN_QUEUE", "queue_position": 2},
        {"status": "IN_PROGRESS"},
        {"status": "COMPLETED"},
    )
    standin.on("GET", SUBMIT["response_url"], result)
    return standin


def test_queue_walks_to_success_using_the_returned_urls(mode: str) -> None:
    standin = _standin({"video": {"url": "https://v3.fal.media/out.mp4"}})
    harness = Harness(mode, standin, provider="pika", environ={"FAL_KEY": "fal_test"})
    job = harness.call("generate_video", "neon city", duration_seconds=10, resolution="1080p")
    assert (job.id, job.status, job.video_url) == (
        "pika:req1",
        "completed",
        "https://v3.fal.media/out.mp4",
    )
    assert standin.body(0) == {
        "prompt": "neon city",
        "resolution": "1080p",
        "duration": 10,
        "aspect_ratio": "16:9",
    }
    assert all("from=submit" in str(r.url) for r in standin.requests[1:])


def test_failure_surfaces_from_the_result_request(mode: str) -> None:
    standin = _standin(httpx.Response(422, json={"detail": "prompt flagged"}))
    harness = Harness(mode, standin, provider="pika", environ={"FAL_KEY": "fal_test"})
    job = harness.call("generate_video", "neon city", duration_seconds=5)
    assert (job.status, job.error.message) == ("failed", "prompt flagged")


def test_cancel_uses_the_cancel_url(mode: str) -> None:
    standin = _standin({})
    standin.on("PUT", SUBMIT["cancel_url"], {"status": "CANCELLATION_REQUESTED"})
    harness = Harness(mode, standin, provider="pika", environ={"FAL_KEY": "fal_test"})
    job = harness.call("create_video", "x", duration_seconds=5)
    harness.call("cancel_job", job.id)
    assert standin.requests[-1].method == "PUT"


def test_missing_key_names_the_variable(mode: str) -> None:
    harness = Harness(mode, _standin({}), provider="pika")
    with pytest.raises(Exception, match="set FAL_KEY"):
        harness.call("create_video", "x")
