"""Writes never replace what is not a regular file we own."""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import CliOutcome

RunCli = Callable[..., CliOutcome]
SORA = 'MODEL = "sora-2"\n'
SORA_CALL = 'from openai import OpenAI\n\nclient = OpenAI()\nclient.videos.retrieve("video_1")\n'


def tree(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    (root / "a.py").write_text(SORA)
    return root


def test_output_dash_is_stdout(run_cli: RunCli, tmp_path: Path) -> None:
    root = tree(tmp_path)
    outcome = run_cli("scan", str(root), "-f", "json", "-o", "-")
    assert outcome.exit_code == 0
    assert '"rule_id": "model-id"' in outcome.stdout
    assert not Path("-").exists()


def test_output_to_a_fifo_is_written_in_place(run_cli: RunCli, tmp_path: Path) -> None:
    root = tree(tmp_path)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    outcome = run_cli("scan", str(root), "-f", "json", "-o", str(fifo))
    reader.join(timeout=30)
    assert outcome.exit_code == 0, outcome.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert b'"rule_id": "model-id"' in received[0]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="mknod needs root")
def test_output_to_a_device_is_written_in_place(run_cli: RunCli, tmp_path: Path) -> None:
    root = tree(tmp_path)
    null = tmp_path / "null"  # a /dev/null of our own: the real one is never put at risk
    os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    for command in ("scan", "check"):
        outcome = run_cli(command, str(root), "-o", str(null))
        assert outcome.exit_code in (0, 1), outcome.stderr
        assert stat.S_ISCHR(os.lstat(null).st_mode)
    outcome = run_cli("check", str(root), "--write-baseline", str(null))
    assert outcome.exit_code == 0, outcome.stderr
    assert stat.S_ISCHR(os.lstat(null).st_mode)


def test_output_through_a_link_keeps_the_link(run_cli: RunCli, tmp_path: Path) -> None:
    root = tree(tmp_path)
    target = tmp_path / "report.json"
    target.write_text("old")
    link = tmp_path / "latest.json"
    link.symlink_to(target)
    outcome = run_cli("scan", str(root), "-f", "json", "-o", str(link))
    assert outcome.exit_code == 0, outcome.stderr
    assert link.is_symlink()
    assert '"rule_id": "model-id"' in target.read_text()


def test_output_to_a_folder_is_an_error(run_cli: RunCli, tmp_path: Path) -> None:
    root = tree(tmp_path)
    outcome = run_cli("scan", str(root), "-o", str(tmp_path))
    assert outcome.exit_code == 2
    assert outcome.stderr == f"sora-migrate: error: {tmp_path}: is a directory\n"


def test_rewrite_a_file_with_a_248_byte_name(run_cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / ("v" * 245 + ".py")
    path.write_text(SORA_CALL)
    outcome = run_cli("rewrite", "--write", str(tmp_path))
    assert outcome.exit_code == 0, outcome.stderr
    assert "_video_client().get_job_status" in path.read_text()
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]
