"""`videos.delete` is left for a person (Sora reference §3, §5).

Sora's `delete` removes a stored video (usually after download, to free storage); the shim's
`cancel_job` stops a job that is still running. The two only coincide for a job that has not
finished, which the code does not say, so every `delete` gets a TODO instead of a guess.

Before and after::

    # TODO(sora-migrate): the shim has no delete: to stop a running job use cancel_job(job_id); ...
    client.videos.delete(video.id)
"""

from __future__ import annotations

import libcst as cst

from sora_migrate.rewrite.calls.common import CallSite, Manual, Outcome

TODO = (
    "the shim has no delete: to stop a running job use cancel_job(job_id); "
    "after a download, remove this call"
)


def rewrite(call: cst.Call, site: CallSite) -> Outcome:
    """Leave one `videos.delete(...)` call with a TODO."""
    return Manual("videos.delete: cleanup or cancel cannot be told from the code", TODO)
