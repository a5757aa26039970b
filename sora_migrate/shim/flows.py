"""The shim's operations as plain generators, shared by the sync and async clients.

A flow yields `Exchange(adapter, request)`, `Close(response)` or `Sleep(seconds)`; the client
driving it does only that I/O and sends the `httpx.Response` back. Everything else is written
once here: retries with backoff, error replies, redirects of downloads, waiting for a job, and
fallback to the second provider (a failed exchange is thrown back into the flow)."""

from __future__ import annotations

import json
import logging
import random
import time
import warnings
from collections.abc import Callable, Generator
from dataclasses import dataclass, replace
from typing import Any

import httpx

from .config import ShimConfig
from .errors import JobFailed, ProviderError, ShimError, Timeout, UnsupportedFeature
from .jobs import Job, make_job_id, split_job_id
from .params import Settings, VideoRequest, fit, nearest_duration, settings
from .providers.base import Adapter, Call, FollowUp, JobState
from .providers.images import inline_bytes
from .retry import RetryPolicy

LOG = logging.getLogger(__name__.rsplit(".", 1)[0])
MAX_REDIRECTS = 5


@dataclass(frozen=True)
class Exchange:
    """Send `request` for `adapter` (streamed when `stream`) and send back the response."""

    adapter: Adapter
    request: httpx.Request
    stream: bool = False


@dataclass(frozen=True)
class Close:
    """Close a streamed response the flow will not read."""

    response: httpx.Response


@dataclass(frozen=True)
class Sleep:
    """Wait before the next poll."""

    seconds: float


@dataclass(frozen=True)
class Reply:
    """What a provider answered."""

    status_code: int
    payload: Any


Step = Exchange | Close | Sleep
Flow = Generator[Step, Any, Any]


