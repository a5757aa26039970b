"""The shim against the providers' official SDKs, request by request: each SDK and the shim make
the same call against one local stand-in, which records what each sends; the method, URL, auth
and version headers and JSON body must be equal. google-genai (Veo on Vertex AI), runwayml,
lumaai and fal-client; Kling has no official SDK. google-genai no longer sends video requests in
Gemini API mode, so the Gemini route is compared with its body for the fields both routes share.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from typing import Any

import fal_client
import fal_client.client
import httpx
import lumaai
import pytest
import runwayml
from google import genai
from google.genai import types

from sora_migrate.shim import VertexAI

from .google_credentials import MintingCredentials
from .standin import Harness, StandIn

HEADERS = ("authorization", "x-goog-api-key", "x-goog-user-project", "x-runway-version")
Wire = tuple[str, str, dict[str, str], Any]


def wire(request: httpx.Request) -> Wire:
    """What a request puts on the wire that an API reads: method, URL, auth, body."""
    headers = {name: request.headers[name] for name in HEADERS if name in request.headers}
    body = json.loads(request.content) if request.content else None
    return request.method, str(request.url), headers, body


def sent(standin: StandIn, *actions: Callable[[], object]) -> list[Wire]:
    """The requests the `actions`, run in turn, make on `standin`."""
    start = len(standin.requests)
    for action in actions:
        action()
    return [wire(request) for request in standin.requests[start:]]


def shim(standin: StandIn, **options: Any) -> Any:
    """The shim's sync client on the stand-in."""
    return Harness("sync", standin, **options).client


def shim_lifecycle(
    standin: StandIn, provider: str, key: str, prompt: str, arguments: dict[str, Any], raw_id: str
) -> list[Wire]:
    """What the shim sends to create a job, read its status and cancel it."""
    ours = shim(standin, provider=provider, api_keys={provider: key})
    job_id = f"{provider}:{raw_id}"
    return sent(
        standin,
        lambda: ours.create_video(prompt, **arguments),
        lambda: ours.get_job_status(job_id),
        lambda: ours.cancel_job(job_id),
    )


# --- Veo on Vertex AI: google-genai in Vertex mode ---------------------------------------------

HOST = "https://us-central1-aiplatform.googleapis.com/v1beta1"
MODEL = "projects/acme/locations/us-central1/publishers/google/models/veo-3.1-generate-001"
OPERATION = f"{MODEL}/operations/op1"
OUTPUT = "gs://acme-videos/out/sample_0.mp4"
DONE = {"name": OPERATION, "done": True, "response": {"videos": [{"gcsUri": OUTPUT}]}}


def _vertex_standin(final: dict[str, Any] = DONE) -> StandIn:
    standin = StandIn()
    standin.on("POST", f"{HOST}/{MODEL}:predictLongRunning", {"name": OPERATION})
    standin.on("POST", f"{HOST}/{MODEL}:fetchPredictOperation", final)
    return standin


def _genai(standin: StandIn) -> genai.Client:
    return genai.Client(
        vertexai=True,
        project="acme",
        location="us-central1",
        credentials=MintingCredentials(quota_project_id="billing-acme"),
        http_options=types.HttpOptions(
            client_args={"transport": httpx.MockTransport(standin.handle)}
        ),
    )


def _vertex_shim(standin: StandIn, storage_uri: str | None = None) -> Any:
    vertex = VertexAI(
        project="acme",
        location="us-central1",
        credentials=MintingCredentials(quota_project_id="billing-acme"),
        storage_uri=storage_uri,
    )
    return shim(standin, provider="veo-vertex", vertex=vertex)


