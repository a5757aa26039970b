"""`rewrite --write` and `pr` change only regular files of the scanned tree, chosen as `scan`
chooses them: links stay links (and are named in the summary), excluded files stay as they are."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import CliOutcome

RunCli = Callable[..., CliOutcome]
SORA_CALL = 'from openai import OpenAI\n\nclient = OpenAI()\nclient.videos.retrieve("video_1")\n'
REWRITTEN = '_video_client().get_job_status("video_1")'


def test_a_link_to_a_file_outside_the_root_is_left_alone(run_cli: RunCli, tmp_path: Path) -> None:
    outside = tmp_path / "outside.py"
    outside.write_text(SORA_CALL)
    root = tmp_path / "repo"
    root.mkdir()
    (root / "linked.py").symlink_to(outside)
    outcome = run_cli("rewrite", "--write", str(root))
    assert outcome.exit_code == 1, outcome.stderr
    assert outcome.stderr.splitlines()[0] == (
        "sora-migrate: warning: linked.py: skipped: symbolic link: not rewritten "
        "(rewrite the file it points to)"
    )
    assert (root / "linked.py").is_symlink()
    assert outside.read_text() == SORA_CALL


def test_a_link_inside_the_tree_is_left_and_its_target_rewritten_once(
    run_cli: RunCli, tmp_path: Path
) -> None:
    (tmp_path / "real.py").write_text(SORA_CALL)
    (tmp_path / "alias.py").symlink_to("real.py")
    outcome = run_cli("rewrite", "--write", str(tmp_path))
    assert "alias.py: skipped: symbolic link" in outcome.stderr
    assert (tmp_path / "alias.py").is_symlink()
    assert os.readlink(tmp_path / "alias.py") == "real.py"
    assert (tmp_path / "real.py").read_text().count(REWRITTEN) == 1
    again = run_cli("rewrite", "--write", str(tmp_path))
    assert (tmp_path / "real.py").read_text().count(REWRITTEN) == 1, again.stderr


def test_diff_mode_shows_no_diff_for_a_link(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "real.py").write_text(SORA_CALL)
    (tmp_path / "alias.py").symlink_to("real.py")
    outcome = run_cli("rewrite", str(tmp_path))
    assert "+++ b/real.py" in outcome.stdout
    assert "alias.py" not in outcome.stdout


def test_rewrite_honours_the_config_exclude(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / ".sora-migrate.toml").write_text('exclude = ["vendor/"]\n')
    (tmp_path / "vendor").mkdir()
    (tmp_path / "vendor" / "third_party.py").write_text(SORA_CALL)
    (tmp_path / "app.py").write_text(SORA_CALL)
    outcome = run_cli("rewrite", "--write", str(tmp_path))
    assert outcome.exit_code == 0, outcome.stderr
    assert REWRITTEN in (tmp_path / "app.py").read_text()
    assert (tmp_path / "vendor" / "third_party.py").read_text() == SORA_CALL


@pytest.mark.parametrize(
    ("flag", "glob", "changed"),
    [("--exclude", "legacy/", "app.py"), ("--include", "legacy/", "legacy/old.py")],
)
def test_rewrite_honours_include_and_exclude_flags(
    run_cli: RunCli, tmp_path: Path, flag: str, glob: str, changed: str
) -> None:
    (tmp_path / "legacy").mkdir()
    for rel in ("app.py", "legacy/old.py"):
        (tmp_path / rel).write_text(SORA_CALL)
    outcome = run_cli("rewrite", "--write", str(tmp_path), flag, glob)
    assert outcome.exit_code == 0, outcome.stderr
    for rel in ("app.py", "legacy/old.py"):
        assert (REWRITTEN in (tmp_path / rel).read_text()) == (rel == changed)


def test_pr_honours_the_config_exclude(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for key in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{key}_NAME", "Test")
        monkeypatch.setenv(f"GIT_{key}_EMAIL", "test@example.com")

    def git(*args: str) -> str:
        done = subprocess.run(
            ["git", *args], cwd=tmp_path, capture_output=True, text=True, check=True
        )
        return done.stdout

    git("init", "-q", "-b", "main")
    (tmp_path / ".sora-migrate.toml").write_text('exclude = ["vendor/"]\n')
    (tmp_path / "vendor").mkdir()
    (tmp_path / "vendor" / "third_party.py").write_text(SORA_CALL)
    (tmp_path / "app.py").write_text(SORA_CALL)
    git("add", "-A")
    git("commit", "-q", "-m", "init")
    outcome = run_cli("pr", str(tmp_path))
    assert outcome.exit_code == 0, outcome.stderr
    assert git("diff", "--name-only", "main", "sora-migrate/rewrite").split() == ["app.py"]
