"""What the names in a Python module refer to, as far as OpenAI clients are concerned.

Pass 1 of the Python analysis (bump-pydantic's index-then-transform): imports of `openai`,
clients built from `OpenAI` / `AsyncOpenAI` / `AzureOpenAI`, aliases, clients stored on `self`,
parameters annotated with a client class, factories that return a client, and the `videos`
resource held in a variable. Names imported from other modules of the repository are resolved
through a `ModuleResolver` (see python_index.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sora_migrate.analyse.matchers import string_content
from sora_migrate.analyse.treesitter import captures, text_of, walk

if TYPE_CHECKING:
    from tree_sitter import Node

CLIENT_CLASSES = frozenset({"OpenAI", "AsyncOpenAI", "AzureOpenAI", "AsyncAzureOpenAI"})
CLIENT_COPIERS = frozenset({"with_options", "copy"})
OPENAI_HOST_MARKERS = ("openai.com", "openai.azure.com", "cognitiveservices.azure.com")


@dataclass(frozen=True)
class Binding:
    """What a name refers to: kind is client, resource, factory, class, openai-module or module."""

    kind: str
    origin: str
    base_url: str | None = None
    module: str | None = None

    @property
    def custom_host(self) -> bool:
        """A literal base_url that is not an OpenAI or Azure OpenAI host."""
        return self.base_url is not None and not any(
            marker in self.base_url for marker in OPENAI_HOST_MARKERS
        )


# (module, name or None for `import module`, relative level) -> Binding or None
ModuleResolver = Callable[[str, "str | None", int], "Binding | None"]


@dataclass
class PyBindings:
    """Names (and `self.` attributes) of one module that refer to OpenAI clients or resources.

    Names imported from other modules are resolved only when an expression uses them, so a
    module's hundred imports cost nothing until one of them reaches a `videos` call."""

    names: dict[str, Binding] = field(default_factory=dict)
    self_attrs: dict[str, Binding] = field(default_factory=dict)
    type_imports: list[Node] = field(default_factory=list)
    imports: dict[str, tuple[str, str | None, int]] = field(default_factory=dict)
    deferred: dict[str, Node] = field(default_factory=dict)
    deferred_self: dict[str, Node] = field(default_factory=dict)

    def lookup(self, name: str, resolver: ModuleResolver | None) -> Binding | None:
        """The binding of a simple name, resolving imports and assignments on first use."""
        binding = self.names.get(name)
        if binding is not None or resolver is None:
            return binding
        if name in self.imports:
            module, imported, level = self.imports.pop(name)
            binding = resolver(module, imported, level)
        elif name in self.deferred:
            binding = self.classify(self.deferred.pop(name), resolver)
        if binding is not None:
            self.names[name] = binding
        return binding

    def lookup_self(self, name: str, resolver: ModuleResolver | None) -> Binding | None:
        """The binding of `self.name`, classifying its deferred assignment on first use."""
        binding = self.self_attrs.get(name)
        if binding is None and resolver is not None and name in self.deferred_self:
            binding = self.classify(self.deferred_self.pop(name), resolver)
            if binding is not None:
                self.self_attrs[name] = binding
        return binding

    def classify(self, node: Node, resolver: ModuleResolver | None = None) -> Binding | None:
        """The binding an expression evaluates to, if it is an OpenAI client or resource."""
        kind = node.type
        if kind in ("parenthesized_expression", "await"):
            inner = node.named_children
            return self.classify(inner[0], resolver) if inner else None
        if kind == "identifier":
            return self.lookup(text_of(node), resolver)
        if kind == "attribute":
            return self._classify_attribute(node, resolver)
        if kind == "call":
            return self._classify_call(node, resolver)
        return None

    def _classify_attribute(self, node: Node, resolver: ModuleResolver | None) -> Binding | None:
        obj = node.child_by_field_name("object")
        attr = node.child_by_field_name("attribute")
        if obj is None or attr is None:
            return None
        name = text_of(attr)
        if obj.type == "identifier" and text_of(obj) == "self":
            return self.lookup_self(name, resolver)
        base = self.classify(obj, resolver)
        if base is None:
            return None
        if base.kind == "openai-module":
            if name in CLIENT_CLASSES:
                return Binding("class", f"openai.{name}")
            if name == "videos":
                return Binding("resource", "module-level openai.videos")
            return None
        if base.kind == "client" and name == "videos":
            return Binding("resource", f"client {base.origin}", base.base_url)
        if base.kind == "module" and resolver is not None and base.module:
            return resolver(base.module, name, 0)
        return None

    def _classify_call(self, node: Node, resolver: ModuleResolver | None) -> Binding | None:
        func = node.child_by_field_name("function")
        if func is None:
            return None
        if func.type == "attribute":
            method = func.child_by_field_name("attribute")
            obj = func.child_by_field_name("object")
            if method is not None and obj is not None and text_of(method) in CLIENT_COPIERS:
                base = self.classify(obj, resolver)
                return base if base is not None and base.kind == "client" else None
        target = self.classify(func, resolver)
        if target is None:
            return None
        line = node.start_point[0] + 1
        if target.kind == "class":
            return Binding("client", f"{target.origin}() at line {line}", _base_url(node))
        if target.kind == "factory":
            return Binding("client", f"{target.origin}() at line {line}", target.base_url)
        return None


