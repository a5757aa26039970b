"""What the Python and JavaScript analysers share about calls.

`rate_unresolved`: how sure a `videos` call is when its receiver does not resolve to an OpenAI
client. A Sora-only method name is `medium` anywhere, and so is any method in a file that
imports the SDK's Sora types;
a generic one (`create`, `list`) counts only in a file that talks to OpenAI and only when the
arguments fit the Sora signature, `medium` when the receiver's name looks like an OpenAI
client and `low` otherwise. Receivers named after another video vendor never count.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sora_migrate.analyse.context import FileContext
from sora_migrate.analyse.matchers import MODEL_ID, MODEL_VALUE, string_content
from sora_migrate.analyse.treesitter import text_of
from sora_migrate.findings import Confidence

if TYPE_CHECKING:
    from tree_sitter import Node

CLIENT_LIKE = re.compile(r"client|openai|oai|sora", re.IGNORECASE)
OTHER_VENDOR = re.compile(r"vimeo|mux|youtube|apivideo|api_video|synthesia|kling|wistia", re.I)


def rate_unresolved(
    ctx: FileContext, receiver: str, sora_only: bool, arguments_fit: bool
) -> tuple[Confidence, str] | None:
    """The confidence and reason for a call on an unresolved receiver, or None to drop it."""
    if OTHER_VENDOR.search(receiver):
        return None
    if sora_only:
        return Confidence.MEDIUM, f"Sora-only method on unresolved receiver `{receiver}`"
    if ctx.imports_video_types:
        return Confidence.MEDIUM, f"receiver `{receiver}` not resolved, file imports Sora types"
    if not ctx.openai_context or not arguments_fit:
        return None
    if CLIENT_LIKE.search(receiver):
        return Confidence.MEDIUM, f"receiver `{receiver}` not resolved, file uses OpenAI"
    return Confidence.LOW, f"receiver `{receiver}` not resolved"


def rate_custom_host(
    ctx: FileContext, base_url: str, model: object
) -> tuple[Confidence, str] | None:
    """A call on a client whose base URL is not an OpenAI host (a local or compatible server):
    `high` with a Sora model, dropped with another model; with no model, `medium` only when the
    file names a Sora model id elsewhere, else `low`."""
    if isinstance(model, str):
        if MODEL_VALUE.fullmatch(model) and MODEL_ID.search(model):
            return Confidence.HIGH, f"Sora model on {base_url}"
        return None
    if MODEL_ID.search(ctx.text):
        return Confidence.MEDIUM, f"client points at {base_url}; the file names Sora models"
    return Confidence.LOW, f"client points at {base_url}, not OpenAI"


def check_batch(ctx: FileContext, call: Node, endpoint: Node | None, handled: set[int]) -> None:
    """`batches.create(endpoint="/v1/videos")`: report the call, and mark the string handled so
    it is not reported again as a raw endpoint."""
    if endpoint is None or endpoint.type != "string":
        return
    if string_content(text_of(endpoint)).startswith("/v1/videos"):
        handled.add(endpoint.start_byte)
        ctx.emit_node("batch-endpoint", Confidence.HIGH, call, "batch of /v1/videos requests")
