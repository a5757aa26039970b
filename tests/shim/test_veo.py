"""Veo 3.1 adapter against a stand-in of the Gemini API's long-running operations (§2)."""

from __future__ import annotations

import base64

import httpx
import pytest

from sora_migrate.shim import ParameterMapped, ProviderError, UnsupportedFeature

from .standin import Harness, StandIn

pytestmark = pytest.mark.anyio

BASE = "https://generativelanguage.googleapis.com"
OPERATION = "models/veo-3.1-generate-preview/operations/op1"
FILE = f"{BASE}/v1beta/files/f1:download?alt=media"
KEY = {"GEMINI_API_KEY": "gk_test"}


def _check(request: httpx.Request) -> None:
    if request.url.host == "generativelanguage.googleapis.com":
        assert request.headers["x-goog-api-key"] == "gk_test"
    else:
        assert "x-goog-api-key" not in request.headers  # the key stays with Google's API


def _standin(final: dict) -> StandIn:
    standin = StandIn(check=_check)
    standin.on(
        "POST",
        f"{BASE}/v1beta/models/veo-3.1-generate-preview:predictLongRunning",
        {"name": OPERATION},
    )
    standin.on("GET", f"{BASE}/v1beta/{OPERATION}", {"name": OPERATION}, {"done": False}, final)
    return standin


async def test_operation_walks_to_success_and_download_sends_the_key(mode: str) -> None:
    final = {
        "name": OPERATION,
        "done": True,
        "response": {"generateVideoResponse": {"generatedSamples": [{"video": {"uri": FILE}}]}},
    }
    standin = _standin(final)
    standin.on("GET", FILE, httpx.Response(302, headers={"location": "https://dl.test/v.mp4"}))
    standin.on("GET", "https://dl.test/v.mp4", httpx.Response(200, content=b"VEO"))
    harness = Harness(mode, standin, provider="veo", environ=KEY)
    job = await harness.call("generate_video", "surf", duration_seconds=8, resolution="1080p")
    assert (job.id, job.status, job.video_url) == (f"veo:{OPERATION}", "completed", FILE)
    assert standin.body(0) == {
        "instances": [{"prompt": "surf"}],
        "parameters": {"durationSeconds": 8, "resolution": "1080p"},
    }
    assert (job.aspect_ratio, job.audio, job.provider_defaults) == (
        "16:9",
        True,
        ("aspect_ratio", "audio"),
    )
    assert await harness.download(job.id) == b"VEO"
    assert [str(request.url) for request in standin.requests[-2:]] == [
        FILE,
        "https://dl.test/v.mp4",
    ]


async def test_google_api_key_is_accepted_too(mode: str) -> None:
    harness = Harness(
        mode, _standin({"done": False}), provider="veo", environ={"GOOGLE_API_KEY": "gk_test"}
    )
    job = await harness.call("create_video", "x", duration_seconds=8)
    assert (job.status, job.progress) == ("pending", 0)
    assert (await harness.call("get_job_status", job.id)).status == "processing"


@pytest.mark.parametrize(
    ("final", "message", "code"),
    [
        (
            {"done": True, "error": {"code": 3, "message": "prompt rejected"}},
            "prompt rejected",
            "3",
        ),
        ({"done": True, "error": {"message": "internal"}}, "internal", None),
        (
            {
                "done": True,
                "response": {"generateVideoResponse": {"raiMediaFilteredReasons": ["unsafe"]}},
            },
            "unsafe",
            "FILTERED",
        ),
    ],
    ids=["operation error", "operation error without a code", "safety filter"],
)
async def test_failures(mode: str, final: dict, message: str, code: str | None) -> None:
    harness = Harness(mode, _standin(final), provider="veo", environ=KEY)
    job = await harness.call("generate_video", "surf", duration_seconds=8)
    assert (job.status, job.error.message, job.error.code) == ("failed", message, code)


async def test_inline_image_and_unsupported_operations(mode: str) -> None:
    standin = _standin({"done": False})
    harness = Harness(mode, standin, provider="veo", environ=KEY)
    await harness.call("create_video", "x", image=b"\x89PNGdata", duration_seconds=8)
    image = standin.body(0)["instances"][0]["image"]
    assert image == {
        "bytesBase64Encoded": base64.b64encode(b"\x89PNGdata").decode(),
        "mimeType": "image/png",
    }
    with pytest.raises(UnsupportedFeature):
        await harness.call("cancel_job", f"veo:{OPERATION}")
    with pytest.raises(UnsupportedFeature, match="inline images"):
        await harness.call("create_video", "x", image="https://img.test/a.png")


async def test_audio_cannot_be_turned_off(mode: str) -> None:
    harness = Harness(mode, _standin({"done": False}), provider="veo", environ=KEY)
    assert harness.client.supports_native_audio() is True
    with pytest.warns(ParameterMapped, match="veo ignores audio=False: its videos always have"):
        await harness.call("create_video", "x", duration_seconds=8, audio=False)


async def test_extend_passes_the_earlier_video(mode: str) -> None:
    done = {
        "done": True,
        "response": {"generateVideoResponse": {"generatedSamples": [{"video": {"uri": FILE}}]}},
    }
    standin = _standin(done)
    harness = Harness(mode, standin, provider="veo", environ=KEY)
    standin.on("GET", f"{BASE}/v1beta/{OPERATION}", done)
    standin.on(
        "POST",
        f"{BASE}/v1beta/models/veo-3.1-generate-preview:predictLongRunning",
        {"name": "models/veo-3.1-generate-preview/operations/op2"},
    )
    with pytest.warns(ParameterMapped, match="duration_seconds=7; using 8"):
        job = await harness.call(
            "extend_video", f"veo:{OPERATION}", prompt="on", duration_seconds=7
        )
    assert job.id == "veo:models/veo-3.1-generate-preview/operations/op2"
    assert standin.body(-1) == {
        "instances": [{"prompt": "on", "video": {"uri": FILE}}],
        "parameters": {"durationSeconds": 8},
    }


async def test_model_id_is_configurable(mode: str) -> None:
    standin = StandIn(check=_check)
    standin.on(
        "POST", f"{BASE}/v1beta/models/veo-3.1-generate-001:predictLongRunning", {"name": "op"}
    )
    environ = {**KEY, "VIDEO_GENERATION_VEO_MODEL": "veo-3.1-generate-001"}
    harness = Harness(mode, standin, provider="veo", environ=environ)
    assert (await harness.call("create_video", "x", duration_seconds=8)).id == "veo:op"


async def test_retired_model_error_says_how_to_switch(mode: str) -> None:
    retired = httpx.Response(
        404, json={"error": {"code": 404, "message": "model is no longer available"}}
    )
    standin = StandIn(check=_check)
    standin.on("POST", f"{BASE}/v1beta/models/veo-3.1-generate-preview:predictLongRunning", retired)
    harness = Harness(mode, standin, provider="veo", environ=KEY)
    with pytest.raises(
        ProviderError, match=r"no longer available; .* VIDEO_GENERATION_VEO_MODEL .*veo-vertex"
    ):
        await harness.call("create_video", "x", duration_seconds=8)
