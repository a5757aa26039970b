"""Sora's job statuses on rewritten jobs: `"queued"` → `"pending"`, `"in_progress"` →
`"processing"` (the shim's Job.status), so hand-rolled polling loops keep working and keep
type-checking.

A string is mapped only where it is compared with `NAME.status` (`===`, `!==`, `==`, `!=`, a
`case` of `switch (NAME.status)`, or an array literal's `.includes(NAME.status)`) and NAME holds
the result of a rewritten call in this file. Any other comparison with a Sora-only status in a
rewritten file gets a TODO instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from sora_migrate.analyse.matchers import string_content
from sora_migrate.analyse.treesitter import walk
from sora_migrate.rewrite.javascript.edits import Edit
from sora_migrate.rewrite.javascript.results import bound_name
from sora_migrate.rewrite.javascript.source import Source

if TYPE_CHECKING:
    from tree_sitter import Node

SHIM_STATUSES = {"queued": "pending", "in_progress": "processing"}
EQUALITY = frozenset({"===", "!==", "==", "!="})


def job_names(source: Source, calls: Iterable[Node]) -> set[str]:
    """Names that hold the result of one of `calls` (`const video = await ...`)."""
    names = set()
    for call in calls:
        bound = bound_name(source, call, casts=True)
        if bound is not None:
            names.add(bound[0])
    return names


def map_statuses(source: Source, names: set[str]) -> tuple[list[Edit], list[Node]]:
    """Edits for Sora statuses compared with `NAME.status`, and the other Sora-only status
    strings in comparisons (for a TODO)."""
    edits: list[Edit] = []
    unmapped: list[Node] = []
    for node in walk(source.root):
        if node.type != "string" or string_content(source.text(node)) not in SHIM_STATUSES:
            continue
        compared = _compared_with(source, node)
        if compared is None:
            continue
        if _is_job_status(source, compared, names):
            value = SHIM_STATUSES[string_content(source.text(node))]
            quote = source.text(node)[0]
            edits.append(Edit(node.start_byte, node.end_byte, f"{quote}{value}{quote}"))
        else:
            unmapped.append(node)
    return edits, unmapped


def _compared_with(source: Source, string: Node) -> Node | None:
    """The expression a status string is compared with, or None when it is not compared."""
    parent = string.parent
    if parent is None:
        return None
    if parent.type == "binary_expression":
        operator = parent.child_by_field_name("operator")
        if operator is None or source.text(operator) not in EQUALITY:
            return None
        left, right = parent.child_by_field_name("left"), parent.child_by_field_name("right")
        return right if left is not None and left.id == string.id else left
    if parent.type == "switch_case":
        switch = parent.parent.parent if parent.parent is not None else None
        value = switch.child_by_field_name("value") if switch is not None else None
        return _unwrap(value) if value is not None else None
    if parent.type == "array":
        call = _includes_call(source, parent)
        arguments = call.child_by_field_name("arguments") if call is not None else None
        if arguments is not None and arguments.named_children:
            return arguments.named_children[0]
    return None


def _includes_call(source: Source, array: Node) -> Node | None:
    member = array.parent
    while member is not None and member.type == "parenthesized_expression":
        member = member.parent
    if member is None or member.type != "member_expression":
        return None
    prop = member.child_by_field_name("property")
    call = member.parent
    if prop is None or source.text(prop) != "includes" or call is None:
        return None
    return call if call.type == "call_expression" else None


def _is_job_status(source: Source, node: Node | None, names: set[str]) -> bool:
    """`NAME.status` or `NAME?.status` with NAME in `names`."""
    if node is None or node.type != "member_expression":
        return False
    obj, prop = node.child_by_field_name("object"), node.child_by_field_name("property")
    return (
        obj is not None
        and prop is not None
        and obj.type == "identifier"
        and source.text(obj) in names
        and source.text(prop) == "status"
    )


def _unwrap(node: Node) -> Node:
    while node.type == "parenthesized_expression" and node.named_children:
        node = node.named_children[0]
    return node
