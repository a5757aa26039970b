"""The `// TODO(sora-migrate): ...` texts for what the TS/JS rewrite must not guess, named in the
TypeScript shim's own terms (createVideo, getJobStatus, ...)."""

from __future__ import annotations

from sora_migrate.rewrite.calls.common import Manual

TODO_PREFIX = "// TODO(sora-migrate): "
CHARACTERS = (
    "the Sora characters API has no shim equivalent; describe the character in the prompt "
    "or pass image"
)
METHODS: dict[str, str] = {
    "remix": "videos.remix has no shim equivalent; generate anew with createVideo({ prompt })",
    "edit": "videos.edit has no shim equivalent; generate anew with createVideo({ prompt, image })",
    "extend": "the shim extends earlier jobs by id: extendVideo(jobId, prompt, durationSeconds)",
    "list": "videos.list has no shim equivalent; keep your Job.id values and use "
    "getJobStatus(jobId)",
    "createCharacter": CHARACTERS,
    "getCharacter": CHARACTERS,
}
FINDINGS: dict[str, str] = {
    "webhook-event": "OpenAI sends no more video.* webhooks; wait with generateVideo(...) or "
    "poll getJobStatus(jobId)",
    "rest-endpoint": "/v1/videos is gone; call the shim instead (createVideo, getJobStatus, "
    "getVideoOutput)",
    "batch-endpoint": "the Batch API no longer takes /v1/videos; submit each job with the "
    "shim's createVideo",
}
STATUS = 'Sora\'s "queued"/"in_progress" are "pending"/"processing" in the shim\'s Job.status'
TYPES = (
    "these are the Sora API's types: the shim returns Job (id, status, progress, error?.message) "
    "and takes CreateVideoParams; update the annotations that use them"
)
DELETE_RESULT = (
    "the shim's deleteVideo(jobId) returns nothing (Sora returned { id, deleted }); stop reading "
    "the result, then run sora-migrate rewrite again"
)
OPTIONS = (
    "the request options argument has no shim equivalent (the shim has its own timeouts and "
    "retries); remove it, then run sora-migrate rewrite again"
)
DOWNLOAD = (
    "getVideoOutput(jobId) returns a VideoOutput (arrayBuffer(), blob(), bytes(), body, url), "
    "not a fetch Response; adapt the uses, then call it"
)


def for_method(method: str) -> Manual:
    """The Manual outcome for a Node SDK method the rewrite leaves to a person."""
    return Manual(f"videos.{method} has no shim equivalent", METHODS[method])


def comment(todo: str) -> str:
    """The comment line for a TODO text."""
    return TODO_PREFIX + todo
