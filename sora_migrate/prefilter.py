"""The cheap byte search that decides which files any analyser needs to see.

Only files containing one of these literal anchors are decoded and parsed; every other file
is read once and dropped (on a large tree that is all but a few hundred files)."""

from __future__ import annotations

import re
from collections.abc import Sequence

NEEDLES: tuple[bytes, ...] = (
    b"sora",
    b"Sora",
    b"SORA",
    b"videos",
    b"Videos",
    b"OPENAI_VIDEO",
    b"openai.types",
    b"video.completed",
    b"video.failed",
)


def is_candidate(data: bytes, extra: Sequence[re.Pattern[bytes]] = ()) -> bool:
    """True when the file contains a Sora needle or matches a user rule."""
    for needle in NEEDLES:
        if needle in data:
            return True
    return any(pattern.search(data) for pattern in extra)