PNG = b"\x89PNG\r\n\x1a\nimage"
VERTEX_CASES: dict[str, tuple[dict[str, Any], dict[str, Any], str | None]] = {
    # name: (google-genai generate_videos arguments, shim create_video arguments, bucket)
    "a bare prompt": ({"source": {"prompt": "surf"}}, {}, None),
    "every parameter": (
        {
            "source": {"prompt": "surf"},
            "config": {
                "duration_seconds": 6,
                "aspect_ratio": "9:16",
                "resolution": "1080p",
                "generate_audio": False,
                "output_gcs_uri": "gs://acme-videos/out/",
            },
        },
        {"duration_seconds": 6, "aspect_ratio": "9:16", "resolution": "1080p", "audio": False},
        "gs://acme-videos/out/",
    ),
    "inline image": (
        {"source": {"prompt": "surf", "image": {"image_bytes": PNG, "mime_type": "image/png"}}},
        {"image": PNG},
        None,
    ),
    "image in a bucket": (
        {
            "source": {
                "prompt": "surf",
                "image": {"gcs_uri": "gs://acme-in/first.png", "mime_type": "image/png"},
            }
        },
        {"image": "gs://acme-in/first.png"},
        None,
    ),
}


@pytest.mark.parametrize("case", list(VERTEX_CASES))
def test_vertex_create_and_poll_match_google_genai(case: str) -> None:
    sdk_arguments, shim_arguments, bucket = VERTEX_CASES[case]
    standin = _vertex_standin()
    client = _genai(standin)
    operation: list[Any] = []
    official = sent(
        standin,
        lambda: operation.append(
            client.models.generate_videos(model="veo-3.1-generate-001", **sdk_arguments)
        ),
        lambda: client.operations.get(operation[0]),
    )
    ours = _vertex_shim(standin, bucket)
    job: list[Any] = []
    mine = sent(
        standin,
        lambda: job.append(ours.create_video("surf", **shim_arguments)),
        lambda: ours.get_job_status(job[0].id),
    )
    assert mine == official
    assert len(official) == 2


def test_vertex_outputs_read_as_google_genai_reads_them() -> None:
    standin = _vertex_standin()
    client = _genai(standin)
    operation = client.operations.get(
        client.models.generate_videos(model="veo-3.1-generate-001", source={"prompt": "x"})
    )
    job = _vertex_shim(standin).create_video("x")
    assert job.id == f"veo-vertex:{operation.name}"
    assert _vertex_shim(standin).get_job_status(job.id).video_url == (
        operation.response.generated_videos[0].video.uri
    )
    inline = {"bytesBase64Encoded": base64.b64encode(b"MP4").decode(), "mimeType": "video/mp4"}
    standin = _vertex_standin({**DONE, "response": {"videos": [inline]}})
    client = _genai(standin)
    operation = client.operations.get(
        client.models.generate_videos(model="veo-3.1-generate-001", source={"prompt": "x"})
    )
    ours = _vertex_shim(standin)
    video = ours.get_video_output(ours.create_video("x").id).read()
    assert video == operation.response.generated_videos[0].video.video_bytes == b"MP4"


def test_vertex_extend_matches_google_genai() -> None:
    standin = _vertex_standin()
    client = _genai(standin)
    earlier = types.Video(uri=OUTPUT, mime_type="video/mp4")
    official = sent(
        standin,
        lambda: client.models.generate_videos(
            model="veo-3.1-generate-001",
            source={"prompt": "on", "video": earlier},
            config={"duration_seconds": 8},
        ),
    )
    ours = _vertex_shim(standin)
    extend = sent(standin, lambda: ours.extend_video(f"veo-vertex:{OPERATION}", "on", 8))
    assert extend[-1] == official[-1]  # after the poll that finds the earlier video


def test_gemini_route_bodies_match_google_genai_for_the_shared_fields() -> None:
    standin = _vertex_standin()
    client = _genai(standin)
    config = {"duration_seconds": 4, "aspect_ratio": "9:16", "resolution": "4k"}
    official = sent(
        standin,
        lambda: client.models.generate_videos(
            model="veo-3.1-generate-001", source={"prompt": "surf"}, config=config
        ),
    )
    gemini = StandIn()
    gemini.on(
        "POST",
        "https://generativelanguage.googleapis.com/v1beta/models/veo-3.1-generate-preview:predictLongRunning",
        {"name": "models/veo-3.1-generate-preview/operations/o"},
    )
    ours = shim(gemini, provider="veo", api_keys={"veo": "gk"})
    mine = sent(
        gemini,
        lambda: ours.create_video("surf", duration_seconds=4, aspect_ratio="9:16", resolution="4k"),
    )
    assert mine[0][3] == official[0][3]
    assert mine[0][2] == {"x-goog-api-key": "gk"}


