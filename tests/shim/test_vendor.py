"""`sora-migrate shim vendor` copies a self-contained package that works without this tool."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

RUN_VENDORED = """
import asyncio, importlib.abc, json, os, sys

# only the vendor folder, the standard library and site-packages: no checkout of this tool
sys.path[:] = [sys.argv[1]] + [
    entry for entry in sys.path
    if not os.path.isfile(os.path.join(entry, "sora_migrate", "__init__.py"))
]

class NoTool(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "sora_migrate" or name.startswith("sora_migrate."):
            raise ImportError("the vendored shim must not import sora_migrate")

sys.meta_path.insert(0, NoTool())
from acme_video import AsyncVideoClient, VideoClient

client = VideoClient(provider="fake", sleep=lambda seconds: None)
job = client.generate_video("a paper boat", duration_seconds=8, poll_interval=0)
data = client.get_video_output(job.id).read()

async def main():
    async with AsyncVideoClient(provider="fake", sleep=lambda seconds: asyncio.sleep(0)) as aclient:
        done = await aclient.generate_video("a kite", poll_interval=0)
        return (await aclient.get_video_output(done.id)).read()

print(json.dumps({
    "status": job.status,
    "box": data[4:8].decode(),
    "async_box": asyncio.run(main())[4:8].decode(),
    "cost": str(client.estimate_cost(8, "720p").amount),
    "tool_modules": sorted(name for name in sys.modules if name.startswith("sora_migrate")),
    "shim_from": os.path.dirname(sys.modules["acme_video"].__file__),
}))
"""


def test_vendored_copy_imports_and_runs_on_its_own(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    outcome = run_cli("shim", "vendor", str(tmp_path / "vendor"), "--package-name", "acme_video")
    assert outcome.exit_code == 0
    assert outcome.stdout.strip() == "from acme_video import VideoClient, AsyncVideoClient"
    package = tmp_path / "vendor" / "acme_video"
    assert (package / "prices.json").is_file()
    assert (package / "providers.json").is_file()
    assert (package / "providers" / "assets" / "fake.mp4").is_file()
    assert not list(package.rglob("__pycache__"))
    for source in package.rglob("*.py"):
        assert "sora_migrate" not in source.read_text(encoding="utf-8"), source
    done = subprocess.run(
        [sys.executable, "-I", "-c", RUN_VENDORED, str(tmp_path / "vendor")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {
        "status": "completed",
        "box": "ftyp",
        "async_box": "ftyp",
        "cost": "0.0000",
        "tool_modules": [],
        "shim_from": str(package),
    }


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
    for name in ("runway", "veo", "veo-vertex", "luma", "pika", "kling", "fake"):
        assert name in table.stdout
    rows = {row["name"]: row for row in json.loads(run_cli("providers", "--format", "json").stdout)}
    assert rows["kling"]["keys"] == ["KLING_ACCESS_KEY", "KLING_SECRET_KEY"]
    assert rows["kling"]["keys_needed"] == "all"
    assert rows["runway"]["prices"][0] == {"model": "gen4.5", "per_second": "0.12"}
    assert rows["luma"]["prices"] == []
    assert (rows["veo"]["native_audio"], rows["veo"]["audio_toggle"]) == (True, False)
    assert rows["pika"]["aspect_ratio_from_image"] is True
    assert rows["runway"]["required"] == ["duration_seconds", "aspect_ratio"]
    assert rows["veo"]["defaults"] == {
        "duration_seconds": 8,
        "aspect_ratio": "16:9",
        "resolution": "720p",
        "audio": True,
    }
    assert "duration_seconds=5, aspect_ratio=16:9" in table.stdout  # runway: the shim's choice
    # Veo's two routes, each with its own prices
    assert rows["veo"]["keys"] == ["GEMINI_API_KEY", "GOOGLE_API_KEY"]
    assert (rows["veo-vertex"]["keys"], rows["veo-vertex"]["model"]) == ([], "veo-3.1-generate-001")
    assert "Application Default Credentials" in rows["veo-vertex"]["auth"]
    assert {price["model"] for price in rows["veo-vertex"]["prices"]} == {
        "veo-3.1-generate-001",
        "veo-3.1-fast-generate-001",
    }
    assert "sora-migrate[vertex]" in table.stdout
