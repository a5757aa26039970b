"""The call-kind transformers, listed explicitly: Sora `videos.<method>` → rewrite function.

Each module maps one call shape onto the provider shim and returns `Rewritten` or `Manual`;
methods missing here (remix, edit, list, characters) always get a TODO (manual.py).
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
from sora_migrate.rewrite.calls.common import CallSite, Outcome

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
