"""Dependency manifests and MCP client configurations: packages and MCP servers that wrap Sora.

Read by file name, after the file's own analyser: `requirements*.txt` / `constraints*.txt`,
`pyproject.toml`, `Pipfile`, `Cargo.toml`, `package.json`, `composer.json`, `Gemfile`, `go.mod`,
and the MCP client configs `claude_desktop_config*.json`, `.mcp.json`, `mcp.json`. A package or
server whose name says Sora (`sora` as a word: `openai-sora`, `sora2-api`, `@acme/sora-client`)
is `config` at medium, unless it is a known other Sora: Shiguredo's WebRTC SDKs (`sora_sdk`,
`sora-js-sdk`), SORACOM, Open-Sora, the Sora font, or this tool.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from sora_migrate.analyse.context import FileContext
from sora_migrate.analyse.treesitter import json_member, parse, text_of
from sora_migrate.findings import Confidence

if TYPE_CHECKING:
    from tree_sitter import Node

MEDIUM = Confidence.MEDIUM
# `sora` as a word of a package name: not `soracom`, `sorani`, `isora`.
SAYS_SORA = re.compile(r"(?<![a-z])sora(?![a-z])", re.IGNORECASE)
OTHER_SORA_PACKAGES = re.compile(
    r"shiguredo|^sora[_-](?:js[_-]|python[_-]|cpp[_-]|c[_-]|unity[_-]|ios[_-]|android[_-]"
    r"|flutter[_-]|e2e[_-]|devtools)?sdk$|open[_-]?sora|fontsource|typeface|[_-]fonts?$"
    r"|^@?soracom|sora-migrate",
    re.IGNORECASE,
)
REQUIREMENTS = re.compile(r"(?:requirements|constraints)[\w.-]*\.(?:txt|in)")
MCP_CONFIG = re.compile(r"claude_desktop_config[\w.-]*\.json|\.?mcp\.json")
TOML_MANIFESTS = frozenset({"pyproject.toml", "pipfile", "cargo.toml"})
JSON_MANIFESTS = {
    "package.json": (
        "dependencies",
        "devDependencies",
        "peerDependencies",
        "optionalDependencies",
    ),
    "composer.json": ("require", "require-dev"),
}
# A requirement: the distribution name at the start (after `-e url#egg=` for editable installs).
REQUIREMENT = re.compile(r"\s*(?:-e\s+\S*#egg=)?(?P<name>[A-Za-z0-9][\w.-]*)")
QUOTED = re.compile(r"[\"'](?P<name>[A-Za-z0-9@][\w.@/-]*)")
TOML_KEY = re.compile(r"\s*[\"']?(?P<name>[A-Za-z0-9][\w.-]*)[\"']?\s*=")
TOML_TABLE = re.compile(r"\s*\[\[?\s*(?P<name>[^\]]+?)\s*\]\]?\s*$")
DEPENDENCY_ARRAY = re.compile(r"\s*(?:dependencies|requires)\s*=\s*\[")
DEPENDENCY_TABLES = ("dependencies", "packages", "dependency-groups")
COMMENT = re.compile(r"(?:^|(?<=\s))#")
GEM = re.compile(r"\s*gem\s+[\"'](?P<name>[\w.-]+)[\"']")
GO_REQUIRE = re.compile(r"\s*(?:require\s+)?(?P<name>[\w.-]+\.[a-z]+/[\w./-]+)\s+v\d")


def analyse_manifest(ctx: FileContext) -> None:
    """Report Sora-wrapping dependencies or MCP servers if the file is a manifest or MCP config."""
    name = ctx.path.rsplit("/", 1)[-1].lower()
    if "sora" not in ctx.lowered:
        return
    if REQUIREMENTS.fullmatch(name):
        _scan_lines(ctx, lambda line: _first(REQUIREMENT, line))
    elif name == "gemfile":
        _scan_lines(ctx, lambda line: _first(GEM, line))
    elif name == "go.mod":
        _scan_lines(ctx, _go_module)
    elif name in TOML_MANIFESTS:
        _scan_toml(ctx)
    elif name in JSON_MANIFESTS:
        _scan_json_dependencies(ctx, JSON_MANIFESTS[name])
    elif MCP_CONFIG.fullmatch(name):
        _scan_mcp_config(ctx)


def says_sora(package: str) -> bool:
    """Whether a package or server name names Sora and is not a known other Sora."""
    return SAYS_SORA.search(package) is not None and OTHER_SORA_PACKAGES.search(package) is None


def _first(pattern: re.Pattern[str], line: str) -> list[tuple[str, int]]:
    match = pattern.match(line)
    return [(match.group("name"), match.start("name"))] if match else []


def _go_module(line: str) -> list[tuple[str, int]]:
    match = GO_REQUIRE.match(line)
    if match is None or line.lstrip().startswith(("module", "//")):
        return []
    return [(match.group("name"), match.start("name"))]


def _scan_lines(ctx: FileContext, names: Callable[[str], list[tuple[str, int]]]) -> None:
    for number, raw in enumerate(ctx.lines, start=1):
        line = _uncommented(raw)
        if "sora" in line.lower():
            for package, column in names(line):
                _report(ctx, package, number, column)


def _scan_toml(ctx: FileContext) -> None:
    """Keys of `*dependencies` / `*packages` tables (`name = "^1.0"`), and requirement strings in
    their arrays (`cli = ["sora-cli>=1"]`) and in `dependencies = [...]` / `requires = [...]`."""
    table, in_array = "", False
    for number, raw in enumerate(ctx.lines, start=1):
        line = _uncommented(raw)
        header = TOML_TABLE.match(line)
        key = TOML_KEY.match(line)
        if header:
            table, in_array = header.group("name").lower(), False
            continue
        if key and (DEPENDENCY_ARRAY.match(line) or table.endswith(DEPENDENCY_TABLES)):
            value = line[key.end() :].strip()
            if value.startswith("["):
                in_array = "]" not in value
                _report_quoted(ctx, value, number, key.end() + line[key.end() :].find("["))
            else:
                _report(ctx, key.group("name"), number, key.start("name"))
        elif in_array:
            _report_quoted(ctx, line, number, 0)
            in_array = "]" not in line


def _report_quoted(ctx: FileContext, text: str, number: int, offset: int) -> None:
    for match in QUOTED.finditer(text):
        _report(ctx, match.group("name"), number, offset + match.start("name"))


def _uncommented(raw: str) -> str:
    """The line without a `#` comment (a `#egg=` fragment of a URL is kept)."""
    return COMMENT.split(raw.rstrip("\r"), maxsplit=1)[0]


def _scan_json_dependencies(ctx: FileContext, sections: tuple[str, ...]) -> None:
    top = _json_top(ctx)
    for section in sections:
        table = json_member(top, section)
        for pair in table.named_children if table is not None else ():
            key = pair.child_by_field_name("key") if pair.type == "pair" else None
            if key is not None:
                package = text_of(key).strip('"')
                if says_sora(package):
                    ctx.emit_node("dependency", MEDIUM, key, f"dependency {package}")


def _scan_mcp_config(ctx: FileContext) -> None:
    """`{"mcpServers": {"sora": {"command": "npx", "args": ["-y", "sora-mcp"]}}}` (Claude
    Desktop, Cursor) or `{"servers": {...}}` (VS Code)."""
    top = _json_top(ctx)
    for section in ("mcpServers", "servers"):
        table = json_member(top, section)
        for pair in table.named_children if table is not None else ():
            key = pair.child_by_field_name("key") if pair.type == "pair" else None
            value = pair.child_by_field_name("value")
            if key is None:
                continue
            words = [text_of(key).strip('"')]
            for field in ("command", "url", "args"):
                node = json_member(value, field)
                if node is not None:
                    words += [text_of(s).strip('"') for s in _strings(node)]
            named = next((word for word in words if says_sora(_package_of(word))), None)
            if named is not None:
                ctx.emit_node("mcp-server", MEDIUM, key, f"MCP server {named}")


def _strings(node: Node) -> list[Node]:
    return (
        [node] if node.type == "string" else [c for c in node.named_children if c.type == "string"]
    )


def _package_of(word: str) -> str:
    """The package named by a command word: `sora-mcp@latest` -> `sora-mcp`, a path -> its
    last part."""
    word = word.rsplit("/", 1)[-1] if "/" in word and not word.startswith("@") else word
    return re.sub(r"(?<=.)@[\w.^~-]*$", "", word)


def _json_top(ctx: FileContext) -> Node | None:
    root = parse("json", ctx.text.encode("utf-8")).root_node
    return next((child for child in root.named_children if child.type == "object"), None)


def _report(ctx: FileContext, package: str, line: int, column: int) -> None:
    if says_sora(package):
        ctx.emit(
            "dependency",
            MEDIUM,
            (line, column + 1),
            (line, column + 1 + len(package)),
            f"dependency {package}",
        )
