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

from sora_migrate.rewrite.calls.common import CallSite, Outcome
from sora_migrate.rewrite.calls.create_and_poll import poll_interval
from sora_migrate.rewrite.calls.retrieve import by_id


def rewrite(call: cst.Call, site: CallSite) -> Outcome:
    """Rewrite one `videos.poll(...)` call."""
    return by_id(call, site, "wait", {"poll_interval_ms": poll_interval})
