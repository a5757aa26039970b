"""No invented defaults: a value the caller leaves out stays out of the request (the provider
applies its own default, which `Job` and `estimate_cost` report as the provider's), and only a
field the provider requires gets the shim's documented choice."""

from __future__ import annotations

import itertools
import warnings
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sora_migrate.shim import UnsupportedFeature, VertexAI, VideoClient
from sora_migrate.shim.config import ShimConfig
from sora_migrate.shim.params import VideoRequest, fit
from sora_migrate.shim.params import settings as params_settings
from sora_migrate.shim.pricing import price_table
from sora_migrate.shim.registry import PROVIDERS

from .google_credentials import MintingCredentials

KEYS = {
    "RUNWAYML_API_SECRET": "rk",
    "GEMINI_API_KEY": "gk",
    "LUMAAI_API_KEY": "lk",
    "FAL_KEY": "fk",
    "KLING_ACCESS_KEY": "ak",
    "KLING_SECRET_KEY": "sk",
}
# where each provider puts a chosen value in its create body (None: the API has no such field)
FIELDS: dict[str, dict[str, tuple[str, ...] | None]] = {
    "runway": {"duration_seconds": ("duration",), "aspect_ratio": ("ratio",), "resolution": None},
    "veo": {
        "duration_seconds": ("parameters", "durationSeconds"),
        "aspect_ratio": ("parameters", "aspectRatio"),
        "resolution": ("parameters", "resolution"),
    },
    "veo-vertex": {
        "duration_seconds": ("parameters", "durationSeconds"),
        "aspect_ratio": ("parameters", "aspectRatio"),
        "resolution": ("parameters", "resolution"),
        "audio": ("parameters", "generateAudio"),
    },
    "luma": {
        "duration_seconds": ("duration",),
        "aspect_ratio": ("aspect_ratio",),
        "resolution": ("resolution",),
    },
    "pika": {
        "duration_seconds": ("duration",),
        "aspect_ratio": ("aspect_ratio",),
        "resolution": ("resolution",),
    },
    "kling": {
        "duration_seconds": ("duration",),
        "aspect_ratio": ("aspect_ratio",),
        "resolution": ("mode",),
        "audio": ("sound",),
    },
    "fake": {"duration_seconds": ("seconds",), "aspect_ratio": None, "resolution": None},
}
# the body of a create call that names nothing but the prompt
BARE = {
    "runway": {"model": "gen4.5", "promptText": "p", "ratio": "1280:720", "duration": 5},
    "veo": {"instances": [{"prompt": "p"}]},
    "veo-vertex": {"instances": [{"prompt": "p"}]},
    "luma": {"model": "ray-2", "prompt": "p"},
    "pika": {"prompt": "p"},
    "kling": {"model_name": "kling-v2-6", "prompt": "p"},
    "fake": {"prompt": "p", "model": "fake-1"},
}
CHOSEN = ("duration_seconds", "aspect_ratio", "resolution", "audio")
OPTIONS = {"veo-vertex": VertexAI(project="p", credentials=MintingCredentials())}


def _paths(body: dict[str, Any], prefix: tuple[str, ...] = ()) -> set[tuple[str, ...]]:
    paths = set()
    for key, value in body.items():
        if isinstance(value, dict):
            paths |= _paths(value, (*prefix, key))
        else:
            paths.add((*prefix, key))
    return paths


def _body(name: str, request: VideoRequest) -> dict[str, Any]:
    adapter = ShimConfig(environ=KEYS, options=OPTIONS).build_adapter(name)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fitted = fit(name, request, adapter.capabilities, adapter.model)
    return adapter.create(fitted).json or {}


def test_every_provider_is_covered() -> None:
    assert set(FIELDS) == set(BARE) == set(PROVIDERS)


@pytest.mark.parametrize("name", sorted(PROVIDERS))
def test_a_bare_prompt_sends_only_what_the_provider_requires(name: str) -> None:
    assert _body(name, VideoRequest("p")) == BARE[name]


@pytest.mark.parametrize(
    ("name", "given"),
    [
        (name, given)
        for name in sorted(PROVIDERS)
        for size in range(len(CHOSEN) + 1)
        for given in itertools.combinations(CHOSEN, size)
        # audio=True on a silent provider raises UnsupportedFeature (tested per provider)
        if PROVIDERS[name].capabilities.native_audio or "audio" not in given
    ],
    ids=lambda value: value if isinstance(value, str) else "+".join(value) or "nothing",
)
def test_the_body_grows_only_by_what_the_caller_chose(name: str, given: tuple[str, ...]) -> None:
    capabilities = PROVIDERS[name].capabilities
    values = {
        "duration_seconds": capabilities.durations[-1],
        "aspect_ratio": capabilities.aspect_ratios[-1],
        "resolution": capabilities.resolutions[-1],
        "audio": True,
    }
    request = VideoRequest("p", **{field: values[field] for field in given})
    bare = _paths(BARE[name])
    added = _paths(_body(name, request)) - bare
    # a required field (runway's ratio and duration) is in the bare body already
    assert added == {FIELDS[name].get(field) for field in given} - {None} - bare


