"""The shim import, in the file's own module style, and the lazily built client.

ESM (an `import` already in the file, a `.mjs`/`.mts` file, TypeScript, or a package.json
with `"type": "module"`), after the file's last top-level import::

    import { VideoClient } from "./video_shim/index.js";

    let _videoClient: VideoClient | undefined;

    /** The video provider client, built on first use (importing reads no configuration). */
    function videoClient(): VideoClient {
      return (_videoClient ??= new VideoClient());
    }

CommonJS (`require` calls and no import) gets `const { VideoClient } = require("...")` after
its last top-level `require` (the vendored JS shim is an ES module: Node 20.19+ or 22.12+
`require`s it). The specifier is relative to the file and follows the extension style of the
file's other relative imports (`./x.js`, `./x.ts`, or none); quotes, semicolons and indentation
follow the file. A second run finds the import and the function and adds nothing.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

from sora_migrate.analyse.matchers import string_content
from sora_migrate.analyse.treesitter import walk
from sora_migrate.rewrite.engine import SkipFile
from sora_migrate.rewrite.javascript.calls import CLIENT_FACTORY
from sora_migrate.rewrite.javascript.edits import Edit
from sora_migrate.rewrite.javascript.source import Source, is_typescript

if TYPE_CHECKING:
    from tree_sitter import Node

CLIENT_CLASS = "VideoClient"
CACHE = "_videoClient"
DOC = "/** The video provider client, built on first use (importing reads no configuration). */"
OWN_NAMES = frozenset({CLIENT_CLASS, CLIENT_FACTORY, CACHE, "fromSora"})
NAME_NODES = frozenset(
    {
        "identifier",
        "type_identifier",
        "shorthand_property_identifier_pattern",
        "shorthand_property_identifier",
    }
)
PROLOGUE = frozenset({"hash_bang_line", "comment"})


def bind_shim(source: Source, root: Path, shim_dir: Path, names: set[str]) -> list[Edit]:
    """Edits that import `names` from the shim and define the client factory (when missing)."""
    specifier = shim_specifier(source, root, shim_dir)
    existing = _existing_import(source, specifier)
    _refuse_collisions(source, existing)
    esm = is_esm(source, root)
    edits: list[Edit] = []
    line = None
    if existing is None:
        line = _import_line(source, esm, specifier, sorted(names, key=_name_order))
    else:
        missing = sorted(names - _imported_names(source, existing), key=_name_order)
        if missing:
            edits.append(_add_names(source, existing, missing))
    factory = None if _has_factory(source) else _factory(source)
    if line is not None or factory is not None:
        edits.append(_insertion(source, esm, line, factory))
    return edits


def shim_specifier(source: Source, root: Path, shim_dir: Path) -> str:
    """The relative module specifier of the shim's entry point, seen from this file."""
    folder = Path(os.path.relpath(shim_dir, (root / source.rel).parent)).as_posix()
    if not folder.startswith("."):
        folder = f"./{folder}"
    style = _extension_style(source)
    return folder if style is None else f"{folder}/index{style}"


def is_esm(source: Source, root: Path) -> bool:
    """True when the file is an ES module (else CommonJS)."""
    tops = source.root.named_children
    if any(node.type == "import_statement" for node in tops):
        return True
    if any(_is_require(source, node) for node in tops):
        return False
    suffix = Path(source.rel).suffix.lower()
    if suffix in (".cjs", ".cts"):
        return False
    if suffix in (".mjs", ".mts", ".jsx") or is_typescript(source.rel):
        return True
    return _package_type(root, (root / source.rel).parent) == "module"


def _extension_style(source: Source) -> str | None:
    """`.js`, `.ts`, or None (no extension), after the file's relative imports."""
    specifiers = [s for s in _module_specifiers(source) if s.startswith(".")]
    if not specifiers:
        return ".js"
    for extension in (".ts", ".js"):
        if any(s.endswith((extension, extension[:2] + "x")) for s in specifiers):
            return extension
    if any(s.endswith((".mjs", ".cjs", ".mts", ".cts")) for s in specifiers):
        return ".js"
    return None


def _module_specifiers(source: Source) -> list[str]:
    found = []
    for node in source.root.named_children:
        if node.type == "import_statement":
            spec = node.child_by_field_name("source")
            if spec is not None:
                found.append(string_content(source.text(spec)))
        else:
            found.extend(_required(source, node))
    return found


def _required(source: Source, statement: Node) -> list[str]:
    """The modules a top-level `const x = require("m")` (or `require("m").y`) declares."""
    if statement.type not in ("lexical_declaration", "variable_declaration"):
        return []
    found = []
    for declarator in statement.named_children:
        value = declarator.child_by_field_name("value")
        while value is not None and value.type == "member_expression":
            value = value.child_by_field_name("object")
        if value is None or value.type != "call_expression":
            continue
        func = value.child_by_field_name("function")
        arguments = value.child_by_field_name("arguments")
        if func is None or source.text(func) != "require" or arguments is None:
            continue
        strings = [child for child in arguments.named_children if child.type == "string"]
        if strings:
            found.append(string_content(source.text(strings[0])))
    return found


