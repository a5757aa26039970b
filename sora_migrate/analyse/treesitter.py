"""tree-sitter parsers from the official grammar wheels, created once per process."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tree_sitter import Node, Parser, Tree


@cache
def parser_for(language: str) -> Parser:
    """A parser for 'python', 'javascript', 'typescript', 'tsx', 'yaml' or 'json'."""
    from tree_sitter import Language, Parser

    if language == "python":
        import tree_sitter_python as grammar

        return Parser(Language(grammar.language()))
    if language == "javascript":
        import tree_sitter_javascript as grammar_js

        return Parser(Language(grammar_js.language()))
    if language in ("typescript", "tsx"):
        import tree_sitter_typescript as grammar_ts

        lang = grammar_ts.language_tsx() if language == "tsx" else grammar_ts.language_typescript()
        return Parser(Language(lang))
    if language == "yaml":
        import tree_sitter_yaml as grammar_yaml

        return Parser(Language(grammar_yaml.language()))
    if language == "json":
        import tree_sitter_json as grammar_json

        return Parser(Language(grammar_json.language()))
    raise ValueError(f"no tree-sitter grammar for {language!r}")


def parse(language: str, source: bytes) -> Tree:
    """Parse bytes with the grammar for `language`."""
    return parser_for(language).parse(source)


def text_of(node: Node) -> str:
    """The node's source text."""
    return (node.text or b"").decode("utf-8", errors="replace")


def walk(node: Node) -> Iterator[Node]:
    """Every node below `node`, depth first, in source order."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed(current.children))
