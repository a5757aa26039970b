"""Shared test helpers: run the real CLI entry point in-process and capture what it prints."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from sora_migrate.cli import main


@dataclass
class CliOutcome:
    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture
def run_cli(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Callable[..., CliOutcome]:
    """Call `sora-migrate ARGS...` through `cli.main` and return exit code, stdout and stderr."""

    def run(*args: str) -> CliOutcome:
        monkeypatch.setattr(sys, "argv", ["sora-migrate", *args])
        capsys.readouterr()
        try:
            main()
        except SystemExit as done:
            code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
        else:
            code = 0
        captured = capsys.readouterr()
        return CliOutcome(code, captured.out, captured.err)

    return run


@pytest.fixture(scope="session")
def built_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel of this checkout, built once per test session."""
    folder = tmp_path_factory.mktemp("wheel")
    root = Path(__file__).resolve().parent.parent
    subprocess.run(
        [
            *(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q"),
            *("-w", str(folder), str(root)),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = folder.glob("*.whl")
    return wheel
