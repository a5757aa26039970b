"""What the client does for every provider: retries, timeouts, fallback, shadow, configuration,
downloads, and the parity of the sync and async clients."""

from __future__ import annotations

import inspect
import logging
import warnings
from decimal import Decimal
from pathlib import Path

import httpx
import pytest

from sora_migrate.shim import (
    AsyncVideoClient,
    ConfigurationError,
    JobFailed,
    ParameterMapped,
    ProviderError,
    RetryPolicy,
    Timeout,
    VideoClient,
)
from sora_migrate.shim.retry import parse_retry_after

from .standin import Harness, StandIn

pytestmark = pytest.mark.anyio

RUNWAY = "https://api.dev.runwayml.com"
KEYS = {"runway": {"RUNWAYML_API_SECRET": "rk_test_secret"}}
SUCCEEDED = {"id": "t", "status": "SUCCEEDED", "output": ["https://cdn.runway.test/t.mp4"]}


def _runway(*create_answers: object) -> StandIn:
    standin = StandIn()
    standin.on("POST", f"{RUNWAY}/v1/text_to_video", *create_answers)
    return standin


async def test_429_waits_for_retry_after(mode: str) -> None:
    standin = _runway(httpx.Response(429, headers={"Retry-After": "7"}), {"id": "t"})
    harness = Harness(mode, standin, provider="runway", api_keys=KEYS)
    assert (await harness.call("create_video", "x", duration_seconds=8)).id == "runway:t"
    assert harness.sleeps == [7.0]


async def test_retry_after_longer_than_max_delay_gives_up_at_once(mode: str) -> None:
    standin = _runway(httpx.Response(429, headers={"Retry-After": "3600"}), {"id": "t"})
    harness = Harness(mode, standin, provider="runway", api_keys=KEYS)
    with pytest.raises(ProviderError) as caught:
        await harness.call("create_video", "x", duration_seconds=8)
    assert caught.value.status_code == 429
    assert harness.sleeps == []


async def test_5xx_backs_off_exponentially_then_gives_up(mode: str) -> None:
    standin = _runway(
        httpx.Response(503), httpx.Response(500), httpx.Response(502), httpx.Response(500)
    )
    retry = RetryPolicy(max_attempts=4, base_delay=1.0, rng=lambda: 1.0)
    harness = Harness(mode, standin, provider="runway", api_keys=KEYS, retry=retry)
    with pytest.raises(ProviderError) as caught:
        await harness.call("create_video", "x", duration_seconds=8)
    assert caught.value.status_code == 500
    assert harness.sleeps == [1.0, 2.0, 4.0]
    assert len(standin.requests) == 4


def test_jitter_stays_between_half_and_all_of_the_delay() -> None:
    assert RetryPolicy(base_delay=2.0, rng=lambda: 0.0).backoff(2) == 4.0
    assert RetryPolicy(base_delay=2.0, rng=lambda: 0.999).backoff(2) == pytest.approx(8.0, 1e-3)
    assert RetryPolicy(base_delay=2.0, max_delay=5.0, rng=lambda: 1.0).backoff(9) == 5.0


def test_retry_after_reads_seconds_and_http_dates() -> None:
    assert parse_retry_after("12") == 12.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470.0) == 10.0
    assert parse_retry_after("soon") is None


@pytest.mark.parametrize(
    ("status", "retried"),
    [(429, True), (500, True), (503, True), (599, True), (400, False), (404, False)],
    ids=["too many requests", "500", "503", "599", "400", "404"],
)
def test_only_429_and_5xx_are_retried(status: int, retried: bool) -> None:
    assert (RetryPolicy(rng=lambda: 0.0).after_status(status, 0) is not None) is retried


async def test_request_timeouts_are_retried_then_raise_timeout(mode: str) -> None:
    standin = _runway(httpx.ReadTimeout("slow"))
    retry = RetryPolicy(max_attempts=2, rng=lambda: 0.0)
    harness = Harness(mode, standin, provider="runway", api_keys=KEYS, retry=retry, timeout=12)
    with pytest.raises(Timeout, match="runway: no answer within 12 s"):
        await harness.call("create_video", "x", duration_seconds=8)
    assert len(standin.requests) == 2
    assert harness.sleeps == [0.25]


async def test_connection_errors_are_provider_errors(mode: str) -> None:
    standin = _runway(httpx.ConnectError("refused"))
    harness = Harness(mode, standin, provider="runway", api_keys=KEYS)
    with pytest.raises(ProviderError, match="runway: connection failed: refused"):
        await harness.call("create_video", "x", duration_seconds=8)


