"""Text matchers shared by every language: model ids, endpoints, webhook events, env vars, prose.

Each matcher looks at one Span and emits findings through the FileContext. Which confidence a
match earns depends on the span kind (a string value, config code, a comment, prose) and on
what the rest of the file shows (OpenAI context, another vendor's context).
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

from sora_migrate.analyse.context import FileContext, Span
from sora_migrate.findings import Confidence

HIGH, MEDIUM, LOW = Confidence.HIGH, Confidence.MEDIUM, Confidence.LOW

MODEL_ID = re.compile(r"(?<![\w.-])sora-2(?:-pro)?(?:-\d{4}-\d{2}-\d{2})?(?![\w-]|\.\w)")
# A whole value that is a model id, optionally behind a reseller prefix or before a sub-path.
MODEL_VALUE = re.compile(
    r"(?:[\w.-]+/)*sora-2(?:-pro)?(?:-\d{4}-\d{2}-\d{2})?(?:/[\w./-]+)?(?::[\w.-]+)?"
)
SORA_WORD = re.compile(r"(?<![\w-])sora(?![\w])(?!-migrate)", re.IGNORECASE)
NOT_OPENAI_SORA = re.compile(
    r"open-?sora|sora[ -]?font|shiguredo|sora[ -](?:js|python|c\+\+|unity|ios|android)[ -]sdk"
    r"|webrtc|soracom|kingdom hearts",
    re.IGNORECASE,
)
# A file about Shiguredo's WebRTC server (also called Sora) uses SORA_* variables of its own.
SFU_CONTEXT = re.compile(r"shiguredo|webrtc|signaling|\bsfu\b", re.IGNORECASE)
ENV_NAME = re.compile(
    r"(?<![\w])(?:[A-Z][A-Z0-9]*_)*(?:SORA(?:_?2(?:_?PRO)?)?|OPENAI_VIDEO)(?:_[A-Z0-9]+)*(?![\w])"
)
ENV_DENY = frozenset(
    [
        "SIGNALING",
        "CHANNEL",
        "CODEC",
        "WEBRTC",
        "SPOTLIGHT",
        "SIMULCAST",
        "ROLE",
        "METADATA",
        "ENV",
        "PORT",
        "COOKIE",
        "GAME",
        "EXE",
        "TRADING",
        "CODEX",
        "BUNDLE",
        "MULTISTREAM",
        "DATA",
        "AUDIO",
        "BIT",
        "RATE",
    ]
)
ENV_VOCABULARY = frozenset(
    [
        "MODEL",
        "KEY",
        "TOKEN",
        "SECRET",
        "URL",
        "BASE",
        "ENDPOINT",
        "API",
        "SIZE",
        "RESOLUTION",
        "ASPECT",
        "SECONDS",
        "DURATION",
        "POLL",
        "TIMEOUT",
        "DEPLOYMENT",
        "MOCK",
        "VIDEO",
        "ORG",
        "PROJECT",
        "WEBHOOK",
        "QUALITY",
        "VERSION",
        "USERNAME",
        "USER",
        "PASSWORD",
        "HOST",
    ]
)
TERRAFORM_NAME = re.compile(
    r"(?<![\w-])(?:TF_VAR_)?(?P<name>(?:[a-z][a-z0-9]*_)*sora(?:_?2)?(?:_[a-z0-9]+)+)(?![\w-])"
)
MODEL_NAME_PARTS = frozenset({"SORA", "SORA2", "2", "PRO"})
ENDPOINT = re.compile(r"/v1/videos(?![\w-])")
URL_TOKEN_END = re.compile(r"[\s\"'`<>()\[\]{},;|\\]")
KLING_SUBPATHS = (
    "/text2video",
    "/image2video",
    "/video-extend",
    "/lip-sync",
    "/effects",
    "/omni-video",
    "/multi-image2video",
)
FOREIGN_HOSTS = ("klingai", "api.video", "mux.com", "vimeo", "synthesia", "heygen", "runwayml")
FOREIGN_VENDORS = re.compile(r"synthesia|api\.video|apivideo|\bmux\b|vimeo|heygen|klingai", re.I)
WEBHOOK_EVENT = re.compile(r"^video\.(?:completed|failed)$")
QUOTED_EVENT = re.compile(r"([\"'`])video\.(?:completed|failed)\1")
# "/videos..." joined onto a base URL: "/videos", f"{base}/videos/{id}", `${base}/videos`.
# The base may be interpolated: `${base}`, `{base}` (C#, PHP), `#{base}` (Ruby), `$base`
# (Kotlin, PHP), `%s` (Go, Java format strings), `\(base)` (Swift); so may what follows.
VIDEO_PATH = re.compile(
    r"^(?:\$?\{[^}]*\}|#\{[^}]*\}|\$\w+|%[sv]|\\\([^)]*\))?/videos(?:/|\?|\$\{|$)"
)
OPENAI_HOST = re.compile(r"api\.openai\.com|openai\.azure\.com|OPENAI_BASE_URL")


def scan_span(ctx: FileContext, span: Span) -> None:
    """Run every text matcher that applies to a span of this kind."""
    if span.kind in ("comment", "prose"):
        match_doc_mentions(ctx, span)
        if span.kind == "prose" or ctx.kind in ("markdown", "rst"):
            match_env_names(ctx, span)
        return
    if "sora" in span.text:
        match_model_ids(ctx, span)
    if "/v1/videos" in span.text:
        match_endpoints(ctx, span)
    if "SORA" in span.text or "OPENAI_VIDEO" in span.text:
        match_env_names(ctx, span)
    if ctx.kind == "terraform" and "sora_" in span.text:
        match_terraform_variables(ctx, span)
    if "video." in span.text:
        if span.kind == "string":
            match_webhook_event(ctx, span)
        else:
            match_quoted_webhook_events(ctx, span)


def string_content(text: str) -> str:
    """The inside of a quoted literal (quotes and string prefixes removed)."""
    stripped = text.lstrip("rRbBuUfF")
    for quote in ('"""', "'''", '"', "'", "`"):
        if (
            stripped.startswith(quote)
            and stripped.endswith(quote)
            and len(stripped) >= 2 * len(quote)
        ):
            return stripped[len(quote) : -len(quote)]
    return text


def match_model_ids(ctx: FileContext, span: Span) -> None:
    """`sora-2`, `sora-2-pro` and dated snapshots used as a value."""
    whole = string_content(span.text).strip() if span.kind == "string" else None
    for match in MODEL_ID.finditer(span.text):
        if span.kind == "string":
            exact = whole is not None and MODEL_VALUE.fullmatch(whole) is not None
            confidence = HIGH if exact else MEDIUM
        else:
            confidence = HIGH
        ctx.emit_in_span("model-id", confidence, span, match.start(), match.end())


def match_endpoints(ctx: FileContext, span: Span) -> None:
    """Raw HTTP to /v1/videos on the OpenAI host or an Azure OpenAI endpoint."""
    for match in ENDPOINT.finditer(span.text):
        start, end = _url_token(span.text, match.start(), match.end())
        token = span.text[start:end]
        subpath = span.text[match.end() : end]
        if subpath.startswith(KLING_SUBPATHS):
            continue
        confidence = _endpoint_confidence(ctx, token, match.start() - start)
        if confidence is not None:
            ctx.emit_in_span("rest-endpoint", confidence, span, start, end)


def _url_token(text: str, start: int, end: int) -> tuple[int, int]:
    left = start
    while left > 0 and not URL_TOKEN_END.match(text[left - 1]) and text[left - 1] != "=":
        left -= 1
    stop = URL_TOKEN_END.search(text, end)
    return left, stop.start() if stop else len(text)


def _endpoint_confidence(ctx: FileContext, token: str, path_at: int) -> Confidence | None:
    prefix = token[:path_at]
    host = urlsplit(prefix).hostname if "://" in prefix else None
    if host:
        if host == "api.openai.com" or host.endswith((".openai.azure.com", ".openai.com")):
            return HIGH
        if host.endswith(".cognitiveservices.azure.com") and prefix.endswith("/openai"):
            return HIGH
        if any(name in host for name in FOREIGN_HOSTS):
            return None
        return LOW
    if prefix.endswith("/openai"):
        return HIGH
    if ctx.openai_context:
        return MEDIUM
    return None if FOREIGN_VENDORS.search(ctx.text) else LOW


def match_video_path(ctx: FileContext, span: Span) -> None:
    """A `/videos` path joined onto a base URL, in a file that names the OpenAI host; one built
    by interpolation (`f"{base}/videos/{id}"`, `` `/videos${qs}` ``) also in a file that
    otherwise talks to OpenAI.

    Analysers call this only for strings outside route registrations (`@app.get("/videos")`,
    `router.get("/videos", handler)`), which are an app's own endpoints."""
    content = string_content(span.text)
    if "/videos" not in span.text or VIDEO_PATH.match(content) is None:
        return
    built = "{" in content  # joined onto a base or with a query: a request, not a route
    if OPENAI_HOST.search(ctx.text) or (built and ctx.openai_context):
        ctx.emit_in_span(
            "rest-endpoint", MEDIUM, span, 0, len(span.text), "path on the OpenAI base URL"
        )


def match_webhook_event(ctx: FileContext, span: Span) -> None:
    """`video.completed` / `video.failed` handled as OpenAI webhook events."""
    if not WEBHOOK_EVENT.match(string_content(span.text)):
        return
    confidence = _webhook_confidence(ctx)
    if confidence is not None:
        ctx.emit_in_span("webhook-event", confidence, span, 0, len(span.text))


def match_quoted_webhook_events(ctx: FileContext, span: Span) -> None:
    """`"video.completed"` quoted inside a line of code read as text (a shell test, a Go
    `case`, a template): rated like a string literal of a parsed language."""
    for match in QUOTED_EVENT.finditer(span.text):
        confidence = _webhook_confidence(ctx)
        if confidence is not None:
            ctx.emit_in_span("webhook-event", confidence, span, match.start(), match.end())


def _webhook_confidence(ctx: FileContext) -> Confidence | None:
    if ctx.openai_context:
        return MEDIUM
    return None if FOREIGN_VENDORS.search(ctx.text) else LOW


def match_env_names(ctx: FileContext, span: Span) -> None:
    """Environment variables whose name says Sora (or OPENAI_VIDEO_*)."""
    for match in ENV_NAME.finditer(span.text):
        confidence = env_name_confidence(ctx, match.group(), span)
        if confidence is not None:
            ctx.emit_in_span("env-var", confidence, span, match.start(), match.end())


def match_terraform_variables(ctx: FileContext, span: Span) -> None:
    """Terraform input variables named like the env vars they feed (`variable "sora_api_key"`,
    `var.sora_model`, `TF_VAR_sora_api_key`), rated like the upper-case name."""
    for match in TERRAFORM_NAME.finditer(span.text):
        name = match.group("name").upper()
        confidence = env_name_confidence(ctx, name, span)
        if confidence is not None:
            ctx.emit_in_span("env-var", confidence, span, match.start(), match.end())


def env_name_confidence(ctx: FileContext, name: str, span: Span) -> Confidence | None:
    """How sure a Sora-looking variable name is about OpenAI's Sora, or None to drop it."""
    parts = name.split("_")
    if len(parts) < 2 or ENV_DENY.intersection(parts):
        return None
    if all(part in MODEL_NAME_PARTS or part.isdigit() for part in parts):
        return None  # `SORA_2`, `SORA_2_PRO_2025_10_06`: a constant for the model, not a setting
    if about_shiguredo_sora(ctx.text):
        return None
    if span.kind in ("comment", "prose"):
        return LOW
    line = span.text[: span.text.find("\n")] if "\n" in span.text else span.text
    if MODEL_ID.search(line) or MODEL_ID.search(_line_of(ctx, span)):
        return HIGH
    if ENV_VOCABULARY.intersection(parts) or "OPENAI_VIDEO" in name:
        return MEDIUM
    return None  # SORA_BUILDPACK, SORA_THEME: a name that says nothing about an API


def _line_of(ctx: FileContext, span: Span) -> str:
    index = span.line - 1
    return ctx.lines[index] if 0 <= index < len(ctx.lines) else ""


@lru_cache(maxsize=16)
def about_shiguredo_sora(text: str) -> bool:
    """A file about Shiguredo's WebRTC server and no OpenAI model: its Sora is not OpenAI's.
    Cached per text (asked once per mention or variable, answered once per file)."""
    return SFU_CONTEXT.search(text) is not None and MODEL_ID.search(text) is None


def match_doc_mentions(ctx: FileContext, span: Span) -> None:
    """Sora named in a comment, docstring or prose: worth a look, never a gate failure."""
    if SORA_WORD.search(span.text) is None or NOT_OPENAI_SORA.search(span.text):
        return  # another project's Sora
    if about_shiguredo_sora(ctx.text):
        return  # a file about Shiguredo's WebRTC server
    # this tool's own comments (`# sora-migrate: ...` TODOs, notes, ignores) mention Sora too
    own = span.text.find("sora-migrate:")
    for match in SORA_WORD.finditer(span.text):
        if 0 <= own < match.start():
            break
        end = match.end()
        tail = MODEL_ID.match(span.text, match.start())
        if tail:
            end = tail.end()
        ctx.emit_in_span("doc-mention", LOW, span, match.start(), end)
