"""The call-kind transformers, listed explicitly: Sora `videos.<method>` → rewrite function.

Each module maps one call shape onto the provider shim and returns `Rewritten` or `Manual`;
methods missing here (remix, edit, list, characters) always get a TODO (manual.py), and so do
calls through `with_raw_response` / `with_streaming_response` / `with_options(...)`.
"""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst

from sora_migrate.rewrite.calls import (
    create,
    create_and_poll,
    delete,
    download_content,
    extend,
    poll,
    retrieve,
)
from sora_migrate.rewrite.calls.common import CallSite, Outcome, Rewritten, commas, one_line

WRAPPERS = ("with_raw_response", "with_streaming_response", "with_options")
Rewriter = Callable[[cst.Call, CallSite], Outcome]

REWRITERS: dict[str, Rewriter] = {
    "create": create.rewrite,
    "create_and_poll": create_and_poll.rewrite,
    "poll": poll.rewrite,
    "retrieve": retrieve.rewrite,
    "download_content": download_content.rewrite,
    "delete": delete.rewrite,
    "extend": extend.rewrite,
}


def call_outcome(func: cst.Attribute, call: cst.Call, site: CallSite) -> Outcome:
    """What becomes of one Sora call `call` (whose callee is `func`)."""
    from sora_migrate.rewrite import manual

    wrapper = _wrapper(func.value)
    if wrapper is not None:
        return manual.for_wrapper(site.method, wrapper)
    rewriter = REWRITERS.get(site.method)
    if rewriter is None:
        return manual.for_method(site.method)
    timeout = next(
        (arg for arg in call.args if arg.keyword and arg.keyword.value == "timeout"), None
    )
    if timeout is None:
        return rewriter(call, site)
    kept = [(arg, index) for index, arg in enumerate(call.args) if arg is not timeout]
    outcome = rewriter(call.with_changes(args=commas(call, kept)), site)
    if isinstance(outcome, Rewritten):
        note = (
            f"sora-migrate: dropped timeout={one_line(timeout.value)} (the OpenAI SDK's HTTP "
            "timeout; the shim's client has its own, VideoClient(timeout=...))"
        )
        return Rewritten(outcome.call, (*outcome.notes, note), outcome.imports)
    return outcome


def _wrapper(node: cst.BaseExpression) -> str | None:
    """`with_raw_response` / `with_options(...)` anywhere in the receiver chain."""
    while isinstance(node, (cst.Attribute, cst.Call)):
        if isinstance(node, cst.Call):
            node = node.func
            continue
        if node.attr.value in WRAPPERS:
            return node.attr.value
        node = node.value
    return None
