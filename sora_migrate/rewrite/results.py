"""What code reads from a rewritten call's result: Sora statuses and attributes.

A comparison of `video.status` with Sora's `"queued"` / `"in_progress"`, where `video` holds
the result of a call rewritten in the same scope, gets the shim's `"pending"` / `"processing"`::

    while video.status in ("queued", "in_progress"):     # before
    while video.status in ("pending", "processing"):     # after

An attribute the shim's `Job` (or `VideoOutput`) does not have gets a TODO at the access, and
so does one that a Job read by `get_job_status` / `wait` leaves None (`seconds`, `size`,
`created_at`, ...): never a silent AttributeError at run time.
"""

from __future__ import annotations

import dataclasses
from typing import TypeVar

import libcst as cst

from sora_migrate.rewrite.whole_flows import name_of
from sora_migrate.shim.compat import sora_table
from sora_migrate.shim.jobs import STARTED_WITH, AsyncVideoOutput, Job, VideoOutput

SORA_STATUSES: dict[str, str] = {
    sora: shim for sora, shim in sora_table()["statuses"].items() if sora != shim
}
STARTED_ONLY = frozenset({*STARTED_WITH, "seconds", "size"})
STATUS_READS = frozenset({"get_job_status", "wait"})
NodeT = TypeVar("NodeT", bound=cst.CSTNode)


def _public(*classes: type) -> frozenset[str]:
    names = {name for cls in classes for name in dir(cls) if not name.startswith("_")}
    for cls in classes:
        if dataclasses.is_dataclass(cls):
            names |= {item.name for item in dataclasses.fields(cls)}
    return frozenset(names)


JOB_ATTRIBUTES = _public(Job)
OUTPUT_ATTRIBUTES = _public(VideoOutput) | _public(AsyncVideoOutput)
RESULT_ATTRIBUTES = {
    "create_video": JOB_ATTRIBUTES,
    "generate_video": JOB_ATTRIBUTES,
    "get_job_status": JOB_ATTRIBUTES,
    "wait": JOB_ATTRIBUTES,
    "extend_video": JOB_ATTRIBUTES,
    "get_video_output": OUTPUT_ATTRIBUTES,
}
RESULT_TYPES = {"get_video_output": "VideoOutput"}


def status_names(comparison: cst.Comparison, results: dict[str, set[str]]) -> bool:
    """True when a side of the comparison is `<name>.status` for a rewritten call's result."""
    operands = [comparison.left, *(target.comparator for target in comparison.comparisons)]
    return any(is_status_of(operand, results) for operand in operands)


def is_status_of(node: cst.BaseExpression, results: dict[str, set[str]]) -> bool:
    """`<name>.status`, where `name` holds a rewritten call's result."""
    return (
        isinstance(node, cst.Attribute)
        and node.attr.value == "status"
        and (name_of(node.value) or "") in results
    )


def has_sora_pattern(pattern: cst.MatchPattern) -> bool:
    """A match-case pattern with a Sora-only status string (`case "queued" | "in_progress":`)."""
    finder = _StatusFinder()
    pattern.visit(finder)
    return finder.found


def holds_sora_statuses(node: cst.Tuple | cst.List | cst.Set | cst.Dict) -> bool:
    """A literal collection of strings (or a dict keyed by strings) with a Sora-only status."""
    if isinstance(node, cst.Dict):
        keys = [e.key for e in node.elements if isinstance(e, cst.DictElement)]
    else:
        keys = [e.value for e in node.elements if isinstance(e, cst.Element)]
    strings = [key for key in keys if isinstance(key, cst.SimpleString)]
    return bool(keys) and len(strings) == len(keys) and any(map(has_sora_status, strings))


class _StatusFinder(cst.CSTVisitor):
    def __init__(self) -> None:
        super().__init__()
        self.found = False

    def visit_SimpleString(self, node: cst.SimpleString) -> None:
        self.found = self.found or node.evaluated_value in SORA_STATUSES


def has_sora_status(node: cst.BaseExpression) -> bool:
    """A Sora-only status string, alone or inside a tuple/list/set literal."""
    if isinstance(node, cst.SimpleString):
        return node.evaluated_value in SORA_STATUSES
    if isinstance(node, (cst.Tuple, cst.List, cst.Set)):
        return any(has_sora_status(element.value) for element in node.elements)
    return False


def shim_statuses(node: NodeT) -> NodeT:
    """The comparison (or match) with every Sora-only status string spelled as the shim does."""
    return node.visit(_StatusSpelling())  # type: ignore[return-value]


class _StatusSpelling(cst.CSTTransformer):
    def leave_SimpleString(
        self, original_node: cst.SimpleString, updated_node: cst.SimpleString
    ) -> cst.SimpleString:
        shim = SORA_STATUSES.get(str(original_node.evaluated_value))
        if shim is None:
            return updated_node
        quote = original_node.quote
        return updated_node.with_changes(value=f"{original_node.prefix}{quote}{shim}{quote}")


def attribute_todo(node: cst.Attribute, results: dict[str, set[str]]) -> str | None:
    """The TODO for reading `node.attr` off a rewritten call's result, or None when it works."""
    name = name_of(node.value)
    if name is None or name not in results:
        return None
    methods = results[name]
    attribute = node.attr.value
    missing = sorted(
        method
        for method in methods
        if method in RESULT_ATTRIBUTES and attribute not in RESULT_ATTRIBUTES[method]
    )
    if missing:
        kind = RESULT_TYPES.get(missing[0], "Job")
        return (
            f"the shim's {kind} has no .{attribute} (Sora's video had); read it another way "
            f"or drop it (see Job in the shim's README)"
        )
    if attribute in STARTED_ONLY and methods & STATUS_READS:
        return (
            f".{attribute} is None on a Job read by get_job_status/wait: only the Job that "
            "create_video/generate_video returns knows it; keep that one's value"
        )
    return None
