"""Benchmark `sora-migrate scan` on the generated corpus, check its findings, compare with rg.

    python benchmarks/bench.py [--files N] [--runs R] [--corpus DIR] [--keep] [--seed S] [--json]

Generates the corpus (`generate_corpus.py`) into a temporary directory, or into `--corpus DIR`
where a matching corpus is reused. Runs `sora-migrate scan CORPUS --format json --min-confidence
low` once to warm up and R more times, and reports the median wall time, files/s, MB/s and peak
memory. Compares the findings, as (path, line, rule_id), with the manifest: every missed or
invented reference is printed and the exit code is 1. When `rg` is on PATH, times
`rg --hidden --no-ignore-vcs -c` with one regex of the needles the same way and prints the ratio.
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
import threading
import time
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import generate_corpus

RG_PATTERN = r"sora|Sora|SORA|video\.completed|video\.failed|/v1/videos"
TARGET_RATIO = 2.5
TARGET_MEMORY_MB = 300
SAMPLE_SECONDS = 0.02
Key = tuple[str, int, str]


@dataclass(frozen=True)
class Run:
    """One timed process: wall seconds, exit code, output, and peak memory in bytes (the largest
    single process from wait4, and the sum over the process tree sampled from /proc)."""

    seconds: float
    returncode: int
    stdout: bytes
    stderr: bytes
    peak_process: int
    peak_tree: int


@dataclass(frozen=True)
class Check:
    """The scan's findings against the manifest."""

    expected: int
    found: int
    missed: list[dict[str, Any]]
    invented: list[dict[str, Any]]

    @property
    def ok(self) -> bool:
        return not self.missed and not self.invented


def scanner_command() -> list[str]:
    """`sora-migrate` installed next to this Python, else `python -m sora_migrate`."""
    script = Path(sys.executable).with_name("sora-migrate")
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [sys.executable, "-m", "sora_migrate"]


def _tree_rss(pid: int) -> int:
    """Resident bytes of `pid` and all its descendants (0 where /proc is unavailable)."""
    page = os.sysconf("SC_PAGE_SIZE")
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/statm", encoding="ascii") as handle:
                total += int(handle.read().split()[1]) * page
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children", encoding="ascii") as handle:
                    stack.extend(int(child) for child in handle.read().split())
        except (OSError, ValueError, IndexError):
            continue
    return total


def run_timed(command: list[str], sample: bool) -> Run:
    """Run `command` to completion, timing it and (if `sample`) sampling its memory."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        peak = [0]
        done = threading.Event()
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err)

        def sampler() -> None:
            while not done.wait(SAMPLE_SECONDS):
                peak[0] = max(peak[0], _tree_rss(process.pid))

        thread = threading.Thread(target=sampler, daemon=True)
        if sample:
            thread.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        done.set()
        if sample:
            thread.join()
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        scale = 1 if sys.platform == "darwin" else 1024
        return Run(
            seconds,
            process.returncode,
            out.read(),
            err.read(),
            usage.ru_maxrss * scale,
            peak[0],
        )


def parse_report(stdout: bytes) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The findings and the summary of a `--format json` report."""
    data = json.loads(stdout)
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise ValueError("the JSON report has no list of findings")
    return data["findings"], data.get("summary", {})


def check(findings: list[dict[str, Any]], manifest: dict[str, Any]) -> Check:
    """Compare findings with the manifest: each planted (path, line, rule_id) exactly once."""
    templates = manifest.get("templates", {})
    expected = Counter((p["path"], p["line"], p["rule_id"]) for p in manifest["planted"])
    got = Counter((f["path"], f["line"], f["rule_id"]) for f in findings)
    by_key = {(f["path"], f["line"], f["rule_id"]): f for f in findings}
    missed = [
        {"path": path, "line": line, "rule_id": rule, "template": templates.get(path)}
        for path, line, rule in sorted((expected - got).elements())
    ]
    invented = []
    for key in sorted((got - expected).elements()):
        finding = by_key[key]
        invented.append(
            {
                "path": key[0],
                "line": key[1],
                "rule_id": key[2],
                "template": templates.get(key[0], "filler"),
                "confidence": finding.get("confidence"),
                "snippet": finding.get("snippet"),
                "message": finding.get("message"),
            }
        )
    return Check(sum(expected.values()), sum(got.values()), missed, invented)


def prepare_corpus(corpus: Path | None, files: int, seed: int) -> tuple[Path, dict[str, Any]]:
    """The corpus directory and its manifest, generating it unless a matching one exists."""
    dest = corpus if corpus is not None else Path(tempfile.mkdtemp(prefix="sora-bench-"))
    if generate_corpus.is_current(dest, files, seed):
        _log(f"reusing the corpus in {dest}")
        manifest = generate_corpus.read_manifest(dest)
        assert manifest is not None
        return dest, manifest
    _log(f"generating {files:,} files into {dest} ...")
    started = time.perf_counter()
    manifest = generate_corpus.generate(dest, files, seed)
    _log(f"generated {manifest['bytes'] / 1e6:.1f} MB in {time.perf_counter() - started:.1f} s")
    return dest, manifest


def time_command(
    name: str, command: list[str], runs: int, sample: bool, ok_codes: tuple[int, ...] = (0,)
) -> list[Run]:
    """A warm-up run, then `runs` timed runs; exits if the command fails."""
    results = []
    for number in range(runs + 1):
        label = "warm-up" if number == 0 else f"run {number}/{runs}"
        run = run_timed(command, sample)
        _log(f"{name} {label}: {run.seconds:.2f} s")
        if run.returncode not in ok_codes:
            message = run.stderr.decode("utf-8", "replace").strip()
            raise SystemExit(f"{name} failed with exit code {run.returncode}:\n{message}")
        if number:
            results.append(run)
    return results


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _median(runs: list[Run]) -> float:
    return statistics.median(run.seconds for run in runs)


