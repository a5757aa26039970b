"""`VideoClient` and `AsyncVideoClient`: thin I/O shells that drive the shared flows.

Everything but the I/O lives once in flows.py (retries, error replies, redirects, waiting,
fallback); each client only sends the requests a flow yields, sleeps when it says so, and
streams the finished video. Creating a client reads no environment variable and opens no
connection. Every request has a timeout; API keys are never part of a repr, a log record or an
exception message."""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import httpx

from .config import ShimConfig
from .errors import ProviderError, ShimError, Timeout
from .flows import Close, Exchange, Flow, Flows, Sleep, redacted
from .jobs import AsyncVideoOutput, CostEstimate, Job, VideoOutput
from .params import VideoRequest
from .pricing import estimate_request
from .providers import fake
from .providers.base import Adapter
from .providers.veo_vertex import VertexAI
from .registry import adapter_class
from .retry import RetryPolicy

DEFAULT_TIMEOUT = 30.0
DEFAULT_POLL_INTERVAL = 5.0
DEFAULT_WAIT_TIMEOUT = 900.0


class _Base:
    """Configuration and the parts shared by both clients (everything but the I/O)."""

    def __init__(
        self,
        provider: str | None = None,
        fallback: str | None = None,
        *,
        api_keys: Mapping[str, str | Mapping[str, str]] | None = None,
        base_urls: Mapping[str, str] | None = None,
        models: Mapping[str, str] | None = None,
        vertex: VertexAI | None = None,
        shadow: str | None = None,
        shadow_fraction: float | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        retry: RetryPolicy | None = None,
        transport: httpx.BaseTransport | httpx.AsyncBaseTransport | None = None,
        environ: Mapping[str, str] | None = None,
        clock: Callable[[], float] = time.monotonic,
        rng: Callable[[], float] = random.random,
    ) -> None:
        self._config = ShimConfig(
            provider=provider,
            fallback=fallback,
            shadow=shadow,
            shadow_fraction=shadow_fraction,
            api_keys=dict(api_keys or {}),
            base_urls=dict(base_urls or {}),
            models=dict(models or {}),
            options={"veo-vertex": vertex} if vertex is not None else {},
            environ=environ,
        )
        self._flows = Flows(self._config, rng, retry)
        self._timeout = timeout
        self._transport = transport
        self._clock = clock

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(provider={self._config.provider!r}, "
            f"fallback={self._config.fallback!r})"
        )

    def supports_native_audio(self) -> bool:
        """Whether the primary provider generates sound with the video."""
        return adapter_class(self._config.primary()).capabilities.native_audio

    def estimate_cost(
        self,
        duration_seconds: int | None = None,
        resolution: str | None = None,
        audio: bool | None = None,
    ) -> CostEstimate:
        """The primary provider's price for the video it would make, from the shipped price
        table: values mapped as create_video maps them, and a value left out priced at the
        provider's documented default (named in `provider_defaults`)."""
        name = self._config.primary()
        model = self._config.model_for(name)
        request = VideoRequest(
            "", duration_seconds, resolution=resolution, model=model, audio=audio
        )
        return estimate_request(name, adapter_class(name).capabilities, request)

    # The flow behind each public method, so both clients' methods are one line each.

    def _create_flow(self, *request: Any) -> Flow:
        return self._flows.create(VideoRequest(*request))

    def _generate_flow(
        self, request: tuple[Any, ...], poll_interval: float, timeout: float
    ) -> Flow:
        return self._flows.generate(VideoRequest(*request), poll_interval, timeout, self._clock)

    def _wait_flow(self, job_id: str, poll_interval: float, timeout: float) -> Flow:
        return self._flows.wait(job_id, poll_interval, timeout, self._clock)

    def _mounts(self) -> dict[str, Any]:
        return {f"all://{httpx.URL(fake.BASE_URL).host}": fake.transport()}


