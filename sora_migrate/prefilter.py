"""The cheap byte search that decides which files any analyser needs to see.

Only files containing one of the literal anchors below are decoded and parsed; every other file
is read once and dropped (on a large tree that is all but a few hundred files). Where the
`hyperscan` wheel is available (Linux and macOS) all anchors are found in one SIMD pass, the way
ripgrep does it; elsewhere a pure-Python search does the same job in two stages: three passes
over a lower-cased copy rule out almost every file, then the exact anchors are checked.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

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
BROAD: tuple[bytes, ...] = (b"sora", b"video", b"openai.types")


class _Found(Exception):
    """Raised from the hyperscan callback to stop at the first anchor."""


def python_search(data: bytes) -> bool:
    """The portable search: True when `data` holds an anchor."""
    lowered = data.lower()
    if not any(needle in lowered for needle in BROAD):
        return False
    return any(needle in data for needle in NEEDLES)


class Prefilter:
    """Decides whether a file's bytes are worth analysing. Build one per process."""

    def __init__(self, extra: Sequence[re.Pattern[bytes]] = (), backend: str = "auto") -> None:
        self.extra = tuple(extra)
        self.database: Any = None
        if backend in ("auto", "hyperscan"):
            self.database = _hyperscan_database()
            if self.database is None and backend == "hyperscan":
                raise RuntimeError("hyperscan is not installed")
        self.backend = "hyperscan" if self.database is not None else "python"

    def is_candidate(self, data: bytes) -> bool:
        """True when the file contains a Sora anchor or matches a user rule."""
        if self.extra and any(pattern.search(data) for pattern in self.extra):
            return True
        if self.database is None:
            return python_search(data)
        return self._hyperscan_search(data)

    def _hyperscan_search(self, data: bytes) -> bool:
        import hyperscan

        try:
            self.database.scan(data, match_event_handler=_stop)
        except hyperscan.ScanTerminated:
            return True
        return False


def _stop(*_: object) -> bool:
    """hyperscan callback: returning True ends the scan at the first match."""
    return True


def _hyperscan_database() -> Any:
    try:
        import hyperscan
    except ImportError:
        return None
    database = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
    database.compile(
        expressions=[re.escape(needle.decode()).encode() for needle in NEEDLES],
        ids=list(range(len(NEEDLES))),
        elements=len(NEEDLES),
        flags=[hyperscan.HS_FLAG_SINGLEMATCH] * len(NEEDLES),
    )
    return database
