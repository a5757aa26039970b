"""`from_sora`: Sora-style arguments become create_video arguments at run time, or a typed error
that names the value and the nearest supported ones; `wait` and the Sora-shaped Job."""

from __future__ import annotations

import io
import re
import warnings
from pathlib import Path

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sora_migrate.shim import (
    Job,
    ParameterMapped,
    ShimError,
    SoraValueError,
    Timeout,
    UnsupportedFeature,
    VideoClient,
    from_sora,
)
from sora_migrate.shim.compat import sora_table

from .standin import Harness, StandIn

PNG = b"\x89PNG\r\n\x1a\nrest"
LUMA = "https://api.lumalabs.ai/dream-machine/v1"
VEO = "https://generativelanguage.googleapis.com"


@pytest.mark.parametrize(
    ("size", "aspect_ratio", "resolution"),
    [
        ("1280x720", "16:9", "720p"),
        ("720x1280", "9:16", "720p"),
        ("1792x1024", "16:9", "1080p"),
        ("1024x1792", "9:16", "1080p"),
        ("1920x1080", "16:9", "1080p"),
        (" 1080X1920 ", "9:16", "1080p"),
    ],
)
def test_sizes_become_aspect_ratio_and_resolution(
    size: str, aspect_ratio: str, resolution: str
) -> None:
    arguments = from_sora(prompt="p", size=size)
    assert (arguments["aspect_ratio"], arguments["resolution"]) == (aspect_ratio, resolution)


@pytest.mark.parametrize("seconds", ["8", 8, 8.0, " 8"])
def test_seconds_become_whole_seconds(seconds: object) -> None:
    assert from_sora(prompt="p", seconds=seconds)["duration_seconds"] == 8  # type: ignore[arg-type]


def test_missing_values_are_soras_defaults_and_sora_models_are_dropped() -> None:
    assert from_sora(prompt="p", model="sora-2-pro") == {
        "prompt": "p",
        "duration_seconds": 4,
        "aspect_ratio": "9:16",
        "resolution": "720p",
    }
    assert from_sora(prompt="p", model="gen4.5")["model"] == "gen4.5"


def test_an_unpacked_params_dict_maps_the_same_way() -> None:
    params = {"model": "sora-2", "prompt": "boat", "seconds": str(12), "size": "1280x720"}
    assert from_sora(**params) == {
        "prompt": "boat",
        "duration_seconds": 12,
        "aspect_ratio": "16:9",
        "resolution": "720p",
    }


def test_shim_arguments_pass_through_and_http_options_are_dropped_with_a_warning() -> None:
    with pytest.warns(ParameterMapped, match="from_sora ignores timeout=30"):
        arguments = from_sora(prompt="p", audio=False, timeout=30)
    assert arguments["audio"] is False and "timeout" not in arguments


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://example.com/a.png", "https://example.com/a.png"),
        ("data:image/png;base64,AAAA", "data:image/png;base64,AAAA"),
        ({"image_url": "https://example.com/b.png"}, "https://example.com/b.png"),
        (PNG, PNG),
        (bytearray(PNG), PNG),
        (io.BytesIO(PNG), PNG),
        (("frame.png", PNG, "image/png"), PNG),
    ],
)
def test_input_references_become_images(value: object, expected: object) -> None:
    assert from_sora(prompt="p", input_reference=value)["image"] == expected