async def test_client_errors_are_not_retried(mode: str) -> None:
    standin = _runway(httpx.Response(400, json={"error": "promptText is too long"}))
    harness = Harness(mode, standin, provider="runway", api_keys=KEYS)
    with pytest.raises(ProviderError, match="promptText is too long"):
        await harness.call("create_video", "x", duration_seconds=8)
    assert harness.sleeps == []


async def test_fallback_after_failure_routes_later_calls_by_job_id(
    mode: str, caplog: pytest.LogCaptureFixture
) -> None:
    standin = _runway(httpx.Response(400, json={"error": "out of credits"}))
    harness = Harness(mode, standin, provider="runway", fallback="fake", api_keys=KEYS)
    with caplog.at_level(logging.WARNING):
        job = await harness.call("create_video", "x", duration_seconds=8)
    assert job.id.startswith("fake:")
    assert "runway failed" in caplog.text and "out of credits" in caplog.text
    assert (await harness.call("get_job_status", job.id)).provider == "fake"


async def test_missing_primary_key_falls_back_too(mode: str) -> None:
    harness = Harness(mode, StandIn(), provider="runway", fallback="fake")
    assert (await harness.call("create_video", "x")).provider == "fake"


async def test_model_argument_goes_to_the_primary_only(
    mode: str, caplog: pytest.LogCaptureFixture
) -> None:
    standin = _runway({"id": "t"})
    harness = Harness(mode, standin, provider="runway", fallback="fake", api_keys=KEYS)
    job = await harness.call("create_video", "x", duration_seconds=5, model="gen4_turbo")
    assert standin.body(0)["model"] == "gen4_turbo" and job.model == "gen4_turbo"
    standin.on("POST", f"{RUNWAY}/v1/text_to_video", httpx.Response(400, json={"error": "no"}))
    with caplog.at_level(logging.INFO):
        job = await harness.call("create_video", "x", duration_seconds=4, model="gen4_turbo")
    assert (job.provider, job.model) == ("fake", "fake-1")
    assert "model='gen4_turbo' is for the primary provider; fake uses fake-1" in caplog.text


async def test_shadow_mode_does_not_change_the_result(
    mode: str, caplog: pytest.LogCaptureFixture
) -> None:
    standin = _runway({"id": "t"})
    harness = Harness(
        mode, standin, provider="runway", shadow="fake", shadow_fraction=1.0, api_keys=KEYS
    )
    with caplog.at_level(logging.INFO), warnings.catch_warnings():
        warnings.simplefilter("error")  # the shadow maps 5 s to 4 s: logged, not warned
        job = await harness.call("create_video", "x", duration_seconds=5)
    assert job.id == "runway:t"
    assert "shadow video job fake:" in caplog.text
    assert "fake does not offer duration_seconds=5; using 4" in caplog.text


async def test_shadow_failure_is_logged_and_ignored(
    mode: str, caplog: pytest.LogCaptureFixture
) -> None:
    standin = _runway({"id": "t"})
    harness = Harness(
        mode, standin, provider="runway", shadow="luma", shadow_fraction=1.0, api_keys=KEYS
    )
    with caplog.at_level(logging.WARNING):
        assert (await harness.call("create_video", "x", duration_seconds=8)).id == "runway:t"
    assert "shadow video provider luma failed" in caplog.text and "LUMAAI_API_KEY" in caplog.text


async def test_shadow_fraction_samples_requests(mode: str) -> None:
    standin = _runway({"id": "t"})
    draws = iter([0.05, 0.5])
    harness = Harness(
        mode,
        standin,
        provider="runway",
        shadow="fake",
        shadow_fraction=0.1,
        api_keys=KEYS,
        rng=lambda: next(draws),
    )
    first = await harness.call("create_video", "x", duration_seconds=8)
    second = await harness.call("create_video", "y", duration_seconds=8)
    assert first.id == second.id == "runway:t"
    assert len(standin.requests) == 2


async def test_shadow_settings_come_from_the_environment(
    mode: str, caplog: pytest.LogCaptureFixture
) -> None:
    environ = {
        "VIDEO_GENERATION_SHADOW_PROVIDER": "fake",
        "VIDEO_GENERATION_SHADOW_FRACTION": "1",
        "RUNWAYML_API_SECRET": "rk",
    }
    harness = Harness(mode, _runway({"id": "t"}), provider="runway", environ=environ)
    with caplog.at_level(logging.INFO):
        await harness.call("create_video", "x", duration_seconds=8)
    assert "shadow video job fake:" in caplog.text


