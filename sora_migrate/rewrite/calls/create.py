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

Values known only at run time — a `size` or `input_reference` held in a variable, arguments
unpacked from a dict — go through the shim's `from_sora`, which maps them when the code runs
(and raises `SoraValueError` for a value it cannot map)::

    video = client.videos.create(**params)                # before
    video = _video_client().create_video(**from_sora(**params))   # after
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import libcst as cst

from sora_migrate.rewrite.calls.common import (
    SIZES,
    CallSite,
    Manual,
    Outcome,
    Rewritten,
    commas,
    keyword_args,
    literal_string,
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
    kwargs = keyword_args(call, site.method, unpacked_dicts=True)
    if isinstance(kwargs, Manual):
        return kwargs
    refused = reject_unsupported(kwargs, site.method, (*CREATE_ARGS, *extra))
    if refused is not None:
        return refused
    if _known_at_run_time_only(call, kwargs):
        return _from_sora(call, site, shim_method, extra)
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


def _known_at_run_time_only(call: cst.Call, kwargs: dict[str, cst.Arg]) -> bool:
    """An unpacked dict, a `size` that is not a known literal, or an `input_reference` that is
    not a plain string (a file object, a Path, bytes, `{"image_url": ...}`)."""
    if any(arg.star == "**" for arg in call.args):
        return True
    size = kwargs.get("size")
    if size is not None and literal_string(size.value) not in SIZES:
        return True
    image = kwargs.get("input_reference")
    return image is not None and literal_string(image.value) is None


def _from_sora(
    call: cst.Call, site: CallSite, shim_method: str, extra: Mapping[str, ArgMapper]
) -> Outcome:
    """`shim_method(**from_sora(<the Sora arguments>), <extra arguments mapped>)`."""
    if any(isinstance(arg.value, cst.Dict) and _file_id(arg.value) for arg in call.args):
        return Manual(
            f"videos.{site.method}: input_reference is an OpenAI file id",
            "an OpenAI file id means nothing to another provider: pass the image itself (path, "
            'bytes or URL) or {"image_url": ...}',
        )
    sora = [(arg, index) for index, arg in enumerate(call.args) if _keyword(arg) not in extra]
    mapped = [extra[name](arg) for arg in call.args if (name := _keyword(arg)) in extra and name]
    inner = call.with_changes(func=cst.Name("from_sora"), args=commas(call, sora), lpar=(), rpar=())
    args = [cst.Arg(value=inner, star="**"), *mapped]
    space = cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
    spaced = [arg.with_changes(comma=space) for arg in args[:-1]]
    last = args[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
    factory = cst.Call(func=cst.Name(site.client_factory))
    func = cst.Attribute(value=factory, attr=cst.Name(shim_method))
    new = cst.Call(func=func, args=[*spaced, last], lpar=call.lpar, rpar=call.rpar)
    return Rewritten(new, imports=("from_sora",))


def _keyword(arg: cst.Arg) -> str:
    return arg.keyword.value if arg.keyword is not None else ""


def _file_id(value: cst.Dict) -> bool:
    return any(
        isinstance(element, cst.DictElement) and literal_string(element.key) == "file_id"
        for element in value.elements
    )


def _image(arg: cst.Arg | None, method: str) -> cst.Arg | Manual | None:
    """`input_reference="frame.png"` → `image="frame.png"` (other forms go through from_sora)."""
    return None if arg is None else map_image(arg)
