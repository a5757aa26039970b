"""Notebooks: any nbformat `source` shape is read; a file that is not valid notebook JSON is
never rewritten; a notebook of thousands of cells is rewritten in one linear pass."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import CliOutcome

RunCli = Callable[..., CliOutcome]
SETUP = ["from openai import OpenAI\n", "client = OpenAI()\n"]
CALL = ['video = client.videos.retrieve("video_1")\n', "print(video.status)"]


def notebook(*sources: Any) -> dict[str, Any]:
    cells = [
        {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": s}
        for s in sources
    ]
    return {"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}


def write(tmp_path: Path, data: dict[str, Any] | str) -> Path:
    path = tmp_path / "demo.ipynb"
    path.write_text(data if isinstance(data, str) else json.dumps(data, indent=1) + "\n")
    return path


def test_a_source_that_is_one_string_is_rewritten(run_cli: RunCli, tmp_path: Path) -> None:
    path = write(tmp_path, notebook(SETUP, "".join(CALL)))
    outcome = run_cli("rewrite", "--write", str(tmp_path))
    assert outcome.exit_code == 0, outcome.stderr
    cell = json.loads(path.read_text())["cells"][1]["source"]
    assert isinstance(cell, str)
    assert '_video_client().get_job_status("video_1")' in cell


@pytest.mark.parametrize(
    "source", [[*CALL, 42], [CALL[0], None], {"text": CALL[0]}], ids=["int", "null", "object"]
)
def test_a_source_holding_non_strings_is_skipped(
    run_cli: RunCli, tmp_path: Path, source: Any
) -> None:
    path = write(tmp_path, notebook(SETUP, CALL, source))
    before = path.read_bytes()
    outcome = run_cli("rewrite", "--write", str(tmp_path))
    assert outcome.exit_code == 0, outcome.stderr
    assert outcome.stderr.splitlines()[0] == (
        "sora-migrate: warning: demo.ipynb: skipped: cell 2: 'source' is not a string or a "
        "list of strings; file left as it was"
    )
    assert path.read_bytes() == before


@pytest.mark.parametrize("tail", ["\n}", ",", "\n// comment\n"], ids=["brace", "comma", "comment"])
def test_a_notebook_that_is_not_valid_json_is_never_rewritten(
    run_cli: RunCli, tmp_path: Path, tail: str
) -> None:
    path = write(tmp_path, json.dumps(notebook(SETUP, CALL), indent=1) + tail)
    before = path.read_bytes()
    outcome = run_cli("rewrite", "--write", str(tmp_path))
    assert outcome.exit_code == 0, outcome.stderr
    assert "demo.ipynb: skipped: not valid JSON" in outcome.stderr
    assert path.read_bytes() == before


def test_thousands_of_cells_rewrite_in_one_pass(run_cli: RunCli, tmp_path: Path) -> None:
    cells = [[f'v{i} = client.videos.retrieve("video_{i}")\n'] for i in range(300)]
    path = write(tmp_path, notebook(SETUP, *cells))
    outcome = run_cli("rewrite", "--write", str(tmp_path))
    assert outcome.exit_code == 0, outcome.stderr
    sources = [cell["source"] for cell in json.loads(path.read_text())["cells"]]
    assert "from sora_migrate.shim import VideoClient\n" in sources[0]
    assert sources[1:] == [
        [f'v{i} = _video_client().get_job_status("video_{i}")\n'] for i in range(300)
    ]
