"""Cross-module resolution for JavaScript/TypeScript: `import { openai } from "@/lib/openai"`.

The imported module is located under the scanned root (relative specifiers, and the common
`@/` and `~/` aliases for `src/` or the folder of the nearest tsconfig.json / package.json) and
read as text: an exported
`new OpenAI(...)` / `new AzureOpenAI(...)` under the imported name makes the import a client,
and an exported function that returns one (`export function makeClient(key) { return new
OpenAI(...) }`, an arrow, a lazily built singleton, a `: OpenAI` return type) a factory.
Nothing is executed; results are cached per process."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

EXTENSIONS = (".ts", ".tsx", ".mts", ".js", ".mjs", ".cjs", ".jsx")
MAX_MODULE_BYTES = 1024 * 1024
NEW_CLIENT = r"new\s+(?:\w+\.)?(?:Azure)?OpenAI\b"
CLIENT_TYPE = r":\s*(?:Promise\s*<\s*)?(?:\w+\.)?(?:Azure)?OpenAI\b"
RETURNED_NAME = re.compile(r"\breturn\s+(\w+)\s*[;\n}]")


def exported_client(root: Path, importer: Path, specifier: str, name: str | None) -> str | None:
    """Why `name` (None for the default export) of module `specifier` is an OpenAI client."""
    path = _locate(root, importer.parent, specifier)
    return None if path is None else _client_export(path, name, specifier)


def exported_factory(root: Path, importer: Path, specifier: str, name: str | None) -> str | None:
    """Why `name` (None for the default export) of module `specifier` is a function that
    returns an OpenAI client, or None."""
    path = _locate(root, importer.parent, specifier)
    return None if path is None else _factory_export(path, name, specifier)


@lru_cache(maxsize=2048)
def _client_export(path: Path, name: str | None, specifier: str) -> str | None:
    text = _read(path)
    if "OpenAI" not in text:
        return None
    if name is None:
        pattern = rf"export\s+default\s+{NEW_CLIENT}"
    else:
        pattern = rf"export\s+(?:const|let|var)\s+{re.escape(name)}\b[^=\n]*=\s*{NEW_CLIENT}"
    if re.search(pattern, text) is None:
        return None
    return f"new OpenAI() exported from {specifier}"


@lru_cache(maxsize=2048)
def _factory_export(path: Path, name: str | None, specifier: str) -> str | None:
    text = _read(path)
    if "OpenAI" not in text or (
        name is not None
        and f"function {name}" not in text
        and f"{name} =" not in text
        and f"{name}:" not in text
    ):
        return None
    if name is None:
        header = r"default\s+(?:async\s+)?function\b\s*\w*"
    else:
        escaped = re.escape(name)
        header = (
            rf"(?:(?:async\s+)?function\s+{escaped}\b"
            rf"|(?:const|let)\s+{escaped}\s*(?::[^=]+)?=\s*(?:async\s*)?)"
        )
    for match in re.finditer(rf"export\s+{header}", text):
        if _returns_client(text, match.end()):
            return f"{name or 'default export'}() returns new OpenAI() in {specifier}"
    return None


def _returns_client(text: str, start: int) -> bool:
    """Whether the function starting at `start` (its parameters) returns a client: a `: OpenAI`
    return type, `=> new OpenAI(...)`, `return new OpenAI(...)`, or a return of a module variable
    built with `new OpenAI(...)`. The body ends at the next line that starts with `}`."""
    end = text.find("\n}", start)
    body = text[start : end if end >= 0 else len(text)]
    head = body[: body.find("{")] if "{" in body else body
    returns = head[head.rfind(")") + 1 :]  # after the parameters: `: Promise<OpenAI>`, `=> new`
    if re.match(CLIENT_TYPE, returns.strip()) or re.search(rf"=>\s*\(?\s*{NEW_CLIENT}", returns):
        return True
    if re.search(rf"\breturn\s+{NEW_CLIENT}", body):
        return True
    return any(
        re.search(rf"\b{re.escape(var)}\s*(?::[^=\n]+)?=\s*{NEW_CLIENT}", text)
        for var in RETURNED_NAME.findall(body)
    )


@lru_cache(maxsize=512)
def _locate(root: Path, directory: Path, specifier: str) -> Path | None:
    if specifier.startswith("."):
        base = directory / specifier
    elif specifier.startswith(("@/", "~/")):
        project = _project_root(root, directory)
        for prefix in (project / "src", project):
            found = _with_extension(prefix / specifier[2:])
            if found is not None:
                return found
        return None
    else:
        return None
    return _with_extension(base)


def _project_root(root: Path, directory: Path) -> Path:
    """The nearest folder with a tsconfig.json or package.json (where `@/` aliases point)."""
    for folder in (directory, *directory.parents):
        if (folder / "tsconfig.json").is_file() or (folder / "package.json").is_file():
            return folder
        if folder == root:
            break
    return root


def _with_extension(base: Path) -> Path | None:
    candidates = [base] if base.suffix in EXTENSIONS else []
    stem = base.with_suffix("") if base.suffix in (".js", ".mjs", ".cjs") else base
    candidates += [Path(f"{stem}{ext}") for ext in EXTENSIONS]
    candidates += [base / f"index{ext}" for ext in EXTENSIONS]
    return next((path for path in candidates if path.is_file()), None)


@lru_cache(maxsize=256)
def _read(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_MODULE_BYTES:
            return ""
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
