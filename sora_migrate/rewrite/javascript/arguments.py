"""The Node SDK's create body → the TS shim's CreateVideoParams, as byte-range edits.

Literal values are mapped in place, like the Python rewrite (Sora reference §4):
`seconds: "8"` → `durationSeconds: 8`, `size: "1280x720"` → `aspectRatio: "16:9", resolution:
"720p"`, `input_reference` → `image`, `model` is dropped (kept in a comment); a missing
`seconds`/`size` is written out with Sora's defaults (4 s, 720x1280). A body known only at run
time (a variable, a spread, a non-literal `seconds`/`size`) goes through the shim's
`fromSora(...)` instead. Everything else in the object (comments, layout, trailing commas)
stays as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sora_migrate.analyse.matchers import string_content
from sora_migrate.rewrite.calls.common import SIZES, SORA_DEFAULT_SECONDS, SORA_DEFAULT_SIZE, Manual
from sora_migrate.rewrite.javascript.edits import Edit
from sora_migrate.rewrite.javascript.source import Source

if TYPE_CHECKING:
    from tree_sitter import Node

CREATE_KEYS = frozenset({"prompt", "seconds", "size", "input_reference", "model"})
FROM_SORA = "fromSora"


@dataclass(frozen=True)
class MappedBody:
    """Edits that turn the body into CreateVideoParams, and the note about a dropped model."""

    edits: tuple[Edit, ...]
    notes: tuple[str, ...] = ()
    names: frozenset[str] = frozenset()


def map_body(source: Source, node: Node, method: str) -> MappedBody | Manual:
    """Map the first argument of `videos.create(...)` / `createAndPoll(...)`."""
    if node.type != "object":
        return _from_sora(node)
    items = [child for child in node.named_children if child.type != "comment"]
    keyed: dict[str, Node] = {}
    for item in items:
        key = property_key(source, item)
        if key is None:
            return _from_sora(node)
        if key not in CREATE_KEYS:
            return Manual(
                f"videos.{method}: {key} has no shim equivalent",
                f"{key} has no shim equivalent; remove it, then run sora-migrate rewrite again",
            )
        keyed[key] = item
    if "prompt" not in keyed:
        return Manual(f"videos.{method}: no prompt", "no prompt to map; move this call by hand")
    seconds = _seconds(source, keyed.get("seconds"), method)
    size = _size(source, keyed.get("size"), method)
    for mapped in (seconds, size):
        if isinstance(mapped, Manual):
            return mapped
        if mapped is None:
            return _from_sora(node)
    assert isinstance(seconds, str) and isinstance(size, list)
    image = _image(source, keyed.get("input_reference"), method)
    if isinstance(image, Manual):
        return image
    edits: list[Edit] = []
    notes: tuple[str, ...] = ()
    if "model" in keyed:
        model = keyed["model"]
        edits.append(_removal(node, model))
        shown = " ".join(source.text(model).split())
        notes = (f"sora-migrate: dropped {shown} (the shim's configuration picks it)",)
    if image is not None:
        edits.append(image)
    added: list[str] = []
    for name, texts in (("seconds", [seconds]), ("size", size)):
        if name in keyed:
            item = keyed[name]
            edits.append(Edit(item.start_byte, item.end_byte, separator(source, item).join(texts)))
        else:
            added.extend(texts)
    if added:
        anchor = max((keyed[k] for k in keyed if k != "model"), key=lambda n: n.start_byte)
        sep = separator(source, anchor)
        edits.append(Edit(anchor.end_byte, anchor.end_byte, sep + sep.join(added)))
    return MappedBody(tuple(edits), notes)


def property_key(source: Source, item: Node) -> str | None:
    """The key of an object member (`key: value`, `"key": value`, shorthand), None otherwise."""
    if item.type == "shorthand_property_identifier":
        return source.text(item)
    if item.type != "pair":
        return None
    key = item.child_by_field_name("key")
    if key is None or key.type not in ("property_identifier", "string"):
        return None
    return string_content(source.text(key))


def property_value(item: Node) -> Node:
    """The value of a pair, or the identifier of a shorthand property."""
    value = item.child_by_field_name("value") if item.type == "pair" else None
    return value if value is not None else item


def literal(source: Source, node: Node) -> str | None:
    """The value of a string, number or substitution-free template literal, else None."""
    if node.type == "string":
        return string_content(source.text(node))
    if node.type == "template_string" and not any(
        child.type == "template_substitution" for child in node.named_children
    ):
        return source.text(node)[1:-1]
    if node.type == "number":
        return source.text(node)
    return None


def whole_number(text: str) -> int | None:
    """`"8"` → 8; None for anything but ASCII digits (not `"²"`, `"8.5"`, `"eight"`)."""
    stripped = text.strip()
    return int(stripped) if stripped.isascii() and stripped.isdigit() else None


def separator(source: Source, item: Node) -> str:
    """`,` and a line break when `item` starts its own line, else `, `."""
    start = source.line_start(item.start_byte)
    if not source.data[start : item.start_byte].strip():
        return "," + source.newline + source.indent_at(item.start_byte)
    return ", "


def _from_sora(node: Node) -> MappedBody:
    edits = (
        Edit(node.start_byte, node.start_byte, f"{FROM_SORA}("),
        Edit(node.end_byte, node.end_byte, ")"),
    )
    return MappedBody(edits, names=frozenset({FROM_SORA}))


def _seconds(source: Source, item: Node | None, method: str) -> str | Manual | None:
    """`durationSeconds: N`, Manual for a literal that is no number, None when not literal."""
    if item is None:
        return f"durationSeconds: {SORA_DEFAULT_SECONDS}"
    text = literal(source, property_value(item)) if item.type == "pair" else None
    if text is None:
        return None
    if whole_number(text) is None:
        return Manual(
            f"videos.{method}: seconds {text!r} is not a number",
            f"seconds {text!r} is not a whole number; set durationSeconds by hand",
        )
    return f"durationSeconds: {whole_number(text)}"


def _size(source: Source, item: Node | None, method: str) -> list[str] | Manual | None:
    """`aspectRatio` and `resolution`; Manual for an unknown literal size, None when not literal."""
    text = SORA_DEFAULT_SIZE
    if item is not None:
        value = literal(source, property_value(item)) if item.type == "pair" else None
        if value is None:
            return None
        text = value
    if text not in SIZES:
        return Manual(
            f"videos.{method}: size {text!r} is not a known size",
            f'size {text!r}: set aspectRatio ("16:9", "9:16") and resolution ("720p", "1080p") '
            "by hand",
        )
    ratio, resolution = SIZES[text]
    return [f"aspectRatio: {source.string(ratio)}", f"resolution: {source.string(resolution)}"]


def _image(source: Source, item: Node | None, method: str) -> Edit | Manual | None:
    """`input_reference` → `image`; the `{ file_id }` / `{ image_url }` object form is manual."""
    if item is None:
        return None
    if item.type == "shorthand_property_identifier":
        return Edit(item.start_byte, item.end_byte, f"image: {source.text(item)}")
    if property_value(item).type == "object":
        return Manual(
            f"videos.{method}: input_reference is an OpenAI file/URL object",
            "pass the image itself (URL, data URL or bytes) as image instead of "
            "input_reference: {...}",
        )
    key = item.child_by_field_name("key")
    assert key is not None
    return Edit(key.start_byte, key.end_byte, "image")


def _removal(node: Node, item: Node) -> Edit:
    """Delete an object member with the separator that belongs to it."""
    members = node.named_children
    index = next(i for i, member in enumerate(members) if member.id == item.id)
    if index + 1 < len(members):
        return Edit(item.start_byte, members[index + 1].start_byte, "")
    if index > 0:
        return Edit(members[index - 1].end_byte, item.end_byte, "")
    return Edit(item.start_byte, item.end_byte, "")
