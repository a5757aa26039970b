"""The cheap byte search that decides which files any analyser needs to see.

Only files containing one of the literal anchors below are decoded and parsed; every other file
is read once and dropped (on a large tree that is all but a few hundred files). Where the
`hyperscan` wheel is available (Linux and macOS) all anchors are found in one SIMD pass, the way
ripgrep does it; elsewhere a pure-Python search does the same job in two stages: three passes
over a lower-cased copy rule out almost every file, then the exact anchors are checked.

`videos` is a common word in media code, so a file whose only anchor is `videos` is parsed only
when its text shows a shape the analysers could report (`weak_file_is_candidate`): a Sora-only
method on `.videos`, the resource kept in a variable, `/v1/videos`; a generic method
(`playlist.videos.create(`) only when the receiver is imported or the file names OpenAI, since
only then can the analysers resolve it; a `/videos` path only next to the OpenAI host. Likewise
a file that imports from `openai.types` is parsed only when it names a video type, since the
SDK's other types (chat, responses, files) are no Sora dependency. The same shapes are matched
for the SDKs of other languages: `.Videos.New(` (Go), `.videos().create(` (Java, Kotlin, Rust),
`->videos()->` (PHP), Ruby's calls without parentheses; their Sora types are strong anchors.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Protocol

STRONG: tuple[bytes, ...] = (
    b"sora",
    b"Sora",
    b"SORA",
    b"OPENAI_VIDEO",
    b"video.completed",
    b"video.failed",
    # the SDKs of other languages name Sora types without saying sora (sdk_tables.py)
    b"openai.Video",  # Go: openai.VideoNewParams, openai.VideoStatusCompleted
    b"openai.models.videos",  # Java/Kotlin: import com.openai.models.videos.*
    b"OpenAI.Videos",  # .NET: using OpenAI.Videos
    b"GetVideoClient",  # .NET: new OpenAIClient(key).GetVideoClient()
    b"CreateVideoRequest",  # Rust async-openai: CreateVideoRequestArgs
    b"EndpointV1Videos",  # Go batch endpoint constant
    b"V1_VIDEOS",  # Java/Ruby batch endpoint constant
)
WEAK: tuple[bytes, ...] = (b"videos", b"Videos")
TYPES = b"openai.types"
NEEDLES: tuple[bytes, ...] = (*STRONG, *WEAK, TYPES)
# What a file importing from `openai.types` must also hold for one of its imports to be a Sora
# type: `openai.types.video...` modules, `Video*` names, `ImageInputReferenceParam`.
VIDEO_TYPE_WORDS = (b"openai.types.video", b"Video", b"ImageInputReferenceParam")
BROAD: tuple[bytes, ...] = (b"sora", b"video", b"openai.types")
_SORA_ONLY = (
    rb"create_and_poll|createAndPoll|download_content|downloadContent|remix|create_character"
    rb"|createCharacter|get_character|getCharacter|extend_"
    rb"|NewAndPoll|PollStatus|DownloadContent|Remix|NewCharacter|GetCharacter"  # Go
)
_GENERIC = (
    rb"create|poll|retrieve|list|delete|edit|extend|New|Get|List|ListAutoPaging|Delete|Edit|Extend"
)
# `.videos.`, `.videos().` (Java, Kotlin, Rust), `->videos()->` (PHP), `.Videos.` (Go), with
# the raw-response wrappers of Python and Java in between
_WRAPPER = rb"(?:\(\s*\))?\s*(?:\.|->)\s*(?:(?:with_\w+_response|withRawResponse\(\s*\))\s*\.\s*)?"
# `(`, or a Ruby call without parentheses: `client.videos.create prompt: "..."`
_OPEN = rb"(?:\s*\(|[ \t]+[\w:@\"'])"
# What may follow an occurrence of `videos` (matched at the occurrence, never scanned for).
SORA_ONLY_CALL = re.compile(_WRAPPER + rb"(?:" + _SORA_ONLY + rb")" + _OPEN)
GENERIC_CALL = re.compile(_WRAPPER + rb"(?:" + _GENERIC + rb")" + _OPEN)
END_OF_EXPRESSION = re.compile(rb"(?:\(\s*\))?[ \t]*(?:[;,)\]}#\r\n]|$)")
OCCURRENCE = re.compile(rb"[vV]ideos")
RECEIVER = re.compile(rb"(\w*)\)?\s*$")
ALWAYS_BEFORE = (b"resources/", b"resources.", b"/v1/", b"import ", b"::")
MEMBER_BEFORE = (b".", b"->")
# `"/videos"` joined onto a base URL, or `'videos'` relative to one (Guzzle, Faraday)
PATH_BEFORE = (b'"/', b"'/", b"`/", b"}/", b'"', b"'")
IMPORT_WORDS = (b"from ", b"import ", b"const ", b"let ", b"var ")


def python_search(data: bytes) -> bool:
    """The portable search: True when `data` holds an anchor worth analysing."""
    lowered = data.lower()
    if not any(needle in lowered for needle in BROAD):
        return False
    if any(needle in data for needle in STRONG):
        return True
    return conditional_candidate(data, any(needle in data for needle in WEAK), TYPES in data)


def conditional_candidate(data: bytes, weak: bool, types: bool) -> bool:
    """For a file without a strong anchor: does its `videos` or its `openai.types` import
    give an analyser something to report?"""
    if types and any(word in data for word in VIDEO_TYPE_WORDS):
        return True
    return weak and weak_file_is_candidate(data)


def weak_file_is_candidate(data: bytes) -> bool:
    """For a file whose only anchor is `videos`: could an analyser report anything in it?"""
    names_openai: bool | None = None
    for occurrence in OCCURRENCE.finditer(data):
        at, after = occurrence.start(), occurrence.end()
        before = data[max(0, at - 12) : at]
        member = before.endswith(MEMBER_BEFORE)
        if SORA_ONLY_CALL.match(data, after) or before.endswith(ALWAYS_BEFORE):
            return True
        if member and END_OF_EXPRESSION.match(data, after):
            return True
        if names_openai is None:
            names_openai = b"openai" in data.lower()
        if names_openai and before.endswith(PATH_BEFORE):
            return True
        if member and GENERIC_CALL.match(data, after):
            operator = 2 if before.endswith(b"->") else 1
            receiver = RECEIVER.search(data, max(0, at - 80), at - operator)
            name = receiver.group(1) if receiver else b""
            if names_openai or not name or _imported(data, name):
                return True
    return False


def _imported(data: bytes, name: bytes) -> bool:
    """Whether a line that names `name` is an import (a client built in another module)."""
    at = data.find(name)
    while at >= 0:
        line_start = data.rfind(b"\n", 0, at) + 1
        if data[line_start:at].lstrip().startswith(IMPORT_WORDS):
            return True
        at = data.find(name, at + len(name))
    return False


class Searcher(Protocol):
    """A user rule's pattern over bytes (see analyse/user_regex.py)."""

    def search(self, data: bytes) -> Any: ...


