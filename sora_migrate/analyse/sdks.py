"""The OpenAI SDKs of Go, Java, Kotlin, Ruby, .NET, PHP and Rust: one analyser, driven by the
per-language tables of `sdk_tables.py`.

A call is an SDK call when its method is one of the `videos` resource's and its receiver is the
resource: `client.Videos.New(...)` (Go), `client.videos().create(...)` (Java, Kotlin, Rust),
`client.videos.create(...)` (Ruby), or a .NET `VideoClient`. The receiver resolves (`high`)
when the client is built by the SDK in the expression itself, or is a name bound to one: a
local or package variable, a field or property (`this.client`, `s.client`, `@client`,
`$this->client`), a parameter or DI constructor argument declared with the SDK's client type,
or the resource itself held in a variable (`videos := client.Videos`, `VideoClient vc`). Names
are matched without scopes, like the JavaScript analyser (`sdk_receivers.py`). An unresolved
receiver is rated by
the shared `rate_unresolved`, after one more chance: an argument that can only be a Sora
request (`openai.VideoNewParams{...}`, `VideoCreateParams.builder()...`) resolves the call too.

Strings and comments become spans for the shared text matchers (model ids, `/v1/videos`
URLs, env names, webhook events, mentions), and strings are checked for raw requests that are
not the app's own routes (`sdk_requests.py`); SDK model constants (`openai.VideoModelSora2`,
`VideoModel.SORA_2`) are model ids without the literal.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sora_migrate.analyse.calls import rate_unresolved
from sora_migrate.analyse.context import FileContext, Span
from sora_migrate.analyse.matchers import scan_span, string_content
from sora_migrate.analyse.sdk_receivers import Access, Receivers, go_aliases
from sora_migrate.analyse.sdk_requests import ancestors, check_string
from sora_migrate.analyse.sdk_tables import (
    BATCH_CONSTANT,
    METHOD_KEYS,
    MODEL_CONSTANT,
    NEVER,
    SdkLanguage,
)
from sora_migrate.analyse.treesitter import needle_nodes, nodes_of, parse, text_of
from sora_migrate.findings import Confidence

if TYPE_CHECKING:
    from tree_sitter import Node

HIGH = Confidence.HIGH
OPAQUE_RESOURCE = re.compile(r"([A-Za-z_][\w.]*)\s*\.\s*videos\s*\(\s*\)")
OPAQUE_STEP = re.compile(r"\s*\.\s*(\w+)\s*\(")


def analyse_sdk_language(ctx: FileContext, spec: SdkLanguage) -> None:
    """Find Sora usage in a file of one of the SDK languages."""
    root = parse(spec.grammar, ctx.text.encode("utf-8")).root_node
    aliases = go_aliases(root) if spec.grammar == "go" else frozenset()
    uses_sdk = bool(aliases) or spec.marker.search(ctx.text) is not None
    reader = Receivers(spec, ctx, aliases, uses_sdk)
    handled: list[tuple[int, int]] = []
    if uses_sdk or "videos" in ctx.lowered:
        reader.bind(root)
        for call in nodes_of(spec.grammar, spec.calls, root):
            if _check_call(reader, call):
                handled.append((call.start_byte, call.end_byte))
        for tree in nodes_of(spec.grammar, spec.opaque, root):
            if ".videos" in text_of(tree) and tree.parent and tree.parent.type not in spec.opaque:
                _check_opaque(reader, tree)
    if uses_sdk:
        _check_type_imports(ctx, spec, root)
        if spec.type_uses is not NEVER:
            _check_type_uses(reader, root, handled)
    _check_constants(ctx, spec, root)
    for node in needle_nodes(root, spec.text_nodes):
        if spec.text_nodes[node.type] == "comment":
            scan_span(ctx, ctx.node_span(node, "comment"))
            continue
        check_string(reader, node)


def _check_call(reader: Receivers, call: Node) -> bool:
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


def _check_opaque(reader: Receivers, tree: Node) -> None:
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


def _rate(reader: Receivers, access: Access, call: Node) -> tuple[Confidence, str] | None:
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


def _request_argument(reader: Receivers, call: Node) -> str | None:
    for argument in _arguments(call):
        reason = reader.request_reason(argument)
        if reason:
            return reason
    return None


def _keys_fit(reader: Receivers, call: Node, access: Access) -> bool:
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
    for statement in nodes_of(spec.grammar, spec.type_imports, root):
        if spec.type_imports[statement.type].search(text_of(statement)):
            ctx.emit_node("sdk-type-import", HIGH, statement)


def _check_type_uses(reader: Receivers, root: Node, handled: list[tuple[int, int]]) -> None:
    """Go: Sora types used outside a reported call (`openai.VideoNewParams{...}` built ahead,
    `openai.VideoStatusCompleted`, `openai.VideoModel(cfg.Model)`), one finding per line."""
    lines: set[int] = set()
    kinds = [*reader.spec.members, "qualified_type"]
    for node in nodes_of(reader.spec.grammar, kinds, root):
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
            if node is None or any(n.type in spec.text_nodes for n in ancestors(node, 64)):
                continue
            whole = Span(ctx.text, 1, 1, "code")
            ctx.emit_in_span(rule, HIGH, whole, match.start(), match.end(), what)
