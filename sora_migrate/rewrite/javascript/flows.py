"""Whole flows or nothing, as in the Python rewrite (rewrite/whole_flows.py): calls of one
function that share a video (the name a result is bound to, the id a call is given — `video.id`,
`videoId`, `job["id"]` — and names bound to such an id, `const vid = video.id`) move together.
If one of them stays on Sora (a call left for a person, or one on a receiver the scanner could
not resolve), the others stay too, with a TODO that names the call holding them,
so an id made by OpenAI is never handed to another provider, nor the other way round.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sora_migrate.analyse.matchers import string_content
from sora_migrate.analyse.treesitter import walk
from sora_migrate.rewrite.calls.common import Manual
from sora_migrate.rewrite.javascript.calls import Outcome, Rewritten, object_members
from sora_migrate.rewrite.javascript.results import bound_name
from sora_migrate.rewrite.javascript.source import Source
from sora_migrate.rewrite.whole_flows import HELD_BACK, SEE_ITS_TODO, UNRESOLVED_WHY, _Groups

if TYPE_CHECKING:
    from tree_sitter import Node

SCOPES = frozenset(
    {
        "program",
        "function_declaration",
        "function_expression",
        "function",
        "arrow_function",
        "method_definition",
        "generator_function_declaration",
    }
)
ID_FIRST = frozenset({"retrieve", "poll", "downloadContent", "delete", "remix"})
ID_IN_BODY = frozenset({"extend", "edit"})


@dataclass(frozen=True)
class Decided:
    """A planned call, its node and what the rewrite would do with it; an `unresolved` call
    (medium confidence) is never changed, but holds back the calls that share its video."""

    method: str
    call: Node
    outcome: Outcome
    unresolved: bool = False


def hold_back(source: Source, decided: list[Decided]) -> list[Decided]:
    """`decided`, with every rewritable call of a flow that has a call left for a person turned
    into a held-back Manual outcome."""
    groups = _Groups()
    keyed = []
    for item in decided:
        scope = _scope(item.call)
        keys = sorted(_keys(source, item))
        for key in keys[1:]:
            groups.join((scope, keys[0]), (scope, key))
        keyed.append((item, scope, keys))
    for scope, name, video in _aliases(source):
        groups.join((scope, name), (scope, video))
    blockers: dict[tuple[int, str], tuple[Decided, str]] = {}
    for item, scope, keys in keyed:
        if isinstance(item.outcome, Manual):
            given = _keys(source, item, bound=False)
            for key in keys:
                shown = min(given) if given else key
                blockers.setdefault(groups.root((scope, key)), (item, shown))
    result = []
    for item, scope, keys in keyed:
        blocker = next(
            (blockers[r] for key in keys if (r := groups.root((scope, key))) in blockers), None
        )
        if isinstance(item.outcome, Rewritten) and blocker is not None:
            held, key = blocker
            reason = (
                f"videos.{item.method}: its video is also used by videos.{held.method}, which stays"
            )
            why = UNRESOLVED_WHY if held.unresolved else SEE_ITS_TODO
            todo = HELD_BACK.format(blocker=held.method, key=key, why=why)
            item = Decided(item.method, item.call, Manual(reason, todo))
        result.append(item)
    return result


def _keys(source: Source, item: Decided, bound: bool = True) -> set[str]:
    """The videos a call touches: the name its result is bound to (with `bound`) and the
    videos it is given."""
    keys = set()
    name = bound_name(source, item.call, casts=True) if bound else None
    if name is not None:
        keys.add(name[0])
    arguments = item.call.child_by_field_name("arguments")
    args = [c for c in arguments.named_children if c.type != "comment"] if arguments else []
    if item.method in ID_FIRST and args:
        keys.add(video_of(source, args[0]))
    elif item.method in ID_IN_BODY and args:
        body = object_members(source, args[0]) or {}
        video = object_members(source, body["video"]) if "video" in body else None
        if video is not None and "id" in video:
            keys.add(video_of(source, video["id"]))
    return keys


def video_of(source: Source, node: Node, ids_only: bool = False) -> str:
    """The video an id expression refers to: `video.id` and `video["id"]` are `video`; any
    other expression is its own text (unless `ids_only`, then "")."""
    if node.type in ("member_expression", "subscript_expression"):
        obj = node.child_by_field_name("object")
        index = node.child_by_field_name("property") or node.child_by_field_name("index")
        if obj is not None and index is not None and string_content(source.text(index)) == "id":
            return source.text(obj)
    return "" if ids_only else " ".join(source.text(node).split())


def _aliases(source: Source) -> list[tuple[int, str, str]]:
    """`const vid = video.id`: (scope, `vid`, `video`)."""
    found = []
    for node in walk(source.root):
        if node.type != "variable_declarator":
            continue
        name, value = node.child_by_field_name("name"), node.child_by_field_name("value")
        if name is not None and value is not None and name.type == "identifier":
            video = video_of(source, value, ids_only=True)
            if video:
                found.append((_scope(node), source.text(name), video))
    return found


def _scope(node: Node) -> int:
    current: Node | None = node.parent
    while current is not None and current.type not in SCOPES:
        current = current.parent
    return current.id if current is not None else 0