class VideoClient(_Base):
    """Synchronous client: create, poll and download videos on the configured provider."""

    def __init__(
        self, *args: Any, sleep: Callable[[float], None] = time.sleep, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self._sleep = sleep
        self._http: httpx.Client | None = None

    def __enter__(self) -> VideoClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the HTTP connections (if any were opened)."""
        if self._http is not None:
            self._http.close()
            self._http = None

    def create_video(
        self,
        prompt: str,
        duration_seconds: int | None = None,
        aspect_ratio: str | None = None,
        resolution: str | None = None,
        image: str | bytes | None = None,
        model: str | None = None,
        audio: bool | None = None,
    ) -> Job:
        """Start a video job; returns at once with its id and status."""
        return self._drive(
            self._create_flow(
                prompt, duration_seconds, aspect_ratio, resolution, image, model, audio
            )
        )

    def generate_video(
        self,
        prompt: str,
        duration_seconds: int | None = None,
        aspect_ratio: str | None = None,
        resolution: str | None = None,
        image: str | bytes | None = None,
        model: str | None = None,
        audio: bool | None = None,
        *,
        poll_interval: float = DEFAULT_POLL_INTERVAL,
        timeout: float = DEFAULT_WAIT_TIMEOUT,
    ) -> Job:
        """Create, then poll until the job ends; a failed job is returned (check `status`)."""
        request = (prompt, duration_seconds, aspect_ratio, resolution, image, model, audio)
        return self._drive(self._generate_flow(request, poll_interval, timeout))

    def wait(
        self,
        job_id: str,
        poll_interval: float = DEFAULT_POLL_INTERVAL,
        timeout: float = DEFAULT_WAIT_TIMEOUT,
    ) -> Job:
        """Poll an existing job until it ends, like Sora's `videos.poll`; a failed job is
        returned (check `status`), a job still running at `timeout` raises Timeout."""
        return self._drive(self._wait_flow(job_id, poll_interval, timeout))

    def get_job_status(self, job_id: str) -> Job:
        """The job's current status, progress and error."""
        return self._drive(self._flows.status(job_id))

    def get_video_output(self, job_id: str, variant: str = "video") -> VideoOutput:
        """The finished video, downloaded on first use (JobFailed if the job failed); with
        `variant="thumbnail"`, its still where the provider returns one (UnsupportedFeature
        elsewhere)."""
        job, url = self._drive(self._flows.output(job_id, variant))
        adapter = self._flows.adapter(job.provider)
        return VideoOutput(url, lambda: self._download(adapter, url))

    def cancel_job(self, job_id: str) -> None:
        """Cancel a running job (UnsupportedFeature where the provider cannot)."""
        self._drive(self._flows.cancel(job_id))

    def delete_video(self, job_id: str) -> None:
        """Like Sora's `videos.delete`: cancel a running job; remove a finished video where the
        provider stores it (Runway, Luma), elsewhere it expires on its own."""
        self._drive(self._flows.delete(job_id))

    def extend_video(self, job_id: str, prompt: str, duration_seconds: int | None = None) -> Job:
        """Start a job that continues a finished video."""
        return self._drive(self._flows.extend(job_id, prompt, duration_seconds))

    def _client(self) -> httpx.Client:
        if self._http is None:
            transport = (
                self._transport if isinstance(self._transport, httpx.BaseTransport) else None
            )
            self._http = httpx.Client(
                timeout=self._timeout, transport=transport, mounts=self._mounts()
            )
        return self._http

    def _drive(self, flow: Flow) -> Any:
        """Run a flow: sleep, send and close as it asks; a failed send is thrown back in."""
        try:
            step = next(flow)
            while True:
                if isinstance(step, Sleep):
                    self._sleep(step.seconds)
                    step = next(flow)
                elif isinstance(step, Close):
                    step.response.close()
                    step = next(flow)
                else:
                    try:
                        response = self._exchange(step)
                    except ShimError as error:
                        step = flow.throw(error)
                    else:
                        step = flow.send(response)
        except StopIteration as done:
            return done.value

    def _exchange(self, step: Exchange) -> httpx.Response:
        with _typed_errors(step.adapter, self._timeout):
            return self._client().send(step.request, stream=step.stream)

    def _download(self, adapter: Adapter, url: str) -> Iterator[bytes]:
        response: httpx.Response = self._drive(self._flows.download(adapter, url))
        try:
            with _typed_errors(adapter, self._timeout):
                yield from response.iter_bytes()
        finally:
            response.close()


class AsyncVideoClient(_Base):
    """Asynchronous twin of VideoClient: the same methods, awaited."""

    def __init__(
        self, *args: Any, sleep: Callable[[float], Any] = asyncio.sleep, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self._sleep = sleep
        self._http: httpx.AsyncClient | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    async def __aenter__(self) -> AsyncVideoClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the HTTP connections (if any were opened)."""
        if self._http is not None:
            await self._http.aclose()
            self._http = None

    async def create_video(
        self,
        prompt: str,
        duration_seconds: int | None = None,
        aspect_ratio: str | None = None,
        resolution: str | None = None,
        image: str | bytes | None = None,
        model: str | None = None,
        audio: bool | None = None,
    ) -> Job:
        """Start a video job; returns at once with its id and status."""
        return await self._drive(
            self._create_flow(
                prompt, duration_seconds, aspect_ratio, resolution, image, model, audio
            )
        )

    async def generate_video(
        self,
        prompt: str,
        duration_seconds: int | None = None,
        aspect_ratio: str | None = None,
        resolution: str | None = None,
        image: str | bytes | None = None,
        model: str | None = None,
        audio: bool | None = None,
        *,
        poll_interval: float = DEFAULT_POLL_INTERVAL,
        timeout: float = DEFAULT_WAIT_TIMEOUT,
    ) -> Job:
        """Create, then poll until the job ends; a failed job is returned (check `status`)."""
        request = (prompt, duration_seconds, aspect_ratio, resolution, image, model, audio)
        return await self._drive(self._generate_flow(request, poll_interval, timeout))

    async def wait(
        self,
        job_id: str,
        poll_interval: float = DEFAULT_POLL_INTERVAL,
        timeout: float = DEFAULT_WAIT_TIMEOUT,
    ) -> Job:
        """Poll an existing job until it ends, like Sora's `videos.poll`; a failed job is
        returned (check `status`), a job still running at `timeout` raises Timeout."""
        return await self._drive(self._wait_flow(job_id, poll_interval, timeout))

    async def get_job_status(self, job_id: str) -> Job:
        """The job's current status, progress and error."""
        return await self._drive(self._flows.status(job_id))

    async def get_video_output(self, job_id: str, variant: str = "video") -> AsyncVideoOutput:
        """The finished video, downloaded now as the SDK's async `download_content` did
        (JobFailed if the job failed); with `variant="thumbnail"`, its still where the provider
        returns one (UnsupportedFeature elsewhere)."""
        job, url = await self._drive(self._flows.output(job_id, variant))
        adapter = self._flows.adapter(job.provider)
        content = b"".join([chunk async for chunk in self._download(adapter, url)])
        return AsyncVideoOutput(url, content)

    async def cancel_job(self, job_id: str) -> None:
        """Cancel a running job (UnsupportedFeature where the provider cannot)."""
        await self._drive(self._flows.cancel(job_id))

    async def delete_video(self, job_id: str) -> None:
        """Like Sora's `videos.delete`: cancel a running job; remove a finished video where the
        provider stores it (Runway, Luma), elsewhere it expires on its own."""
        await self._drive(self._flows.delete(job_id))

    async def extend_video(
        self, job_id: str, prompt: str, duration_seconds: int | None = None
    ) -> Job:
        """Start a job that continues a finished video."""
        return await self._drive(self._flows.extend(job_id, prompt, duration_seconds))

    def _client(self) -> httpx.AsyncClient:
        loop = _running_loop()
        if self._http is None or self._loop is not loop:
            # a cached client may outlive one asyncio.run(); connections belong to a loop
            transport = (
                self._transport if isinstance(self._transport, httpx.AsyncBaseTransport) else None
            )
            self._http = httpx.AsyncClient(
                timeout=self._timeout, transport=transport, mounts=self._mounts()
            )
            self._loop = loop
        return self._http

    async def _drive(self, flow: Flow) -> Any:
        """Run a flow: sleep, send and close as it asks; a failed send is thrown back in."""
        try:
            step = next(flow)
            while True:
                if isinstance(step, Sleep):
                    await self._sleep(step.seconds)
                    step = next(flow)
                elif isinstance(step, Close):
                    await step.response.aclose()
                    step = next(flow)
                else:
                    try:
                        response = await self._exchange(step)
                    except ShimError as error:
                        step = flow.throw(error)
                    else:
                        step = flow.send(response)
        except StopIteration as done:
            return done.value

    async def _exchange(self, step: Exchange) -> httpx.Response:
        with _typed_errors(step.adapter, self._timeout):
            return await self._client().send(step.request, stream=step.stream)

    async def _download(self, adapter: Adapter, url: str) -> AsyncIterator[bytes]:
        response: httpx.Response = await self._drive(self._flows.download(adapter, url))
        try:
            with _typed_errors(adapter, self._timeout):
                async for chunk in response.aiter_bytes():
                    yield chunk
        finally:
            await response.aclose()


def _running_loop() -> asyncio.AbstractEventLoop | None:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:  # another async library (trio) drives httpx
        return None


@contextmanager
def _typed_errors(adapter: Adapter, timeout: float) -> Iterator[None]:
    """httpx's timeouts and connection errors as the shim's own, with keys masked."""
    try:
        yield
    except httpx.TimeoutException:
        raise Timeout(f"{adapter.name}: no answer within {timeout:g} s") from None
    except httpx.TransportError as error:
        failed = ProviderError(adapter.name, f"connection failed: {error}")
        raise redacted(failed, adapter) from None
