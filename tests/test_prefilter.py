"""The byte prefilter: every needle admits a file, near misses do not, on both backends."""

from __future__ import annotations

import re

import pytest

from sora_migrate.prefilter import STRONG, Prefilter


@pytest.fixture(params=["python", "hyperscan"])
def prefilter(request: pytest.FixtureRequest) -> Prefilter:
    if request.param == "hyperscan":
        pytest.importorskip("hyperscan")
    return Prefilter(backend=request.param)


@pytest.mark.parametrize("needle", STRONG, ids=lambda n: n.decode())
def test_each_strong_needle_makes_a_candidate(prefilter: Prefilter, needle: bytes) -> None:
    assert prefilter.is_candidate(b"x = 1\n" + needle + b"\n")


@pytest.mark.parametrize(
    "text",
    [
        b"api.videos.with_raw_response.download_content(video_id)",
        b"await openai.videos.downloadContent(id);",
        b"videos = client.videos\n",
        b'import type { Video } from "openai/resources/videos";',
        b'BASE = "https://api.openai.com/v1"\nrequests.get(f"{BASE}/videos/{vid}")',
        b"const BASE = process.env.OPENAI_BASE_URL;\nfetch(BASE + '/videos')",
        b"from openai import videos\n",
        b"from app.clients import client\nclient.videos.create(prompt=p)",
        b"make_client().videos.list()",
    ],
)
def test_videos_in_a_reportable_shape_makes_a_candidate(prefilter: Prefilter, text: bytes) -> None:
    assert prefilter.is_candidate(text)


@pytest.mark.parametrize(
    "text",
    [
        b"const videos = await fetchVideos();\nvideos.map(render);",
        b"<h2>Latest videos</h2>",
        b"def list_videos(channel): return channel.videos_count",
        b"playlist.videos.create(title=t)",
        b'app.get("/videos", listVideos);',
    ],
)
def test_videos_as_a_plain_word_is_dropped(prefilter: Prefilter, text: bytes) -> None:
    assert not prefilter.is_candidate(text)


@pytest.mark.parametrize(
    "text",
    [
        b"from openai.types import VideoCreateParams\n",
        b"from openai.types import (\n    ChatCompletion,\n    ImageInputReferenceParam,\n)\n",
        b"import openai.types.video_create_params as params\n",
        b"from openai.types import Batch\nclient.videos.create(prompt=p)\n",
    ],
)
def test_an_openai_types_import_of_a_video_type_makes_a_candidate(
    prefilter: Prefilter, text: bytes
) -> None:
    assert prefilter.is_candidate(text)


@pytest.mark.parametrize(
    "text",
    [
        b"from openai.types import ChatCompletion\n",
        b"from openai.types.beta import Assistant\nfrom openai.types.chat import completion\n",
    ],
)
def test_openai_types_imports_of_other_types_are_dropped(prefilter: Prefilter, text: bytes) -> None:
    assert not prefilter.is_candidate(text)


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
