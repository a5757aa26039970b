"""Hostile input ends in one line on stderr and exit 2 (or a named skip), never a traceback."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import CliOutcome

RunCli = Callable[..., CliOutcome]
SORA = 'MODEL = "sora-2"\n'


def one_line_error(outcome: CliOutcome, *fragments: str) -> None:
    assert outcome.exit_code == 2, outcome
    assert outcome.stderr.startswith("sora-migrate: error: "), outcome.stderr
    assert outcome.stderr.count("\n") == 1, outcome.stderr
    assert "Traceback" not in outcome.stderr
    for fragment in fragments:
        assert fragment in outcome.stderr


def test_config_that_is_not_utf8(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / ".sora-migrate.toml").write_bytes(b'include = ["\xff"]\n')
    (tmp_path / "a.py").write_text(SORA)
    one_line_error(run_cli("scan", str(tmp_path)), ".sora-migrate.toml", "not valid UTF-8")


def test_config_nested_too_deeply(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / ".sora-migrate.toml").write_text("x = " + "[" * 50_000 + "]" * 50_000 + "\n")
    (tmp_path / "a.py").write_text(SORA)
    one_line_error(run_cli("scan", str(tmp_path)), ".sora-migrate.toml", "nested too deeply")


@pytest.mark.parametrize("flag", ["--include", "--exclude"])
def test_invalid_glob_on_the_command_line(run_cli: RunCli, tmp_path: Path, flag: str) -> None:
    (tmp_path / "a.py").write_text(SORA)
    one_line_error(run_cli("scan", str(tmp_path), flag, "[z-a]"), "invalid glob '[z-a]'")


def test_invalid_glob_in_the_config(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / ".sora-migrate.toml").write_text('exclude = ["[z-a]"]\n')
    (tmp_path / "a.py").write_text(SORA)
    one_line_error(run_cli("check", str(tmp_path)), "invalid glob '[z-a]'")


def test_invalid_gitignore_line_is_reported_and_the_rest_applies(
    run_cli: RunCli, tmp_path: Path
) -> None:
    (tmp_path / ".gitignore").write_text("ignored.py\n[z-a]\n")
    (tmp_path / "a.py").write_text(SORA)
    (tmp_path / "ignored.py").write_text(SORA)
    outcome = run_cli("scan", str(tmp_path), "-f", "json")
    assert outcome.exit_code == 0, outcome.stderr
    report = json.loads(outcome.stdout)
    assert [finding["path"] for finding in report["findings"]] == ["a.py"]
    assert report["skipped"] == [
        {
            "path": ".gitignore",
            "reason": "line 2: pattern '[z-a]' ignored: bad character range z-a at position 10",
        }
    ]


def test_baseline_nested_too_deeply(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(SORA)
    baseline = tmp_path / "baseline.json"
    baseline.write_text("[" * 100_000 + "]" * 100_000)
    one_line_error(
        run_cli("check", str(tmp_path), "--baseline", str(baseline)), "baseline.json", "nested"
    )


@pytest.mark.parametrize("name", ["class", "None", "my-shim", "1shim"])
def test_vendor_rejects_names_that_cannot_be_imported(
    run_cli: RunCli, tmp_path: Path, name: str
) -> None:
    one_line_error(
        run_cli("shim", "vendor", str(tmp_path), "--package-name", name), "--package-name"
    )
    assert list(tmp_path.iterdir()) == []


def test_vendor_below_a_file(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    one_line_error(run_cli("shim", "vendor", str(tmp_path / "file" / "sub")), "file/sub")


@pytest.mark.skipif(
    hasattr(__import__("os"), "geteuid") and __import__("os").geteuid() == 0,
    reason="root writes anywhere",
)
def test_vendor_into_an_unwritable_folder(run_cli: RunCli, tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        one_line_error(run_cli("shim", "vendor", str(locked / "deeper")), "locked")
    finally:
        locked.chmod(0o700)


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="no /proc here")
def test_vendor_where_nothing_can_be_created(run_cli: RunCli) -> None:
    one_line_error(run_cli("shim", "vendor", "/proc/self/sora-migrate-vendor"), "/proc/self")


def test_stdout_that_is_full(tmp_path: Path) -> None:
    import subprocess
    import sys

    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    (tmp_path / "a.py").write_text(SORA)
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "sora_migrate", "scan", str(tmp_path), "--jobs", "1"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert done.returncode == 2
    assert done.stderr == (
        "sora-migrate: error: cannot write to standard output: No space left on device\n"
    )


def test_an_unexpected_error_is_one_line(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise KeyError("boom")

    monkeypatch.setattr("sora_migrate.scan.run_scan", broken)
    (tmp_path / "a.py").write_text(SORA)
    one_line_error(run_cli("scan", str(tmp_path)), "unexpected KeyError: 'boom'")