class Prefilter:
    """Decides whether a file's bytes are worth analysing. Build one per process."""

    def __init__(self, extra: Sequence[Searcher] = (), backend: str = "auto") -> None:
        self.extra = tuple(extra)
        self.database: Any = None
        if backend in ("auto", "hyperscan"):
            self.database = _hyperscan_database()
            if self.database is None and backend == "hyperscan":
                raise RuntimeError("hyperscan is not installed")
        self.backend = "hyperscan" if self.database is not None else "python"

    def is_candidate(self, data: bytes) -> bool:
        """True when the file contains a Sora anchor or matches a user rule."""
        try:
            if self.extra and any(pattern.search(data) for pattern in self.extra):
                return True
        except ValueError:  # a user regex ran past its budget: the analysis will say so
            return True
        if self.database is None:
            return python_search(data)
        return self._hyperscan_search(data)

    def _hyperscan_search(self, data: bytes) -> bool:
        import hyperscan

        found: set[bytes] = set()
        try:
            self.database.scan(data, match_event_handler=_on_match, context=found)
        except hyperscan.ScanTerminated:
            return True
        return conditional_candidate(data, not found.isdisjoint(WEAK), TYPES in found)


def _on_match(needle: int, _start: int, _end: int, _flags: int, found: set[bytes]) -> bool:
    """hyperscan callback: a strong anchor ends the scan; any other is only noted."""
    if needle < len(STRONG):
        return True
    found.add(NEEDLES[needle])
    return False


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
