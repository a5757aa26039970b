"""Google Veo 3.1 through the Gemini API (v1beta): `POST /v1beta/models/{model}:predictLongRunning`,
poll the long-running operation `GET /v1beta/{name}`, download the Files API URI with the key.
Key from GEMINI_API_KEY (or GOOGLE_API_KEY), sent as `x-goog-api-key`.
Reference: shared/reference/providers.md §2 (googleapis/python-genai). The preview model ids may
already be retired on the Gemini API: set VIDEO_GENERATION_VEO_MODEL to the current one."""

from __future__ import annotations

import base64
from typing import Any, ClassVar

from ..errors import ProviderError, UnsupportedFeature
from ..jobs import JobError
from ..params import VideoRequest
from .base import Adapter, Call, JobState, require
from .images import image_bytes, is_url


class Veo(Adapter):
    """Veo 3.1 (native audio; model configurable)."""

    name: ClassVar[str] = "veo"

    def _key(self) -> str:
        return self._secrets.get("GEMINI_API_KEY") or self._secrets["GOOGLE_API_KEY"]

    def auth_headers(self) -> dict[str, str]:
        return {"x-goog-api-key": self._key()}

    def download_headers(self) -> dict[str, str]:
        return {"x-goog-api-key": self._key()}

    def create(self, request: VideoRequest) -> Call:
        instance: dict[str, Any] = {"prompt": request.prompt}
        if request.image is not None:
            instance["image"] = self._image(request.image)
        return self._predict(str(request.model), instance, self._parameters(request))

    def _image(self, image: str | bytes) -> dict[str, str]:
        if is_url(image):
            raise UnsupportedFeature(f"{self.name} takes inline images, not URLs")
        data, mime = image_bytes(image)
        return {"bytesBase64Encoded": base64.b64encode(data).decode(), "mimeType": mime}

    def _parameters(self, request: VideoRequest) -> dict[str, Any]:
        """The `parameters` the caller chose (none is invented)."""
        parameters: dict[str, Any] = {}
        if request.duration_seconds is not None:
            parameters["durationSeconds"] = request.duration_seconds
        if request.aspect_ratio is not None:
            parameters["aspectRatio"] = request.aspect_ratio
        if request.resolution is not None:
            parameters["resolution"] = request.resolution
        return parameters

    def _model_path(self, model: str) -> str:
        return f"/v1beta/models/{model}"

    def _predict(self, model: str, instance: dict[str, Any], parameters: dict[str, Any]) -> Call:
        body: dict[str, Any] = {"instances": [instance]}
        if parameters:  # like google-genai: no parameters object when nothing was chosen
            body["parameters"] = parameters
        return Call("POST", self.url(f"{self._model_path(model)}:predictLongRunning"), body)

    def parse_created(self, payload: Any, request: VideoRequest) -> tuple[str, JobState]:
        return str(require(payload, "name", provider=self.name)), JobState("pending")

    def status(self, raw_id: str) -> Call:
        return Call("GET", self.url(f"/v1beta/{raw_id}"))

    def parse_status(self, raw_id: str, payload: Any) -> JobState:
        if not isinstance(payload, dict):
            raise ProviderError(self.name, "operation is not a JSON object")
        error = payload.get("error")
        if error:
            code = error.get("code")
            message = str(error.get("message") or "the operation failed")
            return JobState("failed", 0, JobError(message, None if code is None else str(code)))
        if not payload.get("done"):
            return JobState("processing")
        videos, filtered = self._videos(payload.get("response") or {})
        if not videos:
            reasons = "; ".join(filtered or ["no video returned"])
            return JobState("failed", 0, JobError(reasons, "FILTERED"))
        return JobState("completed", 100, video_url=self._video_url(videos[0]))

    def _videos(self, response: dict[str, Any]) -> tuple[list[Any], list[str]]:
        """(the videos, the safety filter's reasons) of a finished operation's response."""
        generated = response.get("generateVideoResponse") or {}
        samples = generated.get("generatedSamples") or []
        videos = [require(sample, "video", provider=self.name) for sample in samples]
        return videos, generated.get("raiMediaFilteredReasons") or []

    def _video_url(self, video: Any) -> str:
        return str(require(video, "uri", provider=self.name))

    def _earlier_video(self, url: str) -> dict[str, str]:
        """The `video` instance that names a finished video, to extend it."""
        return {"uri": url}

    def extend(self, raw_id: str, state: JobState, prompt: str, duration: int | None) -> Call:
        instance = {"prompt": prompt, "video": self._earlier_video(str(state.video_url))}
        parameters = {} if duration is None else {"durationSeconds": duration}
        return self._predict(self.model, instance, parameters)

    def error_hint(self, call: Call, status_code: int) -> str:
        if status_code == 404 and call.url.endswith(":predictLongRunning"):
            return (
                "; Google may have retired this Veo model id on the Gemini API: set "
                "VIDEO_GENERATION_VEO_MODEL (or models={'veo': ...}) to a current one, or "
                "use Veo on Vertex AI (provider veo-vertex)"
            )
        return ""
