"""The OpenAI SDKs of Go, Java, Kotlin, Ruby, .NET, PHP and Rust: one analyser, driven by the
per-language tables of `sdk_tables.py`.

A call is an SDK call when its method is one of the `videos` resource's and its receiver is the
resource: `client.Videos.New(...)` (Go), `client.videos().create(...)` (Java, Kotlin, Rust),
`client.videos.create(...)` (Ruby), or a .NET `VideoClient`. The receiver resolves (`high`)
when the client is built by the SDK in the expression itself, or is a name bound to one: a
local or package variable, a field or property (`this.client`, `s.client`, `@client`,
`$this->client`), a parameter or DI constructor argument declared with the SDK's client type,
or the resource itself held in a variable (`videos := client.Videos`, `VideoClient vc`). Names
are matched without scopes, like the JavaScript analyser. An unresolved receiver is rated by
the shared `rate_unresolved`, after one more chance: an argument that can only be a Sora
request (`openai.VideoNewParams{...}`, `VideoCreateParams.builder()...`) resolves the call too.

Strings and comments become spans for the shared text matchers (model ids, `/v1/videos`
URLs, env names, webhook events, mentions); SDK model constants (`openai.VideoModelSora2`,
`VideoModel.SORA_2`) are model ids without the literal.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sora_migrate.analyse.calls import rate_unresolved
from sora_migrate.analyse.context import FileContext, Span
from sora_migrate.analyse.matchers import (
    OPENAI_HOST,
    VIDEO_PATH,
    match_video_path,
    scan_span,
    string_content,
)
from sora_migrate.analyse.sdk_tables import (
    BATCH_CONSTANT,
    METHOD_KEYS,
    MODEL_CONSTANT,
    SdkLanguage,
    words,
)
from sora_migrate.analyse.treesitter import captures, matches, needle_nodes, parse, text_of
from sora_migrate.findings import Confidence

if TYPE_CHECKING:
    from tree_sitter import Node

HIGH, MEDIUM = Confidence.HIGH, Confidence.MEDIUM
GO_SDK_PATH = re.compile(r"^github\.com/openai/openai-go(?:/v\d+)?$")
# A route of the app itself (`Route::get('/videos', ...)`, `r.GET("/videos", h)`,
# `http.HandleFunc("/videos", h)`, `@GetMapping("/videos")`), never a request.
ROUTE_METHODS = words(
    "get post put patch delete any match group route resource resources handle handlefunc"
    " mapget mappost mapput mapdelete mapgroup"
)
ROUTE_ONLY = words("handlefunc mapget mappost mapput mapdelete mapgroup resources")
ROUTERS = words("route router app r mux e g engine api routes group server srv this")
ANNOTATIONS = frozenset({"annotation", "marker_annotation", "attribute", "attribute_item"})
# Annotations that declare an HTTP client's request (Retrofit, Refit), by their exact name.
CLIENT_ANNOTATIONS = words("GET POST PUT DELETE PATCH HTTP Get Post Put Delete Patch")
ANNOTATION_NAME = re.compile(r"[@#!\[\s]*(\w+)")
HTTP_METHODS = words(
    "get post put patch delete request send getasync postasync putasync deleteasync"
    " sendasync requestasync"
)
# `videos`, `videos/{id}/content` relative to a base URL (Guzzle `base_uri`, Faraday `url:`).
RELATIVE_PATH = re.compile(r"^(?:videos|videos/\S*|videos\?\S*)$")
SIGILS = "@$:"
OPAQUE_RESOURCE = re.compile(r"([A-Za-z_][\w.]*)\s*\.\s*videos\s*\(\s*\)")
OPAQUE_STEP = re.compile(r"\s*\.\s*(\w+)\s*\(")


@dataclass
class _Access:
    """`obj.name` or `obj.name(...)`; `obj` is None for a plain `name(...)`."""

    obj: Node | None
    name: str
    call: bool


@dataclass
class _Reader:
    """One file's view of one SDK: how its nodes split into chains, and what its names hold."""

    spec: SdkLanguage
    ctx: FileContext
    aliases: frozenset[str]
    uses_sdk: bool
    clients: dict[str, str] = field(default_factory=dict)
    resources: dict[str, str] = field(default_factory=dict)
    requests: dict[str, str] = field(default_factory=dict)
    factories: dict[str, str] = field(default_factory=dict)

    def unwrap(self, node: Node) -> Node:
        while node.type in self.spec.wrappers and node.named_children:
            node = node.named_children[0]
        return node

    def split(self, node: Node) -> _Access | None:
        """The object and name of a member access or of a call's callee."""
        spec = self.spec
        if node.type in spec.calls:
            where = spec.calls[node.type]
            member: Node | None = node
            if where == "":
                member = node.named_children[0] if node.named_children else None
            elif where is not None:
                member = node.child_by_field_name(where)
            if member is None:
                return None
            member = member if member is node else self.unwrap(member)
            if member is not node and member.type not in spec.members:
                return _Access(None, _plain(member), True) if member.type in spec.names else None
            access = self._member(member)
            return _Access(access.obj, access.name, True) if access else None
        return self._member(node) if node.type in spec.members else None

    def _member(self, node: Node) -> _Access | None:
        obj_field, name_field = self.spec.members[node.type]
        children = node.named_children
        if not children:
            return None
        obj = node.child_by_field_name(obj_field) if obj_field else children[0]
        name = node.child_by_field_name(name_field) if name_field else children[-1]
        if name is None:
            return None
        name = name.child_by_field_name("name") or name
        return _Access(None if obj is name else obj, text_of(name).lstrip(".?:"), False)

    def chain(self, node: Node) -> str:
        """Dotted text from the root: `OpenAIOkHttpClient.builder.build`, `@sdk.NewClient`."""
        segments: list[str] = []
        node = self.unwrap(node)
        access = self.split(node)
        while access is not None:
            segments.append(access.name)
            if access.obj is None:
                return self.normal(".".join(reversed(segments)))
            node = self.unwrap(access.obj)
            access = self.split(node)
        segments.append(self._root(node))
        return self.normal(".".join(reversed(segments)))

    def _root(self, node: Node) -> str:
        if node.type in self.spec.literals:
            kind = node.child_by_field_name(self.spec.literals[node.type])
            return text_of(kind) if kind is not None else ""
        if node.type in self.spec.creations:
            where = self.spec.creations[node.type]
            kind = node.child_by_field_name(where) if where else _first_named(node)
            return f"new {text_of(kind).lstrip(chr(92))}" if kind is not None else "new"
        if node.type in self.spec.names:
            return _plain(node)
        return text_of(node) if node.type in ("this", "self", "this_expression") else ""

    def normal(self, text: str) -> str:
        """Go: the openai-go package, whatever its local name, becomes `@sdk`."""
        if not self.aliases:
            return text
        return re.sub(r"(?<![\w.])(\w+)\.", lambda m: _alias(m, self.aliases), text)

    def name_of(self, node: Node) -> str | None:
        """The name an expression is bound under: `client`, `this.client` -> `client`."""
        node = self.unwrap(node)
        if node.type in self.spec.names:
            return _plain(node)
        access = self.split(node)
        return access.name if access is not None and not access.call else None

    def passthrough(self, node: Node) -> Node:
        """`client.async()`, `videos().withRawResponse()`: the expression they pass on."""
        node = self.unwrap(node)
        access = self.split(node)
        while (
            access is not None
            and access.call
            and access.obj is not None
            and access.name in self.spec.passthrough
        ):
            node = self.unwrap(access.obj)
            access = self.split(node)
        return node

    def client_reason(self, node: Node) -> str | None:
        """Why `node` is an OpenAI client of this SDK, or None."""
        node = self.passthrough(node)
        trusted = self.uses_sdk or not self.spec.clients_need_marker
        chain = self.chain(node) if trusted else ""
        if self.spec.clients.search(chain) and not self.spec.not_client.search(text_of(node)):
            return _where(node)
        access = self.split(node)
        if access is not None and access.call and access.name in self.factories:
            return self.factories[access.name]
        name = self.name_of(node)
        return self.clients.get(name) if name else None

    def resource_reason(self, node: Node) -> str | None:
        """Why `node` is the SDK's videos resource, or None."""
        node = self.passthrough(node)
        access = self.split(node)
        if access is not None and access.name in self.spec.resource and access.obj is not None:
            client = self.client_reason(access.obj)
            return f"client {client}" if client else None
        if self.uses_sdk and self.spec.video_resources.search(self.chain(node)):
            return _where(node)
        name = self.name_of(node)
        return self.resources.get(name) if name else None

    def request_reason(self, node: Node) -> str | None:
        """Why an argument can only be a Sora request (`openai.VideoNewParams{...}`), or None."""
        if not self.uses_sdk:
            return None
        chain = self.chain(node)
        if self.spec.params.search(chain):
            return f"{chain.split('.')[0].replace('@sdk', 'openai')}... argument"
        name = self.name_of(node)
        return self.requests.get(name) if name else None

    def bind(self, root: Node) -> None:
        """Names bound to clients, resources and Sora requests (three passes for chains)."""
        found = matches(self.spec.grammar, self.spec.bindings, root)
        for _ in range(3):
            before = self._bound()
            for capture in found:
                self._bind_one(capture)
            if self._bound() == before:
                break

    def _bound(self) -> int:
        return len(self.clients) + len(self.resources) + len(self.requests) + len(self.factories)

    def _bind_factory(self, capture: dict[str, list[Node]]) -> None:
        """`func newClient() *openai.Client`, `fun client() = OpenAIOkHttpClient.fromEnv()`."""
        name = text_of(capture["factory"][0])
        for declared in capture.get("type", [])[:1]:
            kind = self.normal(re.sub(r"\s+", "", text_of(declared)))
            if self.uses_sdk and self.spec.client_types.search(kind):
                shown = kind.replace("@sdk", "openai")
                self.factories.setdefault(name, f"{name}() returns {shown}")
        for value in capture.get("value", []):
            client = self.client_reason(value)
            if client:
                self.factories.setdefault(name, f"{name}() returns {client}")

    def _bind_one(self, capture: dict[str, list[Node]]) -> None:
        if "factory" in capture:
            self._bind_factory(capture)
            return
        names = capture.get("name")
        name = self.name_of(names[0]) if names else None
        if not name:
            return
        for value in capture.get("value", [])[:1]:
            client = self.client_reason(value)
            if client:
                self.clients.setdefault(name, client)
                continue
            resource = self.resource_reason(value)
            if resource:
                self.resources.setdefault(name, resource)
                continue
            request = self.request_reason(value)
            if request:
                self.requests.setdefault(name, request)
        for declared in capture.get("type", [])[:1]:
            if not self.uses_sdk:
                return
            kind = self.normal(re.sub(r"\s+", "", text_of(declared)))
            shown = kind.replace("@sdk", "openai")
            if self.spec.client_types.search(kind):
                self.clients.setdefault(name, f"`{name}` declared {shown}")
            elif self.spec.resource_types.search(kind):
                self.resources.setdefault(name, f"`{name}` declared {shown}")


