"""Deep nesting is bounded: a file past the bounds is skipped with its reason, never a hang
or a crash; valid Python nested as deep as CPython allows is still rewritten."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from sora_migrate.analyse.nesting import NestingError, bracket_depth, check_yaml_indents
from sora_migrate.analyse.treesitter import needle_nodes, parse
from tests.conftest import CliOutcome

RunCli = Callable[..., CliOutcome]
CLIENT = "from openai import OpenAI\n\nclient = OpenAI()\n"

DEEP_FILES = {
    "brackets.json": "[" * 100_000 + '"sora-2"' + "]" * 100_000,
    "flow.yaml": "model: " + "[" * 30_000 + "sora-2" + "]" * 30_000 + "\n",
    "blocks.yaml": "".join(" " * i + f"k{i}:\n" for i in range(300)) + " " * 300 + "sora-2\n",
    "compact.yaml": "- " * 300 + "sora-2\n",
    "chain.py": "x = " + " + ".join(['"sora-2"'] * 5000) + "\n",
    "unary.py": "x = " + "not " * 5000 + '"sora-2"\n',
    "calls.js": "const c = new OpenAI();\n"
    + "f(" * 2000
    + "c.videos.create({model: 'sora-2'})"
    + ")" * 2000,
}


@pytest.mark.parametrize("name", sorted(DEEP_FILES))
def test_deep_file_is_skipped_with_its_reason(run_cli: RunCli, tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text(DEEP_FILES[name])
    (tmp_path / "ok.py").write_text('MODEL = "sora-2"\n')
    outcome = run_cli("scan", str(tmp_path), "-f", "json", "--jobs", "1")
    assert outcome.exit_code == 0, outcome.stderr
    report = json.loads(outcome.stdout)
    assert [f["path"] for f in report["findings"]] == ["ok.py"]
    (skipped,) = report["skipped"]
    assert skipped["path"] == name
    assert skipped["reason"].startswith("cannot analyse: ")
    assert "nested" in skipped["reason"] or "indented" in skipped["reason"]


def test_bracket_depth() -> None:
    assert bracket_depth(b"(" * 1001 + b")" * 1001, 1000) == 1001
    assert bracket_depth(b"()" * 5000, 1000) is None
    assert bracket_depth(b"[{(" * 400, 1000) == 1200


def test_yaml_indents_within_the_bound_pass() -> None:
    ordinary = "jobs:\n" + "".join(f"  job{i}:\n    runs-on: ubuntu\n" for i in range(500))
    check_yaml_indents(ordinary.encode())
    with pytest.raises(NestingError):
        check_yaml_indents(DEEP_FILES["blocks.yaml"].encode())


def test_needle_nodes_on_a_deep_tree_costs_its_depth() -> None:
    # every needle sits at a different depth of a left-nested chain: one path, kept between them
    source = ("x = " + " + ".join(['"sora-2"'] * 900) + "\n").encode()
    nodes = needle_nodes(parse("python", source).root_node, {"string"})
    assert len(nodes) == 900


def test_valid_python_nested_150_deep_is_rewritten(run_cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "deep.py"
    nested = "[" * 150 + 'client.videos.retrieve("v")' + "]" * 150
    path.write_text(CLIENT + f"x = {nested}\n")
    outcome = run_cli("rewrite", "--write", str(tmp_path))
    assert outcome.exit_code == 0, outcome.stderr
    text = path.read_text()
    assert "[" * 150 + '_video_client().get_job_status("v")' in text
    compile(text, str(path), "exec")


@pytest.mark.parametrize(
    "expression",
    ["(" * 250 + "1" + ")" * 250, "(" * 3000 + "1" + ")" * 3000, "lambda: " * 8000 + "1"],
    ids=["past-python", "thousands", "lambdas"],
)
def test_python_past_cpython_bounds_is_skipped_not_crashed(
    run_cli: RunCli, tmp_path: Path, expression: str
) -> None:
    path = tmp_path / "deep.py"
    path.write_text(CLIENT + 'client.videos.retrieve("v")\n' + f"x = {expression}\n")
    before = path.read_bytes()
    outcome = run_cli("rewrite", "--write", str(tmp_path))
    assert outcome.exit_code == 0, outcome.stderr
    assert "deep.py: skipped: " in outcome.stderr
    assert "Traceback" not in outcome.stderr
    assert path.read_bytes() == before