def test_an_image_path_is_passed_as_a_path(tmp_path: Path) -> None:
    image = tmp_path / "first.png"
    image.write_bytes(PNG)
    assert from_sora(prompt="p", input_reference=image)["image"] == str(image)
    assert from_sora(prompt="p", input_reference=str(image))["image"] == str(image)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            {"size": "640x480"},
            "size='640x480' has no equivalent in the video shim; nearest supported: "
            '"1792x1024", "1280x720"',
        ),
        (
            {"size": "hd"},
            "size='hd' has no equivalent in the video shim; nearest supported: \"1280x720\"",
        ),
        ({"seconds": "10"}, None),
        ({"seconds": "7.5s"}, "seconds='7.5s' has no equivalent"),
        (
            {"seconds": 7.5},
            'seconds=7.5 has no equivalent in the video shim; nearest supported: "8", "4"',
        ),
        ({"seconds": True}, "seconds=True has no equivalent"),
        ({"seconds": 0}, "seconds=0 has no equivalent"),
        ({"input_reference": {"file_id": "file_1"}}, "an OpenAI file id means nothing"),
        ({"input_reference": "no/such/image.png"}, "not a URL, data URI or image file"),
        ({"input_reference": io.StringIO("text")}, "nearest supported: a path, bytes"),
        ({"poll_interval_ms": 500}, "not an argument of videos.create"),
        ({"sizee": "1280x720"}, "nearest supported: size"),
    ],
)
def test_unmappable_values_raise_a_typed_error(arguments: dict, message: str | None) -> None:
    if message is None:  # any whole number of seconds is the provider's to fit
        assert from_sora(prompt="p", **arguments)["duration_seconds"] == 10
        return
    with pytest.raises(SoraValueError, match=re.escape(message)) as raised:
        from_sora(prompt="p", **arguments)
    assert isinstance(raised.value, ShimError) and isinstance(raised.value, ValueError)
    assert raised.value.name == next(iter(arguments))


def test_a_missing_prompt_is_a_typed_error() -> None:
    with pytest.raises(SoraValueError, match="prompt=None"):
        from_sora(seconds="4")


def test_the_size_table_is_the_one_the_rewrite_uses() -> None:
    from sora_migrate.rewrite.calls.common import SIZES

    table = sora_table()["sizes"]
    assert {size: (row["aspect_ratio"], row["resolution"]) for size, row in table.items()} == SIZES


def test_a_job_reads_like_a_sora_video() -> None:
    client = VideoClient(provider="fake", sleep=lambda seconds: None)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        job = client.generate_video(**from_sora(prompt="p", seconds="8", size="1280x720"))
    assert (job.status, job.progress, job.error) == ("completed", 100, None)
    assert (job.seconds, job.size, job.model, job.prompt) == ("8", "1280x720", "fake-1", "p")
    assert isinstance(job.created_at, int)
    read = client.get_job_status(job.id)
    assert (read.seconds, read.size, read.created_at) == (None, None, None)


@pytest.mark.parametrize(
    ("aspect_ratio", "resolution", "size"),
    [("9:16", "1080p", "1080x1920"), ("1:1", "540p", "540x540"), ("21:9", "4k", "5040x2160")],
)
def test_job_size_is_spelled_like_sora(aspect_ratio: str, resolution: str, size: str) -> None:
    job = Job("fake:1", "pending", aspect_ratio=aspect_ratio, resolution=resolution)
    assert job.size == size


@pytest.mark.anyio
async def test_wait_polls_an_existing_job_until_it_ends(mode: str) -> None:
    harness = Harness(mode, StandIn(), provider="fake")
    created = await harness.call("create_video", "x")
    job = await harness.call("wait", created.id, poll_interval=3)
    assert (job.id, job.status) == (created.id, "completed")
    assert harness.sleeps == [3, 3]
    failed = await harness.call("create_video", "[fail] x")
    assert (await harness.call("wait", failed.id, poll_interval=0)).status == "failed"


@pytest.mark.anyio
async def test_wait_gives_up_at_the_timeout(mode: str) -> None:
    harness = Harness(mode, StandIn(), provider="fake", clock=lambda: 0.0)
    created = await harness.call("create_video", "x")
    with pytest.raises(Timeout, match="did not finish within 0 s"):
        await harness.call("wait", created.id, timeout=0)