def analyse_sdk_language(ctx: FileContext, spec: SdkLanguage) -> None:
    """Find Sora usage in a file of one of the SDK languages."""
    root = parse(spec.grammar, ctx.text.encode("utf-8")).root_node
    aliases = _go_aliases(root) if spec.grammar == "go" else frozenset()
    uses_sdk = bool(aliases) or spec.marker.search(ctx.text) is not None
    reader = _Reader(spec, ctx, aliases, uses_sdk)
    handled: list[tuple[int, int]] = []
    if uses_sdk or "videos" in ctx.lowered:
        reader.bind(root)
        for call in _nodes(spec.grammar, spec.calls, root):
            if _check_call(reader, call):
                handled.append((call.start_byte, call.end_byte))
        for tree in _nodes(spec.grammar, dict.fromkeys(spec.opaque), root):
            if ".videos" in text_of(tree) and tree.parent and tree.parent.type not in spec.opaque:
                _check_opaque(reader, tree)
    if uses_sdk:
        _check_type_imports(ctx, spec, root)
        if spec.type_uses.pattern != "(?!)":
            _check_type_uses(reader, root, handled)
    _check_constants(ctx, spec, root)
    for node in needle_nodes(root, spec.text_nodes):
        if spec.text_nodes[node.type] == "comment":
            scan_span(ctx, ctx.node_span(node, "comment"))
            continue
        span = _string_span(ctx, node)
        scan_span(ctx, span)
        annotation = next((n for n in _ancestors(node, 6) if n.type in ANNOTATIONS), None)
        if annotation is not None:
            _match_declared_request(ctx, span, annotation)
            continue
        owner = _enclosing_call(reader, node)
        if owner is None or not _is_route(reader, owner):
            match_video_path(ctx, span)
            _match_relative_path(ctx, span, reader, owner)


