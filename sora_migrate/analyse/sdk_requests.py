"""Raw HTTP in the other SDK languages: strings that are requests to `/v1/videos`, and the ones
that only look like it (the app's own routes).

A string is scanned by the shared text matchers first (full URLs on the OpenAI host are found
there); then a `/videos` path joined onto a base URL, or a relative `videos/...` passed to an
HTTP client whose base URL is OpenAI's, counts unless the string is a route of the app itself:
`Route::get('/videos', ...)`, `r.GET("/videos", h)`, `http.HandleFunc("/videos", h)`, Ktor's
`get("/videos") { }`, `@GetMapping("/videos")`, `[HttpGet("/videos")]`. Requests declared by
annotation on an interface (Retrofit `@POST("videos")`, Refit `[Get("/videos/{id}")]`) count in
a file about OpenAI.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sora_migrate.analyse.context import FileContext, Span
from sora_migrate.analyse.matchers import (
    OPENAI_HOST,
    VIDEO_PATH,
    match_video_path,
    scan_span,
    string_content,
)
from sora_migrate.analyse.sdk_receivers import Receivers
from sora_migrate.analyse.sdk_tables import words
from sora_migrate.analyse.treesitter import text_of
from sora_migrate.findings import Confidence

if TYPE_CHECKING:
    from tree_sitter import Node

# A route of the app itself (`Route::get('/videos', ...)`, `r.GET("/videos", h)`,
# `http.HandleFunc("/videos", h)`, `@GetMapping("/videos")`), never a request.
ROUTE_METHODS = words(
    "get post put patch delete any match group route resource resources handle handlefunc"
    " mapget mappost mapput mapdelete mapgroup"
)
ROUTE_ONLY = words("handlefunc mapget mappost mapput mapdelete mapgroup resources")
ROUTERS = words("route router app r mux e g engine api routes group server srv this")
ANNOTATIONS = frozenset({"annotation", "marker_annotation", "attribute", "attribute_item"})
# Annotations that declare an HTTP client's request (Retrofit, Refit), by their exact name.
CLIENT_ANNOTATIONS = words("GET POST PUT DELETE PATCH HTTP Get Post Put Delete Patch")
ANNOTATION_NAME = re.compile(r"[@#!\[\s]*(\w+)")
HTTP_METHODS = words(
    "get post put patch delete request send getasync postasync putasync deleteasync"
    " sendasync requestasync"
)
# `videos`, `videos/{id}/content` relative to a base URL (Guzzle `base_uri`, Faraday `url:`).
RELATIVE_PATH = re.compile(r"^(?:videos|videos/\S*|videos\?\S*)$")
SIGILS = "@$:"


def check_string(reader: Receivers, node: Node) -> None:
    """Scan one string of the file: text matchers, then raw requests unless it is a route."""
    ctx = reader.ctx
    span = _string_span(ctx, node)
    scan_span(ctx, span)
    annotation = next((n for n in ancestors(node, 6) if n.type in ANNOTATIONS), None)
    if annotation is not None:
        _match_declared_request(ctx, span, annotation)
        return
    owner = _enclosing_call(reader, node)
    if owner is None or not _is_route(reader, owner):
        match_video_path(ctx, span)
        _match_relative_path(ctx, span, reader, owner)


def _match_relative_path(
    ctx: FileContext, span: Span, reader: Receivers, call: Node | None
) -> None:
    """`$http->post('videos', ...)`, `conn.get("videos/#{id}")` on a client whose base URL is
    the OpenAI API."""
    if call is None or not RELATIVE_PATH.match(string_content(span.text)):
        return
    access = reader.split(call)
    if access is None or access.name.lower() not in HTTP_METHODS:
        return
    if OPENAI_HOST.search(ctx.text):
        ctx.emit_in_span(
            "rest-endpoint", Confidence.MEDIUM, span, 0, len(span.text), "path on the base URL"
        )


def _match_declared_request(ctx: FileContext, span: Span, annotation: Node) -> None:
    """Retrofit `@POST("videos")`, Refit `[Get("/videos/{id}")]`: a request declared on an
    interface of a file about OpenAI. Server routes (`@PostMapping`, `[HttpGet]`, actix
    `#[get]`, JAX-RS `@Path`) are not requests."""
    name = ANNOTATION_NAME.match(text_of(annotation))
    if name is None or name.group(1) not in CLIENT_ANNOTATIONS:
        return
    path = string_content(span.text)
    if not (VIDEO_PATH.match(path) or RELATIVE_PATH.match(path)):
        return
    if OPENAI_HOST.search(ctx.text) or "openai" in ctx.lowered:
        ctx.emit_in_span(
            "rest-endpoint", Confidence.MEDIUM, span, 0, len(span.text), "request declared"
        )


def _is_route(reader: Receivers, call: Node) -> bool:
    access = reader.split(call)
    if access is None or access.name.lower() not in ROUTE_METHODS:
        return False
    if access.name.lower() in ROUTE_ONLY or access.obj is None:
        return True  # also a routing DSL without receiver: Ktor's `get("/videos") { }`, Rails
    receiver = reader.name_of(access.obj) if access.obj is not None else None
    return receiver is not None and receiver.lower() in ROUTERS


def _enclosing_call(reader: Receivers, node: Node) -> Node | None:
    """The call a string is a direct argument of."""
    for parent in ancestors(node.parent, 3) if node.parent is not None else ():
        if parent.type in reader.spec.calls:
            return parent
    return None


def _string_span(ctx: FileContext, node: Node) -> Span:
    """A string's span without its sigil (`$"..."`, `@"..."`, Ruby `:"sora-2"`)."""
    span = ctx.node_span(node, "string")
    skip = len(span.text) - len(span.text.lstrip(SIGILS))
    return Span(span.text[skip:], span.line, span.column + skip, "string") if skip else span


def ancestors(node: Node | None, limit: int) -> list[Node]:
    """`node` and up to `limit - 1` of its ancestors, innermost first."""
    found: list[Node] = []
    while node is not None and len(found) < limit:
        found.append(node)
        node = node.parent
    return found
