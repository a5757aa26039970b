"""`sora-migrate shim vendor` copies a self-contained package that works without this tool."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

RUN_VENDORED = """
import sys, importlib.abc

class NoTool(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "sora_migrate" or name.startswith("sora_migrate."):
            raise ImportError("the vendored shim must not import sora_migrate")

sys.meta_path.insert(0, NoTool())
sys.path.insert(0, sys.argv[1])
from acme_video import VideoClient

client = VideoClient(provider="fake", sleep=lambda seconds: None)
job = client.generate_video("a paper boat", duration_seconds=8, poll_interval=0)
data = client.get_video_output(job.id).read()
print(job.status, data[4:8].decode(), client.estimate_cost(8, "720p").amount)
"""


def test_vendored_copy_imports_and_runs_on_its_own(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    outcome = run_cli("shim", "vendor", str(tmp_path / "vendor"), "--package-name", "acme_video")
    assert outcome.exit_code == 0
    assert outcome.stdout.strip() == "from acme_video import VideoClient, AsyncVideoClient"
    package = tmp_path / "vendor" / "acme_video"
    assert (package / "prices.json").is_file()
    assert (package / "providers" / "assets" / "fake.mp4").is_file()
    assert not list(package.rglob("__pycache__"))
    for source in package.rglob("*.py"):
        assert "sora_migrate" not in source.read_text(encoding="utf-8"), source
    done = subprocess.run(
        [sys.executable, "-c", RUN_VENDORED, str(tmp_path / "vendor")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.split() == ["completed", "ftyp", "0.0000"]


def test_existing_copy_needs_force(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert run_cli("shim", "vendor", str(tmp_path)).exit_code == 0
    again = run_cli("shim", "vendor", str(tmp_path))
    assert again.exit_code == 2
    assert "already exists (use --force" in again.stderr
    assert run_cli("shim", "vendor", str(tmp_path), "--force").exit_code == 0


def test_package_name_must_be_an_identifier(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    outcome = run_cli("shim", "vendor", str(tmp_path), "--package-name", "video-shim")
    assert outcome.exit_code == 2 and "identifier" in outcome.stderr


def test_providers_lists_capabilities_and_prices(run_cli) -> None:  # type: ignore[no-untyped-def]
    table = run_cli("providers")
    assert table.exit_code == 0
    for name in ("runway", "veo", "luma", "pika", "kling", "fake"):
        assert name in table.stdout
    rows = {row["name"]: row for row in json.loads(run_cli("providers", "--format", "json").stdout)}
    assert rows["kling"]["keys"] == ["KLING_ACCESS_KEY", "KLING_SECRET_KEY"]
    assert rows["kling"]["keys_needed"] == "all"
    assert rows["runway"]["prices"][0] == {"model": "gen4.5", "per_second": "0.12"}
    assert rows["luma"]["prices"] == []
    assert rows["veo"]["native_audio"] is True
