"""The example repository that README's first command scans: its inventory is pinned here."""

from __future__ import annotations

from pathlib import Path

import pytest

from sora_migrate import scan
from sora_migrate.options import ScanOptions
from sora_migrate.scan import run_scan

EXAMPLE = Path(__file__).resolve().parent.parent / "fixtures" / "example-repo"
EXPECTED = [
    (".env.example", 2, "env-var", "medium"),
    (".env.example", 3, "env-var", "high"),
    (".env.example", 3, "model-id", "high"),
    (".github/workflows/nightly.yml", 9, "env-var", "medium"),
    (".github/workflows/nightly.yml", 13, "rest-endpoint", "high"),
    (".github/workflows/nightly.yml", 14, "env-var", "medium"),
    (".github/workflows/nightly.yml", 15, "model-id", "high"),
    ("README.md", 4, "doc-mention", "low"),
    ("app/render.py", 10, "sdk-call", "high"),
    ("app/render.py", 11, "model-id", "high"),
    ("app/render.py", 19, "sdk-call", "high"),
    ("app/render.py", 25, "sdk-call", "high"),
    ("app/render.py", 30, "sdk-call", "high"),
    ("app/render.py", 35, "sdk-call", "high"),
    ("app/webhooks.py", 12, "webhook-event", "medium"),
    ("app/webhooks.py", 14, "webhook-event", "medium"),
    ("app/worker.py", 13, "sdk-call", "high"),
    ("app/worker.py", 13, "model-id", "high"),
    ("app/worker.py", 18, "sdk-call", "high"),
    ("config/video.toml", 2, "model-id", "high"),
    ("notebooks/explore.ipynb", 20, "sdk-call", "high"),
    ("notebooks/explore.ipynb", 20, "model-id", "high"),
    ("scripts/fetch.sh", 4, "rest-endpoint", "high"),
    ("web/src/api/generate.ts", 2, "sdk-type-import", "high"),
    ("web/src/api/generate.ts", 7, "sdk-call", "high"),
    ("web/src/api/generate.ts", 7, "model-id", "high"),
    ("web/src/api/generate.ts", 11, "sdk-call", "high"),
]
LOOKALIKES = (
    "app/models.py",
    "app/youtube_sync.py",
    "web/src/server.js",
    "docker-compose.yml",
)


def test_example_repo_inventory_is_exact() -> None:
    result = run_scan([EXAMPLE], ScanOptions(jobs=1))
    found = [(f.path, f.line, f.rule_id, f.confidence.label) for f in result.findings]
    assert found == EXPECTED


def test_example_repo_lookalikes_are_quiet() -> None:
    result = run_scan([EXAMPLE], ScanOptions(jobs=1))
    assert not [f for f in result.findings if f.path in LOOKALIKES]


def test_process_pool_and_single_process_agree(monkeypatch: pytest.MonkeyPatch) -> None:
    single = run_scan([EXAMPLE], ScanOptions(jobs=1)).findings
    monkeypatch.setattr(scan, "IN_PROCESS_LIMIT", 1)
    monkeypatch.setattr(scan, "BATCH_SIZE", 3)
    monkeypatch.setattr(scan, "TASKS_PER_JOB", 1)
    pooled = run_scan([EXAMPLE], ScanOptions(jobs=2)).findings
    assert single == pooled
