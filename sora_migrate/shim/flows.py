"""The shim's operations as plain generators, shared by the sync and async clients.

A flow yields `Send(adapter, call)` or `Sleep(seconds)` and receives the HTTP `Reply`; the
client driving it does the I/O. A failed request is thrown back into the flow, which is how
fallback to the second provider is written once for both clients."""

from __future__ import annotations

import logging
import random
import warnings
from collections.abc import Callable, Generator
from dataclasses import dataclass, replace
from typing import Any

from .config import ShimConfig
from .errors import JobFailed, ProviderError, ShimError, Timeout, UnsupportedFeature
from .jobs import Job, make_job_id, split_job_id
from .params import Settings, VideoRequest, fit, nearest_duration, settings
from .providers.base import Adapter, Call, FollowUp, JobState

LOG = logging.getLogger(__name__.rsplit(".", 1)[0])
# what a job was started with: known from the create call, not from a status read
STARTED_WITH = (
    "model",
    "duration_seconds",
    "aspect_ratio",
    "resolution",
    "audio",
    "provider_defaults",
)


@dataclass(frozen=True)
class Send:
    """Send `call` with `adapter`'s credentials."""

    adapter: Adapter
    call: Call


@dataclass(frozen=True)
class Sleep:
    """Wait before the next poll."""

    seconds: float


@dataclass(frozen=True)
class Reply:
    """What a provider answered."""

    status_code: int
    payload: Any


Step = Send | Sleep
Flow = Generator[Step, Any, Any]


class Flows:
    """Every operation of the shim, independent of sync or async I/O."""

    def __init__(self, config: ShimConfig, rng: Callable[[], float] = random.random) -> None:
        self.config = config
        self.rng = rng
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
        reply = yield Send(adapter, adapter.create(fitted))
        raw_id, state = adapter.parse_created(reply.payload, fitted)
        made = settings(fitted, adapter.capabilities)
        return self._job(adapter, raw_id, state, reply.payload, fitted.model, made)

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
        reply = yield Send(adapter, adapter.status(raw_id))
        state = adapter.parse_status(raw_id, reply.payload)
        if isinstance(state, FollowUp):
            follow = yield Send(adapter, state.call)
            return adapter.parse_result(raw_id, follow.payload, follow.status_code), follow.payload
        return state, reply.payload

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
        yield Send(adapter, adapter.cancel(raw_id))

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
        reply = yield Send(adapter, adapter.extend(raw_id, state, prompt, duration))
        new_id, new_state = adapter.parse_extended(reply.payload)
        return self._job(adapter, new_id, new_state, reply.payload, adapter.model)

    def generate(
        self,
        request: VideoRequest,
        poll_interval: float,
        timeout: float,
        clock: Callable[[], float],
    ) -> Flow:
        """Create, then poll until the job ends (a failed job is returned, not raised). The last
        poll happens at the deadline; a job still running then raises Timeout."""
        deadline = clock() + timeout
        created = yield from self.create(request)
        job = created
        while not job.done:
            remaining = deadline - clock()
            if remaining <= 0:
                raise Timeout(
                    f"job {job.id} did not finish within {timeout:g} s (last: {job.status})"
                )
            yield Sleep(min(poll_interval, remaining))
            job = yield from self.status(job.id)
        started_with = {name: getattr(created, name) for name in STARTED_WITH}
        return replace(job, **started_with)

    @staticmethod
    def _job(
        adapter: Adapter,
        raw_id: str,
        state: JobState,
        payload: Any,
        model: str | None,
        made: Settings | None = None,
    ) -> Job:
        return Job(
            id=make_job_id(adapter.name, raw_id),
            status=state.status,
            progress=state.progress,
            error=state.error,
            video_url=state.video_url,
            model=model,
            duration_seconds=None if made is None else made.duration_seconds,
            aspect_ratio=None if made is None else made.aspect_ratio,
            resolution=None if made is None else made.resolution,
            audio=None if made is None else made.audio,
            provider_defaults=() if made is None else made.provider_defaults,
            raw=payload if isinstance(payload, dict) else {"payload": payload},
        )
