"""Runway adapter against a stand-in of api.dev.runwayml.com."""

from __future__ import annotations

import httpx
import pytest

from sora_migrate.shim import UnsupportedFeature

from .standin import Harness, StandIn

BASE = "https://api.dev.runwayml.com"
KEYS = {"runway": {"RUNWAYML_API_SECRET": "rk_test_secret"}}


def _check(request: httpx.Request) -> None:
    if request.url.host != "api.dev.runwayml.com":
        assert "authorization" not in request.headers  # signed output URLs get no key
        return
    assert request.headers["authorization"] == "Bearer rk_test_secret"
    assert request.headers["x-runway-version"] == "2024-11-06"


def _standin(final: dict) -> StandIn:
    standin = StandIn(check=_check)
    standin.on("POST", f"{BASE}/v1/text_to_video", {"id": "task_1"})
    standin.on(
        "GET",
        f"{BASE}/v1/tasks/task_1",
        {"id": "task_1", "status": "PENDING"},
        {"id": "task_1", "status": "THROTTLED"},
        {"id": "task_1", "status": "RUNNING", "progress": 0.4},
        final,
    )
    return standin


def test_text_to_video_walks_to_success(mode: str) -> None:
    final = {"id": "task_1", "status": "SUCCEEDED", "output": ["https://cdn.runway.test/v.mp4"]}
    standin = _standin(final)
    standin.on("GET", "https://cdn.runway.test/v.mp4", httpx.Response(200, content=b"MP4DATA"))
    harness = Harness(mode, standin, provider="runway", api_keys=KEYS)
    job = harness.call("generate_video", "a kite", duration_seconds=8, aspect_ratio="9:16")
    assert (job.id, job.status, job.progress, job.video_url) == (
        "runway:task_1",
        "completed",
        100,
        "https://cdn.runway.test/v.mp4",
    )
    assert standin.body(0) == {
        "model": "gen4.5",
        "promptText": "a kite",
        "ratio": "720:1280",
        "duration": 8,
    }
    assert harness.sleeps == [5.0, 5.0, 5.0, 5.0]
    assert harness.download(job.id) == b"MP4DATA"


def test_failure_keeps_the_provider_message(mode: str) -> None:
    final = {
        "id": "task_1",
        "status": "FAILED",
        "failure": "blocked",
        "failureCode": "SAFETY.INPUT.TEXT",
    }
    harness = Harness(mode, _standin(final), provider="runway", api_keys=KEYS)
    job = harness.call("generate_video", "a kite", duration_seconds=5)
    assert job.status == "failed"
    assert (job.error.message, job.error.code) == ("blocked", "SAFETY.INPUT.TEXT")


def test_image_to_video_and_cancel(mode: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    image = tmp_path / "first.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\nxx")
    standin = StandIn(check=_check)
    standin.on("POST", f"{BASE}/v1/image_to_video", {"id": "task_9"})
    standin.on("DELETE", f"{BASE}/v1/tasks/task_9", httpx.Response(204))
    harness = Harness(mode, standin, provider="runway", api_keys=KEYS)
    job = harness.call("create_video", "move", image=str(image), duration_seconds=5)
    assert standin.body(0)["promptImage"].startswith("data:image/png;base64,")
    harness.call("cancel_job", job.id)
    assert standin.requests[-1].method == "DELETE"


def test_unknown_status_is_an_error_not_a_guess(mode: str) -> None:
    standin = _standin({"id": "task_1", "status": "PAUSED"})
    harness = Harness(mode, standin, provider="runway", api_keys=KEYS)
    job = harness.call("create_video", "x", duration_seconds=5)
    for _ in range(3):
        harness.call("get_job_status", job.id)
    with pytest.raises(Exception, match="unknown job status 'PAUSED'"):
        harness.call("get_job_status", job.id)


def test_extend_and_audio_are_unsupported(mode: str) -> None:
    harness = Harness(mode, _standin({}), provider="runway", api_keys=KEYS)
    with pytest.raises(UnsupportedFeature, match="cannot extend"):
        harness.call("extend_video", "runway:task_1", prompt="more")
    with pytest.raises(UnsupportedFeature, match="audio"):
        harness.call("create_video", "x", audio=True)
