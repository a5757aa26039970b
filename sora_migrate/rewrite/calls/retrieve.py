"""`videos.retrieve` → the shim's `get_job_status` (Sora reference §3, §5).

Before::

    video = client.videos.retrieve(video_id)

After::

    video = _video_client().get_job_status(video_id)

The shim's Job carries `id`, `status` ("pending", "processing", "completed", "failed"),
`progress` and `error`; comparisons with Sora-only statuses get their own TODO (manual.py).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import libcst as cst

from sora_migrate.rewrite.calls.common import (
    CallSite,
    Manual,
    Outcome,
    Rewritten,
    keyword_args,
    reject_unsupported,
    shim_call,
    video_id,
)


def rewrite(call: cst.Call, site: CallSite) -> Outcome:
    """Rewrite one `videos.retrieve(...)` call."""
    return by_id(call, site, "get_job_status")


def by_id(
    call: cst.Call,
    site: CallSite,
    shim_method: str,
    extra: Mapping[str, Callable[[cst.Arg], cst.Arg]] | None = None,
) -> Outcome:
    """Map a call on a video id onto `shim_method(job_id)`; `extra` maps other keywords."""
    extra = extra or {}
    kwargs = keyword_args(call, site.method, positional=1)
    if isinstance(kwargs, Manual):
        return kwargs
    refused = reject_unsupported(kwargs, site.method, ("video_id", *extra))
    if refused is not None:
        return refused
    job_id = video_id(call, kwargs, site.method)
    if isinstance(job_id, Manual):
        return job_id
    args: list[tuple[cst.Arg, int | None]] = [(job_id, 0)]
    for index, arg in enumerate(call.args):
        if arg.keyword is not None and arg.keyword.value in extra:
            args.append((extra[arg.keyword.value](arg), index))
    return Rewritten(shim_call(call, site, shim_method, args))