def _check_call(reader: _Reader, call: Node) -> bool:
    access = reader.split(call)
    spec = reader.spec
    if access is None or access.obj is None or access.name not in spec.methods:
        return False
    verdict = _rate(reader, access, call)
    if verdict is None:
        return False
    confidence, detail = verdict
    reader.ctx.emit_node("sdk-call", confidence, call, f"videos {access.name}: {detail}")
    return True


def _check_opaque(reader: _Reader, tree: Node) -> None:
    """`println!("{:?}", client.videos().delete(&id).await?)`: macro arguments are tokens, so
    the chain is read from the text: `receiver.videos()`, passthrough calls, then the method."""
    span = reader.ctx.node_span(tree, "code")
    text = span.text
    for match in OPAQUE_RESOURCE.finditer(text):
        at, method = match.end(), None
        while True:
            step = OPAQUE_STEP.match(text, at)
            if step is None:
                break
            at = _after_parentheses(text, step.end() - 1)
            if step.group(1) not in reader.spec.passthrough:
                method = step.group(1)
                break
            at = at + 1 if text.startswith("?", at) else at
        if method is None or method not in reader.spec.methods:
            continue
        receiver = match.group(1)
        name = receiver.rsplit(".", 1)[-1]
        verdict: tuple[Confidence, str] | None = None
        if name in reader.clients:
            verdict = HIGH, f"client {reader.clients[name]}"
        else:
            sora_only = method in reader.spec.sora_only
            verdict = rate_unresolved(reader.ctx, receiver, sora_only, False)
        if verdict is not None:
            detail = f"videos {method}: {verdict[1]}"
            reader.ctx.emit_in_span("sdk-call", verdict[0], span, match.start(), at, detail)


