"""The offline fake provider: finishes after N polls and returns a real MP4 container."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from sora_migrate.shim import VideoClient

from .standin import Harness, StandIn

pytestmark = pytest.mark.anyio


def _boxes(data: bytes) -> dict[bytes, bytes]:
    """Top-level ISO BMFF boxes: type -> payload (sizes must tile the data exactly)."""
    boxes, offset = {}, 0
    while offset < len(data):
        size, kind = struct.unpack(">I4s", data[offset : offset + 8])
        assert size >= 8
        boxes[kind] = data[offset + 8 : offset + size]
        offset += size
    assert offset == len(data)
    return boxes


def test_the_shipped_video_is_an_mp4_container() -> None:
    client = VideoClient(provider="fake", sleep=lambda seconds: None)
    data = client.get_video_output(client.generate_video("x", poll_interval=0).id).read()
    boxes = _boxes(data)
    assert list(boxes) == [b"ftyp", b"moov", b"mdat"]
    assert boxes[b"ftyp"][:4] == b"isom"
    movie = _boxes(boxes[b"moov"])
    timescale, duration = struct.unpack(">II", movie[b"mvhd"][12:20])
    assert duration / timescale == 4.0


async def test_finishes_after_the_configured_polls(
    mode: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VIDEO_GENERATION_FAKE_POLLS", "3")
    harness = Harness(mode, StandIn(), provider="fake", environ=None)
    job = await harness.call("generate_video", "a paper boat", poll_interval=1)
    assert (job.status, job.progress, job.error) == ("completed", 100, None)
    assert harness.sleeps == [1, 1, 1, 1]
    assert (await harness.download(job.id))[4:8] == b"ftyp"


def test_needs_no_key_and_no_network(tmp_path: Path) -> None:
    client = VideoClient(provider="fake", environ={}, sleep=lambda seconds: None)
    job = client.generate_video("x", poll_interval=0)
    output = client.get_video_output(job.id)
    assert output.url.startswith("http://fake-video-provider.invalid/")
    output.write_to_file(tmp_path / "out.mp4")
    assert (tmp_path / "out.mp4").read_bytes() == b"".join(output.iter_bytes()) == output.content


async def test_cancel_and_extend(mode: str) -> None:
    harness = Harness(mode, StandIn(), provider="fake")
    running = await harness.call("create_video", "x")
    await harness.call("cancel_job", running.id)
    cancelled = await harness.call("get_job_status", running.id)
    assert (cancelled.status, cancelled.error.message) == ("failed", "cancelled")
    done = await harness.call("generate_video", "y", poll_interval=0)
    extended = await harness.call("extend_video", done.id, prompt="more", duration_seconds=4)
    assert extended.provider == "fake" and extended.id != done.id


def test_capabilities_and_cost() -> None:
    client = VideoClient(provider="fake")
    assert client.supports_native_audio() is True
    assert str(client.estimate_cost(8, "720p").amount) == "0.0000"
