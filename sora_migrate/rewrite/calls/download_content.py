"""`videos.download_content` (the MP4 itself) → the shim's `get_video_output` (Sora reference §3).

Before::

    content = client.videos.download_content(video.id, variant="video")
    content.write_to_file("out.mp4")

After::

    content = _video_client().get_video_output(video.id)
    content.write_to_file("out.mp4")

`VideoOutput` keeps the habits of Sora's binary response: `.content`, `.read()`,
`.iter_bytes()` and `.write_to_file(path)`. A `thumbnail` moves to
`get_video_output(id, variant="thumbnail")`, with a note naming the providers that return one
(`capabilities.variants` in the shim's providers.json; the others raise UnsupportedFeature); a
variant no provider returns (`spritesheet`) is left for a person.
"""

from __future__ import annotations

import functools

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
    name = None if variant is None else literal_string(variant.value)
    offering = _providers_by_variant()
    if variant is not None and name is not None and name not in offering:
        shown = one_line(variant.value)
        return Manual(
            f"videos.download_content(variant={shown}) has no shim equivalent",
            f"no provider of the shim returns variant={shown}; cut it from the video (e.g. ffmpeg)",
        )
    job_id = video_id(call, kwargs, site.method)
    if isinstance(job_id, Manual):
        return job_id
    args: list[tuple[cst.Arg, int | None]] = [(job_id, 0)]
    if variant is None or name == "video":
        return Rewritten(shim_call(call, site, "get_video_output", args))
    index = next(i for i, arg in enumerate(call.args) if arg is variant)
    args.append((variant, index))
    shown = "a thumbnail" if name == "thumbnail" else f"variant={one_line(variant.value)}"
    where = ", ".join(offering.get(name or "", ())) if name else "some providers"
    note = (
        f"sora-migrate: {shown} comes only from {where}; other providers raise UnsupportedFeature"
    )
    return Rewritten(shim_call(call, site, "get_video_output", args), (note,))


@functools.cache
def _providers_by_variant() -> dict[str, tuple[str, ...]]:
    """Download variant → the real providers that return it (from the shim's data)."""
    from sora_migrate.shim.registry import PROVIDERS

    found: dict[str, list[str]] = {}
    for provider, cls in PROVIDERS.items():
        if provider != "fake":
            for variant in cls.capabilities.variants:
                found.setdefault(variant, []).append(provider)
    return {variant: tuple(names) for variant, names in found.items()}
