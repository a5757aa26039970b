"""Google Veo 3.1 on Vertex AI, the route Google Cloud projects use (and the only one the newest
google-genai SDK still offers): `POST /v1beta1/projects/{project}/locations/{location}/publishers/
google/models/{model}:predictLongRunning`, poll with `POST .../{model}:fetchPredictOperation`
`{"operationName": ...}`, as google-genai's Vertex mode does.

Credentials are Application Default Credentials through google-auth (`pip install
'sora-migrate[vertex]'`), imported only when this provider is used; project and location come
from `vertex=VertexAI(...)` or GOOGLE_CLOUD_PROJECT / GOOGLE_CLOUD_LOCATION (location `global`
when unset, as in google-genai). A finished video is a `gs://` URI when a bucket was named
(`storage_uri` or VIDEO_GENERATION_VEO_VERTEX_STORAGE_URI, sent as `storageUri`), downloaded
through the Cloud Storage JSON API with the same credentials; otherwise Vertex returns it
inline and `Job.video_url` is a `data:video/mp4;base64,...` URI."""

from __future__ import annotations

import base64
import mimetypes
import threading
from dataclasses import dataclass
from typing import Any, ClassVar
from urllib.parse import quote

from ..errors import ConfigurationError, UnsupportedFeature
from ..params import VideoRequest
from .base import Call, require
from .images import DataURI, image_bytes, is_url
from .veo import Veo

PROJECT_ENV = "GOOGLE_CLOUD_PROJECT"
LOCATION_ENV = "GOOGLE_CLOUD_LOCATION"
STORAGE_ENV = "VIDEO_GENERATION_VEO_VERTEX_STORAGE_URI"
SCOPES = ("https://www.googleapis.com/auth/cloud-platform",)
MULTI_REGIONAL = ("us", "eu")  # served from aiplatform.{location}.rep.googleapis.com
GCS_DOWNLOAD = "https://storage.googleapis.com/download/storage/v1/b/{bucket}/o/{object}?alt=media"
INSTALL = "pip install 'sora-migrate[vertex]' (or google-auth[requests] beside a vendored shim)"


@dataclass(frozen=True)
class VertexAI:
    """Settings for the `veo-vertex` provider (each one None: ask the environment).

    `credentials` is a google-auth Credentials object (Application Default Credentials when
    None); `storage_uri` a `gs://bucket/folder/` where Vertex writes the videos."""

    project: str | None = None
    location: str | None = None
    credentials: Any = None
    storage_uri: str | None = None


