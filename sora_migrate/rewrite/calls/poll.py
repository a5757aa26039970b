"""`videos.poll` (wait for an existing job) → the shim's `wait` (Sora reference §3, poll helper).

Before::

    video = client.videos.poll(video_id, poll_interval_ms=500)

After::

    video = _video_client().wait(video_id, poll_interval=0.5)

Both return the job once it has completed or failed and neither raises on failure, so
`video.status` checks keep working. Sora's poll had no deadline; `wait` gives up with `Timeout`
after 900 s unless `timeout=` says otherwise.
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
from sora_migrate.rewrite.calls.create_and_poll import poll_interval


def rewrite(call: cst.Call, site: CallSite) -> Outcome:
    """Rewrite one `videos.poll(...)` call."""
    kwargs = keyword_args(call, site.method, positional=1)
    if isinstance(kwargs, Manual):
        return kwargs
    refused = reject_unsupported(kwargs, site.method, ("video_id", "poll_interval_ms"))
    if refused is not None:
        return refused
    job_id = video_id(call, kwargs, site.method)
    if isinstance(job_id, Manual):
        return job_id
    args: list[tuple[cst.Arg, int | None]] = [(job_id, 0)]
    for index, arg in enumerate(call.args):
        if arg.keyword is not None and arg.keyword.value == "poll_interval_ms":
            args.append((poll_interval(arg), index))
    return Rewritten(shim_call(call, site, "wait", args))
