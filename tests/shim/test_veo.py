"""Veo 3.1 adapter against a stand-in of the Gemini API's long-running operations."""

from __future__ import annotations

import base64

import httpx
import pytest

from sora_migrate.shim import UnsupportedFeature

from .standin import Harness, StandIn

BASE = "https://generativelanguage.googleapis.com"
OPERATION = "models/veo-3.1-generate-preview/operations/op1"
FILE = f"{BASE}/v1beta/files/f1:download?alt=media"


def _check(request: httpx.Request) -> None:
    assert request.headers["x-goog-api-key"] == "gk_test"


def _standin(final: dict) -> StandIn:
    standin = StandIn(check=_check)
    standin.on(
        "POST",
        f"{BASE}/v1beta/models/veo-3.1-generate-preview:predictLongRunning",
        {"name": OPERATION},
    )
    standin.on("GET", f"{BASE}/v1beta/{OPERATION}", {"name": OPERATION}, {"done": False}, final)
    return standin


def test_operation_walks_to_success_and_download_sends_the_key(mode: str) -> None:
    final = {
        "name": OPERATION,
        "done": True,
        "response": {"generateVideoResponse": {"generatedSamples": [{"video": {"uri": FILE}}]}},
    }
    standin = _standin(final)
    standin.on("GET", FILE, httpx.Response(302, headers={"location": "https://dl.test/v.mp4"}))
    standin.on("GET", "https://dl.test/v.mp4", httpx.Response(200, content=b"VEO"))
    harness = Harness(mode, standin, provider="veo", environ={"GEMINI_API_KEY": "gk_test"})
    job = harness.call("generate_video", "surf", duration_seconds=8, resolution="1080p")
    assert (job.id, job.status) == (f"veo:{OPERATION}", "completed")
    assert standin.body(0) == {
        "instances": [{"prompt": "surf"}],
        "parameters": {
            "sampleCount": 1,
            "durationSeconds": 8,
            "aspectRatio": "16:9",
            "resolution": "1080p",
        },
    }
    assert harness.download(job.id) == b"VEO"
    assert standin.requests[-2].headers["x-goog-api-key"] == "gk_test"


def test_google_api_key_is_accepted_too(mode: str) -> None:
    harness = Harness(
        mode, _standin({"done": False}), provider="veo", environ={"GOOGLE_API_KEY": "gk_test"}
    )
    assert harness.call("create_video", "x", duration_seconds=8).status == "pending"


@pytest.mark.parametrize(
    ("final", "message"),
    [
        ({"done": True, "error": {"code": 3, "message": "prompt rejected"}}, "prompt rejected"),
        (
            {
                "done": True,
                "response": {"generateVideoResponse": {"raiMediaFilteredReasons": ["unsafe"]}},
            },
            "unsafe",
        ),
    ],
    ids=["operation error", "safety filter"],
)
def test_failures(mode: str, final: dict, message: str) -> None:
    harness = Harness(mode, _standin(final), provider="veo", environ={"GEMINI_API_KEY": "gk_test"})
    job = harness.call("generate_video", "surf", duration_seconds=8)
    assert (job.status, job.error.message) == ("failed", message)


def test_inline_image_and_unsupported_operations(mode: str) -> None:
    standin = _standin({"done": False})
    harness = Harness(mode, standin, provider="veo", environ={"GEMINI_API_KEY": "gk_test"})
    harness.call("create_video", "x", image=b"\x89PNGdata", duration_seconds=8)
    image = standin.body(0)["instances"][0]["image"]
    assert image == {
        "bytesBase64Encoded": base64.b64encode(b"\x89PNGdata").decode(),
        "mimeType": "image/png",
    }
    with pytest.raises(UnsupportedFeature):
        harness.call("cancel_job", f"veo:{OPERATION}")
    with pytest.raises(UnsupportedFeature, match="inline images"):
        harness.call("create_video", "x", image="https://img.test/a.png")


def test_model_id_is_configurable(mode: str) -> None:
    standin = StandIn(check=_check)
    standin.on(
        "POST", f"{BASE}/v1beta/models/veo-3.1-generate-001:predictLongRunning", {"name": "op"}
    )
    environ = {"GEMINI_API_KEY": "gk_test", "VIDEO_GENERATION_VEO_MODEL": "veo-3.1-generate-001"}
    harness = Harness(mode, standin, provider="veo", environ=environ)
    assert harness.call("create_video", "x", duration_seconds=8).id == "veo:op"
