"""What the names in a Python module refer to, as far as OpenAI clients are concerned.

Pass 1 of the Python analysis (bump-pydantic's index-then-transform): imports of `openai`,
clients built from `OpenAI` / `AsyncOpenAI` / `AzureOpenAI`, aliases, clients stored on `self`,
parameters annotated with a client class, factories that return a client, and the `videos`
resource held in a variable. Names imported from other modules of the repository are resolved
through a `ModuleResolver` (see python_index.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sora_migrate.analyse.matchers import string_content
from sora_migrate.analyse.treesitter import text_of, walk

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
    """Names (and `self.` attributes) of one module that refer to OpenAI clients or resources."""

    names: dict[str, Binding] = field(default_factory=dict)
    self_attrs: dict[str, Binding] = field(default_factory=dict)
    type_imports: list[Node] = field(default_factory=list)

    def classify(self, node: Node, resolver: ModuleResolver | None = None) -> Binding | None:
        """The binding an expression evaluates to, if it is an OpenAI client or resource."""
        kind = node.type
        if kind in ("parenthesized_expression", "await"):
            inner = node.named_children
            return self.classify(inner[0], resolver) if inner else None
        if kind == "identifier":
            return self.names.get(text_of(node))
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
            return self.self_attrs.get(name)
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


@dataclass
class _Sites:
    """The statements pass 1 needs, gathered in one walk."""

    imports: list[Node] = field(default_factory=list)
    assignments: list[Node] = field(default_factory=list)
    with_items: list[Node] = field(default_factory=list)
    parameters: list[Node] = field(default_factory=list)
    functions: list[Node] = field(default_factory=list)


def collect_bindings(root: Node, resolver: ModuleResolver | None = None) -> PyBindings:
    """Run pass 1 over a parsed module."""
    sites = _gather(root)
    bindings = PyBindings()
    for statement in sites.imports:
        _bind_import(bindings, statement, resolver)
    for parameter in sites.parameters:
        _bind_parameter(bindings, parameter)
    for _ in range(4):
        before = (len(bindings.names), len(bindings.self_attrs))
        for function in sites.functions:
            _bind_factory(bindings, function, resolver)
        for assignment in sites.assignments:
            _bind_assignment(bindings, assignment, resolver)
        for item in sites.with_items:
            _bind_with_item(bindings, item, resolver)
        if (len(bindings.names), len(bindings.self_attrs)) == before:
            break
    return bindings


def _gather(root: Node) -> _Sites:
    sites = _Sites()
    buckets = {
        "import_statement": sites.imports,
        "import_from_statement": sites.imports,
        "assignment": sites.assignments,
        "with_item": sites.with_items,
        "typed_parameter": sites.parameters,
        "typed_default_parameter": sites.parameters,
        "function_definition": sites.functions,
    }
    for node in walk(root):
        bucket = buckets.get(node.type)
        if bucket is not None:
            bucket.append(node)
    return sites


def _bind_import(bindings: PyBindings, statement: Node, resolver: ModuleResolver | None) -> None:
    if statement.type == "import_statement":
        for name_node in statement.children_by_field_name("name"):
            module, local = _import_names(name_node)
            if module == "openai":
                bindings.names[local] = Binding("openai-module", "import openai")
            elif module.startswith("openai."):
                continue
            elif name_node.type == "aliased_import":
                bindings.names[local] = Binding("module", f"import {module}", module=module)
        return
    module_node = statement.child_by_field_name("module_name")
    if module_node is None:
        return
    module_text = text_of(module_node)
    level = len(module_text) - len(module_text.lstrip("."))
    module = module_text.lstrip(".")
    for name_node in statement.children_by_field_name("name"):
        name, local = _import_names(name_node)
        binding = _imported(bindings, statement, module, level, name, resolver)
        if binding is not None:
            bindings.names[local] = binding


def _imported(
    bindings: PyBindings,
    statement: Node,
    module: str,
    level: int,
    name: str,
    resolver: ModuleResolver | None,
) -> Binding | None:
    if level == 0 and module == "openai":
        if name in CLIENT_CLASSES:
            return Binding("class", name)
        if name == "videos":
            return Binding("resource", "from openai import videos")
        return None
    if level == 0 and module.startswith("openai"):
        if _is_video_type_import(module, name):
            bindings.type_imports.append(statement)
        return None
    return resolver(module, name, level) if resolver is not None else None


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
    for node in walk(annotation):
        if node.type == "identifier":
            name = text_of(node)
            binding = bindings.names.get(name)
            if name in CLIENT_CLASSES or (binding is not None and binding.kind == "class"):
                return True
        if node.type == "string" and string_content(text_of(node)).strip() in CLIENT_CLASSES:
            return True
    return False


def _bind_factory(bindings: PyBindings, function: Node, resolver: ModuleResolver | None) -> None:
    name_node = function.child_by_field_name("name")
    if name_node is None or text_of(name_node) in bindings.names:
        return
    name = text_of(name_node)
    returns = function.child_by_field_name("return_type")
    if returns is not None and _mentions_client_class(bindings, returns):
        bindings.names[name] = Binding("factory", name)
        return
    body = function.child_by_field_name("body")
    for statement in _returns(body):
        value = statement.named_children[0] if statement.named_children else None
        binding = bindings.classify(value, resolver) if value is not None else None
        if binding is not None and binding.kind == "client":
            bindings.names[name] = Binding("factory", name, binding.base_url)
            return


def _returns(body: Node | None) -> Iterator[Node]:
    if body is None:
        return
    for node in walk(body):
        if node.type == "return_statement":
            yield node


def _bind_assignment(
    bindings: PyBindings, assignment: Node, resolver: ModuleResolver | None
) -> None:
    left = assignment.child_by_field_name("left")
    right = assignment.child_by_field_name("right")
    annotation = assignment.child_by_field_name("type")
    if left is None:
        return
    binding = bindings.classify(right, resolver) if right is not None else None
    if binding is None and annotation is not None and _mentions_client_class(bindings, annotation):
        binding = Binding("client", f"annotated {text_of(annotation)}")
    if binding is None or binding.kind not in ("client", "resource", "class", "factory"):
        return
    _bind_target(bindings, left, binding)


def _bind_target(bindings: PyBindings, target: Node, binding: Binding) -> None:
    if target.type == "identifier":
        bindings.names.setdefault(text_of(target), binding)
    elif target.type == "attribute":
        obj = target.child_by_field_name("object")
        attr = target.child_by_field_name("attribute")
        if obj is not None and attr is not None and text_of(obj) in ("self", "cls"):
            bindings.self_attrs.setdefault(text_of(attr), binding)


def _bind_with_item(bindings: PyBindings, item: Node, resolver: ModuleResolver | None) -> None:
    value = item.child_by_field_name("value")
    if value is None or value.type != "as_pattern":
        return
    expression = value.named_children[0] if value.named_children else None
    alias = value.child_by_field_name("alias")
    binding = bindings.classify(expression, resolver) if expression is not None else None
    if binding is not None and alias is not None:
        target = alias.named_children[0] if alias.named_children else alias
        _bind_target(bindings, target, binding)
