"""Shared pieces of the call transformers: outcome types and the Sora → shim argument mapping.

Mapping (Sora reference §3–4): `prompt` stays; `seconds` ("4"/"8"/"12" or int) becomes
`duration_seconds=int`; `size` becomes `aspect_ratio` + `resolution`; `input_reference` becomes
`image`; `model` is dropped (the shim picks the provider from its configuration) and kept in a
comment. Anything else (`extra_headers`, `timeout`, `**kwargs`, a non-literal `size`) is left for
a person, never guessed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import libcst as cst

from sora_migrate.shim.compat import sora_table

_SORA = sora_table()  # the shim's own table, so the literal mapping and from_sora agree
SIZES: dict[str, tuple[str, str]] = {
    size: (row["aspect_ratio"], row["resolution"]) for size, row in _SORA["sizes"].items()
}
SORA_DEFAULT_SECONDS: int = _SORA["default_seconds"]
SORA_DEFAULT_SIZE: str = _SORA["default_size"]
UNSUPPORTED_HINT = {
    "extra_headers": "set headers on the provider through the shim's configuration",
    "extra_query": "the shim sends no extra query parameters",
    "extra_body": "pass provider options through the shim's configuration",
}


@dataclass(frozen=True)
class CallSite:
    """What a transformer knows about the call beyond its syntax."""

    method: str
    is_async: bool
    result_used: bool

    @property
    def client_factory(self) -> str:
        """Name of the module-level factory the new call goes through."""
        return "_async_video_client" if self.is_async else "_video_client"


@dataclass(frozen=True)
class Rewritten:
    """The replacement call, comment lines to put above its statement, and the names it needs
    imported from the shim (`from_sora`)."""

    call: cst.Call
    notes: tuple[str, ...] = ()
    imports: tuple[str, ...] = ()


@dataclass(frozen=True)
class Manual:
    """Left for a person: why, and the TODO comment that says what to do."""

    reason: str
    todo: str


Outcome = Rewritten | Manual


def literal_string(node: cst.BaseExpression) -> str | None:
    """The value of a plain string literal, or None for anything else (f-strings, names)."""
    if isinstance(node, cst.SimpleString):
        value = node.evaluated_value
        return value if isinstance(value, str) else None
    return None


def one_line(node: cst.CSTNode) -> str:
    """Source of a node on one line, for comments."""
    return " ".join(cst.Module([]).code_for_node(node).split())


def keyword_args(
    call: cst.Call, method: str, positional: int = 0, unpacked_dicts: bool = False
) -> dict[str, cst.Arg] | Manual:
    """The call's keyword arguments by name, or Manual for `*args`/`**kwargs`/extra positionals
    (`**kwargs` is skipped when `unpacked_dicts`: the caller maps it at run time)."""
    found: dict[str, cst.Arg] = {}
    for index, arg in enumerate(call.args):
        if arg.star == "**" and unpacked_dicts:
            continue
        if arg.star:
            return Manual(
                f"videos.{method}: unpacked {arg.star}arguments",
                f"spell out {arg.star}{one_line(arg.value)}, then run sora-migrate rewrite again",
            )
        if arg.keyword is None:
            if index >= positional:
                return Manual(
                    f"videos.{method}: unexpected positional argument",
                    "a positional argument the tool cannot map; move this call by hand",
                )
            continue
        found[arg.keyword.value] = arg
    return found


def reject_unsupported(
    kwargs: dict[str, cst.Arg], method: str, allowed: Sequence[str]
) -> Manual | None:
    """Manual for the first keyword the shim has no equivalent for."""
    for name in kwargs:
        if name not in allowed:
            hint = UNSUPPORTED_HINT.get(name, "the shim has no equivalent")
            return Manual(
                f"videos.{method}: {name}= has no shim equivalent",
                f"{name}= has no shim equivalent ({hint}); remove it, then run "
                "sora-migrate rewrite again",
            )
    return None


def video_id(call: cst.Call, kwargs: dict[str, cst.Arg], method: str) -> cst.Arg | Manual:
    """The `video_id` argument, positional or keyword, as a positional Arg."""
    positional = [arg for arg in call.args if arg.keyword is None and not arg.star]
    if positional:
        return positional[0]
    if "video_id" in kwargs:
        arg = kwargs["video_id"]
        return arg.with_changes(keyword=None, equal=cst.MaybeSentinel.DEFAULT)
    return Manual(f"videos.{method}: no video id", "no video id to map; move this call by hand")


def kwarg(template: cst.Arg | None, name: str, value: cst.BaseExpression) -> cst.Arg:
    """A keyword Arg `name=value`, keeping the `=` spacing of `template`."""
    if template is not None and template.keyword is not None:
        return template.with_changes(keyword=cst.Name(name), value=value)
    return cst.Arg(value=value, keyword=cst.Name(name), equal=_EQUAL)


_EQUAL = cst.AssignEqual(
    whitespace_before=cst.SimpleWhitespace(""), whitespace_after=cst.SimpleWhitespace("")
)


def map_seconds(
    arg: cst.Arg | None, method: str, name: str = "duration_seconds"
) -> cst.Arg | Manual:
    """`seconds="8"` → `duration_seconds=8`; a non-literal → `int(expr)`; absent → Sora's 4."""
    if arg is None:
        return kwarg(None, name, cst.Integer(str(SORA_DEFAULT_SECONDS)))
    value = arg.value
    text = literal_string(value)
    if isinstance(value, cst.Integer):
        return kwarg(arg, name, value)
    if text is not None:
        if not (text.strip().isascii() and text.strip().isdigit()):
            return Manual(
                f"videos.{method}: seconds={text!r} is not a number",
                f"seconds={text!r} is not a whole number; set duration_seconds= by hand",
            )
        return kwarg(arg, name, cst.Integer(str(int(text))))
    return kwarg(arg, name, cst.Call(func=cst.Name("int"), args=[cst.Arg(value=value)]))