# --- Runway: runwayml ---------------------------------------------------------------------------

RUNWAY = "https://api.dev.runwayml.com"


def _runway_standin() -> StandIn:
    standin = StandIn()
    standin.on("POST", f"{RUNWAY}/v1/text_to_video", {"id": "task_1"})
    standin.on("POST", f"{RUNWAY}/v1/image_to_video", {"id": "task_1"})
    task = {"id": "task_1", "status": "RUNNING", "createdAt": "2026-12-03T00:00:00Z"}
    standin.on("GET", f"{RUNWAY}/v1/tasks/task_1", task)
    standin.on("DELETE", f"{RUNWAY}/v1/tasks/task_1", httpx.Response(204))
    return standin


RUNWAY_CASES: dict[str, tuple[str, dict[str, Any], dict[str, Any]]] = {
    # name: (SDK resource, SDK arguments, shim create_video arguments)
    "the shim's choice for the required ratio and duration": (
        "text_to_video",
        {"model": "gen4.5", "prompt_text": "kite", "ratio": "1280:720", "duration": 5},
        {},
    ),
    "portrait, 8 s": (
        "text_to_video",
        {"model": "gen4.5", "prompt_text": "kite", "ratio": "720:1280", "duration": 8},
        {"aspect_ratio": "9:16", "duration_seconds": 8},
    ),
    "image URL": (
        "image_to_video",
        {
            "model": "gen4.5",
            "prompt_text": "kite",
            "prompt_image": "https://img.test/a.png",
            "ratio": "1280:720",
            "duration": 5,
        },
        {"image": "https://img.test/a.png"},
    ),
}


@pytest.mark.parametrize("case", list(RUNWAY_CASES))
def test_runway_matches_runwayml(case: str) -> None:
    resource, sdk_arguments, shim_arguments = RUNWAY_CASES[case]
    standin = _runway_standin()
    client = runwayml.RunwayML(
        api_key="rk_test",
        max_retries=0,
        http_client=httpx.Client(transport=httpx.MockTransport(standin.handle)),
    )
    official = sent(
        standin,
        lambda: getattr(client, resource).create(**sdk_arguments),
        lambda: client.tasks.retrieve("task_1"),
        lambda: client.tasks.delete("task_1"),
    )
    mine = shim_lifecycle(standin, "runway", "rk_test", "kite", shim_arguments, "task_1")
    assert mine == official


# --- Luma: lumaai -------------------------------------------------------------------------------

LUMA = "https://api.lumalabs.ai/dream-machine/v1"
GENERATION = {
    "id": "gen1",
    "state": "completed",
    "created_at": "2026-12-03T00:00:00Z",
    "generation_type": "video",
    "model": "ray-2",
    "request": {"prompt": "dunes"},
    "assets": {"video": "https://cdn.luma.test/g.mp4"},
}
LUMA_CASES: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {
    "a bare prompt": ({}, {}),
    "every parameter": (
        {"duration": "9s", "aspect_ratio": "9:16", "resolution": "1080p"},
        {"duration_seconds": 9, "aspect_ratio": "9:16", "resolution": "1080p"},
    ),
    "start image": (
        {"keyframes": {"frame0": {"type": "image", "url": "https://img.test/a.png"}}},
        {"image": "https://img.test/a.png"},
    ),
}


def _luma_standin() -> StandIn:
    standin = StandIn()
    standin.on("POST", f"{LUMA}/generations/video", GENERATION)
    standin.on("GET", f"{LUMA}/generations/gen1", GENERATION)
    standin.on("DELETE", f"{LUMA}/generations/gen1", httpx.Response(204))
    return standin


