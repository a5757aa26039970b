"""The phase breakdown (`benchmarks/floor.py`) measures the scanner's own work: the files it
lists and the candidates it parses are the ones a real scan reads and parses. No timing is
asserted here."""

from __future__ import annotations

import json
from pathlib import Path

import floor
import generate_corpus
import pytest

from sora_migrate.options import ScanOptions
from sora_migrate.scan import run_scan

PHASES = ("startup", "walk", "read", "prefilter", "parse", "analyse", "floor")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("floor-corpus")
    generate_corpus.generate(root, 300, 11)
    return root


def test_phases_cover_the_files_a_scan_reads_and_parses(corpus: Path) -> None:
    report = floor.measure(corpus, runs=1, jobs=2)
    scan = run_scan([corpus], ScanOptions(jobs=1))
    assert report["files"] == scan.files_scanned
    assert report["candidates"] == scan.files_parsed > 0
    assert all(report[name] > 0 for name in ("startup", "walk", "read", "parse"))
    assert report["floor"] == pytest.approx(
        report["startup"] + report["read"] + report["parse"], abs=0.002
    )


def test_json_output_and_bad_corpus(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert floor.main([str(corpus), "--runs", "1", "--jobs", "1", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert set(PHASES) <= set(report)
    with pytest.raises(SystemExit) as exit_info:
        floor.main([str(tmp_path / "missing")])
    assert exit_info.value.code == 2
