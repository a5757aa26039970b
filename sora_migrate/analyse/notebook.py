"""Jupyter notebooks: code cells are analysed together as one Python module (a client made in
one cell is used in another), markdown cells as prose. Findings are mapped back to positions in
the raw `.ipynb` file, and carry `cell` (0-based index) and `cell_line` (1-based)."""

from __future__ import annotations

import bisect
import json
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from sora_migrate.analyse.context import FileContext
from sora_migrate.analyse.prose import analyse_prose
from sora_migrate.analyse.python import analyse_python_tree
from sora_migrate.analyse.python_bindings import ModuleResolver
from sora_migrate.analyse.treesitter import json_member, parse, text_of
from sora_migrate.errors import UserError
from sora_migrate.findings import Finding

if TYPE_CHECKING:
    from tree_sitter import Node


class NotebookError(UserError):
    """A notebook whose JSON does not have the nbformat shape."""


@dataclass
class _Piece:
    """One JSON string of a cell's `source`: where it sits in the raw file and in the text."""

    node: Node
    decoded: str
    offset: int


@dataclass
class _Document:
    """Cells joined into one text, with the pieces that make it up."""

    text: str = ""
    pieces: list[_Piece] = field(default_factory=list)
    cells: list[tuple[int, int]] = field(default_factory=list)

    def add_cell(self, index: int, nodes: list[Node]) -> None:
        if self.text and not self.text.endswith("\n"):
            self.text += "\n"
        self.cells.append((len(self.text), index))
        for node in nodes:
            decoded = json.loads(text_of(node))
            self.pieces.append(_Piece(node, decoded, len(self.text)))
            self.text += decoded


def analyse_notebook(ctx: FileContext, resolver: ModuleResolver | None = None) -> None:
    """Analyse every cell of a notebook and report raw-file positions."""
    raw = ctx.text.encode("utf-8")
    cells = _cells(parse("json", raw).root_node)
    code, prose_cells = _Document(), []
    for index, (cell_type, nodes) in enumerate(cells):
        if cell_type == "code":
            code.add_cell(index, nodes)
        elif cell_type == "markdown":
            document = _Document()
            document.add_cell(index, nodes)
            prose_cells.append(document)
    if code.text:
        sub = _sub_context(ctx, code)
        analyse_python_tree(sub, parse("python", sub.text.encode("utf-8")).root_node, resolver)
        ctx.findings.extend(_map_back(ctx, code, sub))
    for document in prose_cells:
        sub = _sub_context(ctx, document)
        analyse_prose(sub)
        ctx.findings.extend(_map_back(ctx, document, sub))


def _sub_context(ctx: FileContext, document: _Document) -> FileContext:
    return FileContext(ctx.path, ctx.kind, document.text, ctx.rules, ctx.root)


def _cells(root: Node) -> list[tuple[str, list[Node]]]:
    top = root.named_children[0] if root.named_children else None
    cells_array = json_member(top, "cells")
    if cells_array is None or cells_array.type != "array":
        raise NotebookError("not a Jupyter notebook: no 'cells' array")
    found = []
    for cell in cells_array.named_children:
        cell_type = json_member(cell, "cell_type")
        source = json_member(cell, "source")
        kind = json.loads(text_of(cell_type)) if cell_type is not None else ""
        if source is None:
            nodes: list[Node] = []
        elif source.type == "array":
            nodes = [node for node in source.named_children if node.type == "string"]
        else:
            nodes = [source] if source.type == "string" else []
        found.append((kind, nodes))
    return found


def _map_back(ctx: FileContext, document: _Document, sub: FileContext) -> list[Finding]:
    line_starts = [0]
    for index, char in enumerate(document.text):
        if char == "\n":
            line_starts.append(index + 1)
    offsets = [piece.offset for piece in document.pieces]
    cell_starts = [start for start, _ in document.cells]
    mapped = []
    for finding in sub.findings:
        start = line_starts[finding.line - 1] + finding.column - 1
        end = line_starts[min(finding.end_line, len(line_starts)) - 1] + finding.end_column - 1
        cell_at = bisect.bisect_right(cell_starts, start) - 1
        cell_offset, cell_index = document.cells[cell_at]
        line, column = _raw_position(ctx, document, offsets, start)
        end_line, end_column = _raw_position(ctx, document, offsets, max(start, end - 1))
        cell_line = document.text.count("\n", cell_offset, start) + 1
        mapped.append(
            replace(
                finding,
                line=line,
                column=column,
                end_line=end_line,
                end_column=end_column + 1,
                cell=cell_index,
                cell_line=cell_line,
            )
        )
    return mapped


def _raw_position(
    ctx: FileContext, document: _Document, offsets: list[int], index: int
) -> tuple[int, int]:
    piece = document.pieces[max(0, bisect.bisect_right(offsets, index) - 1)]
    inside = min(index - piece.offset, max(len(piece.decoded) - 1, 0))
    raw_inner = _raw_index(text_of(piece.node)[1:-1], inside)
    line, column = ctx.point(*piece.node.start_point)
    return line, column + 1 + raw_inner


def _raw_index(raw: str, decoded_index: int) -> int:
    """Index in an escaped JSON string body of the `decoded_index`-th decoded character."""
    position = 0
    for _ in range(decoded_index):
        if position >= len(raw):
            break
        if raw[position] != "\\":
            position += 1
        elif raw[position + 1 : position + 2] == "u":
            high = int(raw[position + 2 : position + 6] or "0", 16)
            position += (
                12 if 0xD800 <= high < 0xDC00 and raw[position + 6 : position + 8] == "\\u" else 6
            )
        else:
            position += 2
    return position
