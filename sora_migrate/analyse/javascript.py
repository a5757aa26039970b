"""JavaScript / TypeScript analyser (tree-sitter): the Node SDK's `videos` calls and type imports.

Receivers resolve like in Python: `new OpenAI()` / `new AzureOpenAI()` from the `openai`
package (default, named, namespace or `require` import), kept in a variable, a class field,
`this.x`, a parameter typed `OpenAI`, a factory that returns one (also one exported by another
module of the repository), or the resource itself (`const videos = client.videos`, or the result
of a helper that returns `(client as unknown as { videos: VideosApi }).videos`). A client whose
literal `baseURL` is not an OpenAI host is rated by the model it asks for. Method names are the
SDK's camelCase twins.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sora_migrate.analyse.calls import check_batch, rate_custom_host, rate_unresolved
from sora_migrate.analyse.context import FileContext, Span
from sora_migrate.analyse.js_modules import exported_client, exported_factory
from sora_migrate.analyse.matchers import match_video_path, scan_span, string_content
from sora_migrate.analyse.python_bindings import OPENAI_HOST_MARKERS
from sora_migrate.analyse.treesitter import (
    captures,
    needle_nodes,
    parse,
    text_of,
    walk,
)
from sora_migrate.findings import Confidence

if TYPE_CHECKING:
    from tree_sitter import Node

HIGH, MEDIUM, LOW = Confidence.HIGH, Confidence.MEDIUM, Confidence.LOW
CLIENT_CLASSES = frozenset({"OpenAI", "AzureOpenAI"})
VIDEO_METHODS: dict[str, frozenset[str]] = {
    "create": frozenset({"prompt", "input_reference", "model", "seconds", "size"}),
    "createAndPoll": frozenset({"prompt", "input_reference", "model", "seconds", "size"}),
    "poll": frozenset(),
    "retrieve": frozenset(),
    "list": frozenset({"after", "limit", "order"}),
    "delete": frozenset(),
    "downloadContent": frozenset({"variant"}),
    "remix": frozenset({"prompt"}),
    "edit": frozenset({"prompt", "video"}),
    "extend": frozenset({"prompt", "seconds", "video"}),
    "createCharacter": frozenset({"name", "video"}),
    "getCharacter": frozenset(),
}
SORA_ONLY_METHODS = frozenset(
    {"createAndPoll", "downloadContent", "remix", "createCharacter", "getCharacter"}
)
READABLE_ARGS = ("model", "seconds", "size", "prompt")
RESOLUTION_WORDS = ("videos", "batches", "openai")
# Patterns are separated by blank lines: a grammar that lacks a node type skips that pattern.
SITES_QUERY = """
(call_expression function: (member_expression)) @call

(import_statement) @import

(variable_declarator) @declaration

(assignment_expression) @declaration

(public_field_definition) @declaration

(field_definition) @declaration

(function_declaration) @declaration

(required_parameter) @declaration

(optional_parameter) @declaration

