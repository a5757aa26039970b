"""`sora-migrate rewrite` end to end: diff mode, --write, the git guard, odd files."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from sora_migrate.rewrite import rewrite_paths
from tests.conftest import CliOutcome
from tests.rewrite.helpers import FIXTURES, install_case

RunCli = Callable[..., CliOutcome]
ENGINE = FIXTURES / "engine"
SORA_CALL = 'from openai import OpenAI\n\nclient = OpenAI()\nclient.videos.retrieve("video_1")\n'


def test_diff_mode_prints_the_diff_and_exits_1(run_cli: RunCli, tmp_path: Path) -> None:
    path = install_case(ENGINE / "crlf.before.py", tmp_path)
    before = path.read_bytes()
    done = run_cli("rewrite", str(path))
    assert done.exit_code == 1
    assert done.stdout.startswith("--- a/crlf.py\n+++ b/crlf.py\n")
    assert "+    return _video_client().create_video(" in done.stdout
    assert done.stderr == (
        "sora-migrate: would rewrite 1 call sites in 1 file; 0 left for a person\n"
    )
    assert path.read_bytes() == before


def test_diff_mode_exits_0_when_nothing_changes(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "plain.py").write_text("print('no video here')\n")
    done = run_cli("rewrite", str(tmp_path))
    assert (done.exit_code, done.stdout) == (0, "")


def test_write_prints_a_summary_with_the_sites_left(run_cli: RunCli, tmp_path: Path) -> None:
    path = install_case(FIXTURES / "download_content" / "variants.before.py", tmp_path)
    done = run_cli("rewrite", "--write", str(path))
    assert done.exit_code == 0
    assert done.stdout == ""
    assert done.stderr.splitlines() == [
        "sora-migrate: rewrote 2 call sites in 1 file; 2 left for a person",
        "  variants.py:13: videos.download_content: its video is also used by "
        "videos.download_content, which stays",
        '  variants.py:14: videos.download_content(variant="spritesheet") has no shim equivalent',
    ]
    assert path.read_bytes() == (FIXTURES / "download_content" / "variants.after.py").read_bytes()


def test_write_keeps_permissions_bom_and_crlf(run_cli: RunCli, tmp_path: Path) -> None:
    paths = [install_case(ENGINE / f"{name}.before.py", tmp_path) for name in ("bom", "crlf")]
    executable = install_case(ENGINE / "executable.before.py", tmp_path)
    executable.chmod(0o755)
    done = run_cli("rewrite", "--write", str(tmp_path))
    assert done.exit_code == 0, done.stderr
    assert executable.stat().st_mode & 0o777 == 0o755
    assert paths[0].read_bytes().startswith(b"\xef\xbb\xbf# caf\xc3\xa9")
    crlf = paths[1].read_bytes()
    assert crlf.count(b"\r\n") == crlf.count(b"\n")


def test_unparsable_file_is_skipped_with_a_warning(run_cli: RunCli, tmp_path: Path) -> None:
    path = install_case(ENGINE / "unparsable.before.py", tmp_path)
    before = path.read_bytes()
    done = run_cli("rewrite", "--write", str(path))
    assert done.exit_code == 0
    assert done.stderr.splitlines()[0] == (
        "sora-migrate: warning: unparsable.py: skipped: does not parse (line 7); "
        "file left as it was"
    )
    assert path.read_bytes() == before


def test_shim_module_names_the_import(run_cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "app.py"
    path.write_text(SORA_CALL)
    done = run_cli("rewrite", "--shim-module", "vendor.video_shim", str(path))
    assert "+from vendor.video_shim import VideoClient\n" in done.stdout


def test_bad_shim_module_is_a_one_line_error(run_cli: RunCli, tmp_path: Path) -> None:
    done = run_cli("rewrite", "--shim-module", "not a module", str(tmp_path))
    assert done.exit_code == 2
    assert done.stderr == (
        "sora-migrate: error: --shim-module 'not a module' is not a dotted module path\n"
    )


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "config", "user.email", "dev@example.com")
    _git(tmp_path, "config", "user.name", "Dev")
    (tmp_path / "app.py").write_text(SORA_CALL)
    _git(tmp_path, "add", "app.py")
    _git(tmp_path, "commit", "-q", "-m", "init")
    return tmp_path


def test_dirty_git_file_is_refused_without_force(run_cli: RunCli, repo: Path) -> None:
    path = repo / "app.py"
    path.write_text(SORA_CALL + "# local edit\n")
    done = run_cli("rewrite", "--write", str(path))
    assert done.exit_code == 1
    assert done.stderr.splitlines()[0] == (
        "sora-migrate: warning: app.py: skipped: has uncommitted changes; "
        "commit or stash them first, or pass --force"
    )
    assert path.read_text() == SORA_CALL + "# local edit\n"
    forced = run_cli("rewrite", "--write", "--force", str(path))
    assert forced.exit_code == 0
    assert "_video_client().get_job_status" in path.read_text()


def test_clean_git_file_is_written(run_cli: RunCli, repo: Path) -> None:
    done = run_cli("rewrite", "--write", str(repo / "app.py"))
    assert done.exit_code == 0, done.stderr
    assert "_video_client().get_job_status" in (repo / "app.py").read_text()


def test_a_worker_pool_gives_the_same_result(tmp_path: Path) -> None:
    for index in range(10):
        (tmp_path / f"m{index}.py").write_text(SORA_CALL)
    serial = rewrite_paths([tmp_path], jobs=1)
    pooled = rewrite_paths([tmp_path], jobs=2)
    assert [f.diff for f in pooled.files] == [f.diff for f in serial.files]
    assert len(pooled.rewritten) == 10


def test_cli_startup_does_not_import_libcst() -> None:
    code = "import sys, sora_migrate.cli; print('libcst' in sys.modules)"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=os.environ
    )
    assert done.stdout.strip() == "False"
