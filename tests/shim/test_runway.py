"""Runway adapter against a stand-in of api.dev.runwayml.com (providers.md §1)."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from sora_migrate.shim import ParameterMapped, ProviderError, UnsupportedFeature

from .standin import Harness, StandIn

pytestmark = pytest.mark.anyio

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


async def test_text_to_video_walks_to_success(mode: str) -> None:
    final = {"id": "task_1", "status": "SUCCEEDED", "output": ["https://cdn.runway.test/v.mp4"]}
    standin = _standin(final)
    standin.on("GET", "https://cdn.runway.test/v.mp4", httpx.Response(200, content=b"MP4DATA"))
    harness = Harness(mode, standin, provider="runway", api_keys=KEYS)
    job = await harness.call("generate_video", "a kite", duration_seconds=8, aspect_ratio="9:16")
    assert (job.id, job.status, job.progress, job.error, job.video_url) == (
        "runway:task_1",
        "completed",
        100,
        None,
        "https://cdn.runway.test/v.mp4",
    )
    assert standin.body(0) == {
        "model": "gen4.5",
        "promptText": "a kite",
        "ratio": "720:1280",
        "duration": 8,
    }
    assert harness.sleeps == [5.0, 5.0, 5.0, 5.0]
    assert await harness.download(job.id) == b"MP4DATA"


async def test_each_status_value_maps_to_a_shim_status(mode: str) -> None:
    standin = _standin({"id": "task_1", "status": "CANCELLED"})
    harness = Harness(mode, standin, provider="runway", api_keys=KEYS)
    await harness.call("create_video", "a kite", duration_seconds=5)
    seen = [await harness.call("get_job_status", "runway:task_1") for _ in range(4)]
    assert [(job.status, job.progress) for job in seen] == [
        ("pending", 0),
        ("pending", 0),
        ("processing", 40),
        ("failed", 0),
    ]
    assert (seen[-1].error.message, seen[-1].error.code) == ("cancelled", "CANCELLED")
    assert seen[2].raw == {"id": "task_1", "status": "RUNNING", "progress": 0.4}


async def test_failure_keeps_the_provider_message(mode: str) -> None:
    final = {
        "id": "task_1",
        "status": "FAILED",
        "failure": "blocked",
        "failureCode": "SAFETY.INPUT.TEXT",
    }
    harness = Harness(mode, _standin(final), provider="runway", api_keys=KEYS)
    job = await harness.call("generate_video", "a kite", duration_seconds=5)
    assert job.status == "failed"
    assert (job.error.message, job.error.code) == ("blocked", "SAFETY.INPUT.TEXT")


async def test_image_to_video_and_cancel(mode: str, tmp_path: Path) -> None:
    image = tmp_path / "first.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\nxx")
    standin = StandIn(check=_check)
    standin.on("POST", f"{BASE}/v1/image_to_video", {"id": "task_9"})
    standin.on("DELETE", f"{BASE}/v1/tasks/task_9", httpx.Response(204))
    harness = Harness(mode, standin, provider="runway", api_keys=KEYS)
    job = await harness.call("create_video", "move", image=str(image), duration_seconds=5)
    assert standin.body(0)["promptImage"].startswith("data:image/png;base64,")
    assert standin.body(0)["ratio"] == "1280:720"
    await harness.call("cancel_job", job.id)
    assert standin.requests[-1].method == "DELETE"


async def test_unknown_status_is_an_error_not_a_guess(mode: str) -> None:
    standin = StandIn(check=_check)
    standin.on("GET", f"{BASE}/v1/tasks/task_1", {"id": "task_1", "status": "PAUSED"})
    harness = Harness(mode, standin, provider="runway", api_keys=KEYS)
    with pytest.raises(ProviderError, match="unknown job status 'PAUSED'"):
        await harness.call("get_job_status", "runway:task_1")


async def test_success_without_output_is_an_error(mode: str) -> None:
    standin = StandIn(check=_check)
    standin.on("GET", f"{BASE}/v1/tasks/task_1", {"id": "task_1", "status": "SUCCEEDED"})
    harness = Harness(mode, standin, provider="runway", api_keys=KEYS)
    with pytest.raises(ProviderError, match="response has no output"):
        await harness.call("get_job_status", "runway:task_1")


async def test_unoffered_values_are_mapped_with_a_warning(mode: str) -> None:
    standin = _standin({})
    harness = Harness(mode, standin, provider="runway", api_keys=KEYS)
    with pytest.warns(ParameterMapped) as record:
        await harness.call(
            "create_video", "x", duration_seconds=12, aspect_ratio="1:1", resolution="1080p"
        )
    assert [str(warning.message) for warning in record] == [
        "runway does not offer duration_seconds=12; using 10",
        "runway does not offer aspect_ratio='1:1'; using '16:9'",
        "runway does not offer resolution='1080p'; using '720p'",
    ]
    assert (standin.body(0)["duration"], standin.body(0)["ratio"]) == (10, "1280:720")


async def test_extend_and_audio_are_unsupported(mode: str) -> None:
    harness = Harness(mode, _standin({}), provider="runway", api_keys=KEYS)
    with pytest.raises(UnsupportedFeature, match="cannot extend"):
        await harness.call("extend_video", "runway:task_1", prompt="more")
    with pytest.raises(UnsupportedFeature, match="audio"):
        await harness.call("create_video", "x", audio=True)