def _client(name: str) -> VideoClient:
    return VideoClient(provider=name, environ=KEYS, vertex=OPTIONS["veo-vertex"])


def test_the_job_reports_the_provider_defaults_it_did_not_send() -> None:
    job = _client("fake").create_video("p", resolution="1080p")
    assert (job.duration_seconds, job.aspect_ratio, job.resolution, job.audio) == (
        4,
        "16:9",
        "1080p",
        False,
    )
    assert job.provider_defaults == ("duration_seconds", "aspect_ratio", "audio")
    assert (
        _client("fake").get_job_status(job.id).provider_defaults == ()
    )  # a status read knows none


def test_generate_keeps_what_the_job_was_started_with() -> None:
    client = VideoClient(provider="fake", sleep=lambda seconds: None)
    job = client.generate_video("p", duration_seconds=8, poll_interval=0)
    assert (job.status, job.duration_seconds, job.provider_defaults) == (
        "completed",
        8,
        ("aspect_ratio", "resolution", "audio"),
    )


def test_estimate_prices_the_provider_defaults_and_names_them() -> None:
    cost = _client("veo").estimate_cost()
    assert (cost.duration_seconds, cost.resolution, cost.audio) == (8, "720p", True)
    assert cost.provider_defaults == ("duration_seconds", "resolution", "audio")
    assert cost.amount == Decimal("3.2000")  # 8 s at the 720p row
    assert _client("veo").estimate_cost(4, "4k").provider_defaults == ("audio",)


def test_a_required_field_is_the_shims_choice_not_a_provider_default() -> None:
    cost = _client("runway").estimate_cost()
    assert (cost.duration_seconds, cost.amount) == (5, Decimal("0.6000"))
    assert "duration_seconds" not in cost.provider_defaults
    cost = _client("kling").estimate_cost(resolution="1080p")
    assert (cost.duration_seconds, cost.provider_defaults) == (5, ("duration_seconds", "audio"))
    assert cost.amount == Decimal("0.3500")


ASPECTS = ("16:9", "9:16", "1:1", "4:3", "3:4", "21:9", "9:21", "4:5", "2:3")
RESOLUTIONS = ("360p", "480p", "540p", "720p", "1080p", "1440p", "4k")


@st.composite
def requests(draw: st.DrawFn) -> tuple[str, VideoRequest]:
    """A provider and a request naming any subset of the settings, offered values or not."""
    name = draw(st.sampled_from(sorted(PROVIDERS)))
    capabilities = PROVIDERS[name].capabilities
    audio = st.none() | st.booleans() if capabilities.native_audio else st.none() | st.just(False)
    return name, VideoRequest(
        "p",
        duration_seconds=draw(st.none() | st.integers(1, 30)),
        aspect_ratio=draw(st.none() | st.sampled_from(ASPECTS)),
        resolution=draw(st.none() | st.sampled_from(RESOLUTIONS)),
        audio=draw(audio),
    )


@settings(max_examples=300, deadline=None)
@given(requests())
def test_a_field_is_sent_only_when_chosen_or_required(case: tuple[str, VideoRequest]) -> None:
    name, request = case
    capabilities = PROVIDERS[name].capabilities
    body_paths = _paths(_body(name, request))
    for field, path in FIELDS[name].items():
        if path is None:
            continue
        chosen = getattr(request, field) is not None and not (
            field == "audio" and not capabilities.audio_toggle
        )
        assert (path in body_paths) == (chosen or field in capabilities.required), field


@settings(max_examples=300, deadline=None)
@given(requests())
def test_what_is_not_chosen_is_reported_as_the_providers_default(
    case: tuple[str, VideoRequest],
) -> None:
    name, request = case
    capabilities = PROVIDERS[name].capabilities
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        made = params_settings(fit(name, request, capabilities, "m"), capabilities)
    left_out = {
        field
        for field in CHOSEN
        if getattr(request, field) is None and field not in capabilities.required
    }
    if not capabilities.native_audio:
        left_out.discard("audio")
    assert set(made.provider_defaults) == left_out
    defaults = {
        "duration_seconds": capabilities.default_duration,
        "aspect_ratio": capabilities.default_aspect_ratio,
        "resolution": capabilities.default_resolution,
    }
    for field in left_out - {"audio"}:
        assert getattr(made, field) == defaults[field]
    if price_table()["providers"][name]["rows"]:  # and the estimate prices the same video
        client = VideoClient(provider=name, environ=KEYS, vertex=OPTIONS["veo-vertex"])
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                cost = client.estimate_cost(
                    request.duration_seconds, request.resolution, request.audio
                )
        except UnsupportedFeature as error:  # e.g. kling with sound: no price published
            assert "no published price" in str(error)
            return
        assert set(cost.provider_defaults) == left_out - {"aspect_ratio"}
        assert (cost.duration_seconds, cost.resolution) == (made.duration_seconds, made.resolution)