def measure(corpus: Path, manifest: dict[str, Any], runs: int) -> dict[str, Any]:
    """Time the scan (and rg when installed) and check the findings; the report as a dict."""
    scan_cmd = [*scanner_command(), "scan", str(corpus), "--format", "json"]
    scan_cmd += ["--min-confidence", "low"]
    scans = time_command("scan", scan_cmd, runs, sample=True)
    findings, summary = parse_report(scans[-1].stdout)
    result = check(findings, manifest)
    scan_seconds = _median(scans)
    mb = manifest["bytes"] / 1e6
    report: dict[str, Any] = {
        "corpus": str(corpus),
        "seed": manifest["seed"],
        "files": manifest["files"],
        "megabytes": round(mb, 1),
        "planted": len(manifest["planted"]),
        "lookalikes": len(manifest["lookalikes"]),
        "runs": runs,
        "scan_command": " ".join(scan_cmd),
        "scan_seconds": [round(run.seconds, 3) for run in scans],
        "scan_median_seconds": round(scan_seconds, 3),
        "files_per_second": round(manifest["files"] / scan_seconds),
        "megabytes_per_second": round(mb / scan_seconds, 1),
        "peak_rss_process_mb": round(max(run.peak_process for run in scans) / 1e6, 1),
        "peak_rss_tree_mb": round(max(run.peak_tree for run in scans) / 1e6, 1),
        "files_scanned": summary.get("files_scanned"),
        "files_parsed": summary.get("files_parsed"),
        "findings": result.found,
        "check": asdict(result) | {"ok": result.ok},
    }
    rg = shutil.which("rg")
    if rg is not None:
        rg_cmd = [rg, "--hidden", "--no-ignore-vcs", "-c", RG_PATTERN, str(corpus)]
        rgs = time_command("rg", rg_cmd, runs, sample=False, ok_codes=(0, 1))
        rg_seconds = _median(rgs)
        report |= {
            "rg_command": " ".join(rg_cmd),
            "rg_seconds": [round(run.seconds, 3) for run in rgs],
            "rg_median_seconds": round(rg_seconds, 3),
            "rg_files_matched": len(rgs[-1].stdout.splitlines()),
            "ratio": round(scan_seconds / rg_seconds, 2),
        }
    return report


def print_table(report: dict[str, Any]) -> None:
    """The human-readable summary."""
    result = report["check"]
    rows = [
        ("corpus", f"{report['corpus']} (seed {report['seed']})"),
        ("files", f"{report['files']:,} files, {report['megabytes']:.1f} MB"),
        ("scanned", f"{report['files_scanned']} files read, {report['files_parsed']} parsed"),
        ("planted", f"{report['planted']} references, {report['lookalikes']} look-alikes"),
        (
            "scan",
            f"median {report['scan_median_seconds']:.2f} s over {report['runs']} runs "
            f"({', '.join(f'{s:.2f}' for s in report['scan_seconds'])})",
        ),
        (
            "throughput",
            f"{report['files_per_second']:,} files/s, {report['megabytes_per_second']:.1f} MB/s",
        ),
        (
            "peak memory",
            f"{report['peak_rss_process_mb']:.0f} MB largest process, "
            f"{report['peak_rss_tree_mb']:.0f} MB all processes (sampled); "
            f"target < {TARGET_MEMORY_MB} MB",
        ),
    ]
    if "ratio" in report:
        rows += [
            (
                "rg --hidden",
                f"median {report['rg_median_seconds']:.3f} s "
                f"({report['rg_files_matched']} files matched)",
            ),
            ("scan / rg", f"{report['ratio']:.2f}x (target <= {TARGET_RATIO}x)"),
        ]
    else:
        rows.append(("rg", "not installed; see docs/benchmark.md"))
    verdict = "OK" if result["ok"] else "FAIL"
    rows.append(
        (
            "findings",
            f"{verdict}: {report['findings']} reported, {result['expected']} "
            f"planted, {len(result['missed'])} missed, "
            f"{len(result['invented'])} invented",
        )
    )
    width = max(len(name) for name, _ in rows)
    print("sora-migrate scan benchmark")
    for name, value in rows:
        print(f"  {name:<{width}}  {value}")
    for item in result["missed"]:
        print(f"MISSED   {item['path']}:{item['line']} {item['rule_id']} ({item['template']})")
    for item in result["invented"]:
        print(
            f"INVENTED {item['path']}:{item['line']} {item['rule_id']} {item['confidence']} "
            f"({item['template']}): {item['snippet']}"
        )


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: 0 when the findings match the manifest exactly, else 1."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=generate_corpus.DEFAULT_FILES)
    parser.add_argument("--runs", type=int, default=5, help="timed runs after one warm-up")
    parser.add_argument("--seed", type=int, default=generate_corpus.DEFAULT_SEED)
    parser.add_argument("--corpus", type=Path, help="generate into (or reuse) this directory")
    parser.add_argument("--keep", action="store_true", help="keep the temporary corpus")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    corpus, manifest = prepare_corpus(args.corpus, args.files, args.seed)
    try:
        report = measure(corpus, manifest, args.runs)
    finally:
        if args.corpus is None and not args.keep:
            shutil.rmtree(corpus, ignore_errors=True)
        elif args.corpus is None:
            _log(f"kept the corpus in {corpus}")
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print_table(report)
    return 0 if report["check"]["ok"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
