"""Luma Dream Machine API v1: `POST /generations/video`, poll `GET /generations/{id}`, delete
`DELETE /generations/{id}`; extend by a new generation whose first keyframe is the earlier one.
Bearer key from LUMAAI_API_KEY. Reference: shared/reference/providers.md §3a (lumaai 1.21.0)."""

from __future__ import annotations

from typing import Any, ClassVar

from ..errors import ProviderError, UnsupportedFeature
from ..jobs import JobError
from ..params import VideoRequest
from .base import Adapter, Call, JobState, require
from .images import is_url


class Luma(Adapter):
    """Luma Ray 2 (model configurable)."""

    name: ClassVar[str] = "luma"

    def auth_headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self._secrets['LUMAAI_API_KEY']}"}

    def create(self, request: VideoRequest) -> Call:
        body: dict[str, Any] = {"model": request.model, "prompt": request.prompt}
        if request.aspect_ratio is not None:
            body["aspect_ratio"] = request.aspect_ratio
        if request.duration_seconds is not None:
            body["duration"] = f"{request.duration_seconds}s"
        if request.resolution is not None:
            body["resolution"] = request.resolution
        if request.image is not None:
            if not is_url(request.image):
                raise UnsupportedFeature("luma takes the start image as an https URL")
            body["keyframes"] = {"frame0": {"type": "image", "url": request.image}}
        return Call("POST", self.url("/generations/video"), body)

    def parse_created(self, payload: Any, request: VideoRequest) -> tuple[str, JobState]:
        raw_id = str(require(payload, "id", provider=self.name))
        return raw_id, self.parse_status(raw_id, payload)

    def status(self, raw_id: str) -> Call:
        return Call("GET", self.url(f"/generations/{raw_id}"))

    def parse_status(self, raw_id: str, payload: Any) -> JobState:
        status = self.job_status(require(payload, "state", provider=self.name))
        if status == "completed":
            video = (payload.get("assets") or {}).get("video")
            if not video:
                raise ProviderError(self.name, "generation completed without assets.video")
            thumbnail = (payload.get("assets") or {}).get("image")  # the still Luma returns
            return JobState("completed", 100, video_url=video, thumbnail_url=thumbnail)
        if status == "failed":
            return JobState("failed", 0, JobError(payload.get("failure_reason") or "failed"))
        return JobState(status)

    def cancel(self, raw_id: str) -> Call:
        return Call("DELETE", self.url(f"/generations/{raw_id}"))

    def extend(self, raw_id: str, state: JobState, prompt: str, duration: int | None) -> Call:
        body: dict[str, Any] = {
            "model": self.model,
            "prompt": prompt,
            "keyframes": {"frame0": {"type": "generation", "id": raw_id}},
        }
        if duration is not None:
            body["duration"] = f"{duration}s"
        return Call("POST", self.url("/generations/video"), body)
