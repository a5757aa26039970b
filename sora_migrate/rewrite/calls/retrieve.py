"""`videos.retrieve` → the shim's `get_job_status` (Sora reference §3, §5).

Before::

    video = client.videos.retrieve(video_id)

After::

    video = _video_client().get_job_status(video_id)

The shim's Job carries `id`, `status` ("pending", "processing", "completed", "failed"),
`progress` and `error`; comparisons with Sora-only statuses get their own TODO (manual.py).
"""

from __future__ import annotations

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


def by_id(call: cst.Call, site: CallSite, shim_method: str) -> Outcome:
    """Map a call whose only argument is the video id onto `shim_method(job_id)`."""
    kwargs = keyword_args(call, site.method, positional=1)
    if isinstance(kwargs, Manual):
        return kwargs
    refused = reject_unsupported(kwargs, site.method, ("video_id",))
    if refused is not None:
        return refused
    job_id = video_id(call, kwargs, site.method)
    if isinstance(job_id, Manual):
        return job_id
    return Rewritten(shim_call(call, site, shim_method, [(job_id, 0)]))
