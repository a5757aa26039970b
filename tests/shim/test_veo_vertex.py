"""Veo 3.1 on Vertex AI against a stand-in of aiplatform.googleapis.com (predictLongRunning,
fetchPredictOperation) and of the Cloud Storage JSON API, with google-auth credentials whose
token refresh is faked (google_credentials.MintingCredentials)."""

from __future__ import annotations

import base64
import sys
from decimal import Decimal

import google.auth
import httpx
import pytest

from sora_migrate.shim import (
    ConfigurationError,
    ProviderError,
    UnsupportedFeature,
    VertexAI,
    VideoClient,
)

from .google_credentials import MintingCredentials
from .standin import Harness, StandIn

pytestmark = pytest.mark.anyio

HOST = "https://us-central1-aiplatform.googleapis.com"
MODEL = "projects/acme/locations/us-central1/publishers/google/models/veo-3.1-generate-001"
OPERATION = f"{MODEL}/operations/op1"
PREDICT = f"{HOST}/v1beta1/{MODEL}:predictLongRunning"
FETCH = f"{HOST}/v1beta1/{MODEL}:fetchPredictOperation"
GCS = "https://storage.googleapis.com/download/storage/v1/b/acme-videos/o/"
OUTPUT = "gs://acme-videos/veo/123/sample_0.mp4"
RUNNING = {"name": OPERATION, "done": False}


def _done(*videos: dict) -> dict:
    return {"name": OPERATION, "done": True, "response": {"videos": list(videos)}}


def _standin(*operations: dict, token: str = "tok-1") -> StandIn:
    def check(request: httpx.Request) -> None:
        if request.url.host.endswith("googleapis.com"):
            assert request.headers["authorization"] == f"Bearer {token}"
        else:
            assert "authorization" not in request.headers  # the token stays with Google

    standin = StandIn(check=check)
    standin.on("POST", PREDICT, {"name": OPERATION})
    standin.on("POST", FETCH, *operations)
    return standin


def _harness(mode: str, standin: StandIn, **settings: object) -> Harness:
    vertex = VertexAI(
        **{"project": "acme", "location": "us-central1", "credentials": MintingCredentials()}
        | settings
    )
    return Harness(mode, standin, provider="veo-vertex", vertex=vertex)


async def test_a_bucket_gets_gs_outputs_downloaded_with_the_same_credentials(mode: str) -> None:
    standin = _standin(RUNNING, _done({"gcsUri": OUTPUT, "mimeType": "video/mp4"}))
    standin.on("GET", f"{GCS}veo%2F123%2Fsample_0.mp4?alt=media", httpx.Response(200, content=b"V"))
    harness = _harness(mode, standin, storage_uri="gs://acme-videos/veo/")
    job = await harness.call("generate_video", "surf", duration_seconds=6, audio=False)
    assert (job.id, job.status, job.video_url) == (f"veo-vertex:{OPERATION}", "completed", OUTPUT)
    assert standin.body(0) == {
        "instances": [{"prompt": "surf"}],
        "parameters": {
            "durationSeconds": 6,
            "generateAudio": False,
            "storageUri": "gs://acme-videos/veo/",
        },
    }
    assert standin.body(1) == {"operationName": OPERATION}
    assert (job.audio, job.provider_defaults) == (False, ("aspect_ratio", "resolution"))
    assert await harness.download(job.id) == b"V"


async def test_without_a_bucket_the_video_comes_back_inline(mode: str) -> None:
    inline = {"bytesBase64Encoded": base64.b64encode(b"MP4").decode(), "mimeType": "video/mp4"}
    standin = _standin(_done(inline))
    harness = _harness(mode, standin)
    job = await harness.call("generate_video", "surf")
    assert standin.body(0) == {"instances": [{"prompt": "surf"}]}  # nothing invented
    assert job.video_url == f"data:video/mp4;base64,{inline['bytesBase64Encoded']}"
    assert "video_url='data:video/mp4;base64,...' (26 characters)" in repr(job)
    assert job.provider_defaults == ("duration_seconds", "aspect_ratio", "resolution", "audio")
    sent = len(standin.requests)
    assert await harness.download(job.id) == b"MP4"
    assert [request.url.path for request in standin.requests[sent:]] == [FETCH[len(HOST) :]]


