"""Where a call's result goes: what a `downloadContent` Response is used for, and which
variables hold a rewritten job (for statuses.py).

`videos.downloadContent` resolves to a fetch `Response`; the shim's `getVideoOutput` to a
VideoOutput that offers the same `arrayBuffer()`, `blob()`, `bytes()` and `body`. The call is
rewritten only when every use of its result is one of those: read directly
(`(await ...).arrayBuffer()`), or through a `const` whose every reference in its scope reads one
of them. Anything else (`.headers`, `.ok`, passing the Response on) is left for a person.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sora_migrate.analyse.treesitter import walk
from sora_migrate.rewrite.javascript.source import Source

if TYPE_CHECKING:
    from tree_sitter import Node

BODY_READERS = frozenset({"arrayBuffer", "blob", "bytes", "body"})
TRANSPARENT = frozenset({"await_expression", "parenthesized_expression", "non_null_expression"})
CASTS = frozenset({"as_expression", "satisfies_expression", "type_assertion"})
REFERENCES = frozenset({"identifier", "shorthand_property_identifier"})


def consumer(call: Node, through: frozenset[str] = TRANSPARENT) -> Node | None:
    """The node that receives the call's value, past `await` and parentheses (and `through`)."""
    node = call
    while node.parent is not None and node.parent.type in through:
        node = node.parent
    return node.parent


def bound_name(source: Source, call: Node, casts: bool = False) -> tuple[str, Node] | None:
    """(`name`, declarator) for `const name = await call`, or (`name`, assignment) for
    `name = await call`; with `casts`, also past `as T` / `satisfies T`."""
    parent = consumer(call, TRANSPARENT | CASTS if casts else TRANSPARENT)
    if parent is None:
        return None
    if parent.type == "variable_declarator":
        name = parent.child_by_field_name("name")
    elif parent.type == "assignment_expression":
        name = parent.child_by_field_name("left")
    else:
        return None
    if name is None or name.type != "identifier":
        return None
    return source.text(name), parent


def download_result_fits(source: Source, call: Node) -> bool:
    """True when the download's result is only read through the body readers."""
    parent = consumer(call)
    if parent is None or parent.type == "expression_statement":
        return True
    if parent.type == "member_expression":
        prop = parent.child_by_field_name("property")
        return prop is not None and source.text(prop) in BODY_READERS
    bound = bound_name(source, call)
    if bound is None or bound[1].type != "variable_declarator":
        return False
    name, declarator = bound
    if declarator.child_by_field_name("type") is not None:
        return False  # `const res: Response = ...` would no longer type-check
    declaration = declarator.parent
    scope = declaration.parent if declaration is not None else None
    if declaration is None or scope is None or _keyword(declaration) != "const":
        return False
    for node in walk(scope):
        if node.type not in REFERENCES or source.text(node) != name:
            continue
        if node.id == declarator.child_by_field_name("name").id:  # type: ignore[union-attr]
            continue
        use = node.parent
        prop = use.child_by_field_name("property") if use is not None else None
        if use is None or use.type != "member_expression" or prop is None or prop.id == node.id:
            return False
        if source.text(prop) not in BODY_READERS:
            return False
    return True


def _keyword(declaration: Node) -> str:
    first = declaration.children[0] if declaration.children else None
    return first.type if first is not None else ""
