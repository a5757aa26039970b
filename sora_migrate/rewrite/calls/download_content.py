"""`videos.download_content` (the MP4 itself) → the shim's `get_video_output` (Sora reference §3).

Before::

    content = client.videos.download_content(video.id, variant="video")
    content.write_to_file("out.mp4")

After::

    content = _video_client().get_video_output(video.id)
    content.write_to_file("out.mp4")

`VideoOutput` keeps the habits of Sora's binary response: `.content`, `.read()`,
`.iter_bytes()` and `.write_to_file(path)`. The `thumbnail` and `spritesheet` variants have no
shim equivalent and are left for a person.
"""

from __future__ import annotations

import libcst as cst

from sora_migrate.rewrite.calls.common import (
    CallSite,
    Manual,
    Outcome,
    Rewritten,
    keyword_args,
    literal_string,
    one_line,
    reject_unsupported,
    shim_call,
    video_id,
)


def rewrite(call: cst.Call, site: CallSite) -> Outcome:
    """Rewrite one `videos.download_content(...)` call."""
    kwargs = keyword_args(call, site.method, positional=1)
    if isinstance(kwargs, Manual):
        return kwargs
    refused = reject_unsupported(kwargs, site.method, ("video_id", "variant"))
    if refused is not None:
        return refused
    variant = kwargs.get("variant")
    if variant is not None and literal_string(variant.value) != "video":
        shown = one_line(variant.value)
        return Manual(
            f"videos.download_content(variant={shown}) has no shim equivalent",
            f"the shim returns only the video, not variant={shown}; cut it from the video "
            "(e.g. ffmpeg)",
        )
    job_id = video_id(call, kwargs, site.method)
    if isinstance(job_id, Manual):
        return job_id
    return Rewritten(shim_call(call, site, "get_video_output", [(job_id, 0)]))
