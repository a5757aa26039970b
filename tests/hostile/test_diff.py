"""The rewrite's unified diff: difflib's own output for small files, the same format from
patience anchors for big ones, and always a diff that turns the old text into the new."""

from __future__ import annotations

import difflib
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sora_migrate.rewrite.diff import _anchored_diff, unified_diff

HUNK = re.compile(r"@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")


def apply(old: list[str], diff: list[str]) -> list[str]:
    """Apply a unified diff (as lines) to `old`."""
    out: list[str] = []
    at = 0
    for line in diff[2:]:
        hunk = HUNK.match(line)
        if hunk is not None:
            start, count = int(hunk.group(1)), hunk.group(2)
            begin = start if count == "0" else start - 1
            out.extend(old[at:begin])
            at = begin
        elif line[0] == " ":
            assert old[at] == line[1:]
            out.append(old[at])
            at += 1
        elif line[0] == "-":
            assert old[at] == line[1:]
            at += 1
        else:
            out.append(line[1:])
    return out + old[at:]


lines = st.lists(st.sampled_from(["a\n", "b\n", "c\n", "d\n", "e\n", "x = 1\n", "}\n"]))


@settings(max_examples=150, deadline=None)
@given(old=lines, new=lines)
def test_anchored_diff_turns_old_into_new(old: list[str], new: list[str]) -> None:
    diff = list(_anchored_diff(old, new, "a/f", "b/f"))
    assert apply(old, diff) == new
    if old == new:
        assert diff == []


def test_small_files_keep_difflib_output() -> None:
    old, new = "a\nb\nc\n", "a\nB\nc\n"
    expected = "".join(
        difflib.unified_diff(old.splitlines(True), new.splitlines(True), "a/f", "b/f")
    )
    assert unified_diff(old, new, "f") == expected


def test_a_notebook_sized_diff_is_exact() -> None:
    cells = [
        f'  "metadata": {{}},\n  "source": ["v{i} = client.videos.retrieve(1)\\n"]\n'
        for i in range(3000)
    ]
    old = "".join(cells)
    new = old.replace("client.videos.retrieve", "_video_client().get_job_status")
    diff = unified_diff(old, new, "demo.ipynb")
    assert apply(old.splitlines(True), diff.splitlines(True)) == new.splitlines(True)
    assert diff.count("\n-") == diff.count("\n+") - 1 == 3000
