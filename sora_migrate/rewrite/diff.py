"""Unified diffs of a rewrite, fast on big files with many changes.

difflib aligns two texts in time that grows with the product of their lengths when the same
lines repeat, as they do in a notebook of thousands of cells (its diff took most of a minute).
Big inputs are first cut at lines that occur exactly once on each side, in the same order
(patience diff), so difflib only aligns the short stretches between those anchors. Small inputs
go to difflib unchanged.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterator, Sequence

CONTEXT = 3
SMALL = 2000  # lines on both sides together: difflib as it is
# A stretch without anchors past this many line pairs is aligned line by line when both sides
# have as many lines, else replaced whole.
LARGEST_STRETCH = 4_000_000


def unified_diff(old: str, new: str, rel: str) -> str:
    """A `git diff`-style unified diff of one file."""
    a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    if len(a) + len(b) <= SMALL:
        lines: Iterator[str] = difflib.unified_diff(a, b, f"a/{rel}", f"b/{rel}")
    else:
        lines = _anchored_diff(a, b, f"a/{rel}", f"b/{rel}")
    return "".join(
        line if line.endswith("\n") else f"{line}\n\\ No newline at end of file\n" for line in lines
    )


class _Anchored(difflib.SequenceMatcher[str]):
    """difflib's hunk grouping over matching blocks found by `matching_blocks`."""

    def __init__(self, a: Sequence[str], b: Sequence[str]) -> None:
        super().__init__(None, a, b, autojunk=False)
        self.blocks = matching_blocks(a, b)

    def get_matching_blocks(self) -> list[difflib.Match]:
        return [difflib.Match(*block) for block in self.blocks]


def _anchored_diff(a: list[str], b: list[str], old: str, new: str) -> Iterator[str]:
    """difflib.unified_diff's output format, with `_Anchored` matching."""
    for index, group in enumerate(_Anchored(a, b).get_grouped_opcodes(CONTEXT)):
        if index == 0:
            yield f"--- {old}\n"
            yield f"+++ {new}\n"
        first, last = group[0], group[-1]
        yield f"@@ -{_range(first[1], last[2])} +{_range(first[3], last[4])} @@\n"
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                yield from (" " + line for line in a[i1:i2])
                continue
            if tag in ("replace", "delete"):
                yield from ("-" + line for line in a[i1:i2])
            if tag in ("replace", "insert"):
                yield from ("+" + line for line in b[j1:j2])


def _range(start: int, stop: int) -> str:
    """A hunk range the way difflib writes it."""
    beginning, length = start + 1, stop - start
    if length == 1:
        return f"{beginning}"
    return f"{beginning - 1 if not length else beginning},{length}"


def matching_blocks(a: Sequence[str], b: Sequence[str]) -> list[tuple[int, int, int]]:
    """(i, j, n) runs where a[i:i+n] == b[j:j+n], ascending, ending with (len(a), len(b), 0)."""
    pairs: list[tuple[int, int]] = []
    stretches = [(0, len(a), 0, len(b))]
    while stretches:
        alo, ahi, blo, bhi = stretches.pop()
        while alo < ahi and blo < bhi and a[alo] == b[blo]:
            pairs.append((alo, blo))
            alo, blo = alo + 1, blo + 1
        while alo < ahi and blo < bhi and a[ahi - 1] == b[bhi - 1]:
            ahi, bhi = ahi - 1, bhi - 1
            pairs.append((ahi, bhi))
        if alo == ahi or blo == bhi:
            continue
        anchors = _anchors(a, alo, ahi, b, blo, bhi)
        if not anchors:
            if (ahi - alo) * (bhi - blo) <= LARGEST_STRETCH:
                matcher = difflib.SequenceMatcher(None, a[alo:ahi], b[blo:bhi], autojunk=False)
                for i, j, size in matcher.get_matching_blocks():
                    pairs.extend((alo + i + k, blo + j + k) for k in range(size))
            elif ahi - alo == bhi - blo:  # lines changed in place: equal lines stay equal
                pairs.extend(
                    (alo + k, blo + k) for k in range(ahi - alo) if a[alo + k] == b[blo + k]
                )
            continue
        previous_a, previous_b = alo, blo
        for i, j in anchors:
            stretches.append((previous_a, i, previous_b, j))
            pairs.append((i, j))
            previous_a, previous_b = i + 1, j + 1
        stretches.append((previous_a, ahi, previous_b, bhi))
    runs: list[list[int]] = []
    for i, j in sorted(pairs):
        if runs and runs[-1][0] + runs[-1][2] == i and runs[-1][1] + runs[-1][2] == j:
            runs[-1][2] += 1
        else:
            runs.append([i, j, 1])
    blocks = [(i, j, size) for i, j, size in runs]
    blocks.append((len(a), len(b), 0))
    return blocks


def _anchors(
    a: Sequence[str], alo: int, ahi: int, b: Sequence[str], blo: int, bhi: int
) -> list[tuple[int, int]]:
    """Lines that occur once in a[alo:ahi] and once in b[blo:bhi], as (i, j) pairs, keeping the
    longest run whose j ascend with i (patience sorting)."""
    count_a = Counter(a[alo:ahi])
    count_b = Counter(b[blo:bhi])
    where_b = {b[j]: j for j in range(blo, bhi) if count_b[b[j]] == 1}
    candidates = [
        (i, where_b[a[i]]) for i in range(alo, ahi) if count_a[a[i]] == 1 and a[i] in where_b
    ]
    return _longest_increasing(candidates)


def _longest_increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest subsequence of `pairs` (ascending i) whose j also ascend."""
    import bisect

    tails: list[int] = []  # j of the last pair of the best run of each length
    tail_index: list[int] = []
    back: list[int] = []
    for index, (_, j) in enumerate(pairs):
        length = bisect.bisect_left(tails, j)
        if length == len(tails):
            tails.append(j)
            tail_index.append(index)
        else:
            tails[length] = j
            tail_index[length] = index
        back.append(tail_index[length - 1] if length else -1)
    run = []
    at = tail_index[-1] if tail_index else -1
    while at >= 0:
        run.append(pairs[at])
        at = back[at]
    return run[::-1]