async def test_an_expired_token_is_refreshed_and_the_quota_project_sent(mode: str) -> None:
    credentials = MintingCredentials(quota_project_id="billing-acme")
    standin = StandIn()
    standin.on("POST", PREDICT, {"name": OPERATION})
    standin.on("POST", FETCH, RUNNING)
    harness = _harness(mode, standin, credentials=credentials)
    job = await harness.call("create_video", "surf")
    credentials.expire()
    await harness.call("get_job_status", job.id)
    await harness.call("get_job_status", job.id)
    tokens = [request.headers["authorization"] for request in standin.requests]
    assert tokens == ["Bearer tok-1", "Bearer tok-2", "Bearer tok-2"]
    assert {request.headers["x-goog-user-project"] for request in standin.requests} == {
        "billing-acme"
    }
    assert credentials.refreshes == 2


@pytest.mark.parametrize(
    ("location", "host"),
    [
        ("us-central1", "https://us-central1-aiplatform.googleapis.com"),
        ("global", "https://aiplatform.googleapis.com"),
        ("eu", "https://aiplatform.eu.rep.googleapis.com"),
    ],
)
async def test_the_location_picks_the_endpoint(mode: str, location: str, host: str) -> None:
    model = f"projects/acme/locations/{location}/publishers/google/models/veo-3.1-generate-001"
    standin = StandIn()
    standin.on(
        "POST", f"{host}/v1beta1/{model}:predictLongRunning", {"name": f"{model}/operations/o"}
    )
    environ = {"GOOGLE_CLOUD_PROJECT": "acme", "GOOGLE_CLOUD_LOCATION": location}
    vertex = VertexAI(credentials=MintingCredentials())
    harness = Harness(mode, standin, provider="veo-vertex", vertex=vertex, environ=environ)
    assert (await harness.call("create_video", "x")).id == f"veo-vertex:{model}/operations/o"


async def test_model_and_bucket_come_from_the_environment(mode: str) -> None:
    model = MODEL.replace("veo-3.1-generate-001", "veo-3.1-fast-generate-001")
    standin = StandIn()
    standin.on(
        "POST", f"{HOST}/v1beta1/{model}:predictLongRunning", {"name": f"{model}/operations/o"}
    )
    environ = {
        "GOOGLE_CLOUD_PROJECT": "acme",
        "GOOGLE_CLOUD_LOCATION": "us-central1",
        "VIDEO_GENERATION_VEO_VERTEX_MODEL": "veo-3.1-fast-generate-001",
        "VIDEO_GENERATION_VEO_VERTEX_STORAGE_URI": "gs://acme-videos/",
    }
    vertex = VertexAI(credentials=MintingCredentials())
    harness = Harness(mode, standin, provider="veo-vertex", vertex=vertex, environ=environ)
    await harness.call("create_video", "x", resolution="1080p")
    assert standin.body(0)["parameters"] == {
        "resolution": "1080p",
        "storageUri": "gs://acme-videos/",
    }


