"""The offline fake provider: finishes after N polls and returns a real MP4 container."""

from __future__ import annotations

import struct

import pytest

from sora_migrate.shim import VideoClient

from .standin import Harness, StandIn


def _boxes(data: bytes) -> list[bytes]:
    kinds, offset = [], 0
    while offset < len(data):
        size, kind = struct.unpack(">I4s", data[offset : offset + 8])
        assert size >= 8
        kinds.append(kind)
        offset += size
    assert offset == len(data)
    return kinds


def test_finishes_after_the_configured_polls(mode: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VIDEO_GENERATION_FAKE_POLLS", "3")
    harness = Harness(mode, StandIn(), provider="fake", environ=None)
    job = harness.call("generate_video", "a paper boat", poll_interval=1)
    assert job.status == "completed"
    assert harness.sleeps == [1, 1, 1, 1]
    assert _boxes(harness.download(job.id)) == [b"ftyp", b"moov", b"mdat"]


def test_write_to_file_and_iter_bytes(tmp_path) -> None:  # type: ignore[no-untyped-def]
    client = VideoClient(provider="fake", sleep=lambda s: None)
    job = client.generate_video("x", poll_interval=0)
    output = client.get_video_output(job.id)
    output.write_to_file(tmp_path / "out.mp4")
    assert (tmp_path / "out.mp4").read_bytes() == b"".join(output.iter_bytes()) == output.content


def test_cancel_and_extend(mode: str) -> None:
    harness = Harness(mode, StandIn(), provider="fake")
    running = harness.call("create_video", "x")
    harness.call("cancel_job", running.id)
    assert harness.call("get_job_status", running.id).status == "failed"
    done = harness.call("generate_video", "y", poll_interval=0)
    extended = harness.call("extend_video", done.id, prompt="more", duration_seconds=4)
    assert extended.provider == "fake" and extended.id != done.id


def test_capabilities_and_cost() -> None:
    client = VideoClient(provider="fake")
    assert client.supports_native_audio() is True
    assert str(client.estimate_cost(8, "720p").amount) == "0.0000"
