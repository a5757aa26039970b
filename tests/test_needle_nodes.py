"""`needle_nodes` finds, from the needles' offsets, exactly the nodes a full walk would: every
outermost string, comment or scalar whose text says `sora` or `video` in any case."""

from __future__ import annotations

from pathlib import Path

import pytest

from sora_migrate.analyse import javascript, python, structured
from sora_migrate.analyse.sdk_tables import SDK_LANGUAGES
from sora_migrate.analyse.treesitter import grammar_for, needle_nodes, parse, walk
from sora_migrate.discover import file_kind

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _grammar(path: Path) -> str | None:
    return grammar_for(file_kind(path.name) or "", path.suffix)


TYPES = {
    "python": python.TEXT_NODES,
    "javascript": javascript.TEXT_NODES,
    "typescript": javascript.TEXT_NODES,
    "tsx": javascript.TEXT_NODES,
    "yaml": frozenset(structured.YAML_KINDS),
    "json": frozenset(structured.JSON_KINDS),
    **{spec.grammar: frozenset(spec.text_nodes) for spec in SDK_LANGUAGES.values()},
}
SOURCES = sorted(p for p in FIXTURES.rglob("*") if p.is_file() and _grammar(p) in TYPES)


def _by_walking(source: bytes, grammar: str) -> list[tuple[int, int, str]]:
    """Every node of the types, outermost first, kept when its lowered text has a needle."""
    kept: list[tuple[int, int, str]] = []
    for node in walk(parse(grammar, source).root_node):
        if node.type not in TYPES[grammar] or (kept and node.start_byte < kept[-1][1]):
            continue
        lowered = (node.text or b"").lower()
        if b"sora" in lowered or b"video" in lowered:
            kept.append((node.start_byte, node.end_byte, node.type))
    return kept


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.relative_to(FIXTURES).as_posix())
def test_matches_a_full_walk_on_every_fixture(path: Path) -> None:
    grammar = _grammar(path)
    assert grammar is not None
    source = path.read_bytes()
    nodes = needle_nodes(parse(grammar, source).root_node, TYPES[grammar])
    assert [(n.start_byte, n.end_byte, n.type) for n in nodes] == _by_walking(source, grammar)


@pytest.mark.parametrize(
    ("grammar", "source", "expected"),
    [
        ("python", b'x = f"{a!r} {\'SORA\'} done"  # Video\ny = "plain"\n', 2),
        ("python", b"\n\n# sora at the top after blank lines\n", 1),
        ("typescript", b"const t = `${'sora-2'} and ${x}`; // nothing\n", 1),
        ("yaml", b"a: sora-2\nb: 'Sora'\nc: |\n  a VIDEO\n# sora\nd: other\n", 4),
        ("json", b'{"model": "sora-2", "other": "x", "k": "Videos"}', 2),
        ("python", b"x = 1\n", 0),
    ],
)
def test_outermost_nodes_once_each(grammar: str, source: bytes, expected: int) -> None:
    nodes = needle_nodes(parse(grammar, source).root_node, TYPES[grammar])
    assert len(nodes) == expected == len(_by_walking(source, grammar))
