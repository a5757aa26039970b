"""YAML and JSON through tree-sitter: comments, keys and scalar values become spans. A file the
grammar cannot parse (a Helm template, JSON with comments, YAML the grammar trips on) is read
line by line instead, so a parse error never hides a reference."""

from __future__ import annotations

from sora_migrate.analyse.context import FileContext
from sora_migrate.analyse.lines import analyse_lines
from sora_migrate.analyse.matchers import scan_span
from sora_migrate.analyse.treesitter import needle_nodes, parse

YAML_KINDS = {
    "comment": "comment",
    "plain_scalar": "code",
    "block_scalar": "code",
    "double_quote_scalar": "string",
    "single_quote_scalar": "string",
}
JSON_KINDS = {"string": "string", "comment": "comment"}


def analyse_yaml(ctx: FileContext) -> None:
    """GitHub Actions, compose, Kubernetes and any other YAML."""
    _scan(ctx, "yaml", YAML_KINDS)


def analyse_json(ctx: FileContext) -> None:
    """JSON: every string (keys and values) is a span."""
    _scan(ctx, "json", JSON_KINDS)


def _scan(ctx: FileContext, language: str, kinds: dict[str, str]) -> None:
    root = parse(language, ctx.text.encode("utf-8")).root_node
    if root.has_error:
        analyse_lines(ctx)
        return
    for node in needle_nodes(root, kinds):
        scan_span(ctx, ctx.node_span(node, kinds[node.type]))
