"""YAML and JSON through tree-sitter: comments, keys and scalar values become spans."""

from __future__ import annotations

from sora_migrate.analyse.context import FileContext
from sora_migrate.analyse.matchers import scan_span
from sora_migrate.analyse.treesitter import captures, mentions_needle, parse

YAML_QUERY = """
(comment) @comment
(plain_scalar) @code
(block_scalar) @code
(double_quote_scalar) @string
(single_quote_scalar) @string
"""
JSON_QUERY = """
(string) @string

(comment) @comment
"""


def analyse_yaml(ctx: FileContext) -> None:
    """GitHub Actions, compose, Kubernetes and any other YAML."""
    _scan(ctx, "yaml", YAML_QUERY)


def analyse_json(ctx: FileContext) -> None:
    """JSON: every string (keys and values) is a span."""
    _scan(ctx, "json", JSON_QUERY)


def _scan(ctx: FileContext, language: str, query: str) -> None:
    root = parse(language, ctx.text.encode("utf-8")).root_node
    for kind, nodes in captures(language, query, root).items():
        for node in nodes:
            if mentions_needle(node):
                scan_span(ctx, ctx.node_span(node, kind))
