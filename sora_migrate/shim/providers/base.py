"""What every provider adapter is: pure functions from a request to an HTTP call and from a
payload to a job state. `client.py` does the I/O, retries and fallback once for all of them."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from ..errors import ConfigurationError, ProviderError, UnsupportedFeature
from ..jobs import JobError, Status
from ..params import Capabilities, VideoRequest
from ..specs import ProviderSpec, provider_spec


@dataclass(frozen=True)
class Call:
    """One HTTP request for the client to send. With `failure_is_result`, an error response is
    handed to the adapter (fal reports a failed job by failing the result request)."""

    method: str
    url: str
    json: dict[str, Any] | None = None
    headers: dict[str, str] = field(default_factory=dict)
    failure_is_result: bool = False


@dataclass(frozen=True)
class JobState:
    """A provider's job, read from its payload."""

    status: Status
    progress: int = 0
    error: JobError | None = None
    video_url: str | None = None
    video_id: str | None = None
    thumbnail_url: str | None = None  # where capabilities.variants has "thumbnail"


@dataclass(frozen=True)
class FollowUp:
    """Another request is needed to learn the job's state (fal's result URL)."""

    call: Call


class Adapter(ABC):
    """Base class: configuration, credentials and the operations a provider may lack.

    A subclass names its provider (`name`); what the provider is and can do (key variables,
    default base URL and model, capabilities, job states, parameter tables) is read from
    providers.json, the data both shims share."""

    name: ClassVar[str]
    spec: ClassVar[ProviderSpec]
    key_env: ClassVar[tuple[str, ...]]
    needs_every_key: ClassVar[bool]
    default_base_url: ClassVar[str]
    default_model: ClassVar[str]
    capabilities: ClassVar[Capabilities]
    docs: ClassVar[str]
    # the cancel request also removes a finished job's stored video (Runway, Luma)
    cancel_deletes: ClassVar[bool]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        spec = provider_spec(cls.name)
        cls.spec = spec
        cls.key_env = spec.key_env
        cls.needs_every_key = spec.needs_every_key
        cls.default_base_url = spec.default_base_url
        cls.default_model = spec.default_model
        cls.capabilities = spec.capabilities
        cls.docs = spec.docs
        cls.cancel_deletes = spec.cancel_deletes

    def __init__(
        self, base_url: str, model: str, secrets: Mapping[str, str], options: Any = None
    ) -> None:
        """`options` holds settings given to the client for this provider alone (`vertex=` for
        veo-vertex); the other providers take none."""
        self.base_url = base_url.rstrip("/")
        self.model = model
        self._secrets = dict(secrets)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r}, model={self.model!r})"

    @classmethod
    def read_secrets(cls, source: Mapping[str, str], where: str = "set") -> dict[str, str]:
        """This provider's key(s) from the environment (or `api_keys=`); a clear error names
        what is missing."""
        found = {name: source[name] for name in cls.key_env if source.get(name)}
        missing = [name for name in cls.key_env if name not in found]
        if not found or (cls.needs_every_key and missing):
            names = " and ".join(missing) if cls.needs_every_key else " or ".join(cls.key_env)
            raise ConfigurationError(f"{cls.name}: {where} {names} to use this provider")
        return found

    def secret_values(self) -> tuple[str, ...]:
        """Values that must never appear in messages."""
        return tuple(value for value in self._secrets.values() if value)

    @abstractmethod
    def auth_headers(self) -> dict[str, str]:
        """Headers that authenticate every request."""

    @abstractmethod
    def create(self, request: VideoRequest) -> Call:
        """The request that starts a job."""

    @abstractmethod
    def parse_created(self, payload: Any, request: VideoRequest) -> tuple[str, JobState]:
        """The provider's job id and initial state from the create response."""

    @abstractmethod
    def status(self, raw_id: str) -> Call:
        """The request that reads a job."""

    @abstractmethod
    def parse_status(self, raw_id: str, payload: Any) -> JobState | FollowUp:
        """The job's state, or a further request to make."""

    def parse_result(self, raw_id: str, payload: Any, status_code: int) -> JobState:
        """The job's state from a follow-up response."""
        raise ProviderError(self.name, "unexpected follow-up response")

    def cancel(self, raw_id: str) -> Call:
        """The request that cancels a job."""
        raise UnsupportedFeature(f"{self.name} has no API to cancel a job")

    def extend(self, raw_id: str, state: JobState, prompt: str, duration: int | None) -> Call:
        """The request that extends a finished video."""
        raise UnsupportedFeature(f"{self.name} cannot extend a video")

    def parse_extended(self, payload: Any) -> tuple[str, JobState]:
        """The new job's id and state from an extend response."""
        return self.parse_created(payload, VideoRequest(prompt=""))

    def error_hint(self, call: Call, status_code: int) -> str:
        """Advice appended to an HTTP error from this provider ("" when there is none)."""
        return ""

    def download_headers(self) -> dict[str, str]:
        """Headers for fetching the finished video (most providers sign their URLs)."""
        return {}

    def download_url(self, video_url: str) -> str:
        """The HTTP URL that serves the finished video (Vertex AI's `gs://` URIs are not)."""
        return video_url

    def url(self, path: str) -> str:
        """An absolute URL on this provider's base URL."""
        return f"{self.base_url}/{path.lstrip('/')}"

    def job_status(self, value: object) -> Status:
        """The shim's status for the provider's job state `value` (providers.json), or a
        ProviderError for a state this adapter does not know (never guessed)."""
        status = self.spec.statuses.get(value) if isinstance(value, str) else None
        if status is None:
            raise ProviderError(self.name, f"unknown job status {value!r}")
        return status


def require(payload: Any, *keys: str | int, provider: str) -> Any:
    """payload[k1][k2]..., or a ProviderError naming the missing field."""
    current = payload
    for key in keys:
        try:
            current = current[key]
        except (KeyError, IndexError, TypeError):
            path = ".".join(str(k) for k in keys)
            raise ProviderError(provider, f"response has no {path}") from None
    return current
