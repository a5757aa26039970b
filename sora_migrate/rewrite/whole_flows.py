"""Whole flows or nothing: decide every planned call's outcome before changing any.

Within one function (or one module, which for a notebook is all of its cells), calls that share
a video — the name a call's result is bound to, the id it is given (`video.id`, `video_id`,
`job["id"]`), and names bound to such an id (`vid = video.id`) — form a flow. If one call of a
flow cannot move to the shim, none of them move: an id made by OpenAI is never handed to another
provider, nor the other way round. The TODO on each call held back says which call holds it.

Before::

    video = client.videos.create(prompt=p, size=size)
    clip = client.videos.remix(video.id, prompt="darker")

After (the create could move on its own; the remix cannot)::

    # TODO(sora-migrate): kept on Sora with videos.remix on the same video (see its TODO) ...
    video = client.videos.create(prompt=p, size=size)
    # TODO(sora-migrate): videos.remix has no shim equivalent; ...
    clip = client.videos.remix(video.id, prompt="darker")

The same pass records which names hold a rewritten call's result, for the status and attribute
checks of the transformer (results.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import libcst as cst
from libcst.metadata import PositionProvider

from sora_migrate.rewrite.calls import call_outcome
from sora_migrate.rewrite.calls.common import CallSite, Manual, Outcome, Rewritten
from sora_migrate.rewrite.plan import Plan

SHIM_METHODS = {
    "create": "create_video",
    "create_and_poll": "generate_video",
    "poll": "wait",
    "retrieve": "get_job_status",
    "download_content": "get_video_output",
    "extend": "extend_video",
    "delete": "delete_video",
}
HELD_BACK = (
    "kept on Sora with videos.{blocker} on the same video `{key}`{why}: a flow moves whole or "
    "not at all; once that call can move, run sora-migrate rewrite again"
)
SEE_ITS_TODO = " (see its TODO)"
UNRESOLVED_WHY = " (its receiver is not known to be an OpenAI client)"

Position = tuple[int, int]


@dataclass
class _Call:
    position: Position
    method: str
    scope: int
    outcome: Outcome
    keys: set[str]
    bound_to: str | None


@dataclass
class Decisions:
    """What pass 1 decided: each planned call's site (async, result used), calls held back by
    their flow, and per scope (the id of a FunctionDef node, 0 for the module) the names bound
    to each rewritten call's shim method."""

    held_back: dict[Position, Manual] = field(default_factory=dict)
    results: dict[int, dict[str, set[str]]] = field(default_factory=dict)
    sites: dict[Position, CallSite] = field(default_factory=dict)


class FlowAnalysis(cst.CSTVisitor):
    """Pass 1: the outcome of every planned call, its scope and the videos it touches."""

    METADATA_DEPENDENCIES = (PositionProvider,)

    def __init__(self, plan: Plan) -> None:
        super().__init__()
        self.plan = plan
        self.calls: list[_Call] = []
        self.sites: dict[Position, CallSite] = {}
        self.aliases: list[tuple[int, str, str]] = []
        self._scopes: list[int] = [0]
        self._awaited: set[int] = set()
        self._bare: set[int] = set()
        self._bound: dict[int, str] = {}
        self._unresolved = {
            (item.line, item.column): Manual(
                f"videos.{item.method}: receiver not resolved", "receiver not resolved"
            )
            for item in plan.unresolved
        }

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._scopes.append(id(node))

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self._scopes.pop()

    def visit_Await(self, node: cst.Await) -> None:
        self._awaited.add(id(node.expression))

    def visit_Expr(self, node: cst.Expr) -> None:
        value = node.value.expression if isinstance(node.value, cst.Await) else node.value
        self._bare.add(id(value))

    def visit_Assign(self, node: cst.Assign) -> None:
        if len(node.targets) == 1:
            self._bind(node.targets[0].target, node.value)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        if node.value is not None:
            self._bind(node.target, node.value)

    def visit_For(self, node: cst.For) -> None:
        self._bind_loop(node.target, node.iter)

    def visit_CompFor(self, node: cst.CompFor) -> None:
        self._bind_loop(node.target, node.iter)

    def _bind_loop(self, target: cst.BaseExpression, iterable: cst.BaseExpression) -> None:
        """`for video in client.videos.list()` / `for video in page.data`: each item is a video
        of that call."""
        name = name_of(target)
        iterable = iterable.expression if isinstance(iterable, cst.Await) else iterable
        if name is None:
            return
        self._bound.setdefault(id(iterable), name)
        root = _root_name(iterable)
        if root is not None:
            self.aliases.append((self._scopes[-1], name, root))

    def _bind(self, target: cst.BaseExpression, value: cst.BaseExpression) -> None:
        name = name_of(target)
        if name is None and isinstance(target, cst.Subscript):  # jobs[key] = video.id
            name = _root_name(target)
        if name is None:
            return
        value = value.expression if isinstance(value, cst.Await) else value
        self._bound[id(value)] = name
        video = video_of(value, ids_only=True) or _same_video(value)
        if video is not None:
            self.aliases.append((self._scopes[-1], name, video))

    def visit_Call(self, node: cst.Call) -> None:
        start = self.get_metadata(PositionProvider, node).start
        target = self.plan.calls.get((start.line, start.column))
        func = node.func
        unresolved = self._unresolved.get((start.line, start.column))
        if target is None and unresolved is not None:
            if isinstance(func, cst.Attribute) and unresolved.reason.startswith(
                f"videos.{func.attr.value}:"
            ):
                self._add(node, start.line, start.column, unresolved)
            return
        if target is None or not isinstance(func, cst.Attribute):
            return
        if func.attr.value != target.method:
            return
        site = CallSite(
            method=target.method,
            is_async=target.async_client or id(node) in self._awaited,
            result_used=id(node) not in self._bare,
        )
        self.sites[(start.line, start.column)] = site
        self._add(node, start.line, start.column, call_outcome(func, node, site))

    def _add(self, node: cst.Call, line: int, column: int, outcome: Outcome) -> None:
        method = node.func.attr.value if isinstance(node.func, cst.Attribute) else "?"
        bound_to = self._bound.get(id(node))
        keys = {key for key in (bound_to, *_id_arguments(node)) if key is not None}
        scope = self._scopes[-1]
        self.calls.append(_Call((line, column), method, scope, outcome, keys, bound_to))

    def decisions(self) -> Decisions:
        """Hold back every rewritable call of a flow that has a call left for a person."""
        decided = Decisions(sites=self.sites)
        groups = _Groups()
        for scope, name, video in self.aliases:
            groups.join((scope, name), (scope, video))
        for call in self.calls:
            keys = sorted(call.keys)
            for key in keys[1:]:
                groups.join((call.scope, keys[0]), (call.scope, key))
        blockers: dict[tuple[int, str], _Call] = {}
        for call in self.calls:
            if isinstance(call.outcome, Manual):
                for key in call.keys:
                    blockers.setdefault(groups.root((call.scope, key)), call)
        for call in self.calls:
            if not isinstance(call.outcome, Rewritten):
                continue
            blocker = next(
                (
                    blockers[root]
                    for key in sorted(call.keys)
                    if (root := groups.root((call.scope, key))) in blockers
                ),
                None,
            )
            if blocker is not None:
                key = sorted(blocker.keys & call.keys or blocker.keys)[0]
                why = UNRESOLVED_WHY if blocker.position in self._unresolved else SEE_ITS_TODO
                todo = HELD_BACK.format(blocker=blocker.method, key=key, why=why)
                reason = (
                    f"videos.{call.method}: its video is also used by videos.{blocker.method}, "
                    "which stays"
                )
                decided.held_back[call.position] = Manual(reason, todo)
            elif call.bound_to is not None and call.method in SHIM_METHODS:
                names = decided.results.setdefault(call.scope, {})
                names.setdefault(call.bound_to, set()).add(SHIM_METHODS[call.method])
        return decided


