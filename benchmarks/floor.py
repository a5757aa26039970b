"""Where the scan's time goes, phase by phase, and the floor that no Python scanner which parses
its candidate files with tree-sitter can go below.

    python benchmarks/floor.py CORPUS [--runs R] [--jobs N] [--json]

Each phase runs the scanner's own code over CORPUS in a warm pool of N worker processes (the
scan's default: one per CPU), one warm-up and R timed runs, median:

- start-up: `sora-migrate scan` of a one-file tree (interpreter, imports, rule pack);
- walk: listing the tree (`Walker.plan` / `walk_tree`, .gitignore and excludes applied);
- read: reading every listed file once (`read_capped`);
- prefilter: the byte search on every file, over and above reading it;
- parse: reading each candidate file again and parsing it with tree-sitter, nothing else;
- analyse: the analysers on each candidate file, over and above parsing it.

The floor is start-up + read + parse: every file must be read once and every candidate parsed
once, whatever the rest costs. When `rg` is installed its wall time on the same tree (the
benchmark's command) is printed beside each figure.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from bench import RG_PATTERN, scanner_command

from sora_migrate.analyse.treesitter import grammar_for, parse
from sora_migrate.discover import SourceFile, Walker
from sora_migrate.options import ScanOptions
from sora_migrate.prefilter import Prefilter
from sora_migrate.rulepack import load_rules
from sora_migrate.scan import FileAnalyser, read_capped

MAX_BYTES = ScanOptions().max_file_bytes

_WALKER: Walker | None = None
_PREFILTER: Prefilter | None = None
_ANALYSER: FileAnalyser | None = None


def _setup(root: Path) -> None:
    global _WALKER, _PREFILTER, _ANALYSER
    _WALKER = Walker(root)
    _PREFILTER = Prefilter()
    _ANALYSER = FileAnalyser(root, load_rules(()), MAX_BYTES)


def _walk(task: Any) -> int:
    assert _WALKER is not None
    return sum(1 for _ in _WALKER.walk_tree(task))


def _read(paths: list[str]) -> int:
    return sum(len(read_capped(path, MAX_BYTES) or b"") for path in paths)


def _read_prefilter(paths: list[str]) -> int:
    assert _PREFILTER is not None
    return sum(_PREFILTER.is_candidate(read_capped(path, MAX_BYTES) or b"") for path in paths)


def _parse(files: list[SourceFile]) -> int:
    for source in files:
        grammar = grammar_for(source.kind, os.path.splitext(source.path)[1].lower())
        data = read_capped(source.path, MAX_BYTES) or b""
        if grammar is not None:
            parse(grammar, data)
    return len(files)


def _analyse(files: list[SourceFile]) -> int:
    assert _ANALYSER is not None
    return len(_ANALYSER.run(files).findings)


def _chunks(items: Sequence[Any], count: int) -> list[list[Any]]:
    size = max(1, len(items) // count + 1)
    return [list(items[start : start + size]) for start in range(0, len(items), size)]


def _timed(runs: int, job: Callable[[], object]) -> float:
    """Median wall seconds of `runs` calls after one warm-up call."""
    job()
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        job()
        seconds.append(time.perf_counter() - started)
    return statistics.median(seconds)


def _command_seconds(command: list[str], runs: int) -> float:
    def run() -> None:
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)

    return _timed(runs, run)


def startup_seconds(runs: int) -> float:
    """Wall time of a scan that has one small file to look at."""
    with tempfile.TemporaryDirectory() as tree:
        Path(tree, "app.py").write_text("print('hello')\n", encoding="utf-8")
        return _command_seconds([*scanner_command(), "scan", tree, "--format", "json"], runs)


def measure(root: Path, runs: int, jobs: int) -> dict[str, Any]:
    """Seconds per phase, the floor and (with rg installed) rg's time on the same tree."""
    root = root.resolve()
    walker = Walker(root)
    files = list(walker.files([root]))
    paths = [source.path for source in files]
    prefilter = Prefilter()
    candidates = [s for s in files if prefilter.is_candidate(read_capped(s.path, MAX_BYTES) or b"")]
    _, tasks = walker.plan([root], want=jobs * 16)
    report: dict[str, Any] = {
        "files": len(files),
        "candidates": len(candidates),
        "jobs": jobs,
        "startup": startup_seconds(runs),
    }
    with ProcessPoolExecutor(jobs, initializer=_setup, initargs=(root,)) as pool:

        def phase(function: Callable[[Any], object], chunks: list[Any]) -> float:
            return _timed(runs, lambda: list(pool.map(function, chunks)))

        report["walk"] = phase(_walk, tasks)
        report["read"] = phase(_read, _chunks(paths, jobs * 16))
        report["prefilter"] = phase(_read_prefilter, _chunks(paths, jobs * 16)) - report["read"]
        report["parse"] = phase(_parse, _chunks(candidates, jobs * 4))
        report["analyse"] = phase(_analyse, _chunks(candidates, jobs * 4)) - report["parse"]
    report["floor"] = report["startup"] + report["read"] + report["parse"]
    rg = shutil.which("rg")
    if rg is not None:
        command = [rg, "--hidden", "--no-ignore-vcs", "-c", RG_PATTERN, str(root)]
        report["rg"] = _command_seconds(command, runs)
    return report


def print_table(report: dict[str, Any]) -> None:
    """One line per phase, with its share of rg's time when rg was measured."""
    rg = report.get("rg")
    print(
        f"{report['files']:,} files, {report['candidates']} candidates, "
        f"{report['jobs']} worker processes"
    )
    for name in ("startup", "walk", "read", "prefilter", "parse", "analyse", "floor"):
        seconds = report[name]
        share = f"  {seconds / rg:5.2f}x rg" if rg else ""
        label = "floor (startup + read + parse)" if name == "floor" else name
        print(f"  {label:<31}{seconds:7.3f} s{share}")
    if rg:
        print(f"  {'rg --hidden':<31}{rg:7.3f} s")


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        parser.error(f"{args.corpus}: not a directory")
    report = measure(args.corpus, max(1, args.runs), max(1, args.jobs))
    if args.json:
        rounded = {k: round(v, 3) if isinstance(v, float) else v for k, v in report.items()}
        print(json.dumps(rounded, indent=2))
    else:
        print_table(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