def _after_parentheses(text: str, opening: int) -> int:
    """The index after the parenthesis that closes the one at `opening`."""
    depth = 0
    for index in range(opening, len(text)):
        if text[index] == "(":
            depth += 1
        elif text[index] == ")":
            depth -= 1
            if depth == 0:
                return index + 1
    return len(text)


def _rate(reader: _Reader, access: _Access, call: Node) -> tuple[Confidence, str] | None:
    spec, ctx = reader.spec, reader.ctx
    assert access.obj is not None
    receiver = reader.passthrough(access.obj)
    inner = reader.split(receiver)
    sora_only = access.name in spec.sora_only
    if inner is not None and inner.name in spec.resource and inner.obj is not None:
        client = reader.passthrough(inner.obj)
        reason = reader.client_reason(client)
        if reason:
            return HIGH, f"client {reason}"
        request = _request_argument(reader, call)
        if request:
            return HIGH, request
        return rate_unresolved(ctx, text_of(client), sora_only, _keys_fit(reader, call, access))
    reason = reader.resource_reason(receiver)
    if reason:
        return HIGH, reason
    if spec.direct and reader.uses_sdk and sora_only:
        return rate_unresolved(ctx, text_of(receiver), True, False)
    return None


def _arguments(call: Node) -> list[Node]:
    arguments = call.child_by_field_name("arguments")
    if arguments is None:
        arguments = next((c for c in call.named_children if "argument" in c.type), None)
    found = []
    for argument in arguments.named_children if arguments is not None else ():
        if argument.type in ("argument", "value_argument") and argument.named_children:
            argument = argument.named_children[-1]
        found.append(argument)
    return found