((member_expression property: (property_identifier) @env_name) @env
 (#match? @env_name "SORA|OPENAI_VIDEO"))
"""
ROUTE_METHODS = frozenset({"get", "post", "put", "patch", "delete", "all", "use", "route"})
ROUTERS = frozenset({"app", "router", "server", "fastify", "api", "routes", "hono"})
FUNCTION_NODES = frozenset({"arrow_function", "function_expression", "function", "identifier"})
TEXT_NODES = frozenset({"comment", "string", "template_string"})


def analyse_javascript(ctx: FileContext, grammar: str) -> None:
    """Find Sora usage in a JS/TS file parsed with `grammar` (javascript, typescript, tsx)."""
    root = parse(grammar, ctx.text.encode("utf-8")).root_node
    nodes = captures(grammar, SITES_QUERY, root)
    handled: set[int] = set()
    if any(word in ctx.text for word in RESOLUTION_WORDS):
        bindings = _collect(ctx, nodes)
        for call in nodes.get("call", []):
            _check_call(ctx, bindings, call, handled)
    for member in nodes.get("env", []):
        _check_env(ctx, member)
    if "$env/" in ctx.text:
        for statement in nodes.get("import", []):
            _check_env_import(ctx, statement)
    for node in needle_nodes(root, TEXT_NODES):
        if node.type == "comment":
            scan_span(ctx, ctx.node_span(node, "comment"))
        elif node.start_byte not in handled:
            span = ctx.node_span(node, "string")
            scan_span(ctx, span)
            if not _is_route(node):
                match_video_path(ctx, span)


@dataclass
class _Bindings:
    classes: set[str] = field(default_factory=set)
    namespaces: set[str] = field(default_factory=set)
    clients: dict[str, str] = field(default_factory=dict)
    this_clients: dict[str, str] = field(default_factory=dict)
    resources: dict[str, str] = field(default_factory=dict)
    factories: set[str] = field(default_factory=set)
    # functions that return `<expr>.videos` (a cast helper), and what their calls hold
    resource_helpers: set[str] = field(default_factory=set)
    helper_resources: dict[str, str] = field(default_factory=dict)
    # clients built with a literal `baseURL` that is not an OpenAI host
    hosts: dict[str, str] = field(default_factory=dict)

    def is_client(self, node: Node | None) -> str | None:
        """Why `node` is an OpenAI client, or None."""
        if node is None:
            return None
        kind = node.type
        if kind in ("parenthesized_expression", "await_expression", "non_null_expression"):
            return self.is_client(node.named_children[0] if node.named_children else None)
        if kind == "identifier":
            return self.clients.get(text_of(node))
        if kind == "member_expression":
            obj = node.child_by_field_name("object")
            prop = node.child_by_field_name("property")
            if obj is not None and obj.type == "this" and prop is not None:
                return self.this_clients.get(text_of(prop))
            return None
        if kind == "new_expression":
            ctor = node.child_by_field_name("constructor")
            if ctor is not None and self.is_class(ctor):
                return f"new {text_of(ctor)}() at line {node.start_point[0] + 1}"
            return None
        if kind == "call_expression":
            func = node.child_by_field_name("function")
            if func is not None and func.type == "identifier" and text_of(func) in self.factories:
                return f"{text_of(func)}() at line {node.start_point[0] + 1}"
        return None

    def is_class(self, node: Node) -> bool:
        """`OpenAI`, an alias of it, or `ns.OpenAI` on a namespace import."""
        if node.type == "identifier":
            return text_of(node) in self.classes
        if node.type == "member_expression":
            obj = node.child_by_field_name("object")
            prop = node.child_by_field_name("property")
            return (
                obj is not None
                and prop is not None
                and text_of(obj) in self.namespaces | self.classes
                and text_of(prop) in CLIENT_CLASSES
            )
        return False

    def is_resource(self, node: Node) -> str | None:
        """Why `node` is the `videos` resource, or None."""
        if node.type == "identifier":
            return self.resources.get(text_of(node))
        if node.type in ("call_expression", "await_expression"):
            return self.helper_result(node)[0]
        if node.type == "member_expression":
            obj = node.child_by_field_name("object")
            prop = node.child_by_field_name("property")
            if prop is None or text_of(prop) != "videos":
                if obj is not None and obj.type == "this" and prop is not None:
                    return self.resources.get(f"this.{text_of(prop)}")
                return None
            reason = self.is_client(obj)
            return f"client {reason}" if reason else None
        return None

    def helper_result(self, node: Node) -> tuple[str | None, str | None]:
        """For a call of a helper that returns `.videos`: (why it is the resource of a known
        client, None) or (None, why it is probably the resource)."""
        if node.type == "await_expression" and node.named_children:
            node = node.named_children[0]
        func = node.child_by_field_name("function") if node.type == "call_expression" else None
        if func is None or func.type != "identifier" or text_of(func) not in self.resource_helpers:
            return None, None
        arguments = node.child_by_field_name("arguments")
        for argument in arguments.named_children if arguments is not None else ():
            client = self.is_client(argument)
            if client:
                return f"{text_of(func)}() returns the videos of client {client}", None
        return None, f"{text_of(func)}() returns a `videos` resource"

    def host_of(self, node: Node | None) -> str | None:
        """The non-OpenAI `baseURL` of the client `node` is, if it has one."""
        if node is None:
            return None
        if node.type == "new_expression":
            return _custom_base_url(node)
        if node.type == "member_expression":
            obj = node.child_by_field_name("object")
            prop = node.child_by_field_name("property")
            if obj is not None and obj.type == "this" and prop is not None:
                return self.hosts.get(f"this.{text_of(prop)}")
            return None
        return self.hosts.get(text_of(node)) if node.type == "identifier" else None


def _custom_base_url(new_expression: Node) -> str | None:
    """The literal `baseURL` of `new OpenAI({ baseURL: "..." })` when it is not an OpenAI host."""
    for key, value in _object_argument(new_expression).items():
        if key == "baseURL" and value.type == "string":
            url = string_content(text_of(value))
            if not any(marker in url for marker in OPENAI_HOST_MARKERS):
                return url
    return None


def _collect(ctx: FileContext, nodes: dict[str, list[Node]]) -> _Bindings:
    bindings = _Bindings()
    for statement in nodes.get("import", []):
        _bind_import(ctx, bindings, statement)
    declarations = sorted(nodes.get("declaration", []), key=lambda node: node.start_byte)
    for _ in range(3):
        before = (len(bindings.clients), len(bindings.this_clients), len(bindings.resources))
        for node in declarations:
            _bind_declaration(bindings, node)
        if (len(bindings.clients), len(bindings.this_clients), len(bindings.resources)) == before:
            break
    return bindings


def _bind_import(ctx: FileContext, bindings: _Bindings, statement: Node) -> None:
    source = statement.child_by_field_name("source")
    module = string_content(text_of(source)) if source is not None else ""
    if module.startswith("openai/resources/videos"):
        ctx.emit_node("sdk-type-import", HIGH, statement)
        return
    if module != "openai":
        _bind_repository_import(ctx, bindings, statement, module)
        return
    for node in walk(statement):
        if node.type == "import_clause":
            for child in node.named_children:
                if child.type == "identifier":
                    bindings.classes.add(text_of(child))
        elif node.type == "namespace_import":
            bindings.namespaces.update(text_of(c) for c in node.named_children)
        elif node.type == "import_specifier":
            name = node.child_by_field_name("name")
            alias = node.child_by_field_name("alias") or name
            if name is not None and alias is not None and text_of(name) in CLIENT_CLASSES:
                bindings.classes.add(text_of(alias))


def _bind_repository_import(
    ctx: FileContext, bindings: _Bindings, statement: Node, module: str
) -> None:
    """`import { openai } from "./lib/openai"`: a client exported by a module of the repository."""
    if not module.startswith((".", "@/", "~/")):
        return
    importer = ctx.root / ctx.path
    for node in walk(statement):
        imported: tuple[str | None, str] | None = None
        if node.type == "import_clause":
            default = next((c for c in node.named_children if c.type == "identifier"), None)
            imported = (None, text_of(default)) if default is not None else None
        elif node.type == "import_specifier":
            name = node.child_by_field_name("name")
            alias = node.child_by_field_name("alias") or name
            imported = (text_of(name), text_of(alias)) if name and alias else None
        if imported is not None:
            reason = exported_client(ctx.root, importer, module, imported[0])
            if reason is not None:
                bindings.clients.setdefault(imported[1], reason)
            elif exported_factory(ctx.root, importer, module, imported[0]) is not None:
                bindings.factories.add(imported[1])


def _bind_declaration(bindings: _Bindings, node: Node) -> None:
    kind = node.type
    if kind == "variable_declarator":
        _bind_variable(bindings, node)
    elif kind == "assignment_expression":
        left = node.child_by_field_name("left")
        right = node.child_by_field_name("right")
        _bind_value(bindings, left, right)
    elif kind in ("public_field_definition", "field_definition"):
        name = node.child_by_field_name("name") or node.child_by_field_name("property")
        value = node.child_by_field_name("value")
        if name is not None and value is not None:
            _bind_member(bindings, f"this.{text_of(name)}", value)
    elif kind == "function_declaration":
        _bind_factory(bindings, node)
    else:
        _bind_parameter(bindings, node)


def _bind_variable(bindings: _Bindings, node: Node) -> None:
    name = node.child_by_field_name("name")
    value = node.child_by_field_name("value")
    if name is None or value is None:
        return
    if _is_require_openai(value):
        _bind_require(bindings, name)
        return
    if value.type == "arrow_function":
        body = value.child_by_field_name("body")
        if name.type == "identifier" and (
            bindings.is_client(body) or _returns_client(bindings, body)
        ):
            bindings.factories.add(text_of(name))
        elif name.type == "identifier" and _returns_videos(body):
            bindings.resource_helpers.add(text_of(name))
        return
    _bind_value(bindings, name, value)


def _bind_value(bindings: _Bindings, target: Node | None, value: Node | None) -> None:
    if target is None or value is None:
        return
    if target.type == "identifier":
        _bind_member(bindings, text_of(target), value)
    elif target.type == "member_expression":
        obj = target.child_by_field_name("object")
        prop = target.child_by_field_name("property")
        if obj is not None and obj.type == "this" and prop is not None:
            _bind_member(bindings, f"this.{text_of(prop)}", value)


def _bind_member(bindings: _Bindings, name: str, value: Node) -> None:
    client = bindings.is_client(value)
    resource = None if client else bindings.is_resource(value)
    if client:
        host = bindings.host_of(value)
        if host is not None:
            bindings.hosts.setdefault(name, host)
    elif resource is None:
        probable = bindings.helper_result(value)[1]
        if probable is not None:
            bindings.helper_resources.setdefault(name, probable)
    if name.startswith("this."):
        if client:
            bindings.this_clients.setdefault(name[5:], client)
        elif resource:
            bindings.resources.setdefault(name, resource)
        return
    if client:
        bindings.clients.setdefault(name, client)
    elif resource:
        bindings.resources.setdefault(name, resource)


def _is_require_openai(value: Node) -> bool:
    if value.type == "member_expression":
        obj = value.child_by_field_name("object")
        return obj is not None and _is_require_openai(obj)
    if value.type != "call_expression":
        return False
    func = value.child_by_field_name("function")
    arguments = value.child_by_field_name("arguments")
    if func is None or text_of(func) != "require" or arguments is None:
        return False
    strings = [c for c in arguments.named_children if c.type == "string"]
    return bool(strings) and string_content(text_of(strings[0])) == "openai"


def _bind_require(bindings: _Bindings, name: Node) -> None:
    if name.type == "identifier":
        bindings.classes.add(text_of(name))
        bindings.namespaces.add(text_of(name))
        return
    for node in walk(name):
        if node.type == "shorthand_property_identifier_pattern" and text_of(node) in CLIENT_CLASSES:
            bindings.classes.add(text_of(node))
        elif node.type == "pair_pattern":
            key = node.child_by_field_name("key")
            value = node.child_by_field_name("value")
            if key is not None and value is not None and text_of(key) in CLIENT_CLASSES:
                bindings.classes.add(text_of(value))


def _bind_factory(bindings: _Bindings, function: Node) -> None:
    name = function.child_by_field_name("name")
    if name is None:
        return
    returns = function.child_by_field_name("return_type")
    body = function.child_by_field_name("body")
    if (returns is not None and _names_client_type(bindings, returns)) or _returns_client(
        bindings, body
    ):
        bindings.factories.add(text_of(name))
    elif _returns_videos(body):
        bindings.resource_helpers.add(text_of(name))


def _returns_client(bindings: _Bindings, body: Node | None) -> bool:
    if body is None or (b"new " not in (body.text or b"") and not bindings.factories):
        return False
    for node in walk(body):
        is_return = node.type == "return_statement" and node.named_children
        if is_return and bindings.is_client(node.named_children[0]):
            return True
    return False


def _returns_videos(body: Node | None) -> bool:
    """A helper whose body is, or returns, `<expr>.videos`: `(client as unknown as { videos:
    VideosApi }).videos`."""
    if body is None or b"videos" not in (body.text or b""):
        return False
    if _property_name(body) == "videos":
        return True
    return any(
        node.type == "return_statement"
        and node.named_children
        and _property_name(node.named_children[0]) == "videos"
        for node in walk(body)
    )


def _bind_parameter(bindings: _Bindings, parameter: Node) -> None:
    pattern = parameter.child_by_field_name("pattern")
    annotation = parameter.child_by_field_name("type")
    if pattern is None or annotation is None or pattern.type != "identifier":
        return
    if not _names_client_type(bindings, annotation):
        return
    reason = f"parameter typed {text_of(annotation).lstrip(': ')}"
    bindings.clients.setdefault(text_of(pattern), reason)
    if any(child.type == "accessibility_modifier" for child in parameter.children):
        bindings.this_clients.setdefault(text_of(pattern), reason)


def _names_client_type(bindings: _Bindings, annotation: Node) -> bool:
    for node in walk(annotation):
        if node.type == "type_identifier" and text_of(node) in bindings.classes | CLIENT_CLASSES:
            return True
    return False


def _check_call(ctx: FileContext, bindings: _Bindings, call: Node, handled: set[int]) -> None:
    func = call.child_by_field_name("function")
    if func is None or func.type != "member_expression":
        return
    prop = func.child_by_field_name("property")
    resource = func.child_by_field_name("object")
    if prop is None or resource is None:
        return
    method = text_of(prop)
    if method == "create" and _property_name(resource) == "batches":
        check_batch(ctx, call, _object_argument(call).get("endpoint"), handled)
        return
    if method not in VIDEO_METHODS:
        return
    verdict = _rate(ctx, bindings, resource, method, call)
    if verdict is not None:
        confidence, detail = verdict
        ctx.emit_node(
            "sdk-call", confidence, call, f"videos.{method}: {detail}", _literal_args(call)
        )


def _rate(
    ctx: FileContext, bindings: _Bindings, resource: Node, method: str, call: Node
) -> tuple[Confidence, str] | None:
    reason = bindings.is_resource(resource)
    if reason:
        receiver = (
            resource.child_by_field_name("object") if resource.type == "member_expression" else None
        )
        host = bindings.host_of(receiver)
        if host is not None:
            return rate_custom_host(ctx, host, _literal_args(call).get("model"))
        return HIGH, reason
    probable = (
        bindings.helper_resources.get(text_of(resource))
        if resource.type == "identifier"
        else bindings.helper_result(resource)[1]
    )
    if probable is not None:
        return MEDIUM, probable
    if _property_name(resource) != "videos":
        return None
    receiver = resource.child_by_field_name("object")
    receiver_text = text_of(receiver) if receiver is not None else ""
    sora_only = method in SORA_ONLY_METHODS
    return rate_unresolved(ctx, receiver_text, sora_only, _keys_fit(call, method))


def _object_argument(call: Node) -> dict[str, Node]:
    arguments = call.child_by_field_name("arguments")
    found: dict[str, Node] = {}
    for argument in arguments.named_children if arguments is not None else ():
        if argument.type != "object":
            continue
        for pair in argument.named_children:
            if pair.type == "pair":
                key = pair.child_by_field_name("key")
                value = pair.child_by_field_name("value")
                if key is not None and value is not None:
                    found[string_content(text_of(key))] = value
            elif pair.type == "shorthand_property_identifier":
                found[text_of(pair)] = pair
    return found


def _keys_fit(call: Node, method: str) -> bool:
    return all(key in VIDEO_METHODS[method] for key in _object_argument(call))


def _literal_args(call: Node) -> dict[str, object]:
    args: dict[str, object] = {}
    for key, value in _object_argument(call).items():
        if key in READABLE_ARGS and value.type == "string":
            args[key] = string_content(text_of(value))
        elif key in READABLE_ARGS and value.type == "number":
            args[key] = text_of(value)
    return args


def _check_env(ctx: FileContext, node: Node) -> None:
    obj = node.child_by_field_name("object")
    prop = node.child_by_field_name("property")
    if obj is None or prop is None or text_of(obj) not in ("process.env", "import.meta.env"):
        return
    name = text_of(prop)
    if "SORA" in name or "OPENAI_VIDEO" in name:
        start = ctx.point(*prop.start_point)
        scan_span(ctx, Span(name, start[0], start[1], "code"))


def _check_env_import(ctx: FileContext, statement: Node) -> None:
    """SvelteKit reads env variables by import:
    `import { SORA_API_KEY } from "$env/static/private"`."""
    source = statement.child_by_field_name("source")
    if source is None or not string_content(text_of(source)).startswith("$env/"):
        return
    for node in walk(statement):
        name = node.child_by_field_name("name") if node.type == "import_specifier" else None
        if name is not None and ("SORA" in text_of(name) or "OPENAI_VIDEO" in text_of(name)):
            start = ctx.point(*name.start_point)
            scan_span(ctx, Span(text_of(name), start[0], start[1], "code"))


def _is_route(node: Node) -> bool:
    """`app.get("/videos", handler)`: a route of the app itself, not a request."""
    arguments = node.parent
    call = arguments.parent if arguments is not None else None
    if arguments is None or call is None or call.type != "call_expression":
        return False
    func = call.child_by_field_name("function")
    if func is None or _property_name(func) not in ROUTE_METHODS:
        return False
    receiver = func.child_by_field_name("object")
    if receiver is not None and text_of(receiver) in ROUTERS:
        return True
    return any(arg.type in FUNCTION_NODES for arg in arguments.named_children)


def _property_name(node: Node) -> str | None:
    if node.type != "member_expression":
        return None
    prop = node.child_by_field_name("property")
    return text_of(prop) if prop is not None else None
