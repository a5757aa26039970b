"""`videos.poll` (wait for an existing job) is left for a person (Sora reference §3, poll helper).

The shim waits only inside `generate_video`, which also creates the job, so a wait-only call
has no one-to-one equivalent.

Before and after::

    # TODO(sora-migrate): the shim has no wait-only call: create and wait with ...
    video = client.videos.poll(video_id)
"""

from __future__ import annotations

import libcst as cst

from sora_migrate.rewrite.calls.common import CallSite, Manual, Outcome

TODO = (
    "the shim has no wait-only call: create and wait with generate_video(...), or loop on "
    "get_job_status(job_id)"
)


def rewrite(call: cst.Call, site: CallSite) -> Outcome:
    """Leave one `videos.poll(...)` call with a TODO."""
    return Manual("videos.poll: the shim has no wait-only call", TODO)
