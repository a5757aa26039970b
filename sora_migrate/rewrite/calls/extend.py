"""`videos.extend` → the shim's `extend_video` (Sora reference §3, §4).

Before::

    longer = client.videos.extend(video={"id": video.id}, prompt="and then", seconds="8")

After::

    longer = _video_client().extend_video(video.id, prompt="and then", duration_seconds=8)

Only the `{"id": ...}` form maps: an uploaded file has no job to extend on the new provider.
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
    map_seconds,
    reject_unsupported,
    shim_call,
)


def rewrite(call: cst.Call, site: CallSite) -> Outcome:
    """Rewrite one `videos.extend(...)` call."""
    kwargs = keyword_args(call, site.method)
    if isinstance(kwargs, Manual):
        return kwargs
    refused = reject_unsupported(kwargs, site.method, ("video", "prompt", "seconds"))
    if refused is not None:
        return refused
    job_id = _job_id(kwargs.get("video"))
    if job_id is None:
        return Manual(
            'videos.extend: video= is not {"id": ...}',
            "the shim extends earlier jobs by id: extend_video(job_id, prompt=..., "
            "duration_seconds=...)",
        )
    args: list[tuple[cst.Arg, int | None]] = [(cst.Arg(value=job_id), None)]
    for index, arg in enumerate(call.args):
        name = arg.keyword.value if arg.keyword is not None else ""
        if name == "prompt":
            args.append((arg, index))
        elif name == "seconds":
            seconds = map_seconds(arg, site.method)
            if isinstance(seconds, Manual):
                return seconds
            args.append((seconds, index))
    return Rewritten(shim_call(call, site, "extend_video", args))


def _job_id(arg: cst.Arg | None) -> cst.BaseExpression | None:
    if arg is None or not isinstance(arg.value, cst.Dict) or len(arg.value.elements) != 1:
        return None
    element = arg.value.elements[0]
    if isinstance(element, cst.DictElement) and literal_string(element.key) == "id":
        return element.value
    return None
