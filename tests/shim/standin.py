"""Local stand-ins for the providers' HTTP APIs, and a harness that drives the sync or the
async client against them. Stand-ins assert what they receive and replay scripted answers.

Tests are `async def` under `pytest.mark.anyio`: `await harness.call(...)` calls the sync client
directly or awaits the async one, so one test body covers both clients."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

from sora_migrate.shim import AsyncVideoClient, RetryPolicy, VideoClient

Handler = Callable[[httpx.Request], httpx.Response]


@dataclass
class StandIn:
    """Routes (method, url) to scripted responses; every request is recorded."""

    routes: dict[tuple[str, str], list[Any]] = field(default_factory=dict)
    requests: list[httpx.Request] = field(default_factory=list)
    check: Callable[[httpx.Request], None] = lambda request: None

    def on(self, method: str, url: str, *responses: Any) -> StandIn:
        """Answer `method url` with `responses` in turn (the last one repeats)."""
        self.routes[(method, url)] = list(responses)
        return self

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        key = (request.method, str(request.url))
        if key not in self.routes:
            return httpx.Response(404, json={"error": f"no route for {key}"})
        self.check(request)
        queue = self.routes[key]
        answer = queue.pop(0) if len(queue) > 1 else queue[0]
        if callable(answer):
            return answer(request)
        if isinstance(answer, httpx.Response):
            return answer
        if isinstance(answer, Exception):
            raise answer
        return httpx.Response(200, json=answer)

    def body(self, index: int) -> dict[str, Any]:
        """The JSON body of the `index`-th request."""
        return json.loads(self.requests[index].content)


class Harness:
    """Drives VideoClient or AsyncVideoClient (mode) against a stand-in; no test sleeps."""

    def __init__(self, mode: str, standin: StandIn, **options: Any) -> None:
        self.mode = mode
        self.sleeps: list[float] = []
        self.standin = standin
        options.setdefault("retry", RetryPolicy(rng=lambda: 0.0))
        options.setdefault("environ", {})
        if mode == "sync":
            self.client: Any = VideoClient(
                transport=httpx.MockTransport(standin.handle),
                sleep=lambda seconds: self.sleeps.append(seconds),
                **options,
            )
        else:

            async def sleep(seconds: float) -> None:
                self.sleeps.append(seconds)

            self.client = AsyncVideoClient(
                transport=httpx.MockTransport(standin.handle), sleep=sleep, **options
            )

    async def call(self, method: str, *args: Any, **kwargs: Any) -> Any:
        """client.method(*args, **kwargs), awaited in async mode."""
        result = getattr(self.client, method)(*args, **kwargs)
        return await result if self.mode == "async" else result

    async def download(self, job_id: str) -> bytes:
        """The finished video's bytes through get_video_output(...).read() (sync in both)."""
        output = await self.call("get_video_output", job_id)
        return bytes(output.read())