def _request_argument(reader: _Reader, call: Node) -> str | None:
    for argument in _arguments(call):
        reason = reader.request_reason(argument)
        if reason:
            return reason
    return None


def _keys_fit(reader: _Reader, call: Node, access: _Access) -> bool:
    """Ruby: a call whose keyword arguments are all the method's own (`prompt:`, `model:`).
    Languages without keyword arguments: any call in a file that uses the SDK."""
    if not reader.spec.pairs:
        return reader.uses_sdk
    allowed = METHOD_KEYS.get(access.name, frozenset({"request_options"}))
    for argument in _arguments(call):
        if argument.type not in reader.spec.pairs:
            continue
        key = argument.child_by_field_name("key")
        if key is None or string_content(text_of(key).strip(":")).strip(":") not in allowed:
            return False
    return True


def _check_type_imports(ctx: FileContext, spec: SdkLanguage, root: Node) -> None:
    for statement in _nodes(spec.grammar, spec.type_imports, root):
        if spec.type_imports[statement.type].search(text_of(statement)):
            ctx.emit_node("sdk-type-import", HIGH, statement)


def _check_type_uses(reader: _Reader, root: Node, handled: list[tuple[int, int]]) -> None:
    """Go: Sora types used outside a reported call (`openai.VideoNewParams{...}` built ahead,
    `openai.VideoStatusCompleted`, `openai.VideoModel(cfg.Model)`), one finding per line."""
    lines: set[int] = set()
    members = dict.fromkeys(reader.spec.members, None)
    for node in _nodes(reader.spec.grammar, {**members, "qualified_type": None}, root):
        row = node.start_point[0]
        if row in lines or any(start <= node.start_byte < end for start, end in handled):
            continue
        text = reader.normal(text_of(node))
        if reader.spec.type_uses.match(text):
            lines.add(row)
            name = text.replace("@sdk", "openai")
            reader.ctx.emit_node("sdk-type-import", HIGH, node, f"{name} from openai-go")
            # a literal's fields (`Model: openai.VideoModel(m)`) belong to its finding
            owner = node.parent if node.parent is not None else node
            handled.append((owner.start_byte, owner.end_byte))


def _check_constants(ctx: FileContext, spec: SdkLanguage, root: Node) -> None:
    """Model and batch-endpoint constants of the SDKs, outside strings and comments."""
    for pattern, rule, what in (
        (MODEL_CONSTANT, "model-id", "SDK model constant"),
        (BATCH_CONSTANT, "batch-endpoint", "SDK batch endpoint constant"),
    ):
        for match in pattern.finditer(ctx.text):
            start = len(ctx.text[: match.start()].encode("utf-8"))
            node = root.descendant_for_byte_range(start, start + 1)
            if node is None or any(n.type in spec.text_nodes for n in _ancestors(node, 64)):
                continue
            whole = Span(ctx.text, 1, 1, "code")
            ctx.emit_in_span(rule, HIGH, whole, match.start(), match.end(), what)