def _base_url(call: Node) -> str | None:
    """The literal base_url= of a client constructor call ('' when dynamic, None when absent)."""
    arguments = call.child_by_field_name("arguments")
    for argument in arguments.named_children if arguments is not None else ():
        if argument.type != "keyword_argument":
            continue
        name = argument.child_by_field_name("name")
        value = argument.child_by_field_name("value")
        if (
            name is not None
            and value is not None
            and text_of(name) in ("base_url", "azure_endpoint")
        ):
            return string_content(text_of(value)) if value.type == "string" else None
    return None


GATHER_QUERY = """
(import_statement) @import
(import_from_statement) @import
(assignment) @assignment
(with_item) @with_item
(typed_parameter) @parameter
(typed_default_parameter) @parameter
(function_definition) @function
(return_statement) @return
"""


def collect_bindings(root: Node, resolver: ModuleResolver | None = None) -> PyBindings:
    """Run pass 1 over a parsed module."""
    sites = captures("python", GATHER_QUERY, root)
    returns = _returns_by_function(sites.get("return", []))
    bindings = PyBindings()
    for statement in sites.get("import", []):
        _bind_import(bindings, statement)
    for parameter in sites.get("parameter", []):
        _bind_parameter(bindings, parameter)
    for _ in range(4):
        before = (len(bindings.names), len(bindings.self_attrs))
        for function in sites.get("function", []):
            _bind_factory(bindings, function, returns.get(function.start_byte, ()))
        for assignment in sites.get("assignment", []):
            _bind_assignment(bindings, assignment)
        for item in sites.get("with_item", []):
            _bind_with_item(bindings, item)
        if (len(bindings.names), len(bindings.self_attrs)) == before:
            break
    return bindings


def _bind_import(bindings: PyBindings, statement: Node) -> None:
    if statement.type == "import_statement":
        for name_node in statement.children_by_field_name("name"):
            module, local = _import_names(name_node)
            if module == "openai":
                bindings.names[local] = Binding("openai-module", "import openai")
            elif not module.startswith("openai."):
                top = module if name_node.type == "aliased_import" else local
                bindings.imports.setdefault(local, (top, None, 0))
        return
    module_node = statement.child_by_field_name("module_name")
    if module_node is None:
        return
    module_text = text_of(module_node)
    level = len(module_text) - len(module_text.lstrip("."))
    module = module_text.lstrip(".")
    for name_node in statement.children_by_field_name("name"):
        name, local = _import_names(name_node)
        if level == 0 and module == "openai":
            if name in CLIENT_CLASSES:
                bindings.names[local] = Binding("class", name)
            elif name == "videos":
                bindings.names[local] = Binding("resource", "from openai import videos")
        elif level == 0 and module.startswith("openai"):
            if _is_video_type_import(module, name):
                bindings.type_imports.append(statement)
        else:
            bindings.imports[local] = (module, name, level)


def _is_video_type_import(module: str, name: str) -> bool:
    if module.startswith(("openai.types.video", "openai.resources.videos")):
        return True
    return module == "openai.types" and (
        name.startswith("Video") or name == "ImageInputReferenceParam"
    )


def _import_names(node: Node) -> tuple[str, str]:
    """(imported dotted name, local name) for `a.b` or `a.b as c`."""
    if node.type == "aliased_import":
        name = node.child_by_field_name("name")
        alias = node.child_by_field_name("alias")
        imported = text_of(name) if name is not None else ""
        return imported, text_of(alias) if alias is not None else imported
    imported = text_of(node)
    return imported, imported.split(".")[0]


