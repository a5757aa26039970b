"""Leave-for-a-person cases: the TODO(sora-migrate) comment for every Sora use the tool does not
rewrite. The code stays as it is; the comment goes on the line above the statement.

Before::

    clip = client.videos.remix(video.id, prompt="darker")

After::

    # TODO(sora-migrate): videos.remix has no shim equivalent: generate a new video with ...
    clip = client.videos.remix(video.id, prompt="darker")
"""

from __future__ import annotations

from sora_migrate.rewrite.calls.common import Manual

TODO_PREFIX = "# TODO(sora-migrate): "
SORA_ONLY_STATUSES = frozenset({"queued", "in_progress"})

CHARACTERS_TODO = (
    "the Sora characters API has no shim equivalent; describe the character in the prompt "
    "or pass image="
)
METHOD_TODOS: dict[str, str] = {
    "remix": "videos.remix has no shim equivalent; generate anew with create_video(prompt=...)",
    "edit": "videos.edit has no shim equivalent; generate anew with create_video(prompt=..., "
    "image=...)",
    "list": "videos.list has no shim equivalent; keep your Job.id values and use "
    "get_job_status(job_id)",
    "create_character": CHARACTERS_TODO,
    "get_character": CHARACTERS_TODO,
}
FINDING_TODOS: dict[str, str] = {
    "webhook-event": "OpenAI sends no more video.* webhooks; wait with generate_video(...) or "
    "poll get_job_status(job_id)",
    "rest-endpoint": "/v1/videos is gone; call the shim instead (create_video, get_job_status, "
    "get_video_output)",
    "batch-endpoint": "the Batch API no longer takes /v1/videos; submit each job with the "
    "shim's create_video",
}
WRAPPER_TODO = (
    "{wrapper} has no shim equivalent; call videos.{method} directly, then run "
    "sora-migrate rewrite again"
)
STATUS_TODO = 'Sora\'s "queued"/"in_progress" are "pending"/"processing" in the shim\'s Job.status'
STATUS_HELD_TODO = (
    'these are Sora\'s statuses; a shim Job.status says "pending"/"processing" instead of '
    '"queued"/"in_progress"'
)


def for_method(method: str) -> Manual:
    """The Manual outcome for a Sora method with no shim equivalent."""
    return Manual(f"videos.{method} has no shim equivalent", METHOD_TODOS[method])


def for_wrapper(method: str, wrapper: str) -> Manual:
    """The Manual outcome for a call through `with_raw_response` / `with_options(...)`."""
    todo = WRAPPER_TODO.format(wrapper=wrapper, method=method)
    return Manual(f"videos.{method} called through {wrapper}", todo)


def comment(todo: str) -> str:
    """The comment line (with `#`) for a TODO text."""
    return TODO_PREFIX + todo
