"""The scan engine: discover → prefilter → analyse per language → findings.

Files are read once. Only files that contain a needle are decoded and parsed. Work is spread
over a process pool in batches; each worker keeps its own tree-sitter parsers and its own lazily
built index of the repository's Python modules.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from sora_migrate.analyse.context import FileContext, RuleSet
from sora_migrate.analyse.directives import parse_directives
from sora_migrate.analyse.user_regex import user_pattern
from sora_migrate.discover import DirTask, SourceFile, Walker, scan_root
from sora_migrate.encoding import DecodeError, decode_source, has_utf16_bom
from sora_migrate.errors import UserError
from sora_migrate.findings import Directive, Finding, ScanResult, SkippedFile
from sora_migrate.options import ScanOptions
from sora_migrate.prefilter import Prefilter
from sora_migrate.progress import ScanProgress
from sora_migrate.rulepack import Rule, load_rules, select_rules
from sora_migrate.shard import ShardPlan

BATCH_SIZE = 256
IN_PROCESS_LIMIT = 400
TASKS_PER_JOB = 16
BINARY_PROBE = 8192
FIRST_READ = 64 * 1024


@dataclass
class BatchResult:
    """What one worker found in one batch of files."""

    findings: list[Finding] = field(default_factory=list)
    skipped: list[SkippedFile] = field(default_factory=list)
    directives: list[Directive] = field(default_factory=list)
    scanned: int = 0
    parsed: int = 0
    binary: int = 0
    too_large: int = 0

    def merge(self, other: BatchResult) -> None:
        self.findings.extend(other.findings)
        self.skipped.extend(other.skipped)
        self.directives.extend(other.directives)
        self.scanned += other.scanned
        self.parsed += other.parsed
        self.binary += other.binary
        self.too_large += other.too_large


class FileAnalyser:
    """Reads, prefilters and analyses single files; one per process."""

    def __init__(self, root: Path, rules: tuple[Rule, ...], max_bytes: int) -> None:
        from sora_migrate.analyse.python_index import ModuleIndex

        self.root = root
        self.rules = RuleSet.from_rules(rules)
        self.prefilter = Prefilter(
            [
                user_pattern(rule.id, rule.regex.pattern.encode("utf-8"))
                for rule in self.rules.regex_rules
                if rule.regex is not None
            ]
        )
        self.index = ModuleIndex(root)
        self.max_bytes = max_bytes

    def run(self, batch: Sequence[SourceFile]) -> BatchResult:
        """Analyse a batch of files."""
        result = BatchResult()
        for source in batch:
            self._one(source, result)
        return result

    def _one(self, source: SourceFile, result: BatchResult) -> None:
        try:
            data = read_capped(source.path, self.max_bytes)
        except OSError as error:
            result.skipped.append(SkippedFile(source.rel, error.strerror or str(error)))
            return
        if data is None:
            result.too_large += 1
            result.skipped.append(SkippedFile(source.rel, f"larger than {_size(self.max_bytes)}"))
            return
        result.scanned += 1
        utf16 = has_utf16_bom(data)  # text whose every other byte may be NUL
        if not utf16 and b"\0" in data[:BINARY_PROBE]:
            result.binary += 1
            if source.kind != "text":  # a name that promises text: say why it was not read
                reason = f"binary: a NUL byte at offset {data.index(0)}"
                result.skipped.append(SkippedFile(source.rel, reason))
            return
        if not utf16 and not self.prefilter.is_candidate(data):
            return
        try:
            text, _ = decode_source(data, source.kind)
        except DecodeError as error:
            result.skipped.append(SkippedFile(source.rel, str(error)))
            return
        if utf16 and not self.prefilter.is_candidate(text.encode("utf-8")):
            return
        result.parsed += 1
        ctx = FileContext(source.rel, source.kind, text, self.rules, self.root)
        try:
            from sora_migrate.analyse import analyse_file

            resolver = self.index.resolver_for(Path(source.path))
            analyse_file(ctx, os.path.splitext(source.path)[1].lower(), resolver)
        except (UserError, ValueError, RecursionError) as error:
            result.skipped.append(SkippedFile(source.rel, f"cannot analyse: {error}"))
            return
        result.findings.extend(_dedupe(ctx.findings))
        result.directives.extend(parse_directives(text, source.rel))


def read_capped(path: str, max_bytes: int) -> bytes | None:
    """The file's bytes, or None when it is larger than `max_bytes`. Raw os.read: one read
    covers most source files (a short read of a regular file is its end), and only a longer
    file costs an fstat, for its size (a buffered `open().read(limit)` allocates `limit`). Of a
    longer binary file (a NUL byte in the probe) only the first read is returned."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        data = os.read(descriptor, FIRST_READ)
        if len(data) < FIRST_READ:
            return None if len(data) > max_bytes else data
        size = os.fstat(descriptor).st_size
        if size > max_bytes:
            return None
        if b"\0" in data[:BINARY_PROBE]:
            return data  # binary: the probe is all the caller looks at
        data += os.read(descriptor, size + 1 - len(data))
    finally:
        os.close(descriptor)
    return None if len(data) > max_bytes else data