class _Groups:
    """Union-find over (scope, name)."""

    def __init__(self) -> None:
        self.parent: dict[tuple[int, str], tuple[int, str]] = {}

    def root(self, item: tuple[int, str]) -> tuple[int, str]:
        while self.parent.get(item, item) != item:
            item = self.parent[item]
        return item

    def join(self, first: tuple[int, str], second: tuple[int, str]) -> None:
        a, b = self.root(first), self.root(second)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def name_of(node: cst.BaseExpression) -> str | None:
    """`video`, `self.video`: a plain name or a dotted attribute chain; None for anything else."""
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        base = name_of(node.value)
        return None if base is None else f"{base}.{node.attr.value}"
    return None


def video_of(node: cst.BaseExpression, ids_only: bool = False) -> str | None:
    """The name of the video an id expression refers to: `video.id` and `video["id"]` are
    `video`; a plain name is itself (unless `ids_only`)."""
    if isinstance(node, cst.Attribute) and node.attr.value == "id":
        return name_of(node.value)
    if isinstance(node, cst.Subscript) and len(node.slice) == 1:
        index = node.slice[0].slice
        if (
            isinstance(index, cst.Index)
            and isinstance(index.value, cst.SimpleString)
            and index.value.evaluated_value == "id"
        ):
            return name_of(node.value)
    return None if ids_only else name_of(node)


def _same_video(value: cst.BaseExpression) -> str | None:
    """`raw.parse()` (a raw response's parsed object) and a plain `other` name the same video."""
    if isinstance(value, cst.Call) and isinstance(value.func, cst.Attribute):
        if value.func.attr.value == "parse" and not value.args:
            return name_of(value.func.value)
        return None
    return name_of(value)


def _root_name(node: cst.BaseExpression) -> str | None:
    """The plain name an expression starts from (`page` in `page.data[0]`), if any."""
    while isinstance(node, (cst.Attribute, cst.Subscript, cst.Call)):
        node = node.func if isinstance(node, cst.Call) else node.value
    return node.value if isinstance(node, cst.Name) else None


def _id_arguments(call: cst.Call) -> list[str | None]:
    """The videos a call is given: its first positional argument, `video_id=`, or the id inside
    `video={"id": ...}` (edit, extend)."""
    found: list[str | None] = []
    for index, arg in enumerate(call.args):
        if arg.star:
            continue
        name = arg.keyword.value if arg.keyword is not None else None
        if (name is None and index == 0) or name == "video_id":
            found.append(video_of(arg.value))
        elif name == "video" and isinstance(arg.value, cst.Dict):
            for element in arg.value.elements:
                if (
                    isinstance(element, cst.DictElement)
                    and isinstance(element.key, cst.SimpleString)
                    and element.key.evaluated_value == "id"
                ):
                    found.append(video_of(element.value))
    return found
