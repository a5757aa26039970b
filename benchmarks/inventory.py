"""Time the organisation-wide inventory: shards of the benchmark corpus, and fleets of small
generated git repositories.

    python benchmarks/inventory.py shards [--files N] [--corpus DIR] [--counts 1,2,4] [--runs R]
    python benchmarks/inventory.py fleet [--repos 50,200] [--jobs 1,2]

`shards` times the whole scan of the corpus, then every shard K/N of each N, one after another
(as N CI jobs would run them, each on its own machine), and prints the slowest shard's time
against the whole scan; it checks that the merged shards equal the whole report (exit 1 if
not). Each figure is the median of R runs after one warm-up run.

`fleet` generates M small bare repositories (one `git fast-import` each: half with Sora code,
half clean), lists them as file:// URLs, and times `sora-migrate fleet` with a fresh cache
(every repository cloned) and again with that cache (every repository fetched), at each
`--jobs`.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import prepare_corpus, scanner_command

ROOT = Path(__file__).resolve().parent.parent


def _timed(command: list[str]) -> tuple[float, float]:
    """Wall seconds, and CPU seconds (user + system) of the command and every process it
    waited for: on a busy machine the CPU time says more about balance than the wall time."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, check=False)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        sys.exit(f"{' '.join(command)} failed: {done.stderr.decode(errors='replace').strip()}")
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return seconds, cpu


def _median(command: list[str], runs: int) -> tuple[float, float]:
    _timed(command)  # warm-up: page cache, bytecode
    samples = [_timed(command) for _ in range(runs)]
    return (
        statistics.median(wall for wall, _ in samples),
        statistics.median(cpu for _, cpu in samples),
    )


def shards(args: argparse.Namespace) -> int:
    corpus, _ = prepare_corpus(args.corpus, args.files, args.seed)
    out = Path(tempfile.mkdtemp(prefix="sora-shards-"))
    scan = [*scanner_command(), "scan", str(corpus), "--format", "json"]
    whole, whole_cpu = _median([*scan, "--output", str(out / "whole.json")], args.runs)
    print(f"whole scan: {whole:.2f} s wall, {whole_cpu:.2f} s CPU")
    equal = True
    for count in args.counts:
        times = []
        for index in range(1, count + 1):
            report = out / f"{count}-{index}.json"
            command = [*scan, "--shard", f"{index}/{count}", "-o", str(report)]
            times.append(_median(command, args.runs))
        wall, cpu = max(t for t, _ in times), max(c for _, c in times)
        listed = ", ".join(f"{t:.2f}/{c:.2f}" for t, c in times)
        print(
            f"N={count}: shards (wall/CPU s) {listed}; slowest {wall / whole:.2f} x the whole "
            f"scan's wall time, {cpu / whole_cpu:.2f} x its CPU time (ideal {1 / count:.2f})"
        )
        equal &= _merged_equals_whole(out, count)
    print("merged shards equal the whole report" if equal else "MERGED SHARDS DIFFER")
    return 0 if equal else 1


def _merged_equals_whole(out: Path, count: int) -> bool:
    reports = [str(out / f"{count}-{index}.json") for index in range(1, count + 1)]
    merged = subprocess.run(
        [*scanner_command(), "merge", *reports, "--format", "json"], capture_output=True, check=True
    )
    (repository,) = json.loads(merged.stdout)["repositories"]
    whole = json.loads((out / "whole.json").read_text(encoding="utf-8"))
    keys = ("summary", "findings", "skipped")
    return all(repository[key] == whole[key] for key in keys)


def fleet(args: argparse.Namespace) -> int:
    sys.path.insert(0, str(ROOT))
    from tests.inventory.git_fleet import CLEAN_PY, README, SORA_PY, bare_repo

    for count in args.repos:
        base = Path(tempfile.mkdtemp(prefix=f"sora-fleet-{count}-"))
        started = time.perf_counter()
        urls = []
        for index in range(count):
            files = {"lib/add.py": CLEAN_PY, "README.md": README}
            if index % 2 == 0:
                files["app/render.py"] = SORA_PY
            repo, _ = bare_repo(base / "src" / f"repo-{index:04}.git", files)
            urls.append(repo.as_uri())
        listing = base / "repos.txt"
        listing.write_text("\n".join(urls) + "\n", encoding="utf-8")
        print(f"{count} repositories generated in {time.perf_counter() - started:.1f} s")
        for jobs in args.jobs:
            cache = base / f"cache-{jobs}"
            command = [
                *scanner_command(), "fleet", str(listing), "--jobs", str(jobs),
                "--cache", str(cache), "--format", "json", "--output", str(base / "inv.json"),
            ]  # fmt: skip
            cold, _ = _timed(command)
            warm, _ = _timed(command)
            print(
                f"{count} repositories, --jobs {jobs}: {cold:.2f} s cloning, {warm:.2f} s updating"
            )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    shard_args = commands.add_parser("shards", help="shard scaling on the benchmark corpus")
    shard_args.add_argument("--files", type=int, default=50_000)
    shard_args.add_argument("--seed", type=int, default=20261122)
    shard_args.add_argument("--corpus", type=Path)
    shard_args.add_argument("--counts", type=_numbers, default=[1, 2, 4])
    shard_args.add_argument("--runs", type=int, default=3)
    fleet_args = commands.add_parser("fleet", help="fleet wall time on generated repositories")
    fleet_args.add_argument("--repos", type=_numbers, default=[50, 200])
    fleet_args.add_argument("--jobs", type=_numbers, default=[1, 2])
    args = parser.parse_args(argv)
    return shards(args) if args.command == "shards" else fleet(args)


def _numbers(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part.strip()]


if __name__ == "__main__":
    sys.exit(main())
