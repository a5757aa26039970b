"""Python analyser (tree-sitter): Sora SDK calls with resolved receivers, literals, comments.

Pass 1 (python_bindings) learns which names are OpenAI clients; pass 2 (here) finds calls on
the `videos` resource and rates them: a receiver that resolves to a client is `high`; a
Sora-only method on an unknown receiver is `medium`; a generic method name (`create`, `list`)
on an unknown receiver counts only when the file talks to OpenAI and the keyword arguments fit
the Sora signature (a Django `playlist.videos.create(title=...)` never does).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sora_migrate.analyse.calls import check_batch, rate_custom_host, rate_unresolved
from sora_migrate.analyse.context import FileContext
from sora_migrate.analyse.matchers import (
    match_video_path,
    scan_span,
    string_content,
)
from sora_migrate.analyse.python_bindings import (
    ModuleResolver,
    PyBindings,
    collect_bindings,
)
from sora_migrate.analyse.treesitter import (
    captures,
    needle_nodes,
    parse,
    text_of,
)
from sora_migrate.findings import Confidence

if TYPE_CHECKING:
    from tree_sitter import Node

HIGH, MEDIUM, LOW = Confidence.HIGH, Confidence.MEDIUM, Confidence.LOW
COMMON_KWARGS = frozenset({"extra_headers", "extra_query", "extra_body", "timeout"})
VIDEO_METHODS: dict[str, frozenset[str]] = {
    "create": frozenset({"prompt", "input_reference", "model", "seconds", "size"}),
    "create_and_poll": frozenset(
        {"prompt", "input_reference", "model", "seconds", "size", "poll_interval_ms"}
    ),
    "poll": frozenset({"video_id", "poll_interval_ms"}),
    "retrieve": frozenset({"video_id"}),
    "list": frozenset({"after", "limit", "order"}),
    "delete": frozenset({"video_id"}),
    "download_content": frozenset({"video_id", "variant"}),
    "remix": frozenset({"video_id", "prompt"}),
    "edit": frozenset({"prompt", "video"}),
    "extend": frozenset({"prompt", "seconds", "video"}),
    "create_character": frozenset({"name", "video"}),
    "get_character": frozenset({"character_id"}),
}
SORA_ONLY_METHODS = frozenset(
    {"create_and_poll", "download_content", "remix", "create_character", "get_character"}
)
RESPONSE_WRAPPERS = frozenset({"with_raw_response", "with_streaming_response"})
READABLE_ARGS = ("model", "seconds", "size", "prompt")
RESOLUTION_WORDS = ("videos", "batches", "openai")
CALLS_QUERY = "(call function: (attribute)) @call"
TEXT_NODES = frozenset({"comment", "string"})


def analyse_python(ctx: FileContext, resolver: ModuleResolver | None = None) -> None:
    """Find Sora usage in a Python source file."""
    tree = parse("python", ctx.text.encode("utf-8"))
    analyse_python_tree(ctx, tree.root_node, resolver)


def analyse_python_tree(ctx: FileContext, root: Node, resolver: ModuleResolver | None) -> None:
    """Run both passes over a parsed module (also used for notebook cells). A module with no
    `videos` / `batches` call and no `openai` import has nothing for pass 1 to resolve."""
    handled: set[int] = set()
    if any(word in ctx.text for word in RESOLUTION_WORDS):
        bindings = collect_bindings(root, resolver)
        for statement in bindings.type_imports:
            ctx.emit_node("sdk-type-import", HIGH, statement)
        for call in captures("python", CALLS_QUERY, root).get("call", []):
            _check_call(ctx, bindings, resolver, call, handled)
    for node in needle_nodes(root, TEXT_NODES):
        if node.type == "comment":
            scan_span(ctx, ctx.node_span(node, "comment"))
        elif node.start_byte not in handled:
            span = ctx.node_span(node, _string_kind(node))
            scan_span(ctx, span)
            if span.kind == "string" and not _in_decorator(node):
                match_video_path(ctx, span)


def _in_decorator(node: Node) -> bool:
    """Strings in `@app.get("/videos")` name the app's own routes."""
    parent = node.parent
    for _ in range(4):
        if parent is None:
            return False
        if parent.type == "decorator":
            return True
        parent = parent.parent
    return False


def _string_kind(node: Node) -> str:
    parent = node.parent
    if (
        parent is not None
        and parent.type == "expression_statement"
        and parent.named_child_count == 1
    ):
        return "prose"
    return "string"


def _check_call(
    ctx: FileContext,
    bindings: PyBindings,
    resolver: ModuleResolver | None,
    call: Node,
    handled: set[int],
) -> None:
    func = call.child_by_field_name("function")
    if func is None or func.type != "attribute":
        return
    method_node = func.child_by_field_name("attribute")
    resource = func.child_by_field_name("object")
    if method_node is None or resource is None:
        return
    method = text_of(method_node)
    if method == "create" and _attribute_name(resource) == "batches":
        check_batch(ctx, call, _kwargs(call).get("endpoint"), handled)
        return
    if method not in VIDEO_METHODS:
        return
    if resource.type == "attribute" and _attribute_name(resource) in RESPONSE_WRAPPERS:
        resource = resource.child_by_field_name("object") or resource
    verdict = _rate(ctx, bindings, resolver, resource, method, call)
    if verdict is not None:
        confidence, detail = verdict
        args = _literal_args(call)
        ctx.emit_node("sdk-call", confidence, call, f"videos.{method}: {detail}", args)


def _rate(
    ctx: FileContext,
    bindings: PyBindings,
    resolver: ModuleResolver | None,
    resource: Node,
    method: str,
    call: Node,
) -> tuple[Confidence, str] | None:
    binding = bindings.classify(resource, resolver)
    if binding is not None and binding.kind == "resource":
        if binding.custom_host:
            return rate_custom_host(ctx, binding.base_url or "", _literal_args(call).get("model"))
        return HIGH, binding.origin
    if _attribute_name(resource) != "videos" and text_of(resource) != "videos":
        return None
    if resource.type == "identifier":
        receiver_text = "videos"
    else:
        receiver = resource.child_by_field_name("object")
        receiver_text = text_of(receiver) if receiver is not None else ""
    sora_only = method in SORA_ONLY_METHODS
    return rate_unresolved(ctx, receiver_text, sora_only, _kwargs_fit(call, method))


def _kwargs_fit(call: Node, method: str) -> bool:
    allowed = VIDEO_METHODS[method] | COMMON_KWARGS
    return all(name in allowed for name in _kwargs(call))


def _kwargs(call: Node) -> dict[str, Node]:
    arguments = call.child_by_field_name("arguments")
    found: dict[str, Node] = {}
    for argument in arguments.named_children if arguments is not None else ():
        if argument.type == "keyword_argument":
            name = argument.child_by_field_name("name")
            value = argument.child_by_field_name("value")
            if name is not None and value is not None:
                found[text_of(name)] = value
    return found


def _literal_args(call: Node) -> dict[str, Any]:
    """The literal `model`, `seconds`, `size` and `prompt` arguments of a call."""
    args: dict[str, Any] = {}
    for name, value in _kwargs(call).items():
        if name not in READABLE_ARGS:
            continue
        if value.type == "string" and not any(c.type == "interpolation" for c in value.children):
            args[name] = string_content(text_of(value))
        elif value.type == "integer":
            args[name] = int(text_of(value), 0)
    return args


def _attribute_name(node: Node) -> str | None:
    if node.type != "attribute":
        return None
    attribute = node.child_by_field_name("attribute")
    return text_of(attribute) if attribute is not None else None