@pytest.mark.anyio
async def test_thumbnails_come_from_providers_that_return_one(mode: str) -> None:
    harness = Harness(mode, StandIn(), provider="fake")
    job = await harness.call("generate_video", "x", poll_interval=0)
    output = await harness.call("get_video_output", job.id, variant="thumbnail")
    assert bytes(output.read()).startswith(b"\x89PNG")
    with pytest.raises(UnsupportedFeature, match="fake returns no spritesheet"):
        await harness.call("get_video_output", job.id, variant="spritesheet")


@pytest.mark.anyio
async def test_luma_thumbnail_is_the_still_in_its_assets(mode: str) -> None:
    done = {
        "id": "g1",
        "state": "completed",
        "assets": {"video": "https://cdn.test/v.mp4", "image": "https://cdn.test/still.jpg"},
    }
    standin = StandIn().on("GET", f"{LUMA}/generations/g1", done)
    standin.on("GET", "https://cdn.test/still.jpg", httpx.Response(200, content=b"JPEG"))
    harness = Harness(mode, standin, provider="luma", api_keys={"luma": "k"})
    output = await harness.call("get_video_output", "luma:g1", variant="thumbnail")
    assert (output.url, bytes(output.read())) == ("https://cdn.test/still.jpg", b"JPEG")


@pytest.mark.anyio
async def test_runway_has_no_thumbnail(mode: str) -> None:
    harness = Harness(mode, StandIn(), provider="runway", api_keys={"runway": "k"})
    with pytest.raises(UnsupportedFeature, match="runway returns no thumbnail"):
        await harness.call("get_video_output", "runway:t1", variant="thumbnail")


@pytest.mark.anyio
async def test_delete_video_cancels_a_running_job_and_removes_a_finished_one(mode: str) -> None:
    harness = Harness(mode, StandIn(), provider="fake")
    running = await harness.call("create_video", "x")
    await harness.call("delete_video", running.id)
    assert (await harness.call("get_job_status", running.id)).error.message == "cancelled"
    finished = await harness.call("generate_video", "x", poll_interval=0)
    await harness.call("delete_video", finished.id)


@pytest.mark.anyio
async def test_delete_video_of_a_finished_job_elsewhere_is_a_logged_no_op(
    mode: str, caplog: pytest.LogCaptureFixture
) -> None:
    done = {
        "done": True,
        "response": {
            "generateVideoResponse": {
                "generatedSamples": [{"video": {"uri": "https://files.test/v"}}]
            }
        },
    }
    standin = StandIn().on("GET", f"{VEO}/v1beta/models/m/operations/o", done)
    harness = Harness(mode, standin, provider="veo", api_keys={"veo": {"GEMINI_API_KEY": "k"}})
    with caplog.at_level("INFO"):
        await harness.call("delete_video", "veo:models/m/operations/o")
    assert [request.method for request in standin.requests] == ["GET"]
    assert "veo keeps finished videos until they expire" in caplog.text


@given(
    seconds=st.one_of(st.none(), st.integers(-5, 60), st.text(max_size=6), st.floats()),
    size=st.one_of(st.none(), st.sampled_from(sorted(sora_table()["sizes"])), st.text(max_size=12)),
    extra=st.dictionaries(st.text(min_size=1, max_size=12), st.integers(), max_size=2),
)
def test_from_sora_maps_or_raises_its_typed_error(
    seconds: object, size: object, extra: dict[str, int]
) -> None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ParameterMapped)
            arguments = from_sora(prompt="p", seconds=seconds, size=size, **extra)  # type: ignore[arg-type]
    except SoraValueError as error:
        assert error.name in {"seconds", "size", *extra}
        return
    assert isinstance(arguments["duration_seconds"], int) and arguments["duration_seconds"] > 0
    assert arguments["aspect_ratio"] in ("16:9", "9:16")
    assert arguments["resolution"] in ("720p", "1080p")
    assert set(arguments) <= {"prompt", "duration_seconds", "aspect_ratio", "resolution", *extra}
