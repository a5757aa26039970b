"""Kling official API: `POST /v1/videos/text2video` (or `image2video`), poll
`GET /v1/videos/{kind}/{task_id}`, extend with `POST /v1/videos/video-extend`. Each request
carries a 30-minute HS256 JWT signed from KLING_ACCESS_KEY / KLING_SECRET_KEY; a response
with `code != 0` is an error even with HTTP 200.
Reference: shared/reference/providers.md §5 (community OpenAPI spec; UNCONFIRMED fields)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from typing import Any, ClassVar

from ..errors import ProviderError
from ..jobs import JobError
from ..params import VideoRequest, ignored
from .base import Adapter, Call, JobState, require
from .images import image_bytes, is_url


class Kling(Adapter):
    """Kling v2.6 (model configurable)."""

    name: ClassVar[str] = "kling"

    def auth_headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token()}"}

    def token(self, now: float | None = None) -> str:
        """A JWT valid for 30 minutes (HS256, iss = access key, signed with the secret key)."""
        issued = int(time.time() if now is None else now)
        header = {"alg": "HS256", "typ": "JWT"}
        claims = {"iss": self._secrets["KLING_ACCESS_KEY"], "exp": issued + 1800, "nbf": issued - 5}
        signing_input = f"{_b64(header)}.{_b64(claims)}"
        secret = self._secrets["KLING_SECRET_KEY"].encode()
        signature = hmac.new(secret, signing_input.encode(), hashlib.sha256).digest()
        return f"{signing_input}.{_b64url(signature)}"

    def create(self, request: VideoRequest) -> Call:
        body: dict[str, Any] = {"model_name": request.model, "prompt": request.prompt}
        if request.duration_seconds is not None:
            body["duration"] = str(request.duration_seconds)
        if request.resolution is not None:
            body["mode"] = self.spec.tables["modes"][request.resolution]
        if request.audio is not None:
            body["sound"] = "on" if request.audio else "off"
        if request.image is None:
            if request.aspect_ratio is not None:
                body["aspect_ratio"] = request.aspect_ratio
            return Call("POST", self.url("/v1/videos/text2video"), body)
        if is_url(request.image):
            body["image"] = request.image
        else:
            body["image"] = base64.b64encode(image_bytes(request.image)[0]).decode()
        return Call("POST", self.url("/v1/videos/image2video"), body)

    def parse_created(self, payload: Any, request: VideoRequest) -> tuple[str, JobState]:
        kind = "text2video" if request.image is None else "image2video"
        return self._task(payload, kind)

    def parse_extended(self, payload: Any) -> tuple[str, JobState]:
        return self._task(payload, "video-extend")

    def _task(self, payload: Any, kind: str) -> tuple[str, JobState]:
        data = self._data(payload)
        task_id = str(require(data, "task_id", provider=self.name))
        return f"{kind}/{task_id}", self._state(data)

    def status(self, raw_id: str) -> Call:
        return Call("GET", self.url(f"/v1/videos/{raw_id}"))

    def parse_status(self, raw_id: str, payload: Any) -> JobState:
        return self._state(self._data(payload))

    def extend(self, raw_id: str, state: JobState, prompt: str, duration: int | None) -> Call:
        if not state.video_id:
            raise ProviderError(self.name, "finished task has no video id to extend")
        if duration is not None:
            ignored(self.name, "duration_seconds", duration, "video-extend has a fixed length")
        return Call(
            "POST",
            self.url("/v1/videos/video-extend"),
            {"video_id": state.video_id, "prompt": prompt},
        )

    def _data(self, payload: Any) -> Any:
        if not isinstance(payload, dict):
            raise ProviderError(self.name, "response is not a JSON object")
        if payload.get("code") != 0:
            raise ProviderError(
                self.name, str(payload.get("message") or f"code {payload.get('code')}")
            )
        return require(payload, "data", provider=self.name)

    def _state(self, data: Any) -> JobState:
        status = self.job_status(require(data, "task_status", provider=self.name))
        if status == "failed":
            return JobState("failed", 0, JobError(data.get("task_status_msg") or "failed"))
        if status == "completed":
            video = require(data, "task_result", "videos", 0, provider=self.name)
            url = require(video, "url", provider=self.name)
            return JobState("completed", 100, video_url=url, video_id=video.get("id"))
        return JobState(status)


def _b64(value: dict[str, Any]) -> str:
    return _b64url(json.dumps(value, separators=(",", ":")).encode())


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()
