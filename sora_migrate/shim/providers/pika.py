"""Pika 2.2 through the fal.ai queue: `POST https://queue.fal.run/fal-ai/pika/v2.2/text-to-video`
(or `image-to-video`), then the `status_url`, `response_url` and `cancel_url` that the submit
response returns (they are built from the owner/app only, so they are never rebuilt from the
endpoint id). `Authorization: Key <FAL_KEY>`.
Reference: shared/reference/providers.md §4 (fal-ai/fal fal_client)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any, ClassVar

from ..errors import ProviderError
from ..jobs import JobError
from ..params import VideoRequest
from .base import Adapter, Call, FollowUp, JobState, require
from .images import data_uri

REMEMBERED = 1024


class Pika(Adapter):
    """Pika v2.2 on fal.ai (endpoint configurable as the model)."""

    name: ClassVar[str] = "pika"
    # request id -> URLs from the submit response, shared by every client in the process;
    # the oldest are forgotten first, then the documented owner/app form is used
    _urls: ClassVar[OrderedDict[str, dict[str, str]]] = OrderedDict()
    _lock: ClassVar[threading.Lock] = threading.Lock()

    def auth_headers(self) -> dict[str, str]:
        return {"Authorization": f"Key {self._secrets['FAL_KEY']}"}

    def create(self, request: VideoRequest) -> Call:
        body: dict[str, Any] = {"prompt": request.prompt}
        if request.resolution is not None:
            body["resolution"] = request.resolution
        if request.duration_seconds is not None:
            body["duration"] = request.duration_seconds
        if request.image is not None:
            body["image_url"] = data_uri(request.image)
            return Call("POST", self.url(f"/{request.model}/image-to-video"), body)
        if request.aspect_ratio is not None:
            body["aspect_ratio"] = request.aspect_ratio
        return Call("POST", self.url(f"/{request.model}/text-to-video"), body)

    def parse_created(self, payload: Any, request: VideoRequest) -> tuple[str, JobState]:
        raw_id = str(require(payload, "request_id", provider=self.name))
        urls = {
            key: payload[key]
            for key in ("status_url", "response_url", "cancel_url")
            if key in payload
        }
        with self._lock:
            self._urls[raw_id] = urls
            while len(self._urls) > REMEMBERED:
                self._urls.popitem(last=False)
        return raw_id, JobState("pending")

    def _url_for(self, raw_id: str, key: str, suffix: str) -> str:
        with self._lock:
            known = self._urls.get(raw_id, {}).get(key)
        # another process submitted it: fal's documented owner/app form is the fallback
        app = "/".join(self.model.split("/")[:2])
        return known or self.url(f"/{app}/requests/{raw_id}{suffix}")

    def status(self, raw_id: str) -> Call:
        return Call("GET", self._url_for(raw_id, "status_url", "/status"))

    def parse_status(self, raw_id: str, payload: Any) -> JobState | FollowUp:
        status = self.job_status(require(payload, "status", provider=self.name))
        if status == "completed":
            url = self._url_for(raw_id, "response_url", "")
            return FollowUp(Call("GET", url, failure_is_result=True))
        return JobState(status)

    def parse_result(self, raw_id: str, payload: Any, status_code: int) -> JobState:
        if status_code >= 400:
            detail = payload.get("detail") if isinstance(payload, dict) else None
            return JobState("failed", 0, JobError(str(detail or payload or "request failed")))
        video = payload.get("video") if isinstance(payload, dict) else None
        if not video or not video.get("url"):
            raise ProviderError(self.name, "result has no video.url")
        return JobState("completed", 100, video_url=video["url"])

    def cancel(self, raw_id: str) -> Call:
        return Call("PUT", self._url_for(raw_id, "cancel_url", "/cancel"))
