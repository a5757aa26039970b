"""What the client does for every provider: retries, timeouts, fallback, shadow, configuration."""

from __future__ import annotations

import logging

import httpx
import pytest

from sora_migrate.shim import (
    ConfigurationError,
    JobFailed,
    ProviderError,
    RetryPolicy,
    Timeout,
    VideoClient,
)

from .standin import Harness, StandIn

RUNWAY = "https://api.dev.runwayml.com"
KEYS = {"runway": {"RUNWAYML_API_SECRET": "rk_test_secret"}}


def _runway(*create_answers: object) -> StandIn:
    standin = StandIn()
    standin.on("POST", f"{RUNWAY}/v1/text_to_video", *create_answers)
    return standin


def test_429_waits_for_retry_after(mode: str) -> None:
    standin = _runway(httpx.Response(429, headers={"Retry-After": "7"}), {"id": "t"})
    harness = Harness(mode, standin, provider="runway", api_keys=KEYS)
    assert harness.call("create_video", "x", duration_seconds=8).id == "runway:t"
    assert harness.sleeps == [7.0]


def test_5xx_backs_off_exponentially_then_gives_up(mode: str) -> None:
    standin = _runway(
        httpx.Response(503), httpx.Response(500), httpx.Response(502), httpx.Response(500)
    )
    retry = RetryPolicy(max_attempts=4, base_delay=1.0, rng=lambda: 1.0)
    harness = Harness(mode, standin, provider="runway", api_keys=KEYS, retry=retry)
    with pytest.raises(ProviderError) as caught:
        harness.call("create_video", "x", duration_seconds=8)
    assert caught.value.status_code == 500
    assert harness.sleeps == [1.0, 2.0, 4.0]
    assert len(standin.requests) == 4


def test_jitter_stays_within_half_to_full_delay() -> None:
    policy = RetryPolicy(base_delay=2.0, rng=lambda: 0.0)
    assert policy.delay(2) == 4.0
    assert RetryPolicy(base_delay=2.0, rng=lambda: 0.999).delay(2) == pytest.approx(8.0, rel=1e-3)
    assert policy.delay(0, "Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470.0) == 10.0


def test_request_timeouts_are_retried_then_raise_timeout(mode: str) -> None:
    standin = _runway(httpx.ReadTimeout("slow"))
    harness = Harness(
        mode,
        standin,
        provider="runway",
        api_keys=KEYS,
        retry=RetryPolicy(max_attempts=2, rng=lambda: 0.0),
    )
    with pytest.raises(Timeout, match="no answer within 30 s"):
        harness.call("create_video", "x", duration_seconds=8)
    assert len(standin.requests) == 2


def test_client_errors_are_not_retried(mode: str) -> None:
    standin = _runway(httpx.Response(400, json={"error": "promptText is too long"}))
    harness = Harness(mode, standin, provider="runway", api_keys=KEYS)
    with pytest.raises(ProviderError, match="promptText is too long"):
        harness.call("create_video", "x", duration_seconds=8)
    assert harness.sleeps == []


def test_fallback_after_failure_routes_later_calls_by_job_id(
    mode: str, caplog: pytest.LogCaptureFixture
) -> None:
    standin = _runway(httpx.Response(400, json={"error": "out of credits"}))
    harness = Harness(mode, standin, provider="runway", fallback="fake", api_keys=KEYS)
    with caplog.at_level(logging.WARNING):
        job = harness.call("create_video", "x", duration_seconds=8)
    assert job.id.startswith("fake:")
    assert "runway failed" in caplog.text and "out of credits" in caplog.text
    assert harness.call("get_job_status", job.id).provider == "fake"


def test_missing_primary_key_falls_back_too(mode: str) -> None:
    harness = Harness(mode, StandIn(), provider="runway", fallback="fake")
    assert harness.call("create_video", "x").provider == "fake"


def test_shadow_mode_does_not_change_the_result(
    mode: str, caplog: pytest.LogCaptureFixture
) -> None:
    standin = _runway({"id": "t"})
    harness = Harness(
        mode, standin, provider="runway", shadow="fake", shadow_fraction=1.0, api_keys=KEYS
    )
    with caplog.at_level(logging.INFO):
        job = harness.call("create_video", "x", duration_seconds=8)
    assert job.id == "runway:t"
    assert "shadow video job fake:" in caplog.text


def test_shadow_failure_is_logged_and_ignored(mode: str, caplog: pytest.LogCaptureFixture) -> None:
    standin = _runway({"id": "t"})
    harness = Harness(
        mode, standin, provider="runway", shadow="luma", shadow_fraction=1.0, api_keys=KEYS
    )
    with caplog.at_level(logging.WARNING):
        assert harness.call("create_video", "x", duration_seconds=8).id == "runway:t"
    assert "shadow video provider luma failed" in caplog.text and "LUMAAI_API_KEY" in caplog.text


def test_shadow_fraction_samples_requests(mode: str) -> None:
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
    harness.call("create_video", "x", duration_seconds=8)
    harness.call("create_video", "y", duration_seconds=8)
    assert len(standin.requests) == 2


def test_generate_video_deadline_raises_timeout(mode: str) -> None:
    ticks = iter(range(0, 10_000, 10))
    harness = Harness(mode, StandIn(), provider="fake", clock=lambda: float(next(ticks)))
    with pytest.raises(Timeout, match="did not finish within 15 s"):
        harness.call("generate_video", "x", poll_interval=10, timeout=15)


def test_output_of_a_failed_job_raises_job_failed(mode: str) -> None:
    harness = Harness(mode, StandIn(), provider="fake")
    job = harness.call("generate_video", "[fail] x", poll_interval=0)
    assert job.status == "failed"
    with pytest.raises(JobFailed, match="rejected the prompt"):
        harness.call("get_video_output", job.id)


def test_environment_chooses_provider_and_base_url(mode: str) -> None:
    standin = StandIn()
    standin.on("POST", "https://eu.proxy.test/runway/v1/text_to_video", {"id": "t"})
    environ = {
        "VIDEO_GENERATION_PROVIDER": "runway",
        "VIDEO_GENERATION_RUNWAY_BASE_URL": "https://eu.proxy.test/runway",
        "RUNWAYML_API_SECRET": "rk",
    }
    harness = Harness(mode, standin, environ=environ)
    assert harness.call("create_video", "x", duration_seconds=8).id == "runway:t"


def test_constructor_arguments_win_over_the_environment(mode: str) -> None:
    harness = Harness(
        mode, StandIn(), provider="fake", environ={"VIDEO_GENERATION_PROVIDER": "runway"}
    )
    assert harness.call("create_video", "x").provider == "fake"


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
    ],
)
def test_configuration_errors_name_the_fix(mode: str, options: dict, message: str) -> None:
    harness = Harness(mode, StandIn(), **options)
    with pytest.raises(ConfigurationError, match=message):
        harness.call("create_video", "x")


def test_job_ids_must_name_a_provider(mode: str) -> None:
    harness = Harness(mode, StandIn(), provider="fake")
    with pytest.raises(ConfigurationError, match="not a shim job id"):
        harness.call("get_job_status", "video_123")