def _lumaai(standin: StandIn) -> lumaai.LumaAI:
    return lumaai.LumaAI(
        auth_token="luma_test",
        max_retries=0,
        http_client=httpx.Client(transport=httpx.MockTransport(standin.handle)),
    )


@pytest.mark.parametrize("case", list(LUMA_CASES))
def test_luma_matches_lumaai(case: str) -> None:
    sdk_arguments, shim_arguments = LUMA_CASES[case]
    standin = _luma_standin()
    client = _lumaai(standin)
    official = sent(
        standin,
        lambda: client.generations.video.create(model="ray-2", prompt="dunes", **sdk_arguments),
        lambda: client.generations.get("gen1"),
        lambda: client.generations.delete("gen1"),
    )
    mine = shim_lifecycle(standin, "luma", "luma_test", "dunes", shim_arguments, "gen1")
    assert mine == official


def test_luma_extend_matches_lumaai() -> None:
    standin = _luma_standin()
    keyframes = {"frame0": {"type": "generation", "id": "gen1"}}
    official = sent(
        standin,
        lambda: _lumaai(standin).generations.video.create(
            model="ray-2", prompt="more", keyframes=keyframes
        ),
    )
    ours = shim(standin, provider="luma", api_keys={"luma": "luma_test"})
    assert sent(standin, lambda: ours.extend_video("luma:gen1", "more"))[-1] == official[0]


# --- Pika on fal.ai: fal-client -----------------------------------------------------------------

QUEUE = "https://queue.fal.run"
REQUESTS = f"{QUEUE}/fal-ai/pika/requests/req1"
SUBMITTED = {
    "request_id": "req1",
    "status_url": f"{REQUESTS}/status",
    "response_url": REQUESTS,
    "cancel_url": f"{REQUESTS}/cancel",
}
FAL_CASES: dict[str, tuple[str, dict[str, Any], dict[str, Any]]] = {
    "a bare prompt": ("text-to-video", {}, {}),
    "every parameter": (
        "text-to-video",
        {"duration": 10, "resolution": "1080p", "aspect_ratio": "9:16"},
        {"duration_seconds": 10, "resolution": "1080p", "aspect_ratio": "9:16"},
    ),
    "start image": (
        "image-to-video",
        {"image_url": "https://img.test/a.png"},
        {"image": "https://img.test/a.png"},
    ),
}


@pytest.mark.parametrize("case", list(FAL_CASES))
def test_pika_matches_fal_client(case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    endpoint, sdk_arguments, shim_arguments = FAL_CASES[case]
    standin = StandIn()
    standin.on("POST", f"{QUEUE}/fal-ai/pika/v2.2/{endpoint}", SUBMITTED)
    standin.on("GET", f"{REQUESTS}/status?logs=false", {"status": "IN_QUEUE", "queue_position": 1})
    standin.on("GET", f"{REQUESTS}/status", {"status": "IN_QUEUE", "queue_position": 1})
    standin.on("PUT", f"{REQUESTS}/cancel", {"status": "CANCELLATION_REQUESTED"})
    transport = httpx.MockTransport(standin.handle)
    monkeypatch.setattr(fal_client.client, "BackupDomainTransport", lambda: transport)
    client = fal_client.SyncClient(key="fal_test")
    arguments = {"prompt": "neon", **sdk_arguments}
    handle: list[Any] = []
    official = sent(
        standin,
        lambda: handle.append(client.submit(f"fal-ai/pika/v2.2/{endpoint}", arguments=arguments)),
        lambda: handle[0].status(),
        lambda: handle[0].cancel(),
    )
    mine = shim_lifecycle(standin, "pika", "fal_test", "neon", shim_arguments, "req1")
    # fal-client rebuilds the status URL with ?logs=false; the shim polls the URL submit returned
    method, url, headers, body = official[1]
    assert mine == [
        official[0],
        (method, url.removesuffix("?logs=false"), headers, body),
        official[2],
    ]
