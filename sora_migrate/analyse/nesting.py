"""Bounds on nesting, checked before and while a file's tree is read.

Tree-sitter parses any depth, but reading a tree thousands of levels deep from Python is slow
(a node's parent is found from the root, so climbing costs the depth squared), tree-sitter-yaml
crashes on block collections nested about 250 levels deep, and libcst's native parser
overflows its stack on brackets nested a few thousand deep (a crash, not an error). A file past
these bounds raises `NestingError` (a ValueError), and the caller skips it with that reason.
Brackets inside strings and comments count too: the bounds err towards skipping only files no
person writes.
"""

from __future__ import annotations

import re
import sys
import threading
from array import array
from collections.abc import Callable
from itertools import accumulate
from typing import Any, TypeVar

T = TypeVar("T")

# Far beyond hand-written code and generated JSON; Python's own parser stops at 200 brackets.
MAX_BRACKETS = 1000
MAX_TREE_DEPTH = 1000
# tree-sitter-yaml 0.7 segfaults on block collections nested 254 levels deep.
MAX_YAML_INDENTS = 200

_OPENERS = b"([{"
_CLOSERS = b")]}"
_NOT_BRACKETS = bytes(byte for byte in range(256) if byte not in _OPENERS + _CLOSERS)
_SIGNS = bytes.maketrans(_OPENERS + _CLOSERS, b"\x01\x01\x01\xff\xff\xff")
# A line's indentation and its compact collection indicators (`- - x`, `? - x`): each starts a
# collection at its own column.
_PREFIX = re.compile(rb"^[ \t]*(?:[-?:][ \t]+)*", re.MULTILINE)
_LONG_PREFIX = re.compile(rb"^[-?: \t]{%d}" % MAX_YAML_INDENTS, re.MULTILINE)


class NestingError(ValueError):
    """The input nests deeper than the tool reads safely."""


def bracket_depth(data: bytes, limit: int) -> int | None:
    """The deepest bracket nesting in `data` when it exceeds `limit`, else None."""
    brackets = data.translate(None, _NOT_BRACKETS)
    if len(brackets) <= limit:
        return None
    steps = array("b", brackets.translate(_SIGNS))
    deepest = max(accumulate(steps), default=0)
    return deepest if deepest > limit else None


def check_brackets(data: bytes, limit: int = MAX_BRACKETS) -> None:
    """Raise NestingError when brackets in `data` nest deeper than `limit`."""
    depth = bracket_depth(data, limit)
    if depth is not None:
        raise NestingError(f"brackets nested {depth} deep (more than {limit})")


def check_yaml_indents(data: bytes) -> None:
    """Raise NestingError when YAML collections start at more distinct columns than
    tree-sitter-yaml can nest (each level of a block collection has its own column)."""
    if _LONG_PREFIX.search(data) is None:
        return  # no line's prefix reaches that many columns
    columns: set[int] = set()
    for prefix in _PREFIX.findall(data):
        columns.add(len(prefix))
        columns.update(at for at, byte in enumerate(prefix) if byte not in b" \t")
    if len(columns) > MAX_YAML_INDENTS:
        raise NestingError(
            f"YAML indented at {len(columns)} different columns (more than {MAX_YAML_INDENTS})"
        )


def too_deep_tree(limit: int = MAX_TREE_DEPTH) -> NestingError:
    """The error for a syntax tree deeper than `limit`."""
    return NestingError(f"syntax nested more than {limit} levels deep")


# Enough for libcst to visit anything CPython's parser accepts (its visitors recurse in Python,
# several frames per level), on a stack big enough that the C frames between them fit.
DEEP_RECURSION_LIMIT = 60_000
DEEP_STACK_BYTES = 512 * 1024 * 1024


def run_with_deep_stack(function: Callable[[], T]) -> T:
    """Run `function` in a thread with a large stack and a high recursion limit (for libcst on
    deeply nested but valid Python); its result is returned and its exception re-raised."""
    outcome: dict[str, Any] = {}

    def target() -> None:
        try:
            outcome["value"] = function()
        except BaseException as error:  # handed to the calling thread
            outcome["error"] = error

    previous_limit = sys.getrecursionlimit()
    previous_size = threading.stack_size()
    try:
        threading.stack_size(DEEP_STACK_BYTES)
        sys.setrecursionlimit(max(previous_limit, DEEP_RECURSION_LIMIT))
        thread = threading.Thread(target=target, name="sora-migrate-deep")
        thread.start()
        thread.join()
    except (RuntimeError, ValueError):  # no thread of that size here: the caller's own stack
        sys.setrecursionlimit(previous_limit)
        return function()
    finally:
        threading.stack_size(previous_size)
        sys.setrecursionlimit(previous_limit)
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]
