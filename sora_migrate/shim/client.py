"""`VideoClient` and `AsyncVideoClient`: thin I/O shells that drive the shared flows.

Creating a client reads no environment variable and opens no connection. Every request has a
timeout; 429 and 5xx answers are retried with backoff and jitter (honouring `Retry-After`);
API keys are never part of a repr, a log record or an exception message."""

from __future__ import annotations

import asyncio
import json
import random
import time
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import httpx

from .config import ShimConfig
from .errors import ProviderError, ShimError, Timeout
from .flows import Flow, Flows, Reply, Send, Sleep
from .jobs import AsyncVideoOutput, CostEstimate, Job, VideoOutput
from .params import VideoRequest
from .pricing import estimate_request
from .providers import fake
from .providers.base import Adapter, Call
from .providers.images import inline_bytes
from .providers.veo_vertex import VertexAI
from .registry import adapter_class
from .retry import RetryPolicy

DEFAULT_TIMEOUT = 30.0
MAX_REDIRECTS = 5


class _Base:
    """Configuration and the pure parts shared by both clients."""

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
        self._flows = Flows(self._config, rng)
        self._timeout = timeout
        self._retry = retry or RetryPolicy()
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

    @staticmethod
    def _request(
        prompt: str,
        duration_seconds: int | None,
        aspect_ratio: str | None,
        resolution: str | None,
        image: str | bytes | None,
        model: str | None,
        audio: bool | None,
    ) -> VideoRequest:
        return VideoRequest(prompt, duration_seconds, aspect_ratio, resolution, image, model, audio)

    def _mounts(self) -> dict[str, Any]:
        return {f"all://{httpx.URL(fake.BASE_URL).host}": fake.transport()}

    def _http_request(self, adapter: Adapter, call: Call) -> httpx.Request:
        headers = {**adapter.auth_headers(), **call.headers}
        return httpx.Request(call.method, call.url, json=call.json, headers=headers)

    def _retry_delay(self, response: httpx.Response, attempt: int) -> float | None:
        retry_after = response.headers.get("retry-after")
        return self._retry.after_status(response.status_code, attempt, retry_after)

    def _reply(self, adapter: Adapter, call: Call, response: httpx.Response) -> Reply:
        payload = _payload(adapter, response)
        if response.status_code >= 400 and not call.failure_is_result:
            message = _error_message(payload, response)
            hint = adapter.error_hint(call, response.status_code)
            error = ProviderError(adapter.name, f"{message}{hint}", response.status_code)
            raise _redacted(error, adapter)
        return Reply(response.status_code, payload)

    def _download_check(
        self, adapter: Adapter, response: httpx.Response, attempt: int
    ) -> float | None:
        """Seconds to wait before downloading again, or None: this response is the video."""
        delay = self._retry_delay(response, attempt)
        if delay is None and response.status_code >= 400:
            error = ProviderError(adapter.name, "video download failed", response.status_code)
            raise _redacted(error, adapter)
        return delay

    def _first_request(
        self, client: httpx.Client | httpx.AsyncClient, adapter: Adapter, url: str
    ) -> httpx.Request:
        return client.build_request(
            "GET", adapter.download_url(url), headers=adapter.download_headers()
        )


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
        request = self._request(
            prompt, duration_seconds, aspect_ratio, resolution, image, model, audio
        )
        return self._drive(self._flows.create(request))

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
        poll_interval: float = 5.0,
        timeout: float = 900.0,
    ) -> Job:
        """Create, then poll until the job ends; a failed job is returned (check `status`)."""
        request = self._request(
            prompt, duration_seconds, aspect_ratio, resolution, image, model, audio
        )
        return self._drive(self._flows.generate(request, poll_interval, timeout, self._clock))

    def get_job_status(self, job_id: str) -> Job:
        """The job's current status, progress and error."""
        return self._drive(self._flows.status(job_id))

    def get_video_output(self, job_id: str) -> VideoOutput:
        """The finished video, downloaded on first use (JobFailed if the job failed)."""
        job = self._drive(self._flows.finished(job_id))
        adapter = self._flows.adapter(job.provider)
        url = job.video_url or ""
        return VideoOutput(url, lambda: self._download(adapter, url))

    def cancel_job(self, job_id: str) -> None:
        """Cancel a running job (UnsupportedFeature where the provider cannot)."""
        self._drive(self._flows.cancel(job_id))

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
        try:
            step = next(flow)
            while True:
                if isinstance(step, Sleep):
                    self._sleep(step.seconds)
                    step = next(flow)
                    continue
                try:
                    reply = self._send(step)
                except ShimError as error:
                    step = flow.throw(error)
                else:
                    step = flow.send(reply)
        except StopIteration as done:
            return done.value

    def _send(self, step: Send) -> Reply:
        adapter, call = step.adapter, step.call
        attempt = 0
        while True:
            try:
                with _typed_errors(adapter, self._timeout):
                    response = self._client().send(self._http_request(adapter, call))
            except Timeout:
                delay = self._retry.after_timeout(attempt)
                if delay is None:
                    raise
            else:
                delay = self._retry_delay(response, attempt)
                if delay is None:
                    return self._reply(adapter, call, response)
            self._sleep(delay)
            attempt += 1

    def _download(self, adapter: Adapter, url: str) -> Iterator[bytes]:
        inline = inline_bytes(url)
        if inline is not None:
            yield inline
            return
        attempt = 0
        while True:
            with _typed_errors(adapter, self._timeout):
                response = self._open(adapter, url)
                try:
                    delay = self._download_check(adapter, response, attempt)
                    if delay is None:
                        yield from response.iter_bytes()
                        return
                finally:
                    response.close()
            self._sleep(delay)
            attempt += 1

    def _open(self, adapter: Adapter, url: str) -> httpx.Response:
        client = self._client()
        request = self._first_request(client, adapter, url)
        for _ in range(MAX_REDIRECTS + 1):
            response = client.send(request, stream=True)
            if response.next_request is None:
                return response
            response.close()
            request = _redirect(response.next_request, request, adapter)
        raise ProviderError(
            adapter.name, f"video download redirected more than {MAX_REDIRECTS} times"
        )


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
        request = self._request(
            prompt, duration_seconds, aspect_ratio, resolution, image, model, audio
        )
        return await self._drive(self._flows.create(request))

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
        poll_interval: float = 5.0,
        timeout: float = 900.0,
    ) -> Job:
        """Create, then poll until the job ends; a failed job is returned (check `status`)."""
        request = self._request(
            prompt, duration_seconds, aspect_ratio, resolution, image, model, audio
        )
        return await self._drive(self._flows.generate(request, poll_interval, timeout, self._clock))

    async def get_job_status(self, job_id: str) -> Job:
        """The job's current status, progress and error."""
        return await self._drive(self._flows.status(job_id))

    async def get_video_output(self, job_id: str) -> AsyncVideoOutput:
        """The finished video, downloaded now as the SDK's async `download_content` did
        (JobFailed if the job failed)."""
        job = await self._drive(self._flows.finished(job_id))
        adapter = self._flows.adapter(job.provider)
        url = job.video_url or ""
        content = b"".join([chunk async for chunk in self._download(adapter, url)])
        return AsyncVideoOutput(url, content)

    async def cancel_job(self, job_id: str) -> None:
        """Cancel a running job (UnsupportedFeature where the provider cannot)."""
        await self._drive(self._flows.cancel(job_id))

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
        try:
            step = next(flow)
            while True:
                if isinstance(step, Sleep):
                    await self._sleep(step.seconds)
                    step = next(flow)
                    continue
                try:
                    reply = await self._send(step)
                except ShimError as error:
                    step = flow.throw(error)
                else:
                    step = flow.send(reply)
        except StopIteration as done:
            return done.value

    async def _send(self, step: Send) -> Reply:
        adapter, call = step.adapter, step.call
        attempt = 0
        while True:
            try:
                with _typed_errors(adapter, self._timeout):
                    response = await self._client().send(self._http_request(adapter, call))
            except Timeout:
                delay = self._retry.after_timeout(attempt)
                if delay is None:
                    raise
            else:
                delay = self._retry_delay(response, attempt)
                if delay is None:
                    return self._reply(adapter, call, response)
            await self._sleep(delay)
            attempt += 1

    async def _download(self, adapter: Adapter, url: str) -> AsyncIterator[bytes]:
        inline = inline_bytes(url)
        if inline is not None:
            yield inline
            return
        attempt = 0
        while True:
            with _typed_errors(adapter, self._timeout):
                response = await self._open(adapter, url)
                try:
                    delay = self._download_check(adapter, response, attempt)
                    if delay is None:
                        async for chunk in response.aiter_bytes():
                            yield chunk
                        return
                finally:
                    await response.aclose()
            await self._sleep(delay)
            attempt += 1

    async def _open(self, adapter: Adapter, url: str) -> httpx.Response:
        client = self._client()
        request = self._first_request(client, adapter, url)
        for _ in range(MAX_REDIRECTS + 1):
            response = await client.send(request, stream=True)
            if response.next_request is None:
                return response
            await response.aclose()
            request = _redirect(response.next_request, request, adapter)
        raise ProviderError(
            adapter.name, f"video download redirected more than {MAX_REDIRECTS} times"
        )


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
        raise _redacted(failed, adapter) from None


