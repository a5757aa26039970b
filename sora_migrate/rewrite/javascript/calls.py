"""One mapping per Node SDK call shape onto the TS shim (the Python rewrite's calls/, for JS).

Node SDK (Sora reference §6) → TS shim:

- `videos.create(body)` → `videoClient().createVideo(params)`
- `videos.createAndPoll(body, { pollIntervalMs })` → `videoClient().generateVideo(params, {...})`
- `videos.retrieve(id)` → `videoClient().getJobStatus(id)`
- `videos.poll(id, { pollIntervalMs })` → `videoClient().wait(id, { pollIntervalMs })`
- `videos.downloadContent(id)` → `videoClient().getVideoOutput(id)`, when the result is only
  read through `.arrayBuffer()`, `.blob()`, `.bytes()` or `.body` (results.py)
- `videos.extend({ video: { id }, prompt, seconds })` → `videoClient().extendVideo(id, prompt, 8)`
- `await videos.delete(id)` whose result is not read → `videoClient().deleteVideo(id)`
- remix, edit, list, characters → a TODO comment

Only the callee (`client.videos.create` → `videoClient().createVideo`) and the arguments are
edited; `await`, `.then(...)`, the assignment and everything around stay as they were.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sora_migrate.rewrite.calls.common import Manual
from sora_migrate.rewrite.javascript import todos
from sora_migrate.rewrite.javascript.arguments import (
    MappedBody,
    literal,
    map_body,
    property_key,
    property_value,
)
from sora_migrate.rewrite.javascript.edits import Edit
from sora_migrate.rewrite.javascript.results import consumer, download_result_fits
from sora_migrate.rewrite.javascript.source import Source

if TYPE_CHECKING:
    from tree_sitter import Node

CLIENT_FACTORY = "videoClient"
WRAPPERS = frozenset({"withResponse", "asResponse"})
POLL_OPTIONS = frozenset({"pollIntervalMs"})


@dataclass(frozen=True)
class Rewritten:
    """The edits of one call, comment lines for its statement, and the shim names it needs."""

    edits: tuple[Edit, ...]
    notes: tuple[str, ...] = ()
    names: frozenset[str] = frozenset()


Outcome = Rewritten | Manual


def rewrite_call(source: Source, call: Node, method: str) -> Outcome:
    """Map one `videos.<method>(...)` call, or say why it is left for a person."""
    func = call.child_by_field_name("function")
    arguments = call.child_by_field_name("arguments")
    assert func is not None and arguments is not None
    wrapper = _wrapper(source, call)
    if wrapper is not None:
        return Manual(
            f"videos.{method} called through .{wrapper}()",
            f".{wrapper}() has no shim equivalent; call videos.{method} directly, then run "
            "sora-migrate rewrite again",
        )
    args = [child for child in arguments.named_children if child.type != "comment"]
    if any(arg.type == "spread_element" for arg in args):
        return Manual(
            f"videos.{method}: spread arguments",
            "spell out the spread arguments, then run sora-migrate rewrite again",
        )
    if method in MAPPERS:
        outcome = MAPPERS[method](source, call, args)
    elif method in SHAPES:
        outcome = _shaped(source, args, method)
    else:
        return todos.for_method(method)
    if isinstance(outcome, Manual):
        return outcome
    shim_method, body = outcome
    callee = Edit(func.start_byte, func.end_byte, f"{CLIENT_FACTORY}().{shim_method}")
    return Rewritten((callee, *body.edits), body.notes, body.names)


Mapped = tuple[str, MappedBody]  # the shim method, and the edits of the arguments
# method → (shim method, what the first argument is, the options allowed after it)
SHAPES: dict[str, tuple[str, str, frozenset[str]]] = {
    "create": ("createVideo", "body", frozenset()),
    "createAndPoll": ("generateVideo", "body", POLL_OPTIONS),
    "retrieve": ("getJobStatus", "id", frozenset()),
    "poll": ("wait", "id", POLL_OPTIONS),
    "delete": ("deleteVideo", "id", frozenset()),
}


def _shaped(source: Source, args: list[Node], method: str) -> Mapped | Manual:
    """`create`-shaped (a body) and `retrieve`-shaped (an id) calls, with their options."""
    shim_method, first, options = SHAPES[method]
    if not args:
        what = "prompt" if first == "body" else "video id"
        return Manual(f"videos.{method}: no {what}", f"no {what} to map; move this call by hand")
    refused = _options(source, args[1:], method, options)
    if refused is not None:
        return refused
    if first == "id":
        return shim_method, MappedBody(())
    body = map_body(source, args[0], method)
    return body if isinstance(body, Manual) else (shim_method, body)


def _delete(source: Source, call: Node, args: list[Node]) -> Mapped | Manual:
    """`deleteVideo` returns nothing, so only a call whose result is not read moves."""
    parent = consumer(call)
    if parent is None or parent.type != "expression_statement":
        return Manual("videos.delete: its result is read", todos.DELETE_RESULT)
    return _shaped(source, args, "delete")


def _download_content(source: Source, call: Node, args: list[Node]) -> Mapped | Manual:
    if not args:
        return Manual("videos.downloadContent: no video id", "no video id to map")
    edits: tuple[Edit, ...] = ()
    if len(args) > 1:
        query = object_members(source, args[1])
        variant = query.get("variant") if query is not None else None
        shown = literal(source, variant) if variant is not None else None
        if query is None or set(query) - {"variant"} or (variant is not None and shown != "video"):
            text = " ".join(source.text(args[1]).split())
            return Manual(
                f"videos.downloadContent({text}) has no shim equivalent",
                f"the shim returns only the video, not {text}; cut thumbnails from the video "
                "(e.g. ffmpeg)",
            )
        if len(args) > 2:
            return Manual("videos.downloadContent: request options", todos.OPTIONS)
        edits = (Edit(args[0].end_byte, args[1].end_byte, ""),)
    if not download_result_fits(source, call):
        return Manual("videos.downloadContent: its Response is used as a Response", todos.DOWNLOAD)
    return "getVideoOutput", MappedBody(edits)


def _extend(source: Source, call: Node, args: list[Node]) -> Mapped | Manual:
    members = object_members(source, args[0]) if len(args) == 1 else None
    video = members.get("video") if members is not None else None
    inner = object_members(source, video) if video is not None else None
    prompt = members.get("prompt") if members is not None else None
    if members is None or inner is None or set(inner) != {"id"} or prompt is None:
        return todos.for_method("extend")
    if set(members) - {"video", "prompt", "seconds"}:
        return todos.for_method("extend")
    parts = [source.text(inner["id"]), source.text(prompt)]
    if "seconds" in members:
        seconds = literal(source, members["seconds"])
        if seconds is None or not seconds.strip().isdigit():
            return todos.for_method("extend")
        parts.append(str(int(seconds)))
    return "extendVideo", MappedBody(
        (Edit(args[0].start_byte, args[0].end_byte, ", ".join(parts)),)
    )


def _options(
    source: Source, rest: list[Node], method: str, allowed: frozenset[str]
) -> Manual | None:
    """Manual unless the arguments after the first are at most one `{ pollIntervalMs }`."""
    if not rest:
        return None
    members = object_members(source, rest[0])
    if len(rest) > 1 or members is None or not allowed or set(members) - allowed:
        return Manual(f"videos.{method}: request options", todos.OPTIONS)
    return None


def object_members(source: Source, node: Node) -> dict[str, Node] | None:
    """`{key: value}` members by key (values; shorthands map to themselves), None otherwise."""
    if node.type != "object":
        return None
    members = {}
    for item in node.named_children:
        if item.type == "comment":
            continue
        key = property_key(source, item)
        if key is None:
            return None
        members[key] = property_value(item)
    return members


def _wrapper(source: Source, call: Node) -> str | None:
    """`.withResponse()` / `.asResponse()` on the call's promise."""
    parent = call.parent
    if parent is not None and parent.type == "member_expression":
        prop = parent.child_by_field_name("property")
        if prop is not None and source.text(prop) in WRAPPERS:
            return source.text(prop)
    return None


MAPPERS = {"delete": _delete, "downloadContent": _download_content, "extend": _extend}
REWRITTEN_METHODS = frozenset(SHAPES) | frozenset(MAPPERS)
