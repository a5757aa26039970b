"""`rewrite_paths`: scan, rewrite every file with Sora findings, and (with `write`) apply.

The scanner picks the files (same discovery, excludes and `.gitignore` as `scan`); each file is
then rewritten on its own, in a process pool when `jobs` > 1. Writing is atomic and keeps the
file's permissions; files with uncommitted changes are refused unless `force`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from sora_migrate.rewrite.engine import FileResult, rewrite_bytes
from sora_migrate.rewrite.report import FileOutcome, RewriteReport

DEFAULT_SHIM_MODULE = "sora_migrate.shim"
PYTHON_SUFFIXES = (".py", ".pyi", ".ipynb")
JAVASCRIPT_SUFFIXES = (".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs")
REWRITABLE_SUFFIXES = PYTHON_SUFFIXES + JAVASCRIPT_SUFFIXES
ACTIONABLE = frozenset({"sdk-call", "rest-endpoint", "batch-endpoint", "webhook-event"})
POOL_MIN_FILES = 8
DIRTY = "has uncommitted changes; commit or stash them first, or pass --force"


def rewrite_paths(
    paths: Sequence[Path],
    *,
    shim_module: str = DEFAULT_SHIM_MODULE,
    write: bool = False,
    force: bool = False,
    jobs: int | None = None,
    ts_shim: Path | None = None,
) -> RewriteReport:
    """Rewrite the Sora call sites under `paths`; with `write`, apply the changes to disk.

    TS/JS files import the TypeScript shim from the folder `ts_shim` (default: one per
    JavaScript project, see javascript/vendoring.py), vendored there on `write` when missing.
    """
    from sora_migrate.options import ScanOptions
    from sora_migrate.rewrite.javascript.vendoring import ensure_shims, shim_dir_for
    from sora_migrate.scan import run_scan

    scan = run_scan(list(paths), ScanOptions(jobs=jobs))
    root = Path(scan.root)
    found = {
        finding.path
        for finding in scan.findings
        if finding.rule_id in ACTIONABLE and finding.path.endswith(REWRITABLE_SUFFIXES)
    }
    shims = {
        rel: shim_dir_for(root, rel, ts_shim) for rel in found if rel.endswith(JAVASCRIPT_SUFFIXES)
    }
    candidates = sorted(rel for rel in found if not _inside(root / rel, shims.get(rel)))
    report = RewriteReport(inventory=scan)
    for skipped in scan.skipped:
        if skipped.path.endswith(REWRITABLE_SUFFIXES):
            report.files.append(FileOutcome(skipped.path, "skipped", skipped.reason))
    tasks = [(root, rel, shim_module, shims.get(rel)) for rel in candidates]
    results = ensure_shims(_rewrite_all(tasks, jobs), shims, report, write)
    dirty = _dirty(root, results, write, force)
    for result in results:
        outcome = result.outcome
        if outcome.status == "changed" and (root / outcome.path).resolve() in dirty:
            report.files.append(FileOutcome(outcome.path, "skipped", DIRTY, outcome.diff))
            continue
        if write and outcome.status == "changed" and result.new_data is not None:
            from sora_migrate.write import write_atomically

            write_atomically(root / outcome.path, result.new_data)
        report.files.append(outcome)
        report.sites.extend(result.sites)
    report.files.sort(key=lambda item: item.path)
    return report


Task = tuple[Path, str, str, Path | None]  # root, file, Python shim module, TS shim folder


def _rewrite_all(tasks: list[Task], jobs: int | None) -> list[FileResult]:
    workers = jobs or os.cpu_count() or 1
    if workers <= 1 or len(tasks) < POOL_MIN_FILES:
        return [_rewrite_one(task) for task in tasks]
    import multiprocessing

    method = "fork" if sys.platform.startswith("linux") else "spawn"
    with ProcessPoolExecutor(workers, multiprocessing.get_context(method)) as pool:
        return list(pool.map(_rewrite_one, tasks, chunksize=4))


def _rewrite_one(task: Task) -> FileResult:
    root, rel, shim_module, shim_dir = task
    try:
        data = (root / rel).read_bytes()
    except OSError as error:
        return FileResult(FileOutcome(rel, "skipped", error.strerror or str(error)), ())
    if shim_dir is not None:
        from sora_migrate.rewrite.javascript.engine import rewrite_javascript_bytes

        return rewrite_javascript_bytes(data, rel, root, shim_dir)
    return rewrite_bytes(data, rel, root, shim_module)


def _inside(path: Path, folder: Path | None) -> bool:
    return folder is not None and path.absolute().is_relative_to(folder)


def _dirty(root: Path, results: list[FileResult], write: bool, force: bool) -> set[Path]:
    if not write or force:
        return set()
    from sora_migrate.rewrite.git_guard import dirty_files

    changed = [
        root / result.outcome.path for result in results if result.outcome.status == "changed"
    ]
    return dirty_files(changed)
