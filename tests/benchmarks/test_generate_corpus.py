"""The benchmark corpus generator: deterministic, the stated mix, needle-free fillers, and a
manifest that the real scanner agrees with exactly. No timing is asserted here."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import bench
import generate_corpus
import plants
import pytest

from sora_migrate.options import ScanOptions
from sora_migrate.scan import run_scan

FILES = 600
SEED = 7
Manifest = dict[str, Any]


def _tree(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    generate_corpus.generate(root, FILES, SEED)
    return root


@pytest.fixture(scope="module")
def manifest(corpus: Path) -> Manifest:
    return json.loads((corpus / generate_corpus.MANIFEST).read_text(encoding="utf-8"))


def test_same_seed_gives_byte_identical_trees(corpus: Path, tmp_path: Path) -> None:
    """Run the script again in another process, with another hash seed: same bytes."""
    again = tmp_path / "again"
    command = [sys.executable, generate_corpus.__file__, str(again)]
    command += ["--files", str(FILES), "--seed", str(SEED)]
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run(command, check=True, env=env, capture_output=True)
    assert _tree(again) == _tree(corpus)


def test_other_seed_gives_another_tree(corpus: Path, manifest: Manifest, tmp_path: Path) -> None:
    other = tmp_path / "other"
    generate_corpus.generate(other, FILES, SEED + 1)
    assert _tree(other) != _tree(corpus)
    assert (
        json.loads((other / generate_corpus.MANIFEST).read_text())["planted"] != manifest["planted"]
    )


def test_manifest_counts(corpus: Path, manifest: Manifest) -> None:
    files = _tree(corpus)
    files.pop(generate_corpus.MANIFEST)
    assert manifest["files"] == len(files) == FILES
    assert manifest["bytes"] == sum(map(len, files.values()))
    expected = plants.planted_count(FILES)
    assert expected == max(20, FILES // 250)
    assert len(manifest["planted"]) == len(manifest["lookalikes"]) == expected
    paths = [item["path"] for item in manifest["planted"]] + manifest["lookalikes"]
    assert len(set(paths)) == len(paths)
    assert {item["rule_id"] for item in manifest["planted"]} == plants.RULE_IDS
    assert set(manifest["templates"].values()) >= {p.name for p in plants.PLANTS}
    for item in manifest["planted"]:
        lines = files[item["path"]].decode().split("\n")
        template = next(p for p in plants.PLANTS if p.name == manifest["templates"][item["path"]])
        assert template.marker in lines[item["line"] - 1]


def test_manifest_and_paths_name_no_needle(corpus: Path) -> None:
    text = (corpus / generate_corpus.MANIFEST).read_text(encoding="utf-8")
    assert not any(needle in text for needle in generate_corpus.NEEDLES)
    assert "openai" not in text.lower()


def test_fillers_contain_no_needles(corpus: Path, manifest: Manifest) -> None:
    carriers = set(manifest["templates"])
    chats = 0
    for path, data in _tree(corpus).items():
        if path in carriers or path == generate_corpus.MANIFEST:
            continue
        text = data.decode("utf-8")
        assert not [needle for needle in generate_corpus.NEEDLES if needle in text], path
        if "openai" in text.lower():
            assert "client.chat.completions.create(" in text, path
            assert "videos" not in text, path
            chats += 1
    assert 1 <= chats <= 3


def test_default_mix_is_as_stated() -> None:
    kinds = Counter(slot.kind for slot in generate_corpus.plan(generate_corpus.DEFAULT_FILES, 1))
    total = sum(kinds.values())
    shares = Counter()
    for kind, count in kinds.items():
        shares[generate_corpus.LANGUAGE_OF.get(kind, "other")] += 100 * count / total
    assert shares["python"] == pytest.approx(43, abs=3)
    assert shares["ts/js"] == pytest.approx(33.5, abs=3)
    assert shares["go/java"] == pytest.approx(3.5, abs=1)
    assert shares["yaml/json"] == pytest.approx(10, abs=2)
    assert shares["other"] == pytest.approx(10, abs=2)


def test_sizes_are_realistic(corpus: Path) -> None:
    sizes = sorted(len(data) for data in _tree(corpus).values())
    median = sizes[len(sizes) // 2]
    assert 2_500 < median < 7_000
    assert sizes[-1] < generate_corpus.MAX_FILE_BYTES + 10_000


def test_refuses_to_overwrite_a_foreign_directory(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("mine")
    with pytest.raises(SystemExit):
        generate_corpus.generate(tmp_path, FILES, SEED)
    assert (tmp_path / "keep.txt").read_text() == "mine"


def test_scanner_reports_exactly_the_planted_references(corpus: Path, manifest: Manifest) -> None:
    result = run_scan([corpus], ScanOptions(jobs=1))
    findings = [{"path": f.path, "line": f.line, "rule_id": f.rule_id} for f in result.findings]
    outcome = bench.check(findings, manifest)
    assert outcome.missed == []
    assert outcome.invented == []
    assert outcome.found == outcome.expected == len(manifest["planted"])


def test_check_lists_missed_and_invented() -> None:
    manifest = {
        "planted": [{"path": "a.py", "line": 3, "rule_id": "model-id"}],
        "templates": {"a.py": "py-model-constant", "b.py": "py-internal-host"},
    }
    findings = [
        {"path": "b.py", "line": 1, "rule_id": "model-id", "confidence": "low"},
        {"path": "a.py", "line": 4, "rule_id": "model-id"},
    ]
    outcome = bench.check(findings, manifest)
    assert not outcome.ok
    assert [(m["path"], m["line"]) for m in outcome.missed] == [("a.py", 3)]
    assert [(i["path"], i["template"]) for i in outcome.invented] == [
        ("a.py", "py-model-constant"),
        ("b.py", "py-internal-host"),
    ]
