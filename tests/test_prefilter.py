"""The byte prefilter: every needle admits a file, near misses do not, on both backends."""

from __future__ import annotations

import re

import pytest

from sora_migrate.prefilter import NEEDLES, Prefilter


@pytest.fixture(params=["python", "hyperscan"])
def prefilter(request: pytest.FixtureRequest) -> Prefilter:
    if request.param == "hyperscan":
        pytest.importorskip("hyperscan")
    return Prefilter(backend=request.param)


@pytest.mark.parametrize("needle", NEEDLES, ids=lambda n: n.decode())
def test_each_needle_makes_a_candidate(prefilter: Prefilter, needle: bytes) -> None:
    assert prefilter.is_candidate(b"x = 1\n" + needle + b"\n")


@pytest.mark.parametrize(
    "text",
    [b"", b"import os\n", b"VIDEO_CODEC = 'h264'\n", b"sOrA mixed case\n", b"a video file\n"],
)
def test_files_without_needles_are_dropped(prefilter: Prefilter, text: bytes) -> None:
    assert not prefilter.is_candidate(text)


def test_needle_in_a_large_file_is_found(prefilter: Prefilter) -> None:
    assert prefilter.is_candidate(b"a" * 3_000_000 + b"video.failed")


def test_user_rule_patterns_admit_files() -> None:
    prefilter = Prefilter([re.compile(rb"VIDEO_ALIAS_\w+")], backend="python")
    assert prefilter.is_candidate(b"model = VIDEO_ALIAS_FAST")
