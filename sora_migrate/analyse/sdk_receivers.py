"""How the analyser of the other SDK languages reads receivers: chains of member accesses and
calls (`client.async().videos().create`), and the names a file binds to a client, to the
`videos` resource, to a Sora request or to a function that returns a client.

Everything is driven by one language's `SdkLanguage` table, so Go, Java, Kotlin, Ruby, .NET,
PHP and Rust share this code. Names are matched without scopes, like the JavaScript analyser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sora_migrate.analyse.context import FileContext
from sora_migrate.analyse.matchers import string_content
from sora_migrate.analyse.sdk_tables import SdkLanguage
from sora_migrate.analyse.treesitter import captures, matches, text_of

if TYPE_CHECKING:
    from tree_sitter import Node

GO_SDK_PATH = re.compile(r"^github\.com/openai/openai-go(?:/v\d+)?$")


@dataclass
class Access:
    """`obj.name` or `obj.name(...)`; `obj` is None for a plain `name(...)`."""

    obj: Node | None
    name: str
    call: bool


@dataclass
class Receivers:
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

    def split(self, node: Node) -> Access | None:
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
                return Access(None, _plain(member), True) if member.type in spec.names else None
            access = self._member(member)
            return Access(access.obj, access.name, True) if access else None
        return self._member(node) if node.type in spec.members else None

    def _member(self, node: Node) -> Access | None:
        obj_field, name_field = self.spec.members[node.type]
        children = node.named_children
        if not children:
            return None
        obj = node.child_by_field_name(obj_field) if obj_field else children[0]
        name = node.child_by_field_name(name_field) if name_field else children[-1]
        if name is None:
            return None
        name = name.child_by_field_name("name") or name
        return Access(None if obj is name else obj, text_of(name).lstrip(".?:"), False)

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


def go_aliases(root: Node) -> frozenset[str]:
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