def _bind_parameter(bindings: PyBindings, parameter: Node) -> None:
    annotation = parameter.child_by_field_name("type")
    if annotation is None or not _mentions_client_class(bindings, annotation):
        return
    name = next((child for child in parameter.children if child.type == "identifier"), None)
    if name is not None:
        origin = f"parameter annotated {text_of(annotation)}"
        bindings.names[text_of(name)] = Binding("client", origin)


def _mentions_client_class(bindings: PyBindings, annotation: Node) -> bool:
    text = text_of(annotation)
    aliases = [name for name, b in bindings.names.items() if b.kind == "class"]
    if "OpenAI" not in text and not any(alias in text for alias in aliases):
        return False
    for node in walk(annotation):
        if node.type == "identifier":
            name = text_of(node)
            binding = bindings.names.get(name)
            if name in CLIENT_CLASSES or (binding is not None and binding.kind == "class"):
                return True
        if node.type == "string" and string_content(text_of(node)).strip() in CLIENT_CLASSES:
            return True
    return False


def _returns_by_function(statements: list[Node]) -> dict[int, list[Node]]:
    """Return statements grouped by the start of their innermost enclosing function."""
    grouped: dict[int, list[Node]] = {}
    for statement in statements:
        parent = statement.parent
        while parent is not None and parent.type != "function_definition":
            parent = parent.parent
        if parent is not None:
            grouped.setdefault(parent.start_byte, []).append(statement)
    return grouped


def _bind_factory(bindings: PyBindings, function: Node, statements: Iterable[Node]) -> None:
    name_node = function.child_by_field_name("name")
    if name_node is None or text_of(name_node) in bindings.names:
        return
    name = text_of(name_node)
    if name in bindings.imports:
        return
    returns = function.child_by_field_name("return_type")
    if returns is not None and _mentions_client_class(bindings, returns):
        bindings.names[name] = Binding("factory", name)
        return
    for statement in statements:
        value = statement.named_children[0] if statement.named_children else None
        binding = bindings.classify(value) if value is not None else None
        if binding is not None and binding.kind == "client":
            bindings.names[name] = Binding("factory", name, binding.base_url)
            return


def _bind_assignment(bindings: PyBindings, assignment: Node) -> None:
    left = assignment.child_by_field_name("left")
    right = assignment.child_by_field_name("right")
    annotation = assignment.child_by_field_name("type")
    if left is None:
        return
    binding = bindings.classify(right) if right is not None else None
    if binding is None and annotation is not None and _mentions_client_class(bindings, annotation):
        binding = Binding("client", f"annotated {text_of(annotation)}")
    if binding is None and right is not None:
        _defer(bindings, left, right)
    elif binding is not None and binding.kind in ("client", "resource", "class", "factory"):
        _bind_target(bindings, left, binding)


def _defer(bindings: PyBindings, target: Node, value: Node) -> None:
    """Remember `target = value` to classify with cross-module resolution when it is used."""
    if value.type not in ("call", "identifier", "attribute", "await"):
        return
    if target.type == "identifier":
        bindings.deferred.setdefault(text_of(target), value)
    elif target.type == "attribute" and _self_attribute(target) is not None:
        bindings.deferred_self.setdefault(_self_attribute(target) or "", value)


def _self_attribute(target: Node) -> str | None:
    obj = target.child_by_field_name("object")
    attr = target.child_by_field_name("attribute")
    if obj is not None and attr is not None and text_of(obj) in ("self", "cls"):
        return text_of(attr)
    return None


def _bind_target(bindings: PyBindings, target: Node, binding: Binding) -> None:
    if target.type == "identifier":
        bindings.names.setdefault(text_of(target), binding)
        if _in_class_body(target):
            # a class attribute or dataclass field is read back as `self.name`
            bindings.self_attrs.setdefault(text_of(target), binding)
    elif target.type == "attribute":
        attribute = _self_attribute(target)
        if attribute is not None:
            bindings.self_attrs.setdefault(attribute, binding)


def _in_class_body(target: Node) -> bool:
    statement = target.parent.parent if target.parent is not None else None
    block = statement.parent if statement is not None else None
    return (
        block is not None and block.parent is not None and block.parent.type == "class_definition"
    )


def _bind_with_item(bindings: PyBindings, item: Node) -> None:
    value = item.child_by_field_name("value")
    if value is None or value.type != "as_pattern":
        return
    expression = value.named_children[0] if value.named_children else None
    alias = value.child_by_field_name("alias")
    binding = bindings.classify(expression) if expression is not None else None
    if binding is not None and alias is not None:
        target = alias.named_children[0] if alias.named_children else alias
        _bind_target(bindings, target, binding)