class VeoVertex(Veo):
    """Veo 3.1 on Vertex AI (audio on or off; model configurable)."""

    name: ClassVar[str] = "veo-vertex"

    def __init__(
        self, base_url: str, model: str, secrets: dict[str, str], options: Any = None
    ) -> None:
        settings = options if isinstance(options, VertexAI) else VertexAI()
        self.location = settings.location or secrets.get(LOCATION_ENV) or "global"
        if base_url.rstrip("/") == self.default_base_url:
            base_url = regional_base_url(self.location)
        super().__init__(base_url, model, secrets)
        self._project = settings.project or secrets.get(PROJECT_ENV)
        self.storage_uri = settings.storage_uri or secrets.get(STORAGE_ENV)
        self._credentials = settings.credentials
        self._lock = threading.Lock()

    @classmethod
    def read_secrets(cls, source: Any, where: str = "set") -> dict[str, str]:
        """Project, location and bucket from the environment (or `api_keys=`): no key."""
        names = (PROJECT_ENV, LOCATION_ENV, STORAGE_ENV)
        return {name: source[name] for name in names if source.get(name)}

    def secret_values(self) -> tuple[str, ...]:
        token = getattr(self._credentials, "token", None)
        return (token,) if token else ()

    @property
    def project(self) -> str:
        """The Google Cloud project: given, from the environment, or the credentials' own."""
        self._authorized()
        return str(self._project)

    def _authorized(self) -> Any:
        """The credentials, loaded at first use and refreshed when their token has expired."""
        with self._lock:
            if self._credentials is None:
                self._credentials, found = _default_credentials()
                self._project = self._project or found
            if not self._project:
                raise ConfigurationError(
                    f"{self.name}: set {PROJECT_ENV} (or vertex=VertexAI(project=...)): the "
                    "credentials name no project"
                )
            if not self._credentials.valid:
                _refresh(self._credentials)
            return self._credentials

    def auth_headers(self) -> dict[str, str]:
        credentials = self._authorized()
        headers = {"Authorization": f"Bearer {credentials.token}"}
        quota_project = getattr(credentials, "quota_project_id", None)
        if quota_project:
            headers["x-goog-user-project"] = quota_project
        return headers

    def download_headers(self) -> dict[str, str]:
        return self.auth_headers()

    def download_url(self, video_url: str) -> str:
        if not video_url.startswith("gs://"):
            return video_url
        bucket, _, name = video_url[len("gs://") :].partition("/")
        return GCS_DOWNLOAD.format(bucket=quote(bucket, safe=""), object=quote(name, safe=""))

    def _model_path(self, model: str) -> str:
        where = f"projects/{self.project}/locations/{self.location}"
        return f"/v1beta1/{where}/publishers/google/models/{model}"

    def _image(self, image: str | bytes) -> dict[str, str]:
        if isinstance(image, str) and image.startswith("gs://"):
            mime = mimetypes.guess_type(image)[0]
            return {"gcsUri": image, **({"mimeType": mime} if mime else {})}
        if is_url(image):
            raise UnsupportedFeature(f"{self.name} takes inline images or gs:// URIs, not URLs")
        return super()._image(image)

    def _parameters(self, request: VideoRequest) -> dict[str, Any]:
        parameters = super()._parameters(request)
        if request.audio is not None:
            parameters["generateAudio"] = request.audio
        if self.storage_uri:
            parameters["storageUri"] = self.storage_uri
        return parameters

    def status(self, raw_id: str) -> Call:
        model = raw_id.rpartition("/operations/")[0]
        if not model:
            raise ConfigurationError(f"not a Vertex AI operation name: {raw_id!r}")
        body = {"operationName": raw_id}
        return Call("POST", self.url(f"/v1beta1/{model}:fetchPredictOperation"), body)

    def _videos(self, response: dict[str, Any]) -> tuple[list[Any], list[str]]:
        return response.get("videos") or [], response.get("raiMediaFilteredReasons") or []

    def _video_url(self, video: Any) -> str:
        if isinstance(video, dict) and video.get("gcsUri"):
            return str(video["gcsUri"])
        data = require(video, "bytesBase64Encoded", provider=self.name)
        return DataURI(f"data:{video.get('mimeType') or 'video/mp4'};base64,{data}")

    def _earlier_video(self, url: str) -> dict[str, str]:
        if url.startswith("data:"):
            data, mime = image_bytes(url)
            return {"bytesBase64Encoded": base64.b64encode(data).decode(), "mimeType": mime}
        return {"gcsUri": url, "mimeType": "video/mp4"}

    def error_hint(self, call: Call, status_code: int) -> str:
        if status_code == 404 and call.url.endswith(":predictLongRunning"):
            return (
                f"; is {self.model!r} offered in location {self.location!r}? Set "
                f"{LOCATION_ENV} (e.g. us-central1) or VIDEO_GENERATION_VEO_VERTEX_MODEL"
            )
        if status_code == 403:
            return (
                f"; the credentials need the Vertex AI User role on project {self._project!r}, "
                "and the Vertex AI API must be enabled there"
            )
        return ""


def regional_base_url(location: str) -> str:
    """The Vertex AI endpoint of a location, as google-genai picks it."""
    if location == "global":
        return "https://aiplatform.googleapis.com"
    if location in MULTI_REGIONAL:
        return f"https://aiplatform.{location}.rep.googleapis.com"
    return f"https://{location}-aiplatform.googleapis.com"


def _default_credentials() -> tuple[Any, str | None]:
    """Application Default Credentials and their project (ConfigurationError without them)."""
    try:
        import google.auth
        from google.auth.exceptions import DefaultCredentialsError
    except ImportError:
        raise ConfigurationError(f"veo-vertex needs google-auth: {INSTALL}") from None
    try:
        credentials, project = google.auth.default(scopes=list(SCOPES))
    except DefaultCredentialsError as error:
        raise ConfigurationError(
            "veo-vertex: no Application Default Credentials (run `gcloud auth "
            "application-default login`, or set GOOGLE_APPLICATION_CREDENTIALS to a service "
            f"account key file): {error}"
        ) from None
    return credentials, project


def _refresh(credentials: Any) -> None:
    """A fresh access token, through google-auth's own HTTP transport."""
    try:
        from google.auth.exceptions import GoogleAuthError
        from google.auth.transport.requests import Request
    except ImportError:
        raise ConfigurationError(f"veo-vertex needs google-auth[requests]: {INSTALL}") from None
    try:
        credentials.refresh(Request())
    except GoogleAuthError as error:
        raise ConfigurationError(
            f"veo-vertex: the credentials could not be refreshed: {error}"
        ) from None
