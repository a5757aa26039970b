"""Cross-module resolution: which names in the repository's Python modules are OpenAI clients.

Built lazily, once per module and process: when a candidate file imports `client` from
`app.clients`, that module is located under the scanned root, parsed with tree-sitter and its
bindings cached. Nothing is imported or executed.
"""

from __future__ import annotations

from pathlib import Path

from sora_migrate.analyse.python_bindings import (
    Binding,
    ModuleResolver,
    PyBindings,
    collect_bindings,
)
from sora_migrate.analyse.treesitter import parse

MAX_MODULE_BYTES = 1024 * 1024
MAX_DEPTH = 4


class ModuleIndex:
    """Resolves `from MODULE import NAME` to a Binding by reading the module's source."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self._cache: dict[Path, PyBindings | None] = {}
        self._depth = 0

    def resolver_for(self, importer: Path) -> ModuleResolver:
        """A ModuleResolver for imports written in the file `importer`."""

        def resolve(module: str, name: str | None, level: int) -> Binding | None:
            return self.lookup(importer, module, name, level)

        return resolve

    def lookup(self, importer: Path, module: str, name: str | None, level: int) -> Binding | None:
        """The binding of `name` in `module` as imported from `importer`."""
        if name is not None:
            submodule = f"{module}.{name}" if module else name
            if self._locate(importer, submodule, level) is not None:
                return Binding("module", f"import {submodule}", module=submodule)
        path = self._locate(importer, module, level)
        if path is None:
            return None
        if name is None:
            return Binding("module", f"import {module}", module=module)
        bindings = self._bindings(path)
        if bindings is None:
            return None
        binding = bindings.lookup(name, self.resolver_for(path))
        if binding is None or binding.kind not in ("client", "resource", "factory"):
            return None
        return Binding(binding.kind, f"{binding.origin} in {module or '.'}", binding.base_url)

    def _locate(self, importer: Path, module: str, level: int) -> Path | None:
        parts = [part for part in module.split(".") if part]
        if level:
            base = importer.parent
            for _ in range(level - 1):
                base = base.parent
            bases = [base]
        else:
            bases = [self.root, self.root / "src", *self._ancestors(importer)]
        for base in bases:
            for candidate in (
                base.joinpath(*parts).with_suffix(".py") if parts else None,
                base.joinpath(*parts, "__init__.py"),
            ):
                if candidate is not None and candidate.is_file():
                    return candidate
        return None

    def _ancestors(self, importer: Path) -> list[Path]:
        found = []
        for parent in importer.parents:
            if parent == self.root or self.root not in parent.parents:
                break
            found.append(parent)
        return found

    def _bindings(self, path: Path) -> PyBindings | None:
        if path in self._cache:
            return self._cache[path]
        self._cache[path] = None
        if self._depth >= MAX_DEPTH:
            return None
        try:
            if path.stat().st_size > MAX_MODULE_BYTES:
                return None
            source = path.read_bytes()
        except OSError:
            return None
        self._depth += 1
        try:
            bindings = collect_bindings(parse("python", source).root_node, self.resolver_for(path))
        except ValueError:  # nested too deeply to read: the module resolves nothing
            return None
        finally:
            self._depth -= 1
        self._cache[path] = bindings
        return bindings