def _match_relative_path(ctx: FileContext, span: Span, reader: _Reader, call: Node | None) -> None:
    """`$http->post('videos', ...)`, `conn.get("videos/#{id}")` on a client whose base URL is
    the OpenAI API."""
    if call is None or not RELATIVE_PATH.match(string_content(span.text)):
        return
    access = reader.split(call)
    if access is None or access.name.lower() not in HTTP_METHODS:
        return
    if OPENAI_HOST.search(ctx.text):
        ctx.emit_in_span("rest-endpoint", MEDIUM, span, 0, len(span.text), "path on the base URL")


def _match_declared_request(ctx: FileContext, span: Span, annotation: Node) -> None:
    """Retrofit `@POST("videos")`, Refit `[Get("/videos/{id}")]`: a request declared on an
    interface of a file about OpenAI. Server routes (`@PostMapping`, `[HttpGet]`, actix
    `#[get]`, JAX-RS `@Path`) are not requests."""
    name = ANNOTATION_NAME.match(text_of(annotation))
    if name is None or name.group(1) not in CLIENT_ANNOTATIONS:
        return
    path = string_content(span.text)
    if not (VIDEO_PATH.match(path) or RELATIVE_PATH.match(path)):
        return
    if OPENAI_HOST.search(ctx.text) or "openai" in ctx.lowered:
        ctx.emit_in_span("rest-endpoint", MEDIUM, span, 0, len(span.text), "request declared")


def _is_route(reader: _Reader, call: Node) -> bool:
    access = reader.split(call)
    if access is None or access.name.lower() not in ROUTE_METHODS:
        return False
    if access.name.lower() in ROUTE_ONLY or access.obj is None:
        return True  # also a routing DSL without receiver: Ktor's `get("/videos") { }`, Rails
    receiver = reader.name_of(access.obj) if access.obj is not None else None
    return receiver is not None and receiver.lower() in ROUTERS


def _enclosing_call(reader: _Reader, node: Node) -> Node | None:
    """The call a string is a direct argument of."""
    for parent in _ancestors(node.parent, 3) if node.parent is not None else ():
        if parent.type in reader.spec.calls:
            return parent
    return None


def _string_span(ctx: FileContext, node: Node) -> Span:
    """A string's span without its sigil (`$"..."`, `@"..."`, Ruby `:"sora-2"`)."""
    span = ctx.node_span(node, "string")
    skip = len(span.text) - len(span.text.lstrip(SIGILS))
    return Span(span.text[skip:], span.line, span.column + skip, "string") if skip else span


def _nodes(grammar: str, types: Mapping[str, object], root: Node) -> list[Node]:
    if not types:
        return []
    query = "\n\n".join(f"({kind}) @node" for kind in types)
    return captures(grammar, query, root).get("node", [])


def _go_aliases(root: Node) -> frozenset[str]:
    """Local names of the openai-go package in a Go file (`openai` unless renamed)."""
    aliases = set()
    for spec in captures("go", "(import_spec) @spec", root).get("spec", []):
        path = spec.child_by_field_name("path")
        name = spec.child_by_field_name("name")
        if path is None or not GO_SDK_PATH.match(string_content(text_of(path))):
            continue
        alias = text_of(name) if name is not None else "openai"
        if alias not in ("_", "."):
            aliases.add(alias)
    return frozenset(aliases)


def _ancestors(node: Node | None, limit: int) -> list[Node]:
    found: list[Node] = []
    while node is not None and len(found) < limit:
        found.append(node)
        node = node.parent
    return found


def _alias(match: re.Match[str], aliases: frozenset[str]) -> str:
    return "@sdk." if match.group(1) in aliases else match.group(0)


def _plain(node: Node) -> str:
    return text_of(node).lstrip("@$")


def _first_named(node: Node) -> Node | None:
    return node.named_children[0] if node.named_children else None


def _where(node: Node) -> str:
    first = text_of(node).split("\n", 1)[0].strip()
    shown = first if len(first) <= 48 else first[:45] + "..."
    return f"{shown} at line {node.start_point[0] + 1}"