def _size(count: int) -> str:
    return f"{count / 1024 / 1024:g} MiB" if count >= 1024 * 1024 else f"{count} bytes"


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """One finding per rule and line, except calls (two calls on a line are two sites)."""
    seen: set[tuple[str, int, int]] = set()
    unique = []
    for finding in sorted(findings, key=lambda f: (f.line, -f.confidence, f.column)):
        column = finding.column if finding.category == "sdk-call" else 0
        key = (finding.rule_id, finding.line, column)
        if key not in seen:
            seen.add(key)
            unique.append(finding)
    return unique


@dataclass(frozen=True)
class WorkerSetup:
    """What each worker process needs to build its own walker and analyser."""

    root: Path
    rules: tuple[Rule, ...]
    options: ScanOptions


class Worker:
    """One process's walker and analyser: walks a subtree and analyses what it finds."""

    def __init__(self, setup: WorkerSetup) -> None:
        options = setup.options
        self.walker = Walker(setup.root, options.include, options.exclude, options.ignore_paths)
        self.analyser = FileAnalyser(setup.root, setup.rules, options.max_file_bytes)

    def list_tree(self, task: DirTask) -> tuple[list[tuple[SourceFile, int]], list[SkippedFile]]:
        """List one folder's subtree with sizes, and what the walk had to skip (for --shard)."""
        listed = sized_files(self.walker.walk_tree(task))
        skipped = list(self.walker.walk.skipped)
        self.walker.walk.skipped.clear()
        return listed, skipped

    def run_tree(self, task: DirTask) -> BatchResult:
        """Walk and analyse one folder's subtree."""
        result = self.analyser.run(list(self.walker.walk_tree(task)))
        result.skipped.extend(self.walker.walk.skipped)
        self.walker.walk.skipped.clear()
        return result


_WORKER: Worker | None = None


def _init_worker(setup: WorkerSetup) -> None:
    global _WORKER
    _WORKER = Worker(setup)


def _run_batch(batch: list[SourceFile]) -> BatchResult:
    assert _WORKER is not None
    return _WORKER.analyser.run(batch)


def _run_tree(task: DirTask) -> BatchResult:
    assert _WORKER is not None
    return _WORKER.run_tree(task)


def _list_tree(task: DirTask) -> tuple[list[tuple[SourceFile, int]], list[SkippedFile]]:
    assert _WORKER is not None
    return _WORKER.list_tree(task)


