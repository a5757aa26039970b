"""`videos.create` → the shim's `create_video` (Sora reference §3, §4).

Before::

    video = client.videos.create(model="sora-2", prompt=p, seconds="8", size="1280x720")

After::

    # sora-migrate: dropped model="sora-2"; the shim picks the provider and model from ...
    video = _video_client().create_video(
        prompt=p, duration_seconds=8, aspect_ratio="16:9", resolution="720p"
    )

Missing `seconds`/`size` are written out with Sora's defaults (4 s, 720x1280) so the rewrite
keeps the old behaviour instead of inheriting whatever the provider defaults to.
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
    map_image,
    map_seconds,
    map_size,
    model_note,
    reject_unsupported,
    shim_call,
)

CREATE_ARGS = ("prompt", "seconds", "size", "input_reference", "model")
ArgMapper = Callable[[cst.Arg], cst.Arg]


def rewrite(call: cst.Call, site: CallSite) -> Outcome:
    """Rewrite one `videos.create(...)` call."""
    return build(call, site, "create_video", {})


def build(
    call: cst.Call, site: CallSite, shim_method: str, extra: Mapping[str, ArgMapper]
) -> Outcome:
    """Map a create-shaped call onto `shim_method`; `extra` maps method-specific keywords."""
    kwargs = keyword_args(call, site.method)
    if isinstance(kwargs, Manual):
        return kwargs
    refused = reject_unsupported(kwargs, site.method, (*CREATE_ARGS, *extra))
    if refused is not None:
        return refused
    if "prompt" not in kwargs:
        return Manual(
            f"videos.{site.method}: no prompt=", "no prompt= to map; move this call by hand"
        )
    image = _image(kwargs.get("input_reference"), site.method)
    seconds = map_seconds(kwargs.get("seconds"), site.method)
    size = map_size(kwargs.get("size"), site.method)
    for outcome in (image, seconds, size):
        if isinstance(outcome, Manual):
            return outcome
    assert isinstance(seconds, cst.Arg) and isinstance(size, list)
    args: list[tuple[cst.Arg, int | None]] = []
    for index, arg in enumerate(call.args):
        name = arg.keyword.value if arg.keyword is not None else ""
        if name == "seconds":
            args.append((seconds, index))
        elif name == "size":
            args.extend((new, index) for new in size)
        elif name == "input_reference" and isinstance(image, cst.Arg):
            args.append((image, index))
        elif name in extra:
            args.append((extra[name](arg), index))
        elif name != "model":
            args.append((arg, index))
    if "seconds" not in kwargs:
        args.append((seconds, None))
    if "size" not in kwargs:
        args.extend((new, None) for new in size)
    return Rewritten(shim_call(call, site, shim_method, args), model_note(kwargs.get("model")))


def _image(arg: cst.Arg | None, method: str) -> cst.Arg | Manual | None:
    """`input_reference=x` → `image=x`; the `{"file_id": ...}` form has no shim equivalent."""
    if arg is None:
        return None
    if isinstance(arg.value, cst.Dict):
        return Manual(
            f"videos.{method}: input_reference is an OpenAI file/URL object",
            "pass the image itself (path, bytes or URL) as image= instead of input_reference={...}",
        )
    return map_image(arg)
