"""`videos.delete` → the shim's `delete_video` (Sora reference §3, §5).

Before::

    client.videos.delete(video.id)

After::

    _video_client().delete_video(video.id)

Sora's `delete` removed a stored video; `delete_video` cancels a job that is still running and
removes a finished video where the provider stores it (Runway, Luma); elsewhere a finished
video expires on its own. Sora returned `{id, deleted, object}`, the shim returns nothing, so a
call whose result is read is left for a person.
"""

from __future__ import annotations

import libcst as cst

from sora_migrate.rewrite.calls.common import CallSite, Manual, Outcome
from sora_migrate.rewrite.calls.retrieve import by_id

TODO = (
    "the shim's delete_video(job_id) returns nothing (Sora returned {id, deleted}); stop reading "
    "the result, then run sora-migrate rewrite again"
)


def rewrite(call: cst.Call, site: CallSite) -> Outcome:
    """Rewrite one `videos.delete(...)` call."""
    if site.result_used:
        return Manual("videos.delete: its result is read", TODO)
    return by_id(call, site, "delete_video")