async def test_generate_video_polls_once_more_at_the_deadline(mode: str) -> None:
    now = [0.0]
    standin = _runway({"id": "t"})
    standin.on("GET", f"{RUNWAY}/v1/tasks/t", {"id": "t", "status": "RUNNING"})
    harness = Harness(mode, standin, provider="runway", api_keys=KEYS, clock=lambda: now[0])
    harness.sleeps = _Advancing(now)
    with pytest.raises(Timeout, match="did not finish within 15 s \\(last: processing\\)"):
        await harness.call("generate_video", "x", duration_seconds=8, poll_interval=10, timeout=15)
    assert list(harness.sleeps) == [10, 5]
    standin.on("GET", f"{RUNWAY}/v1/tasks/t", {"id": "t", "status": "RUNNING"}, SUCCEEDED)
    now[0] = 0.0
    harness.sleeps = _Advancing(now)
    job = await harness.call(
        "generate_video", "x", duration_seconds=8, poll_interval=10, timeout=15
    )
    assert (job.status, job.model) == ("completed", "gen4.5")


class _Advancing(list):  # type: ignore[type-arg]
    """A sleep log that moves the injected clock forward."""

    def __init__(self, now: list[float]) -> None:
        super().__init__()
        self.now = now

    def append(self, seconds: float) -> None:
        self.now[0] += seconds
        super().append(seconds)


async def test_output_of_a_failed_job_raises_job_failed(mode: str) -> None:
    harness = Harness(mode, StandIn(), provider="fake")
    job = await harness.call("generate_video", "[fail] x", poll_interval=0)
    assert job.status == "failed"
    assert job.error.message == "the fake provider rejected the prompt"
    with pytest.raises(JobFailed, match="rejected the prompt") as caught:
        await harness.call("get_video_output", job.id)
    assert caught.value.job.id == job.id


async def test_output_of_a_running_job_is_an_error(mode: str) -> None:
    harness = Harness(mode, StandIn(), provider="fake")
    job = await harness.call("create_video", "x")
    with pytest.raises(ProviderError, match="is processing; wait for it"):
        await harness.call("get_video_output", job.id)


async def test_download_retries_5xx_then_streams(mode: str) -> None:
    standin = _runway({"id": "t"})
    standin.on("GET", f"{RUNWAY}/v1/tasks/t", SUCCEEDED)
    standin.on(
        "GET",
        "https://cdn.runway.test/t.mp4",
        httpx.Response(503),
        httpx.Response(200, content=b"VIDEO"),
    )
    harness = Harness(mode, standin, provider="runway", api_keys=KEYS)
    assert await harness.download("runway:t") == b"VIDEO"
    assert harness.sleeps == [0.25]


async def test_download_errors_are_typed(mode: str) -> None:
    standin = _runway({"id": "t"})
    standin.on("GET", f"{RUNWAY}/v1/tasks/t", SUCCEEDED)
    standin.on("GET", "https://cdn.runway.test/t.mp4", httpx.Response(403))
    harness = Harness(mode, standin, provider="runway", api_keys=KEYS)
    with pytest.raises(ProviderError, match="video download failed \\(HTTP 403\\)"):
        await harness.download("runway:t")
    standin.on("GET", "https://cdn.runway.test/t.mp4", httpx.ReadTimeout("slow"))
    with pytest.raises(Timeout, match="runway: no answer within 30 s"):
        await harness.download("runway:t")


async def test_async_output_behaves_like_the_sdk_binary_response(tmp_path: Path) -> None:
    async with AsyncVideoClient(provider="fake", sleep=_no_sleep) as client:
        job = await client.generate_video("x", poll_interval=0)
        output = await client.get_video_output(job.id)
    data = output.read()
    assert data[4:8] == b"ftyp" and output.content == data == await output.aread()
    assert b"".join(output.iter_bytes(10)) == data
    assert b"".join([chunk async for chunk in output.aiter_bytes()]) == data
    await output.astream_to_file(tmp_path / "a.mp4")
    output.write_to_file(tmp_path / "b.mp4")
    assert (tmp_path / "a.mp4").read_bytes() == (tmp_path / "b.mp4").read_bytes() == data


async def _no_sleep(seconds: float) -> None:
    return None


