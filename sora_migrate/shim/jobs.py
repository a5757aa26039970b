"""What the shim returns: `Job` (like Sora's `Video`), `VideoOutput` (like the SDK's binary
response), `CostEstimate`, and provider-tagged job ids (`runway:<task id>`)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from .errors import ConfigurationError

Status = Literal["pending", "processing", "completed", "failed"]
STATUSES: tuple[Status, ...] = ("pending", "processing", "completed", "failed")
CHUNK_SIZE = 1 << 16


@dataclass(frozen=True)
class JobError:
    """Why a job failed, in the provider's own words (`code` when the provider gives one)."""

    message: str
    code: str | None = None


@dataclass(frozen=True)
class Job:
    """A video generation job on one provider, shaped like Sora's `Video`: `id` (which carries
    the provider, `runway:...`), `status`, `progress` (0-100) and `error` (`.message`, `.code`).
    `model`, `duration_seconds`, `aspect_ratio`, `resolution` and `audio` are what the job was
    started with; a value the caller left out is the provider's documented default, and its
    name is in `provider_defaults`. With `prompt`, `created_at` (Unix seconds) and Sora's
    spellings `seconds` ("8") and `size` ("1280x720") they are known on the Job that
    `create_video`, `generate_video` and `extend_video` return, and None on a Job read by
    `get_job_status` or `wait`."""

    id: str
    status: Status
    progress: int = 0
    error: JobError | None = None
    video_url: str | None = None
    thumbnail_url: str | None = None
    model: str | None = None
    duration_seconds: int | None = None
    aspect_ratio: str | None = None
    resolution: str | None = None
    audio: bool | None = None
    provider_defaults: tuple[str, ...] = ()
    raw: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    prompt: str | None = None
    created_at: int | None = None

    @property
    def provider(self) -> str:
        """The provider that runs this job."""
        return split_job_id(self.id)[0]

    @property
    def done(self) -> bool:
        """True once the job has completed or failed."""
        return self.status in ("completed", "failed")

    @property
    def seconds(self) -> str | None:
        """The duration as Sora spelled it ("8"), when known."""
        return None if self.duration_seconds is None else str(self.duration_seconds)

    @property
    def size(self) -> str | None:
        """The frame size as Sora spelled it ("1280x720"), when known."""
        if self.aspect_ratio is None or self.resolution is None:
            return None
        return frame_size(self.aspect_ratio, self.resolution)

    def updated(self, later: Job) -> Job:
        """`later` (a status read of this job) with what only the start knew kept from here."""
        return replace(later, **{name: getattr(self, name) for name in STARTED_WITH})


# what a job was started with: known from the create call, not from a status read
STARTED_WITH = (
    "model",
    "duration_seconds",
    "aspect_ratio",
    "resolution",
    "audio",
    "provider_defaults",
    "prompt",
    "created_at",
)


def frame_size(aspect_ratio: str, resolution: str) -> str | None:
    """ "16:9" at "720p" is "1280x720"; None for a value that is not W:H or NNNp/4k."""
    width, _, height = aspect_ratio.partition(":")
    lines = 2160 if resolution.lower() == "4k" else resolution.lower().rstrip("p")
    try:
        wide, tall, short = float(width), float(height), int(lines)
    except ValueError:
        return None
    if wide <= 0 or tall <= 0:
        return None
    if wide >= tall:
        return f"{_even(short * wide / tall)}x{short}"
    return f"{short}x{_even(short * tall / wide)}"


def _even(value: float) -> int:
    return int(round(value / 2) * 2)


def make_job_id(provider: str, raw_id: str) -> str:
    """`provider:raw_id`."""
    return f"{provider}:{raw_id}"


def split_job_id(job_id: str) -> tuple[str, str]:
    """(provider, the provider's own id) of a shim job id."""
    provider, sep, raw = job_id.partition(":")
    if not sep or not provider or not raw:
        raise ConfigurationError(f"not a shim job id (expected 'provider:id'): {job_id!r}")
    return provider, raw


@dataclass(frozen=True)
class CostEstimate:
    """An estimated price in USD, the price row used, and when those prices were published.
    `duration_seconds`, `resolution` and `audio` are what was priced; a value the caller left
    out is the provider's documented default, and its name is in `provider_defaults`."""

    amount: Decimal
    currency: str
    provider: str
    model: str
    price_row: dict[str, Any]
    published: date
    confirmed: bool
    note: str = ""
    duration_seconds: float | None = None
    resolution: str | None = None
    audio: bool | None = None
    provider_defaults: tuple[str, ...] = ()


class VideoOutput:
    """A finished video, downloaded on first use: `url`, `read()`, `content`, `iter_bytes()`,
    `write_to_file(path)` — the habits of the OpenAI SDK's binary responses."""

    def __init__(self, url: str, stream: Callable[[], Iterator[bytes]]) -> None:
        self.url = url
        self._stream = stream
        self._content: bytes | None = None

    def __repr__(self) -> str:
        return f"VideoOutput(url={self.url!r})"

    def iter_bytes(self) -> Iterator[bytes]:
        """The video in chunks, streamed from the provider."""
        if self._content is not None:
            yield self._content
            return
        yield from self._stream()

    def read(self) -> bytes:
        """The whole video (downloaded once)."""
        if self._content is None:
            self._content = b"".join(self._stream())
        return self._content

    @property
    def content(self) -> bytes:
        """The whole video, like `HttpxBinaryResponseContent.content`."""
        return self.read()

    def write_to_file(self, path: str | Path) -> None:
        """Stream the video into a file."""
        with open(path, "wb") as handle:
            for chunk in self.iter_bytes():
                handle.write(chunk)

    stream_to_file = write_to_file


class AsyncVideoOutput:
    """The async client's finished video, downloaded when `get_video_output` is awaited, as the
    SDK's async `download_content` did: `read()`, `content`, `iter_bytes()` and `write_to_file()`
    work at once, and `aread()`, `aiter_bytes()`, `astream_to_file()` are awaitable twins."""

    def __init__(self, url: str, content: bytes) -> None:
        self.url = url
        self._content = content

    def __repr__(self) -> str:
        return f"AsyncVideoOutput(url={self.url!r}, bytes={len(self._content)})"

    @property
    def content(self) -> bytes:
        """The whole video."""
        return self._content

    def read(self) -> bytes:
        """The whole video."""
        return self._content

    def iter_bytes(self, chunk_size: int = CHUNK_SIZE) -> Iterator[bytes]:
        """The video in chunks."""
        for start in range(0, len(self._content), chunk_size):
            yield self._content[start : start + chunk_size]

    def write_to_file(self, path: str | Path) -> None:
        """Write the video into a file."""
        Path(path).write_bytes(self._content)

    stream_to_file = write_to_file

    async def aread(self) -> bytes:
        """The whole video (awaitable)."""
        return self._content

    async def aiter_bytes(self, chunk_size: int = CHUNK_SIZE) -> AsyncIterator[bytes]:
        """The video in chunks (async iterator)."""
        for chunk in self.iter_bytes(chunk_size):
            yield chunk

    async def astream_to_file(self, path: str | Path) -> None:
        """Write the video into a file (awaitable)."""
        self.write_to_file(path)
