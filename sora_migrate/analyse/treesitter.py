"""tree-sitter parsers from the official grammar wheels, created once per process."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tree_sitter import Node, Parser, QueryCursor, Tree


# Grammar name -> (module of its official wheel, function that returns the language). Each wheel
# is imported the first time a file of its language is parsed, never at start-up.
GRAMMARS: dict[str, tuple[str, str]] = {
    "python": ("tree_sitter_python", "language"),
    "javascript": ("tree_sitter_javascript", "language"),
    "typescript": ("tree_sitter_typescript", "language_typescript"),
    "tsx": ("tree_sitter_typescript", "language_tsx"),
    "yaml": ("tree_sitter_yaml", "language"),
    "json": ("tree_sitter_json", "language"),
    "go": ("tree_sitter_go", "language"),
    "java": ("tree_sitter_java", "language"),
    "kotlin": ("tree_sitter_kotlin", "language"),
    "ruby": ("tree_sitter_ruby", "language"),
    "csharp": ("tree_sitter_c_sharp", "language"),
    "php": ("tree_sitter_php", "language_php"),
    "rust": ("tree_sitter_rust", "language"),
}


@cache
def parser_for(language: str) -> Parser:
    """A parser for one of GRAMMARS, its wheel imported on first use."""
    from importlib import import_module

    from tree_sitter import Language, Parser

    if language not in GRAMMARS:
        raise ValueError(f"no tree-sitter grammar for {language!r}")
    module, function = GRAMMARS[language]
    return Parser(Language(getattr(import_module(module), function)()))


@cache
def _query(language: str, source: str) -> QueryCursor:
    """A cursor for the patterns of `source` (blank-line separated) whose root node type this
    grammar has (the JavaScript grammar lacks TypeScript's nodes)."""
    from tree_sitter import Query, QueryCursor

    grammar = parser_for(language).language
    assert grammar is not None
    known = []
    for pattern in source.strip().split("\n\n"):
        root = re.match(r"\(+(\w+)", pattern)
        if root is None or grammar.id_for_node_kind(root.group(1), True) is not None:
            known.append(pattern)
    return QueryCursor(Query(grammar, "\n".join(known)))


def captures(language: str, query: str, node: Node) -> dict[str, list[Node]]:
    """Nodes captured by a tree-sitter query (cached per language and query), in source order."""
    found = _query(language, query).captures(node)
    return {name: sorted(nodes, key=lambda n: n.start_byte) for name, nodes in found.items()}


def nodes_of(language: str, types: Collection[str], node: Node) -> list[Node]:
    """Every node of `types` below `node`, in source order (one cached query per set)."""
    if not types:
        return []
    query = "\n\n".join(f"({kind}) @node" for kind in types)
    return captures(language, query, node).get("node", [])


def matches(language: str, query: str, node: Node) -> list[dict[str, list[Node]]]:
    """The captures of each match of a tree-sitter query, so captures of one match stay paired."""
    return [found for _, found in _query(language, query).matches(node)]


def json_member(node: Node | None, key: str) -> Node | None:
    """The value of `key` in a tree-sitter-json object node, if present."""
    if node is None or node.type != "object":
        return None
    for pair in node.named_children:
        name = pair.child_by_field_name("key")
        if pair.type == "pair" and name is not None and text_of(name) == f'"{key}"':
            return pair.child_by_field_name("value")
    return None


NEEDLE = re.compile(rb"sora|video")


def grammar_for(kind: str, suffix: str) -> str | None:
    """The grammar that parses a file of this kind, or None for kinds not parsed as one tree."""
    if kind == "typescript":
        return "tsx" if suffix == ".tsx" else "typescript"
    return kind if kind in GRAMMARS else None


def needle_nodes(root: Node, types: Collection[str]) -> list[Node]:
    """The outermost nodes of `types` (strings, comments, scalars) whose text holds a Sora needle
    (`sora` or `video` in any case), in source order. Found from each needle's offset, going
    down from `root` to the first node of `types` around it, so a file's thousands of other
    strings are never visited (and a deep tree costs its depth, not its depth squared: a node's
    parent is found from the root)."""
    found: dict[int, Node] = {}
    base = root.start_byte
    path = _NeedlePath(root, types)
    for match in NEEDLE.finditer((root.text or b"").lower()):
        outer = path.outermost(base + match.start(), base + match.end())
        if outer is not None:
            found.setdefault(outer.start_byte, outer)
    return [found[start] for start in sorted(found)]


class _NeedlePath:
    """The path from the root down to the last needle, kept between needles (they come in
    source order), so reaching the next one costs the path's change, not the tree's depth.
    The path never goes below a node of `types`: nodes above its end are never of `types`."""

    def __init__(self, root: Node, types: Collection[str]) -> None:
        self.cursor = root.walk()
        self.types = types
        self.depth = 0

    def outermost(self, start: int, end: int) -> Node | None:
        """The first node of `types` on the way down from the root through the nodes that span
        the bytes `start:end`."""
        from sora_migrate.analyse.nesting import MAX_TREE_DEPTH, too_deep_tree

        cursor = self.cursor
        node = cursor.node
        while self.depth and node is not None and not _spans(node, start, end):
            cursor.goto_parent()
            self.depth -= 1
            node = cursor.node
        while node is not None and node.type not in self.types:
            if cursor.goto_first_child_for_byte(start) is None:
                return None
            self.depth += 1
            node = cursor.node
            if node is None or not _spans(node, start, end):
                cursor.goto_parent()
                self.depth -= 1
                return None
            if self.depth > MAX_TREE_DEPTH:
                raise too_deep_tree()
        return node


def _spans(node: Node, start: int, end: int) -> bool:
    return node.start_byte <= start and node.end_byte >= end


def parse(language: str, source: bytes) -> Tree:
    """Parse bytes with the grammar for `language`; NestingError (a ValueError) when the bytes
    nest deeper than the tool reads safely."""
    from sora_migrate.analyse.nesting import check_brackets, check_yaml_indents

    check_brackets(source)
    if language == "yaml":
        check_yaml_indents(source)
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