def _redirect(target: httpx.Request, previous: httpx.Request, adapter: Adapter) -> httpx.Request:
    """The redirect target, without the provider's download key once it leaves that origin
    (httpx strips only `Authorization` itself; Veo's key travels as `x-goog-api-key`)."""
    if _origin(target.url) != _origin(previous.url):
        for name in adapter.download_headers():
            target.headers.pop(name, None)
    return target


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    return url.scheme, url.host, url.port


def _payload(adapter: Adapter, response: httpx.Response) -> Any:
    if not response.content:
        return {}
    try:
        return response.json()
    except (json.JSONDecodeError, UnicodeDecodeError):
        if response.status_code >= 400:
            return {"detail": response.text[:300]}
        raise ProviderError(adapter.name, "response is not JSON", response.status_code) from None


def _error_message(payload: Any, response: httpx.Response) -> str:
    if isinstance(payload, dict):
        error = payload.get("error")
        if isinstance(error, dict) and error.get("message"):
            return str(error["message"])
        for key in ("error", "message", "detail", "failure"):
            if payload.get(key):
                return str(payload[key])
    return response.reason_phrase or "request failed"


def _redacted(error: ShimError, adapter: Adapter) -> ShimError:
    """The same error with any of the adapter's secrets masked out of its message."""
    message = str(error)
    secrets = [*adapter.secret_values(), *adapter.auth_headers().values()]
    if not any(secret and secret in message for secret in secrets):
        return error
    for secret in secrets:
        if secret:
            message = message.replace(secret, "***")
    error.args = (message,)
    return error
