"""`scan/check --shard K/N`: every file in exactly one shard, light files never move, heavy ones
balance the work, cross-module resolution sees the whole tree, and the N shard reports merge
into exactly the unsharded report."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from sora_migrate.shard import FILE_COST, HEAVY_BYTES, Shard, ShardPlan, path_bucket
from tests.conftest import CliOutcome
from tests.inventory.monorepo import make_monorepo

Cli = Callable[..., CliOutcome]


@pytest.fixture(scope="module")
def monorepo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_monorepo(tmp_path_factory.mktemp("mono") / "monorepo")


@pytest.fixture(scope="module")
def wide_monorepo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Enough folders that a scan with --jobs 2 lists subtrees in worker processes."""
    return make_monorepo(tmp_path_factory.mktemp("wide") / "monorepo", packages=40, modules=3)


def _json(run_cli: Cli, *args: str, jobs: int = 1) -> dict[str, Any]:
    outcome = run_cli(*args, "--format", "json", "--jobs", str(jobs))
    assert outcome.exit_code == 0, outcome.stderr
    data: dict[str, Any] = json.loads(outcome.stdout)
    return data


@pytest.mark.parametrize(
    ("tree", "count", "jobs"),
    [("monorepo", 1, 1), ("monorepo", 2, 1), ("monorepo", 3, 1), ("monorepo", 5, 1),
     ("wide_monorepo", 3, 2)],
)  # fmt: skip
def test_merged_shards_equal_the_unsharded_report(
    run_cli: Cli, request: pytest.FixtureRequest, tmp_path: Path, tree: str, count: int, jobs: int
) -> None:
    monorepo: Path = request.getfixturevalue(tree)
    whole = _json(run_cli, "scan", str(monorepo), jobs=jobs)
    assert whole["summary"]["findings"] > 50 and whole["skipped"]  # a real tree, with skips
    files = []
    for index in range(1, count + 1):
        shard = _json(run_cli, "scan", str(monorepo), "--shard", f"{index}/{count}", jobs=jobs)
        assert shard["shard"] == {"index": index, "count": count}
        files.append(tmp_path / f"shard-{index}.json")
        files[-1].write_text(json.dumps(shard), encoding="utf-8")
    merged = run_cli("merge", *map(str, files), "--format", "json")
    assert merged.exit_code == 0, merged.stderr
    (repository,) = json.loads(merged.stdout)["repositories"]
    assert repository["findings"] == whole["findings"]
    assert repository["skipped"] == whole["skipped"]
    assert repository["summary"] == whole["summary"]
    assert repository["complete"] and repository["shards"] == {"count": count, "missing": []}


def test_a_shard_resolves_clients_built_in_modules_it_does_not_scan(
    run_cli: Cli, monorepo: Path
) -> None:
    """pkgN/module_K.py imports `client` from pkgN/clients.py: wherever clients.py lands, the
    call is high confidence in the importer's shard."""
    count = 3
    crossed = 0
    for index in range(1, count + 1):
        report = _json(run_cli, "scan", str(monorepo), "--shard", f"{index}/{count}")
        for finding in report["findings"]:
            path = finding["path"]
            if finding["rule_id"] != "sdk-call" or not path.startswith("pkg"):
                continue
            assert finding["confidence"] == "high", finding
            clients = path.split("/")[0] + "/clients.py"
            crossed += path_bucket(clients, count) != index - 1
    assert crossed > 0  # the case under test happened


def _owners(files: list[tuple[str, int]], count: int) -> dict[str, int]:
    plans = [ShardPlan(Shard(index, count), files) for index in range(1, count + 1)]
    owners = {}
    for rel, _ in files:
        owning = [plan.shard.index for plan in plans if plan.owns(rel)]
        assert len(owning) == 1, (rel, owning)
        owners[rel] = owning[0]
    return owners


def test_every_path_belongs_to_exactly_one_shard() -> None:
    files = [(f"src/m{i}.py", 100 + i * 37) for i in range(500)] + [
        (f"data/{i}.json", HEAVY_BYTES * (i + 1)) for i in range(7)
    ]
    for count in (1, 2, 4, 7):
        owners = _owners(files, count)
        assert set(owners.values()) == set(range(1, count + 1))
    # paths outside the walked list (a deleted file in a baseline) also have one owner
    plans = [ShardPlan(Shard(index, 4), files) for index in range(1, 5)]
    assert sum(plan.owns("gone/deleted.py") for plan in plans) == 1


def test_light_files_keep_their_shard_when_files_are_added_elsewhere() -> None:
    before = [(f"svc/a/m{i}.py", 2000) for i in range(400)] + [("big.bin", HEAVY_BYTES * 3)]
    after = [
        *before,
        *((f"svc/b/new{i}.py", 5000) for i in range(150)),
        ("bigger.json", HEAVY_BYTES * 5),
    ]
    old, new = _owners(before, 4), _owners(after, 4)
    assert all(old[rel] == new[rel] for rel, size in before if size < HEAVY_BYTES)


def test_heavy_files_balance_the_work() -> None:
    """Four 20 MiB files among light ones: by hash alone some shard would likely get two of
    them; dealt largest first to the least-loaded shard, each gets one."""
    light = [(f"src/m{i}.py", 3000) for i in range(800)]
    heavy = [(f"assets/clip{i}.json", 20 * 1024 * 1024) for i in range(4)]
    owners = _owners(light + heavy, 4)
    assert sorted(owners[rel] for rel, _ in heavy) == [1, 2, 3, 4]
    loads = dict.fromkeys(range(1, 5), 0)
    for rel, size in light + heavy:
        loads[owners[rel]] += size + FILE_COST
    assert max(loads.values()) < 1.1 * min(loads.values())


@pytest.mark.parametrize("spec", ["0/4", "5/4", "1/0", "one/4", "2", "-1/3"])
def test_a_bad_shard_is_a_one_line_usage_error(run_cli: Cli, monorepo: Path, spec: str) -> None:
    outcome = run_cli("scan", str(monorepo), "--shard", spec)
    assert outcome.exit_code == 2
    assert outcome.stderr.startswith("sora-migrate: error: --shard:"), outcome.stderr
    assert len(outcome.stderr.strip().splitlines()) == 1


def test_check_shards_report_baseline_entries_as_fixed_only_once(
    run_cli: Cli, tmp_path: Path
) -> None:
    tree = make_monorepo(tmp_path / "tree", packages=3, modules=6)
    baseline = tmp_path / "baseline.json"
    assert run_cli("check", str(tree), "--write-baseline", str(baseline)).exit_code == 0
    count = 3

    def fixed() -> list[dict[str, Any]]:
        entries = []
        for index in range(1, count + 1):
            outcome = run_cli(
                "check", str(tree), "--baseline", str(baseline), "--shard", f"{index}/{count}",
                "--format", "json", "--jobs", "1",
            )  # fmt: skip
            assert outcome.exit_code == 0, outcome.stderr
            entries += json.loads(outcome.stdout)["gate"]["fixed"]
        return entries

    assert fixed() == []  # other shards' entries are not "fixed" here
    (tree / "pkg1" / "module_3.py").unlink()
    assert {entry["path"] for entry in fixed()} == {"pkg1/module_3.py"}


def test_write_baseline_refuses_a_shard(run_cli: Cli, monorepo: Path, tmp_path: Path) -> None:
    outcome = run_cli(
        "check", str(monorepo), "--shard", "1/2", "--write-baseline", str(tmp_path / "b.json")
    )
    assert outcome.exit_code == 2
    assert "--write-baseline records the whole tree" in outcome.stderr
