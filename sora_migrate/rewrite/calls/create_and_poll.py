"""`videos.create_and_poll` → the shim's `generate_video` (Sora reference §3, poll helper).

Before::

    video = client.videos.create_and_poll(prompt=p, seconds="4", poll_interval_ms=2000)

After::

    video = _video_client().generate_video(
        prompt=p, duration_seconds=4, poll_interval=2.0, aspect_ratio="9:16", resolution="720p"
    )

Both return the final job and neither raises when generation fails, so `video.status` checks
keep working. Other arguments map as for `create`.
"""

from __future__ import annotations

import libcst as cst

from sora_migrate.rewrite.calls import create
from sora_migrate.rewrite.calls.common import CallSite, Outcome, kwarg


def rewrite(call: cst.Call, site: CallSite) -> Outcome:
    """Rewrite one `videos.create_and_poll(...)` call."""
    return create.build(call, site, "generate_video", {"poll_interval_ms": poll_interval})


def poll_interval(arg: cst.Arg) -> cst.Arg:
    """`poll_interval_ms=2000` → `poll_interval=2.0`; a non-literal is divided by 1000."""
    value = arg.value
    if isinstance(value, cst.Integer):
        seconds = int(value.value.replace("_", ""), 0) / 1000
        return kwarg(arg, "poll_interval", cst.Float(repr(seconds)))
    divided = cst.BinaryOperation(
        left=value
        if _is_atom(value)
        else value.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()]),
        operator=cst.Divide(),
        right=cst.Integer("1000"),
    )
    return kwarg(arg, "poll_interval", divided)


def _is_atom(value: cst.BaseExpression) -> bool:
    return isinstance(value, (cst.Name, cst.Attribute, cst.Call, cst.Subscript)) or bool(
        getattr(value, "lpar", ())
    )