def map_size(arg: cst.Arg | None, method: str) -> list[cst.Arg] | Manual:
    """`size="1280x720"` → `aspect_ratio="16:9", resolution="720p"`; absent → Sora's 720x1280."""
    text = SORA_DEFAULT_SIZE if arg is None else literal_string(arg.value)
    if text is None or text not in SIZES:
        shown = one_line(arg.value) if arg is not None else ""
        return Manual(
            f"videos.{method}: size={shown} is not a known literal size",
            f'size={shown}: set aspect_ratio= ("16:9", "9:16") and resolution= ("720p", '
            '"1080p") by hand',
        )
    ratio, resolution = SIZES[text]
    return [
        kwarg(arg, "aspect_ratio", cst.SimpleString(f'"{ratio}"')),
        kwarg(arg, "resolution", cst.SimpleString(f'"{resolution}"')),
    ]


def map_image(arg: cst.Arg) -> cst.Arg:
    """`input_reference=x` → `image=x`."""
    return kwarg(arg, "image", arg.value)


def model_note(arg: cst.Arg | None) -> tuple[str, ...]:
    """The comment that keeps a dropped `model=` argument visible in review."""
    if arg is None:
        return ()
    return (
        f"sora-migrate: dropped model={one_line(arg.value)} (the shim's configuration picks it)",
    )


def shim_call(
    original: cst.Call, site: CallSite, method: str, args: Sequence[tuple[cst.Arg, int | None]]
) -> cst.Call:
    """`_video_client().method(args)`, keeping the original call's parentheses and layout.

    Each new argument carries the index of the original argument it replaces (None when it is
    new), so commas and line breaks of a multi-line call survive.
    """
    func = cst.Attribute(value=cst.Call(func=cst.Name(site.client_factory)), attr=cst.Name(method))
    return original.with_changes(func=func, args=commas(original, args))


def commas(original: cst.Call, args: Sequence[tuple[cst.Arg, int | None]]) -> list[cst.Arg]:
    """`args` with the commas of `original`'s layout (each carries the index of the original
    argument it stands for, None for a new one)."""
    last_index = len(original.args) - 1
    last_comma = original.args[-1].comma if original.args else cst.MaybeSentinel.DEFAULT
    typical = _typical_comma(original)
    fixed = []
    for position, (arg, index) in enumerate(args):
        if position == len(args) - 1:
            fixed.append(arg.with_changes(comma=last_comma))
        elif index is None or index == last_index or arg.comma is cst.MaybeSentinel.DEFAULT:
            fixed.append(arg.with_changes(comma=typical))
        else:
            fixed.append(arg)
    return fixed


def _typical_comma(original: cst.Call) -> cst.Comma:
    """The comma between arguments in this call's layout, without any comment it carried."""
    if len(original.args) >= 2 and isinstance(original.args[0].comma, cst.Comma):
        comma = original.args[0].comma
        after = comma.whitespace_after
        if isinstance(after, cst.ParenthesizedWhitespace):
            comma = comma.with_changes(
                whitespace_after=after.with_changes(first_line=cst.TrailingWhitespace())
            )
        return comma
    if isinstance(original.whitespace_before_args, cst.ParenthesizedWhitespace):
        return cst.Comma(whitespace_after=original.whitespace_before_args)
    return cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