def run_scan(paths: Sequence[Path], options: ScanOptions) -> ScanResult:
    """Scan `paths` and return every finding, sorted, with what had to be skipped."""
    started = time.perf_counter()
    if not paths:
        raise UserError("nothing to scan: give at least one path")
    root = scan_root(paths)
    rules = select_rules(
        load_rules(options.rule_dirs), options.enabled_rules, options.disabled_rules
    )
    walker = Walker(root, options.include, options.exclude, options.ignore_paths)
    jobs = options.jobs or os.cpu_count() or 1
    tasks: list[DirTask] = []
    plan: ShardPlan | None = None
    if jobs <= 1:
        files = list(walker.files(paths))
    else:
        files, tasks = walker.plan(paths, want=jobs * TASKS_PER_JOB)
    setup = WorkerSetup(root, rules, options)
    if options.shard is not None:
        total, plan = _scan_shard(setup, jobs, files, tasks, walker)
    elif jobs <= 1 or (not tasks and len(files) < IN_PROCESS_LIMIT):
        total = FileAnalyser(root, rules, options.max_file_bytes).run(files)
    else:
        total = _run_pool(setup, jobs, files, tasks, options.progress)
    walk_skipped = [s for s in walker.walk.skipped if plan is None or plan.owns(s.path)]
    skipped = sorted([*walk_skipped, *total.skipped], key=lambda item: item.path)
    return ScanResult(
        root=str(root),
        findings=sorted(total.findings, key=Finding.sort_key),
        skipped=skipped,
        files_scanned=total.scanned,
        files_parsed=total.parsed,
        directives=sorted(total.directives, key=lambda d: (d.path, d.line)),
        files_too_large=total.too_large,
        files_binary=total.binary,
        seconds=time.perf_counter() - started,
        shard=plan,
    )


def _scan_shard(
    setup: WorkerSetup, jobs: int, files: list[SourceFile], tasks: list[DirTask], walker: Walker
) -> tuple[BatchResult, ShardPlan]:
    """Every shard lists and sizes the whole tree (the same checkout gives every shard the same
    list; folders left by the walker's plan are listed in the worker processes), keeps its own
    share and analyses it."""
    shard = setup.options.shard
    assert shard is not None
    sized = sized_files(files)
    if jobs <= 1 or (not tasks and len(files) < IN_PROCESS_LIMIT):
        plan = ShardPlan(shard, ((source.rel, size) for source, size in sized))
        mine = [source for source, _ in sized if plan.owns(source.rel)]
        return FileAnalyser(setup.root, setup.rules, setup.options.max_file_bytes).run(mine), plan
    with _pool(setup, jobs) as pool:
        for listed, skipped in pool.map(_list_tree, tasks):
            sized += listed
            walker.walk.skipped.extend(skipped)
        plan = ShardPlan(shard, ((source.rel, size) for source, size in sized))
        mine = [source for source, _ in sized if plan.owns(source.rel)]
        futures = [pool.submit(_run_batch, batch) for batch in _batches(mine)]
        return _collect(futures, setup.options.progress), plan


def sized_files(files: Iterable[SourceFile]) -> list[tuple[SourceFile, int]]:
    """Each file with its size in bytes; one that cannot be sized counts as empty (reading it
    will say why, in whichever shard owns it)."""
    sized = []
    for source in files:
        try:
            sized.append((source, os.stat(source.path).st_size))
        except OSError:
            sized.append((source, 0))
    return sized


def _run_pool(
    setup: WorkerSetup,
    jobs: int,
    files: list[SourceFile],
    tasks: list[DirTask],
    progress: bool,
) -> BatchResult:
    """Top-level files go out in batches, each remaining folder as a subtree task."""
    with _pool(setup, jobs) as pool:
        futures = [pool.submit(_run_batch, batch) for batch in _batches(files)]
        futures += [pool.submit(_run_tree, task) for task in tasks]
        return _collect(futures, progress)


def _pool(setup: WorkerSetup, jobs: int) -> ProcessPoolExecutor:
    """`jobs` worker processes, each with its own walker and analyser."""
    import multiprocessing

    method = "fork" if sys.platform.startswith("linux") else "spawn"
    context = multiprocessing.get_context(method)
    return ProcessPoolExecutor(jobs, context, _init_worker, (setup,))


def _collect(futures: list[Future[BatchResult]], progress: bool) -> BatchResult:
    """Every batch's result, merged as they finish."""
    total = BatchResult()
    with ScanProgress(progress, len(futures)) as bar:
        for future in as_completed(futures):
            result = future.result()
            total.merge(result)
            bar.advance(result.scanned)
    return total


def _batches(files: Sequence[SourceFile]) -> Iterator[list[SourceFile]]:
    for start in range(0, len(files), BATCH_SIZE):
        yield list(files[start : start + BATCH_SIZE])