async def test_environment_chooses_provider_and_base_url(mode: str) -> None:
    standin = StandIn()
    standin.on("POST", "https://eu.proxy.test/runway/v1/text_to_video", {"id": "t"})
    environ = {
        "VIDEO_GENERATION_PROVIDER": "runway",
        "VIDEO_GENERATION_RUNWAY_BASE_URL": "https://eu.proxy.test/runway",
        "RUNWAYML_API_SECRET": "rk",
    }
    harness = Harness(mode, standin, environ=environ)
    assert (await harness.call("create_video", "x", duration_seconds=8)).id == "runway:t"


async def test_constructor_arguments_win_over_the_environment(mode: str) -> None:
    standin = StandIn()
    standin.on("POST", "https://ctor.test/v1/text_to_video", {"id": "t"})
    environ = {
        "VIDEO_GENERATION_PROVIDER": "fake",
        "VIDEO_GENERATION_RUNWAY_BASE_URL": "https://env.test",
        "RUNWAYML_API_SECRET": "from-env",
    }
    harness = Harness(
        mode,
        standin,
        provider="runway",
        base_urls={"runway": "https://ctor.test"},
        api_keys={"runway": "from-ctor"},
        environ=environ,
    )
    assert (await harness.call("create_video", "x", duration_seconds=8)).id == "runway:t"
    assert standin.requests[0].headers["authorization"] == "Bearer from-ctor"


def test_creating_a_client_reads_nothing() -> None:
    class Exploding(dict):  # type: ignore[type-arg]
        def get(self, *args: object) -> object:
            raise AssertionError("environment read at construction")

    client = VideoClient(environ=Exploding())
    assert repr(client) == "VideoClient(provider=None, fallback=None)"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({}, "set VIDEO_GENERATION_PROVIDER"),
        ({"provider": "sora"}, "unknown video provider 'sora'"),
        ({"provider": "runway"}, "runway: set RUNWAYML_API_SECRET"),
        ({"provider": "veo"}, "set GEMINI_API_KEY or GOOGLE_API_KEY"),
        ({"provider": "fake", "fallback": "sora"}, "unknown video provider 'sora'"),
        (
            {"provider": "kling", "api_keys": {"kling": {"KLING_ACCESS_KEY": "ak"}}},
            "kling: give api_keys= an entry for KLING_SECRET_KEY",
        ),
        (
            {"provider": "kling", "api_keys": {"kling": "one-key"}},
            "api_keys needs a mapping of KLING_ACCESS_KEY and KLING_SECRET_KEY",
        ),
        (
            {"provider": "fake", "shadow": "fake", "shadow_fraction": 2.0},
            "between 0 and 1",
        ),
    ],
    ids=[
        "no provider",
        "unknown provider",
        "missing runway key",
        "missing veo key",
        "unknown fallback",
        "api_keys without the secret key",
        "one string for two kling keys",
        "shadow fraction above 1",
    ],
)
async def test_configuration_errors_name_the_fix(mode: str, options: dict, message: str) -> None:
    harness = Harness(mode, StandIn(), **options)
    with pytest.raises(ConfigurationError, match=message):
        await harness.call("create_video", "x")


async def test_job_ids_must_name_a_provider(mode: str) -> None:
    harness = Harness(mode, StandIn(), provider="fake")
    with pytest.raises(ConfigurationError, match="not a shim job id"):
        await harness.call("get_job_status", "video_123")


def test_mapping_warning_points_at_the_callers_line() -> None:
    client = VideoClient(provider="fake", sleep=lambda seconds: None)
    with pytest.warns(ParameterMapped, match="duration_seconds=7; using 8") as record:
        client.create_video("x", duration_seconds=7)
    assert record[0].filename == __file__


def test_estimate_prices_what_the_provider_will_make() -> None:
    client = VideoClient(provider="pika")
    with pytest.warns(ParameterMapped, match="duration_seconds=8; using 10"):
        estimate = client.estimate_cost(8, "1080p")
    assert estimate.amount == Decimal("0.9000")


def test_sync_and_async_clients_have_the_same_methods() -> None:
    def public(cls: type) -> dict[str, inspect.Signature]:
        return {
            name: inspect.signature(member)
            for name, member in vars(cls).items()
            if callable(member) and not name.startswith("_") and name not in ("close", "aclose")
        }

    sync, not_sync = public(VideoClient), public(AsyncVideoClient)
    assert sync.keys() == not_sync.keys()
    for name, signature in sync.items():
        assert signature.parameters.keys() == not_sync[name].parameters.keys(), name
        assert inspect.iscoroutinefunction(getattr(AsyncVideoClient, name)), name
