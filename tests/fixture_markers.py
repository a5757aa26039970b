"""Expected findings written into the scan fixtures.

A marker on the line *before* a finding, in the file's own comment syntax:
`# expect: RULE CONFIDENCE` (must be found), `# ok: RULE` (must not be found; documentation,
since every finding must be expected anyway), `# todo-expect: RULE CONFIDENCE` (a known miss)
and `# todo-ok: RULE` (a known false positive). Files that cannot hold comments (JSON,
notebooks) have a sidecar `<file>.expect.yaml` listing `{line, rule, confidence}` entries,
optionally with `column`, `cell` and `cell_line`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

MARKER = re.compile(
    r"(?:#|//|<!--|\.\.)\s*(?P<kind>expect|ok|todo-expect|todo-ok):\s*(?P<rule>[\w-]+)"
    r"(?:\s+(?P<confidence>low|medium|high))?"
)


@dataclass(frozen=True)
class Expected:
    """One expected finding (or a known gap when `todo`)."""

    path: str
    line: int
    rule: str
    confidence: str
    todo: bool = False
    column: int | None = None
    cell: int | None = None
    cell_line: int | None = None


def expectations(root: Path) -> dict[str, list[Expected]]:
    """Every expected finding under `root`, by POSIX path relative to it."""
    found: dict[str, list[Expected]] = {}
    for path in sorted(root.rglob("*")):
        if not path.is_file() or path.name.endswith(".expect.yaml"):
            continue
        rel = path.relative_to(root).as_posix()
        sidecar = path.with_name(path.name + ".expect.yaml")
        if sidecar.exists():
            found[rel] = _from_sidecar(rel, sidecar)
        else:
            found[rel] = _from_markers(rel, path.read_text(encoding="utf-8"))
    return found


def _from_markers(rel: str, text: str) -> list[Expected]:
    lines = text.split("\n")
    expected = []
    for index, line in enumerate(lines):
        match = MARKER.search(line)
        if match is None or match.group("kind") in ("ok",):
            continue
        target = index + 1
        while target < len(lines) and MARKER.search(lines[target]):
            target += 1
        kind = match.group("kind")
        if kind == "todo-ok":
            continue
        expected.append(
            Expected(
                rel,
                target + 1,
                match.group("rule"),
                match.group("confidence") or "",
                kind != "expect",
            )
        )
    return expected


def _from_sidecar(rel: str, sidecar: Path) -> list[Expected]:
    entries = yaml.safe_load(sidecar.read_text(encoding="utf-8")) or []
    return [
        Expected(
            rel,
            entry["line"],
            entry["rule"],
            entry["confidence"],
            bool(entry.get("todo")),
            entry.get("column"),
            entry.get("cell"),
            entry.get("cell_line"),
        )
        for entry in entries
    ]


def marker_rules(root: Path) -> set[str]:
    """Every rule id named by a marker or sidecar under `root`."""
    names = set()
    for path in root.rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            names.update(m.group("rule") for m in MARKER.finditer(text))
            if path.name.endswith(".expect.yaml"):
                names.update(e["rule"] for e in yaml.safe_load(text) or [])
    return names
