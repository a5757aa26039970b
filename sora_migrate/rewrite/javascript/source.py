"""One JavaScript/TypeScript file as bytes and a tree-sitter tree, with its own style: quotes,
semicolons, indentation and newline, so inserted code looks like the code around it."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from sora_migrate.analyse.treesitter import parse, walk

if TYPE_CHECKING:
    from tree_sitter import Node, Tree

GRAMMARS = {".tsx": "tsx", ".ts": "typescript", ".mts": "typescript", ".cts": "typescript"}
INDENT = re.compile(rb"\n([ \t]+)\S")
STATEMENT_TYPES = frozenset(
    {
        "expression_statement",
        "lexical_declaration",
        "variable_declaration",
        "return_statement",
        "throw_statement",
        "import_statement",
        "export_statement",
    }
)


def grammar_of(rel: str) -> str:
    """The tree-sitter grammar for a file name (JavaScript unless a TypeScript suffix)."""
    suffix = rel[rel.rfind(".") :].lower()
    return GRAMMARS.get(suffix, "javascript")


def is_typescript(rel: str) -> bool:
    """True for `.ts`, `.tsx`, `.mts`, `.cts`."""
    return grammar_of(rel) != "javascript"


@dataclass
class Source:
    """The UTF-8 bytes of a file (without BOM), parsed."""

    rel: str
    data: bytes
    tree: Tree = field(init=False)

    def __post_init__(self) -> None:
        self.tree = parse(grammar_of(self.rel), self.data)

    @property
    def root(self) -> Node:
        return self.tree.root_node

    @cached_property
    def line_starts(self) -> list[int]:
        starts = [0]
        starts.extend(match.end() for match in re.finditer(rb"\n", self.data))
        return starts

    def offset(self, line: int, column: int) -> int:
        """Byte offset of a 1-based line and 1-based column in code points."""
        start = self.line_starts[line - 1]
        end = self.data.find(b"\n", start)
        text = self.data[start : end if end >= 0 else len(self.data)].decode("utf-8")
        return start + len(text[: column - 1].encode("utf-8"))

    def text(self, node: Node) -> str:
        return self.data[node.start_byte : node.end_byte].decode("utf-8")

    def line_start(self, offset: int) -> int:
        return self.data.rfind(b"\n", 0, offset) + 1

    def indent_at(self, offset: int) -> str:
        """The leading whitespace of the line holding `offset`."""
        start = self.line_start(offset)
        line = self.data[start:offset].decode("utf-8")
        return line[: len(line) - len(line.lstrip(" \t"))]

    @cached_property
    def newline(self) -> str:
        """The file's line ending (`\\r\\n` when its first line ends so)."""
        first = self.data.find(b"\n")
        return "\r\n" if first > 0 and self.data[first - 1 : first] == b"\r" else "\n"

    @cached_property
    def indent_unit(self) -> str:
        """One level of indentation: the smallest indentation of an indented line."""
        found = [match.group(1) for match in INDENT.finditer(self.data)]
        if not found:
            return "  "
        if all(unit.startswith(b"\t") for unit in found[:20]):
            return "\t"
        spaces = [len(unit) for unit in found if b"\t" not in unit]
        return " " * min(spaces) if spaces else "  "

    @cached_property
    def quote(self) -> str:
        """The quote most string literals use (double quotes when there are none)."""
        counts: Counter[str] = Counter()
        for node in walk(self.root):
            if node.type == "string":
                counts[chr(self.data[node.start_byte])] += 1
        return "'" if counts["'"] > counts['"'] else '"'

    @cached_property
    def semicolons(self) -> bool:
        """True unless most statements end without a semicolon."""
        ends: Counter[bool] = Counter()
        for node in walk(self.root):
            if node.type in STATEMENT_TYPES and node.children:
                ends[node.children[-1].type == ";"] += 1
        return ends[True] >= ends[False]

    def string(self, value: str) -> str:
        """A string literal in the file's quote style."""
        escaped = value.replace("\\", "\\\\").replace(self.quote, "\\" + self.quote)
        return f"{self.quote}{escaped}{self.quote}"

    def end(self, statement: str) -> str:
        """`statement` with or without its semicolon, as the file writes them."""
        return statement + ";" if self.semicolons else statement

    def inside_literal(self, offset: int) -> bool:
        """True when `offset` falls inside a string, template or comment (or JSX text)."""
        node: Node | None = self.root.descendant_for_byte_range(offset, offset)
        while node is not None:
            if node.type in ("string", "template_string", "comment", "jsx_text", "regex"):
                return node.start_byte < offset
            node = node.parent
        return False
