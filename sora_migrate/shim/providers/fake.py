"""The `fake` provider: offline, no credentials. An in-process HTTP stand-in (an
`httpx.MockTransport`) plays a video API, so the client runs its real code path: a job answers
`processing` to the first VIDEO_GENERATION_FAKE_POLLS status reads (default 2) and then
completes; the output is a small valid MP4 shipped with the package (`assets/fake.mp4`). A prompt
containing `[fail]` makes the job fail."""

from __future__ import annotations

import itertools
import json
import os
import threading
from importlib import resources
from typing import Any, ClassVar

import httpx

from ..jobs import JobError
from ..params import VideoRequest
from ..specs import provider_spec
from .base import Adapter, Call, JobState, require

BASE_URL = provider_spec("fake").default_base_url
# a 1x1 grey PNG: the fake provider's thumbnail
THUMBNAIL = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c494441"
    "54789c636868680000030401814bd3d2100000000049454e44ae426082"
)


class Fake(Adapter):
    """A local stand-in provider for tests and development."""

    name: ClassVar[str] = "fake"

    @classmethod
    def read_secrets(cls, source: Any, where: str = "set") -> dict[str, str]:
        return {}

    def auth_headers(self) -> dict[str, str]:
        return {}

    def create(self, request: VideoRequest) -> Call:
        body: dict[str, Any] = {"prompt": request.prompt, "model": request.model}
        if request.duration_seconds is not None:
            body["seconds"] = request.duration_seconds
        return Call("POST", self.url("/jobs"), body)

    def parse_created(self, payload: Any, request: VideoRequest) -> tuple[str, JobState]:
        return str(require(payload, "id", provider=self.name)), JobState("pending")

    def status(self, raw_id: str) -> Call:
        return Call("GET", self.url(f"/jobs/{raw_id}"))

    def parse_status(self, raw_id: str, payload: Any) -> JobState:
        status = self.job_status(require(payload, "status", provider=self.name))
        error = JobError(payload["error"], "fake_failure") if payload.get("error") else None
        return JobState(
            status,
            payload.get("progress", 0),
            error,
            payload.get("video_url"),
            thumbnail_url=payload.get("thumbnail_url"),
        )

    def cancel(self, raw_id: str) -> Call:
        return Call("DELETE", self.url(f"/jobs/{raw_id}"))

    def extend(self, raw_id: str, state: JobState, prompt: str, duration: int | None) -> Call:
        return Call(
            "POST", self.url(f"/jobs/{raw_id}/extend"), {"prompt": prompt, "seconds": duration}
        )


def transport() -> httpx.MockTransport:
    """The in-process stand-in server every fake client talks to."""
    return httpx.MockTransport(_SERVER.handle)


def sample_video() -> bytes:
    """The small MP4 the fake provider returns."""
    return resources.files(__package__).joinpath("assets/fake.mp4").read_bytes()


class _FakeServer:
    """Jobs live in memory, shared by every client of the process."""

    def __init__(self) -> None:
        self.jobs: dict[str, dict[str, Any]] = {}
        self.lock = threading.Lock()
        self.ids = itertools.count(1)

    def handle(self, request: httpx.Request) -> httpx.Response:
        parts = request.url.path.strip("/").split("/")
        with self.lock:
            if request.method == "POST" and parts == ["jobs"]:
                return self._create(json.loads(request.content or b"{}"))
            if len(parts) >= 2 and parts[0] == "jobs" and parts[1] in self.jobs:
                return self._job(request, parts[1], parts[2:])
        return httpx.Response(404, json={"error": "no such job"})

    def _create(self, body: dict[str, Any], parent: str | None = None) -> httpx.Response:
        job_id = f"job_{next(self.ids)}"
        polls = int(os.environ.get("VIDEO_GENERATION_FAKE_POLLS", "2"))
        failing = "[fail]" in str(body.get("prompt", ""))
        self.jobs[job_id] = {
            "polls_left": polls,
            "failing": failing,
            "cancelled": False,
            "parent": parent,
        }
        return httpx.Response(201, json={"id": job_id, "status": "pending"})

    def _job(self, request: httpx.Request, job_id: str, rest: list[str]) -> httpx.Response:
        job = self.jobs[job_id]
        if request.method == "DELETE":
            job["cancelled"] = True
            return httpx.Response(204)
        if request.method == "POST" and rest == ["extend"]:
            return self._create(json.loads(request.content or b"{}"), parent=job_id)
        if rest == ["content"]:
            return httpx.Response(
                200, content=sample_video(), headers={"content-type": "video/mp4"}
            )
        if rest == ["thumbnail"]:
            return httpx.Response(200, content=THUMBNAIL, headers={"content-type": "image/png"})
        return httpx.Response(200, json=self._status(request, job_id, job))

    def _status(self, request: httpx.Request, job_id: str, job: dict[str, Any]) -> dict[str, Any]:
        if job["cancelled"]:
            return {"status": "failed", "error": "cancelled"}
        if job["polls_left"] > 0:
            job["polls_left"] -= 1
            return {"status": "processing", "progress": 50}
        if job["failing"]:
            return {"status": "failed", "error": "the fake provider rejected the prompt"}
        url = str(request.url.copy_with(path=f"/jobs/{job_id}/content", query=None))
        thumbnail = str(request.url.copy_with(path=f"/jobs/{job_id}/thumbnail", query=None))
        return {
            "status": "completed",
            "progress": 100,
            "video_url": url,
            "thumbnail_url": thumbnail,
        }


_SERVER = _FakeServer()
