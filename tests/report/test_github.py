"""`--format github`: workflow commands, with the escaping rules pinned byte for byte."""

from __future__ import annotations

import pytest

from sora_migrate.findings import Confidence, ScanResult
from sora_migrate.report import render
from sora_migrate.report.github import command, escape_data, escape_property
from tests.report.sample import RULES, sample_gate, sample_result


@pytest.mark.parametrize(
    ("raw", "data", "prop"),
    [
        pytest.param("100% done", "100%25 done", "100%25 done", id="percent"),
        pytest.param("a\r\nb", "a%0D%0Ab", "a%0D%0Ab", id="newlines"),
        pytest.param("a:b,c", "a:b,c", "a%3Ab%2Cc", id="colon and comma only in properties"),
        pytest.param("%3A", "%253A", "%253A", id="already escaped text is escaped again"),
    ],
)
def test_escaping(raw: str, data: str, prop: str) -> None:
    assert escape_data(raw) == data
    assert escape_property(raw) == prop


def test_command_line_shape() -> None:
    line = command("error", "bad:\nthing", file="a,b.py", line=3, title="x: y")
    assert line == "::error file=a%2Cb.py,line=3,title=x%3A y::bad:%0Athing"
    assert command("notice", "plain") == "::notice::plain"


def test_findings_become_annotations_by_confidence(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir("/")
    text = render(sample_result(), "github", rules=RULES, min_confidence=Confidence.LOW)
    assert text.splitlines() == [
        "::notice file=work/project/README.md,line=4,col=8,endLine=4,endColumn=12,"
        "title=sora-migrate doc-mention (low)::Sora mentioned in a comment or documentation",
        "::error file=work/project/app/render.py,line=3,col=1,endLine=3,endColumn=49,"
        "title=sora-migrate sdk-call (high)::OpenAI Videos API call",
        "::error file=work/project/app/render.py,line=3,col=29,endLine=3,endColumn=35,"
        "title=sora-migrate model-id (high)::Sora model id",
        "::warning file=work/project/my dir/.env,line=2,col=1,endLine=2,endColumn=13,"
        "title=sora-migrate env-var (medium)::environment variable that configures Sora",
        "::error file=work/project/notebooks/explore.ipynb,line=20,col=52,endLine=20,"
        "endColumn=58,title=sora-migrate model-id (high)::Sora model id",
        "::warning file=work/project/data/broken.py,title=sora-migrate file skipped::"
        "not scanned: not valid UTF-8 (byte 3)",
        "::notice::sora-migrate: 5 findings in 4 files (3 high, 1 medium, 1 low); "
        "12 files scanned, 1 skipped, 1 too large, 2 binary",
    ]


def test_paths_outside_the_working_directory_stay_absolute() -> None:
    result = ScanResult(root="/elsewhere", findings=[], skipped=[], files_scanned=1, files_parsed=0)
    gate_text = render(
        result, "github", rules=RULES, min_confidence=Confidence.LOW, gate=sample_gate()
    )
    assert "file=/elsewhere/app/render.py" in gate_text


def test_gate_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir("/")
    lines = render(
        sample_result(), "github", rules=RULES, min_confidence=Confidence.LOW, gate=sample_gate()
    ).splitlines()
    assert [line for line in lines if "sora-migrate unused" in line or "fixed" in line] == [
        "::warning file=work/project/app/worker.py,line=7,title=sora-migrate unused suppression::"
        "this suppression matches no finding; remove it",
        "::notice file=work/project/app/old.py,title=sora-migrate fixed::2 baselined sdk-call "
        "finding(s) fixed; tighten the baseline with --write-baseline",
        "::error::gate FAILED: 2 new findings at or above medium, 1 baselined, 2 fixed, "
        "1 suppressed",
    ]
    # baselined and suppressed findings are not annotated
    assert not [line for line in lines if "env-var" in line or "col=29" in line]
