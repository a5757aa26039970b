"""How sure a `videos` call is when its receiver does not resolve to an OpenAI client.

Shared by the Python and JavaScript analysers: a Sora-only method name is `medium` anywhere;
a generic one (`create`, `list`) counts only in a file that talks to OpenAI and only when the
arguments fit the Sora signature, `medium` when the receiver's name looks like an OpenAI
client and `low` otherwise. Receivers named after another video vendor never count.
"""

from __future__ import annotations

import re

from sora_migrate.analyse.context import FileContext
from sora_migrate.findings import Confidence

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
    if not ctx.openai_context or not arguments_fit:
        return None
    if CLIENT_LIKE.search(receiver):
        return Confidence.MEDIUM, f"receiver `{receiver}` not resolved, file uses OpenAI"
    return Confidence.LOW, f"receiver `{receiver}` not resolved"
