"""`check --since REF` against real git repositories, including a shallow CI-style clone."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from sora_migrate.gate.since import parse_diff
from tests.gate.helpers import (
    CALL_LINE,
    CLEAN_PY,
    SORA_PY,
    commit_all,
    gate_json,
    git,
    init_repo,
    statuses,
    write,
)


def _feature_repo(root: Path) -> Path:
    """main has old.py with a Sora call; the feature branch adds a call to it and a new file."""
    repo = init_repo(root)
    write(repo / "old.py", SORA_PY)
    write(repo / "clean.py", CLEAN_PY)
    commit_all(repo, "base")
    git(repo, "checkout", "-q", "-b", "feature")
    write(repo / "old.py", SORA_PY + "\n" + CALL_LINE)
    write(repo / "sub" / "new.py", SORA_PY)
    commit_all(repo, "feature work")
    return repo


def test_only_added_lines_and_untracked_files_are_reported(run_cli: Any, tmp_path: Path) -> None:
    repo = _feature_repo(tmp_path / "repo")
    write(repo / "draft.py", SORA_PY)
    outcome = run_cli("check", str(repo), "--since", "main", "--format", "json")
    assert outcome.exit_code == 1
    data = gate_json(outcome)
    assert statuses(data) == [
        ("draft.py", 3, "sdk-call", "new"),
        ("draft.py", 3, "model-id", "new"),
        ("old.py", 5, "sdk-call", "new"),
        ("old.py", 5, "model-id", "new"),
        ("sub/new.py", 3, "sdk-call", "new"),
        ("sub/new.py", 3, "model-id", "new"),
    ]
    assert data["gate"]["outside_diff"] == 2
    assert data["gate"]["since"] == "main"


def test_subdirectory_paths_map_onto_the_diff(run_cli: Any, tmp_path: Path) -> None:
    repo = _feature_repo(tmp_path / "repo")
    outcome = run_cli("check", str(repo / "sub"), "--since", "main", "--format", "json")
    assert statuses(gate_json(outcome)) == [
        ("new.py", 3, "sdk-call", "new"),
        ("new.py", 3, "model-id", "new"),
    ]


def test_untouched_findings_pass(run_cli: Any, tmp_path: Path) -> None:
    repo = _feature_repo(tmp_path / "repo")
    git(repo, "checkout", "-q", "main")
    write(repo / "clean.py", CLEAN_PY + "print('more')\n")
    outcome = run_cli("check", str(repo), "--since", "HEAD")
    assert outcome.exit_code == 0, outcome.stdout
    assert "2 outside the diff since HEAD" in " ".join(outcome.stdout.split())


def test_not_a_work_tree_is_exit_2(run_cli: Any, tmp_path: Path) -> None:
    write(tmp_path / "app.py", SORA_PY)
    outcome = run_cli("check", str(tmp_path), "--since", "main")
    assert outcome.exit_code == 2
    assert outcome.stderr == (
        f"sora-migrate: error: --since needs a git work tree, and {tmp_path} is not inside one\n"
    )


def test_unknown_ref_is_exit_2_with_the_fetch_command(run_cli: Any, tmp_path: Path) -> None:
    repo = _feature_repo(tmp_path / "repo")
    outcome = run_cli("check", str(repo), "--since", "origin/develop")
    assert outcome.exit_code == 2
    assert outcome.stderr == (
        f"sora-migrate: error: --since: git ref 'origin/develop' does not exist in {repo} "
        "(check the name, or fetch it first: git fetch --no-tags origin "
        "+refs/heads/develop:refs/remotes/origin/develop)\n"
    )


def test_shallow_clone_fetches_the_ref_and_deepens(run_cli: Any, tmp_path: Path) -> None:
    upstream = _feature_repo(tmp_path / "upstream")
    git(upstream, "checkout", "-q", "main")
    write(upstream / "later.py", CLEAN_PY)
    commit_all(upstream, "main moves on")
    clone = tmp_path / "clone"
    git(
        tmp_path,
        "clone",
        "-q",
        "--depth",
        "1",
        "--branch",
        "feature",
        upstream.as_uri(),
        str(clone),
    )
    assert git(clone, "rev-parse", "--is-shallow-repository").strip() == "true"
    outcome = run_cli("check", str(clone), "--since", "origin/main", "--format", "json")
    assert outcome.exit_code == 1, outcome.stderr
    assert [(p, line) for p, line, _, _ in statuses(gate_json(outcome))] == [
        ("old.py", 5),
        ("old.py", 5),
        ("sub/new.py", 3),
        ("sub/new.py", 3),
    ]


def test_shallow_clone_without_history_explains_what_to_fetch(run_cli: Any, tmp_path: Path) -> None:
    upstream = _feature_repo(tmp_path / "upstream")
    git(upstream, "checkout", "-q", "main")
    write(upstream / "later.py", CLEAN_PY)
    commit_all(upstream, "main moves on")
    clone = tmp_path / "clone"
    git(
        tmp_path,
        "clone",
        "-q",
        "--depth",
        "1",
        "--no-single-branch",
        "--branch",
        "feature",
        upstream.as_uri(),
        str(clone),
    )
    shutil.rmtree(upstream)
    outcome = run_cli("check", str(clone), "--since", "origin/main")
    assert outcome.exit_code == 2
    assert outcome.stderr == (
        "sora-migrate: error: --since: no merge-base of 'origin/main' and HEAD in this shallow "
        "clone (fetch more history: git fetch --unshallow origin (in GitHub Actions: "
        "actions/checkout with fetch-depth: 0))\n"
    )


def test_parse_diff_reads_hunks_deletions_and_quoted_names() -> None:
    diff = (
        "diff --git a/a.py b/a.py\n"
        "--- a/a.py\n+++ b/a.py\n"
        "@@ -1,0 +2,3 @@\n+x\n+y\n+z\n"
        "@@ -10 +12 @@\n-old\n+new\n"
        "@@ -20,2 +21,0 @@\n-gone\n-gone\n"
        'diff --git "a/t\\303\\251st.py" "b/t\\303\\251st.py"\n'
        '--- /dev/null\n+++ "b/t\\303\\251st.py"\n@@ -0,0 +1 @@\n+x\n'
        "--- a/removed.py\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n"
    )
    assert parse_diff(diff) == {"a.py": ((2, 4), (12, 12)), "tést.py": ((1, 1),)}