class Flows:
    """Every operation of the shim, independent of sync or async I/O."""

    def __init__(
        self,
        config: ShimConfig,
        rng: Callable[[], float] = random.random,
        retry: RetryPolicy | None = None,
    ) -> None:
        self.config = config
        self.rng = rng
        self.retry = retry or RetryPolicy()
        self._adapters: dict[str, Adapter] = {}

    def adapter(self, name: str) -> Adapter:
        """The (cached) adapter for a provider; keys are read here, at first use."""
        if name not in self._adapters:
            self._adapters[name] = self.config.build_adapter(name)
        return self._adapters[name]

    def create(self, request: VideoRequest) -> Flow:
        """Start a job on the primary provider, falling back to the second one on failure."""
        primary = self.config.primary()
        fallback = self.config.fallback_name()
        shadow, fraction = self.config.shadow_setup()
        try:
            job = yield from self._create_on(primary, request)
        except ShimError as error:
            if fallback is None or fallback == primary:
                raise
            LOG.warning(
                "video provider %s failed (%s); falling back to %s", primary, error, fallback
            )
            job = yield from self._create_on(fallback, self._for_second(request, fallback))
        if shadow is not None and shadow != primary and self.rng() < fraction:
            yield from self._shadow(shadow, request)
        return job

    def _for_second(self, request: VideoRequest, name: str) -> VideoRequest:
        """A model id named for the primary provider means nothing to another one."""
        if request.model is None:
            return request
        LOG.info(
            "model=%r is for the primary provider; %s uses %s",
            request.model,
            name,
            self.config.model_for(name),
        )
        return replace(request, model=None)

    def _create_on(self, name: str, request: VideoRequest, quiet: bool = False) -> Flow:
        adapter = self.adapter(name)
        fitted = self._fit(name, request, adapter, quiet)
        reply = yield from self.send(adapter, adapter.create(fitted))
        raw_id, state = adapter.parse_created(reply.payload, fitted)
        made = settings(fitted, adapter.capabilities)
        return self._job(adapter, raw_id, state, reply.payload, fitted.model, made, fitted.prompt)

    @staticmethod
    def _fit(name: str, request: VideoRequest, adapter: Adapter, quiet: bool) -> VideoRequest:
        if not quiet:
            return fit(name, request, adapter.capabilities, adapter.model)
        # a shadow provider's parameter mapping is logged, never shown to the caller
        with warnings.catch_warnings(record=True) as mapped:
            warnings.simplefilter("always")
            fitted = fit(name, request, adapter.capabilities, adapter.model)
        for warning in mapped:
            LOG.info("shadow video provider %s: %s", name, warning.message)
        return fitted

    def _shadow(self, name: str, request: VideoRequest) -> Flow:
        """Send the same request to the shadow provider; its outcome is only logged."""
        try:
            job = yield from self._create_on(name, self._for_second(request, name), quiet=True)
        except ShimError as error:
            LOG.warning("shadow video provider %s failed: %s", name, error)
        else:
            LOG.info("shadow video job %s started on %s", job.id, name)

    def status(self, job_id: str) -> Flow:
        """The job's current state, asked of the provider that runs it."""
        name, raw_id = split_job_id(job_id)
        adapter = self.adapter(name)
        state, payload = yield from self._state(adapter, raw_id)
        return self._job(adapter, raw_id, state, payload, None)

    def _state(self, adapter: Adapter, raw_id: str) -> Flow:
        reply = yield from self.send(adapter, adapter.status(raw_id))
        state = adapter.parse_status(raw_id, reply.payload)
        if isinstance(state, FollowUp):
            follow = yield from self.send(adapter, state.call)
            return adapter.parse_result(raw_id, follow.payload, follow.status_code), follow.payload
        return state, reply.payload

    def output(self, job_id: str, variant: str) -> Flow:
        """(the completed job, the URL of its `variant`); UnsupportedFeature where the provider
        returns no such variant (only the video, or also a "thumbnail": capabilities.variants)."""
        name, _ = split_job_id(job_id)
        offered = self.adapter(name).capabilities.variants
        if variant not in offered:
            raise UnsupportedFeature(
                f"{name} returns no {variant} (it returns: {', '.join(offered)}); "
                "cut one from the video instead (e.g. ffmpeg)"
            )
        job = yield from self.finished(job_id)
        url = job.video_url if variant == "video" else job.thumbnail_url
        if not url:
            raise ProviderError(name, f"job {job.id} finished without a {variant}")
        return job, url

    def finished(self, job_id: str) -> Flow:
        """The completed job, or JobFailed / a ProviderError while it is still running."""
        job = yield from self.status(job_id)
        if job.status == "failed":
            raise JobFailed(job)
        if job.status != "completed" or not job.video_url:
            raise ProviderError(
                job.provider, f"job {job.id} is {job.status}; wait for it (generate_video) first"
            )
        return job

    def cancel(self, job_id: str) -> Flow:
        """Cancel a running job (UnsupportedFeature where the provider has no such call)."""
        name, raw_id = split_job_id(job_id)
        adapter = self.adapter(name)
        yield from self.send(adapter, adapter.cancel(raw_id))

    def delete(self, job_id: str) -> Flow:
        """Sora's `delete`: a running job is cancelled; a finished one is removed where the
        provider stores it (its cancel request deletes too), elsewhere it simply expires."""
        name, raw_id = split_job_id(job_id)
        adapter = self.adapter(name)
        job = yield from self.status(job_id)
        if job.done and not adapter.cancel_deletes:
            LOG.info("%s keeps finished videos until they expire; nothing to delete", name)
            return
        yield from self.send(adapter, adapter.cancel(raw_id))

    def extend(self, job_id: str, prompt: str, duration_seconds: int | None) -> Flow:
        """A new job that continues a finished video."""
        name, raw_id = split_job_id(job_id)
        adapter = self.adapter(name)
        if not adapter.capabilities.extend:
            raise UnsupportedFeature(f"{name} cannot extend a video")
        state, _ = yield from self._state(adapter, raw_id)
        if state.status != "completed":
            raise ProviderError(
                name, f"job {job_id} is {state.status}; only a finished video extends"
            )
        duration = (
            None
            if duration_seconds is None
            else nearest_duration(name, duration_seconds, adapter.capabilities)
        )
        reply = yield from self.send(adapter, adapter.extend(raw_id, state, prompt, duration))
        new_id, new_state = adapter.parse_extended(reply.payload)
        return self._job(adapter, new_id, new_state, reply.payload, adapter.model, prompt=prompt)

    def generate(
        self,
        request: VideoRequest,
        poll_interval: float,
        timeout: float,
        clock: Callable[[], float],
    ) -> Flow:
        """Create, then wait until the job ends (a failed job is returned, not raised)."""
        deadline = clock() + timeout
        created = yield from self.create(request)
        job = yield from self._until_done(created, poll_interval, timeout, deadline, clock)
        return created.updated(job)

    def wait(
        self, job_id: str, poll_interval: float, timeout: float, clock: Callable[[], float]
    ) -> Flow:
        """Poll an existing job until it ends (a failed job is returned, not raised)."""
        deadline = clock() + timeout
        job = yield from self.status(job_id)
        return (yield from self._until_done(job, poll_interval, timeout, deadline, clock))

    def _until_done(
        self,
        job: Job,
        poll_interval: float,
        timeout: float,
        deadline: float,
        clock: Callable[[], float],
    ) -> Flow:
        """Poll until the job ends. The last poll happens at the deadline; a job still running
        then raises Timeout."""
        while not job.done:
            remaining = deadline - clock()
            if remaining <= 0:
                raise Timeout(
                    f"job {job.id} did not finish within {timeout:g} s (last: {job.status})"
                )
            yield Sleep(min(poll_interval, remaining))
            job = yield from self.status(job.id)
        return job

    def send(self, adapter: Adapter, call: Call) -> Flow:
        """One API call with retries (408/429/5xx and timeouts, honouring Retry-After); an
        error answer raises ProviderError unless the call takes failures as results."""
        attempt = 0
        while True:
            headers = {**adapter.auth_headers(), **call.headers}
            request = httpx.Request(call.method, call.url, json=call.json, headers=headers)
            try:
                response = yield Exchange(adapter, request)
            except Timeout:
                delay = self.retry.after_timeout(attempt)
                if delay is None:
                    raise
            else:
                delay = self._retry_delay(response, attempt)
                if delay is None:
                    return _reply(adapter, call, response)
            yield Sleep(delay)
            attempt += 1

    def download(self, adapter: Adapter, url: str) -> Flow:
        """The open, streamed response of a finished video (retried and redirected); the
        driver reads and closes it."""
        inline = inline_bytes(url)
        if inline is not None:  # the provider returned the video inside the job (Vertex AI)
            return httpx.Response(200, content=inline)
        attempt = 0
        while True:
            response = yield from self._follow(adapter, url)
            delay = self._retry_delay(response, attempt)
            if delay is None and response.status_code < 400:
                return response
            yield Close(response)
            if delay is None:
                error = ProviderError(adapter.name, "video download failed", response.status_code)
                raise redacted(error, adapter)
            yield Sleep(delay)
            attempt += 1

    @staticmethod
    def _follow(adapter: Adapter, url: str) -> Flow:
        request = httpx.Request(
            "GET", adapter.download_url(url), headers=adapter.download_headers()
        )
        for _ in range(MAX_REDIRECTS + 1):
            response = yield Exchange(adapter, request, stream=True)
            if response.next_request is None:
                return response
            yield Close(response)
            request = _redirect(response.next_request, request, adapter)
        raise ProviderError(
            adapter.name, f"video download redirected more than {MAX_REDIRECTS} times"
        )

    def _retry_delay(self, response: httpx.Response, attempt: int) -> float | None:
        retry_after = response.headers.get("retry-after")
        return self.retry.after_status(response.status_code, attempt, retry_after)

    @staticmethod
    def _job(
        adapter: Adapter,
        raw_id: str,
        state: JobState,
        payload: Any,
        model: str | None,
        made: Settings | None = None,
        prompt: str | None = None,
    ) -> Job:
        """A Job from a provider's state; `made` and `prompt` are given when this call started
        the job (then `created_at` is now)."""
        return Job(
            id=make_job_id(adapter.name, raw_id),
            status=state.status,
            progress=state.progress,
            error=state.error,
            video_url=state.video_url,
            thumbnail_url=state.thumbnail_url,
            model=model,
            duration_seconds=None if made is None else made.duration_seconds,
            aspect_ratio=None if made is None else made.aspect_ratio,
            resolution=None if made is None else made.resolution,
            audio=None if made is None else made.audio,
            provider_defaults=() if made is None else made.provider_defaults,
            raw=payload if isinstance(payload, dict) else {"payload": payload},
            prompt=prompt or None,
            created_at=None if prompt is None else int(time.time()),
        )


def _reply(adapter: Adapter, call: Call, response: httpx.Response) -> Reply:
    payload = _payload(adapter, response)
    if response.status_code >= 400 and not call.failure_is_result:
        message = _error_message(payload, response)
        hint = adapter.error_hint(call, response.status_code)
        error = ProviderError(adapter.name, f"{message}{hint}", response.status_code)
        raise redacted(error, adapter)
    return Reply(response.status_code, payload)


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


def redacted(error: ShimError, adapter: Adapter) -> ShimError:
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
