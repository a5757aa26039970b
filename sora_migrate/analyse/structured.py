"""YAML and JSON through tree-sitter: comments, keys and scalar values become spans."""

from __future__ import annotations

from sora_migrate.analyse.context import FileContext
from sora_migrate.analyse.matchers import scan_span
from sora_migrate.analyse.treesitter import parse

YAML_SCALARS = {
    "plain_scalar": "code",
    "block_scalar": "code",
    "double_quote_scalar": "string",
    "single_quote_scalar": "string",
}


def analyse_yaml(ctx: FileContext) -> None:
    """GitHub Actions, compose, Kubernetes and any other YAML."""
    root = parse("yaml", ctx.text.encode("utf-8")).root_node
    stack = [root]
    while stack:
        node = stack.pop()
        if node.type == "comment":
            scan_span(ctx, ctx.node_span(node, "comment"))
            continue
        kind = YAML_SCALARS.get(node.type)
        if kind is not None:
            scan_span(ctx, ctx.node_span(node, kind))
            continue
        stack.extend(reversed(node.children))


def analyse_json(ctx: FileContext) -> None:
    """JSON: every string (keys and values) is a span."""
    root = parse("json", ctx.text.encode("utf-8")).root_node
    stack = [root]
    while stack:
        node = stack.pop()
        if node.type == "string":
            scan_span(ctx, ctx.node_span(node, "string"))
            continue
        if node.type == "comment":
            scan_span(ctx, ctx.node_span(node, "comment"))
            continue
        stack.extend(reversed(node.children))
