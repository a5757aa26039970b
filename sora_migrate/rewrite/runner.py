"""`rewrite_paths`: scan, rewrite every file with Sora findings, and (with `write`) apply.

The scanner picks the files (same discovery, excludes and `.gitignore` as `scan`); each file is
then rewritten on its own, in a process pool when `jobs` > 1. Writing is atomic and keeps the
file's permissions; files with uncommitted changes are refused unless `force`.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from sora_migrate.options import ScanOptions
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
    options: ScanOptions | None = None,
) -> RewriteReport:
    """Rewrite the Sora call sites under `paths`; with `write`, apply the changes to disk.

    `options` select the files as for `scan` (default: the config file nearest to `paths`).
    TS/JS files import the TypeScript shim from the folder `ts_shim` (default: one per
    JavaScript project, see javascript/vendoring.py), vendored there on `write` when missing.
    A symbolic link, or a file that resolves outside the scanned root, is never rewritten.
    """
    from sora_migrate.config import options_for_paths
    from sora_migrate.rewrite.javascript.vendoring import ensure_shims, shim_dir_for
    from sora_migrate.scan import run_scan

    scan = run_scan(list(paths), options or options_for_paths(paths, jobs=jobs))
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
            refusal = _write(root, outcome.path, result.new_data)
            if refusal is not None:
                report.files.append(FileOutcome(outcome.path, "failed", refusal, outcome.diff))
                continue
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

        result = rewrite_javascript_bytes(data, rel, root, shim_dir)
    else:
        result = rewrite_bytes(data, rel, root, shim_module)
    refusal = not_ours(root, rel) if result.outcome.status == "changed" else None
    if refusal is not None:  # the diff is kept, so the summary can say what was left alone
        return FileResult(FileOutcome(rel, "skipped", refusal, result.outcome.diff), ())
    return result


def not_ours(root: Path, rel: str) -> str | None:
    """Why `root / rel` must not be rewritten (a symbolic link, not a regular file, outside the
    scanned root), or None. The scan reads through links; a rewrite would replace the link with
    a file, or write to its target, which may lie outside the tree or be rewritten twice."""
    path = root / rel
    try:
        mode = os.lstat(path).st_mode
    except OSError as error:
        return error.strerror or str(error)
    if stat.S_ISLNK(mode):
        return "symbolic link: not rewritten (rewrite the file it points to)"
    if not stat.S_ISREG(mode):
        return "not a regular file"
    if not path.resolve().is_relative_to(root.resolve()):
        return "outside the scanned root (through a linked folder): not rewritten"
    return None


def _write(root: Path, rel: str, data: bytes) -> str | None:
    """Replace the file atomically, checked again just before; the reason when refused."""
    from sora_migrate.errors import UserError
    from sora_migrate.write import write_atomically

    refusal = not_ours(root, rel)
    if refusal is not None:
        return refusal
    try:
        write_atomically(root / rel, data)
    except UserError as error:
        return str(error)
    return None


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
