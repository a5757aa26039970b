"""Jupyter notebooks: rewrite code cells, leave outputs, metadata and markdown byte-identical.

The code cells are joined into one module (a client made in one cell is used in another),
separated by a marker comment; IPython magics (`%pip`, `!ls`, `%%time` cells) are masked as
comments while libcst looks at the code. After the rewrite the module is split at the markers
and only the `source` value of each changed cell is replaced in the raw JSON, written the way
nbformat writes it (one string per line, the array's own indentation kept).
"""

from __future__ import annotations

import ast
import bisect
import json
from collections.abc import Callable
from dataclasses import dataclass, replace

from sora_migrate.analyse.treesitter import json_member, parse, text_of
from sora_migrate.rewrite.report import SiteRecord, SkipFile

MARKER = "# sora-migrate: notebook cell boundary\n"
MAGIC = "# sora-migrate: magic "
RewriteCode = Callable[[str], tuple[str, list[SiteRecord]]]


@dataclass(frozen=True)
class _Cell:
    """A code cell: its index, the byte span of its `source` value, and its code."""

    index: int
    start: int
    end: int
    is_array: bool
    code: str


def rewrite_notebook(
    raw: str, rewrite_code: RewriteCode
) -> tuple[str, list[tuple[SiteRecord, int]]]:
    """Rewrite the code cells of notebook JSON `raw`; records come with cell-relative lines."""
    data = raw.encode("utf-8")
    cells = _code_cells(data)
    if not cells:
        return raw, []
    bodies = [_mask(cell.code) for cell in cells]
    joined = MARKER.join(body if body.endswith("\n") else body + "\n" for body in bodies)
    new_joined, records = rewrite_code(joined)
    parts = new_joined.split(MARKER)
    if len(parts) != len(cells):
        raise SkipFile("notebook cells could not be told apart after the rewrite")
    pieces, done = [], 0  # one pass over the raw bytes, in cell order
    for cell, body, part in zip(cells, bodies, parts, strict=True):
        new_code = _unmask(part if body.endswith("\n") else part.removesuffix("\n"))
        if new_code != cell.code:
            value = _source_json(new_code, data[cell.start : cell.end], cell.is_array)
            pieces += [data[done : cell.start], value.encode("utf-8")]
            done = cell.end
    replaced = b"".join([*pieces, data[done:]])
    first_lines, line = [], 1
    for body in bodies:
        first_lines.append(line)
        line += (body if body.endswith("\n") else body + "\n").count("\n") + 1
    indexes = [cell.index for cell in cells]
    return replaced.decode("utf-8"), [_locate(r, first_lines, indexes) for r in records]


def _code_cells(data: bytes) -> list[_Cell]:
    """The code cells, read from the raw JSON (for their byte spans) and checked against a
    strict JSON parse: a file that is not valid nbformat JSON is never rewritten."""
    expected = _strict_code_sources(data)
    root = parse("json", data).root_node
    top = root.named_children[0] if root.named_children else None
    cells = json_member(top, "cells")
    if cells is None or cells.type != "array":
        raise SkipFile("not a Jupyter notebook: no 'cells' array")
    found = []
    for index, cell in enumerate(cells.named_children):
        source = json_member(cell, "source")
        if index not in expected or source is None:
            continue
        if source.type == "array":
            code = "".join(json.loads(text_of(node)) for node in source.named_children)
        else:
            code = json.loads(text_of(source))
        found.append(_Cell(index, source.start_byte, source.end_byte, source.type == "array", code))
    if {cell.index: cell.code for cell in found} != expected:
        raise SkipFile("notebook JSON could not be read unambiguously; file left as it was")
    return found


def _strict_code_sources(data: bytes) -> dict[int, str]:
    """Each code cell's index and source text, from Python's strict JSON parser."""
    try:
        notebook = json.loads(data)
    except RecursionError:
        raise SkipFile("not valid JSON (nested too deeply); file left as it was") from None
    except ValueError as error:
        raise SkipFile(f"not valid JSON ({error}); file left as it was") from None
    cells = notebook.get("cells") if isinstance(notebook, dict) else None
    if not isinstance(cells, list):
        raise SkipFile("not a Jupyter notebook: no 'cells' array")
    sources = {}
    for index, cell in enumerate(cells):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code" or "source" not in cell:
            continue
        source = cell["source"]
        if isinstance(source, list) and all(isinstance(item, str) for item in source):
            source = "".join(source)
        if not isinstance(source, str):
            raise SkipFile(
                f"cell {index}: 'source' is not a string or a list of strings; file left as it was"
            )
        sources[index] = source
    return sources


def _mask(code: str) -> str:
    """Comment out IPython magics and shell escapes so the cell parses as Python. A cell magic
    whose body is Python (`%%time`, `%%capture`) keeps its body as code, so Sora calls in it are
    rewritten like any other; any other cell magic (`%%bash`) is masked whole."""
    lines = code.splitlines(keepends=True)
    if lines and lines[0].startswith("%%"):
        body = "".join(lines[1:])
        if _is_python(body):
            return MAGIC + lines[0] + _mask(body)
        return "".join(MAGIC + line for line in lines)
    masked = []
    for line in lines:
        stripped = line.lstrip(" \t")
        indent = line[: len(line) - len(stripped)]
        masked.append(indent + MAGIC + stripped if stripped.startswith(("%", "!")) else line)
    return "".join(masked)


def _is_python(body: str) -> bool:
    try:
        ast.parse(_mask(body))
    except (SyntaxError, ValueError):
        return False
    return True


def _unmask(code: str) -> str:
    return code.replace(MAGIC, "")


def _source_json(code: str, old: bytes, is_array: bool) -> str:
    """The JSON for a cell's new `source`, in the layout of the old value."""
    if not is_array:
        return json.dumps(code, ensure_ascii=False)
    text = old.decode("utf-8")
    inner = text[1:-1]
    if not inner.strip():
        return json.dumps(code.splitlines(True), ensure_ascii=False)
    lead = inner[: len(inner) - len(inner.lstrip())]
    trail = inner[len(inner.rstrip()) :]
    items = f",{lead}".join(json.dumps(line, ensure_ascii=False) for line in code.splitlines(True))
    return f"[{lead}{items}{trail}]"


def _locate(
    record: SiteRecord, first_lines: list[int], indexes: list[int]
) -> tuple[SiteRecord, int]:
    """Turn a line of the joined module into (record with the line inside its cell, cell index);
    `first_lines` are the joined module's first line of each cell, ascending."""
    at = max(bisect.bisect_right(first_lines, record.line) - 1, 0)
    return replace(record, line=record.line - first_lines[at] + 1), indexes[at]
