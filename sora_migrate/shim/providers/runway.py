"""Runway API (version 2024-11-06): `POST /v1/text_to_video` / `/v1/image_to_video`, poll
`GET /v1/tasks/{id}`, cancel `DELETE /v1/tasks/{id}`. Bearer key from RUNWAYML_API_SECRET.
Reference: shared/reference/providers.md §1 (runwayml/sdk-python)."""

from __future__ import annotations

from typing import Any, ClassVar

from ..errors import ProviderError
from ..jobs import JobError
from ..params import VideoRequest
from .base import Adapter, Call, JobState, require
from .images import data_uri


class Runway(Adapter):
    """Runway gen4.5 (model configurable)."""

    name: ClassVar[str] = "runway"

    def auth_headers(self) -> dict[str, str]:
        return {
            "Authorization": f"Bearer {self._secrets['RUNWAYML_API_SECRET']}",
            "X-Runway-Version": self.spec.tables["api_version"],
        }

    def create(self, request: VideoRequest) -> Call:
        body: dict[str, Any] = {
            "model": request.model,
            "promptText": request.prompt,
            # required: fit() chose one of the offered aspect ratios, each with a ratio
            "ratio": self.spec.tables["ratios"][str(request.aspect_ratio)],
            "duration": request.duration_seconds,
        }
        if request.image is not None:
            body["promptImage"] = data_uri(request.image)
            return Call("POST", self.url("/v1/image_to_video"), body)
        return Call("POST", self.url("/v1/text_to_video"), body)

    def parse_created(self, payload: Any, request: VideoRequest) -> tuple[str, JobState]:
        return str(require(payload, "id", provider=self.name)), JobState("pending")

    def status(self, raw_id: str) -> Call:
        return Call("GET", self.url(f"/v1/tasks/{raw_id}"))

    def parse_status(self, raw_id: str, payload: Any) -> JobState:
        value = require(payload, "status", provider=self.name)
        status = self.job_status(value)
        if status == "completed":
            outputs = require(payload, "output", provider=self.name)
            if not outputs:
                raise ProviderError(self.name, "task succeeded without an output URL")
            return JobState("completed", 100, video_url=outputs[0])
        if status == "failed":
            message = payload.get("failure") or ("cancelled" if value == "CANCELLED" else "failed")
            code = payload.get("failureCode") or ("CANCELLED" if value == "CANCELLED" else None)
            return JobState("failed", 0, JobError(message, code))
        progress = payload.get("progress") or 0
        return JobState(status, round(float(progress) * 100))

    def cancel(self, raw_id: str) -> Call:
        return Call("DELETE", self.url(f"/v1/tasks/{raw_id}"))
