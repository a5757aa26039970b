"""Byte-range edits on a file: everything outside the edited ranges stays byte-identical."""

from __future__ import annotations

from dataclasses import dataclass


class OverlappingEdits(Exception):
    """Two edits touch the same bytes (nested Sora calls): the file is left alone."""


@dataclass(frozen=True)
class Edit:
    """Replace bytes `start:end` with `text` (an insertion when start == end)."""

    start: int
    end: int
    text: str


def apply_edits(data: bytes, edits: list[Edit]) -> bytes:
    """`data` with every edit applied; insertions at one offset keep their order."""
    ordered = sorted(enumerate(edits), key=lambda item: (item[1].start, item[1].end, item[0]))
    out, at = [], 0
    for _, edit in ordered:
        if edit.start < at:
            raise OverlappingEdits(f"edits overlap at byte {edit.start}")
        out.append(data[at : edit.start])
        out.append(edit.text.encode("utf-8"))
        at = edit.end
    out.append(data[at:])
    return b"".join(out)