def _is_require(source: Source, statement: Node) -> bool:
    return bool(_required(source, statement))


def _package_type(root: Path, folder: Path) -> str | None:
    for directory in (folder, *folder.parents):
        manifest = directory / "package.json"
        if manifest.is_file():
            try:
                data = json.loads(manifest.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                return None
            kind = data.get("type") if isinstance(data, dict) else None
            return kind if isinstance(kind, str) else None
        if directory == root:
            break
    return None


def _existing_import(source: Source, specifier: str) -> Node | None:
    for node in source.root.named_children:
        if node.type == "import_statement":
            spec = node.child_by_field_name("source")
            if spec is not None and string_content(source.text(spec)) == specifier:
                return node
        elif specifier in _required(source, node):
            return node
    return None


def _imported_names(source: Source, statement: Node) -> set[str]:
    return {
        source.text(node)
        for node in walk(statement)
        if node.type in ("identifier", "shorthand_property_identifier_pattern")
        and source.text(node) in OWN_NAMES
    }


def _add_names(source: Source, statement: Node, missing: list[str]) -> Edit:
    """Add names to the braces of an existing `import { ... }` / `const { ... } = require()`."""
    braces = next(
        (node for node in walk(statement) if node.type in ("named_imports", "object_pattern")),
        None,
    )
    members = [child for child in braces.named_children] if braces is not None else []
    if braces is None or not members:
        raise SkipFile("the shim is imported without named imports; import VideoClient by hand")
    last = members[-1]
    return Edit(last.end_byte, last.end_byte, "".join(f", {name}" for name in missing))


def _refuse_collisions(source: Source, existing: Node | None) -> None:
    """The names this rewrite adds must not already mean something else in the file."""
    if _has_factory(source):
        return
    for node in walk(source.root):
        if node.type in NAME_NODES and source.text(node) in OWN_NAMES:
            if existing is not None and existing.start_byte <= node.start_byte < existing.end_byte:
                continue
            raise SkipFile(
                f"the file already uses the name {source.text(node)!r} (line "
                f"{node.start_point[0] + 1}); rename it, then run sora-migrate rewrite again"
            )


def _has_factory(source: Source) -> bool:
    for node in source.root.named_children:
        name = node.child_by_field_name("name")
        if (
            node.type == "function_declaration"
            and name is not None
            and (source.text(name) == CLIENT_FACTORY)
        ):
            return True
    return False


def _name_order(name: str) -> tuple[bool, str]:
    return (name != CLIENT_CLASS, name)


def _import_line(source: Source, esm: bool, specifier: str, names: list[str]) -> str:
    listed = ", ".join(names)
    quoted = source.string(specifier)
    if esm:
        return source.end(f"import {{ {listed} }} from {quoted}")
    uses_var = any(
        node.type == "variable_declaration" and _is_require(source, node)
        for node in source.root.named_children
    )
    return source.end(f"{'var' if uses_var else 'const'} {{ {listed} }} = require({quoted})")


def _factory(source: Source) -> str:
    typed = is_typescript(source.rel)
    nl, unit = source.newline, source.indent_unit
    declaration = f"let {CACHE}: {CLIENT_CLASS} | undefined" if typed else f"let {CACHE}"
    signature = (
        f"function {CLIENT_FACTORY}(): {CLIENT_CLASS} {{"
        if typed
        else (f"function {CLIENT_FACTORY}() {{")
    )
    body = unit + source.end(f"return ({CACHE} ??= new {CLIENT_CLASS}())")
    return nl.join([source.end(declaration), "", DOC, signature, body, "}"])


def _insertion(source: Source, esm: bool, line: str | None, factory: str | None) -> Edit:
    """Insert the import and the factory after the file's last top-level import (or at the
    start of its code), the factory after a blank line."""
    nl = source.newline
    anchor = _last_import(source, esm)
    if anchor is None:
        at = _code_start(source)
        text = (nl + nl).join(part for part in (line, factory) if part is not None)
        return Edit(at, at, text + nl + nl)
    text = (nl + line if line is not None else "") + (nl + nl + factory if factory else "")
    return Edit(_line_end(source, anchor), _line_end(source, anchor), text)


def _last_import(source: Source, esm: bool) -> Node | None:
    found = None
    for node in source.root.named_children:
        if node.type == "import_statement" or (not esm and _is_require(source, node)):
            found = node
    return found


def _code_start(source: Source) -> int:
    """Where code starts: after a `#!` line, leading comments and directives ("use strict")."""
    for node in source.root.named_children:
        if node.type in PROLOGUE:
            continue
        if node.type == "expression_statement" and node.named_children[0].type == "string":
            continue
        return source.line_start(node.start_byte)
    return len(source.data)


def _line_end(source: Source, node: Node) -> int:
    """The end of the node's last line (before its line break) when only a comment or spaces
    follow it there, else the node's end."""
    end = source.data.find(b"\n", node.end_byte)
    end = len(source.data) if end < 0 else end
    if end > 0 and source.data[end - 1 : end] == b"\r":
        end -= 1
    rest = source.data[node.end_byte : end].strip()
    return end if not rest or rest.startswith((b"//", b"/*")) else node.end_byte