async def test_adc_supplies_credentials_and_project(
    mode: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = MintingCredentials()
    monkeypatch.setattr(google.auth, "default", lambda scopes: (found, "acme"))
    standin = _standin(RUNNING)
    harness = Harness(
        mode, standin, provider="veo-vertex", environ={"GOOGLE_CLOUD_LOCATION": "us-central1"}
    )
    assert (await harness.call("create_video", "x")).status == "pending"
    assert found.refreshes == 1


async def test_no_adc_is_a_configuration_error(
    mode: str, monkeypatch: pytest.MonkeyPatch, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("GOOGLE_APPLICATION_CREDENTIALS", str(tmp_path / "missing.json"))
    harness = Harness(mode, StandIn(), provider="veo-vertex", environ={"GOOGLE_CLOUD_PROJECT": "p"})
    with pytest.raises(
        ConfigurationError, match=r"no Application Default Credentials .*gcloud auth"
    ):
        await harness.call("create_video", "x")


async def test_a_project_is_needed(mode: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(google.auth, "default", lambda scopes: (MintingCredentials(), None))
    harness = Harness(mode, StandIn(), provider="veo-vertex")
    with pytest.raises(ConfigurationError, match="set GOOGLE_CLOUD_PROJECT"):
        await harness.call("create_video", "x")


async def test_without_google_auth_it_says_what_to_install_and_falls_back(
    mode: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "google.auth", None)  # import google.auth now fails
    harness = Harness(mode, StandIn(), provider="veo-vertex", environ={"GOOGLE_CLOUD_PROJECT": "p"})
    with pytest.raises(
        ConfigurationError, match=r"needs google-auth: pip install 'sora-migrate\[vertex\]'"
    ):
        await harness.call("create_video", "x")
    fallback = Harness(
        mode,
        StandIn(),
        provider="veo-vertex",
        fallback="fake",
        environ={"GOOGLE_CLOUD_PROJECT": "p"},
    )
    assert (await fallback.call("create_video", "x")).provider == "fake"


@pytest.mark.parametrize(
    ("final", "message", "code"),
    [
        ({"name": OPERATION, "done": True, "error": {"code": 8, "message": "quota"}}, "quota", "8"),
        (
            {
                "name": OPERATION,
                "done": True,
                "response": {"raiMediaFilteredCount": 1, "raiMediaFilteredReasons": ["unsafe"]},
            },
            "unsafe",
            "FILTERED",
        ),
    ],
    ids=["operation error", "safety filter"],
)
async def test_failures(mode: str, final: dict, message: str, code: str) -> None:
    harness = _harness(mode, _standin(final))
    job = await harness.call("generate_video", "surf")
    assert (job.status, job.error.message, job.error.code) == ("failed", message, code)


async def test_images_inline_or_from_a_bucket(mode: str) -> None:
    standin = _standin(RUNNING)
    harness = _harness(mode, standin)
    await harness.call("create_video", "x", image="gs://acme-in/first.jpg")
    await harness.call("create_video", "x", image=b"\x89PNGdata")
    assert standin.body(0)["instances"][0]["image"] == {
        "gcsUri": "gs://acme-in/first.jpg",
        "mimeType": "image/jpeg",
    }
    assert standin.body(1)["instances"][0]["image"] == {
        "bytesBase64Encoded": base64.b64encode(b"\x89PNGdata").decode(),
        "mimeType": "image/png",
    }
    with pytest.raises(UnsupportedFeature, match="inline images or gs:// URIs"):
        await harness.call("create_video", "x", image="https://img.test/a.png")
    with pytest.raises(UnsupportedFeature, match="no API to cancel"):
        await harness.call("cancel_job", f"veo-vertex:{OPERATION}")


async def test_extend_names_the_earlier_video(mode: str) -> None:
    standin = _standin(_done({"gcsUri": OUTPUT, "mimeType": "video/mp4"}))
    harness = _harness(mode, standin)
    await harness.call("extend_video", f"veo-vertex:{OPERATION}", prompt="on", duration_seconds=8)
    assert standin.body(-1) == {
        "instances": [{"prompt": "on", "video": {"gcsUri": OUTPUT, "mimeType": "video/mp4"}}],
        "parameters": {"durationSeconds": 8},
    }


@pytest.mark.parametrize(
    ("status", "hint"),
    [(404, "offered in location 'us-central1'"), (403, "Vertex AI User role on project 'acme'")],
)
async def test_errors_say_what_to_check(mode: str, status: int, hint: str) -> None:
    standin = StandIn()
    standin.on("POST", PREDICT, httpx.Response(status, json={"error": {"message": "denied"}}))
    harness = _harness(mode, standin)
    with pytest.raises(ProviderError, match=f"denied; .*{hint}"):
        await harness.call("create_video", "x")


def test_both_routes_are_priced() -> None:
    vertex = VertexAI(project="acme", credentials=MintingCredentials())
    client = VideoClient(provider="veo-vertex", vertex=vertex)
    with_sound = client.estimate_cost()
    assert (with_sound.amount, with_sound.audio, with_sound.confirmed) == (
        Decimal("3.2000"),
        True,
        False,
    )
    assert client.estimate_cost(8, audio=False).amount == Decimal("1.6000")
    assert VideoClient(provider="veo").estimate_cost(8).amount == Decimal("3.2000")
