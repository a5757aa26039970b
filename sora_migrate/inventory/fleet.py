"""`sora-migrate fleet`: many repositories on one machine. Each listed repository is fetched
shallowly into a cache folder (and updated there on the next run), scanned, and its JSON report
merged into one inventory; a repository that fails to fetch or scan is reported with its reason
while the others go on.

Git runs as the user's own `git`, with the user's configuration and credential helpers; prompts
are turned off (`GIT_TERMINAL_PROMPT=0`, no stdin), so a missing credential fails that one
repository instead of hanging the run. Nothing here talks to a hosting API.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, replace
from pathlib import Path

from sora_migrate.errors import UserError
from sora_migrate.findings import Confidence
from sora_migrate.inventory.load import LoadedReport, parse_report
from sora_migrate.inventory.merge import Failure, Inventory, merge_reports
from sora_migrate.inventory.repos_file import RepoSpec
from sora_migrate.provenance import Repository, public_url

DEFAULT_TIMEOUT = 600
SHA = re.compile(r"[0-9a-fA-F]{7,64}")
CREDENTIALS = re.compile(r"://[^/@\s]+@")  # user:token@ in a URL that git echoes back


@dataclass(frozen=True)
class FleetOptions:
    """Where checkouts live, how many repositories are handled at once, git's time limit, and
    where to keep each repository's JSON report (None: not kept)."""

    cache: Path
    jobs: int = 1
    timeout: float = DEFAULT_TIMEOUT
    reports: Path | None = None


@dataclass(frozen=True)
class Outcome:
    """One repository done: its JSON report, or why there is none."""

    spec: RepoSpec
    report: str | None = None
    reason: str | None = None


class FetchError(Exception):
    """Git could not fetch or check out a repository; the message is the reason shown."""


def default_cache() -> Path:
    """`$XDG_CACHE_HOME/sora-migrate/fleet`, else `~/.cache/sora-migrate/fleet`."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "sora-migrate" / "fleet"


def run_fleet(
    specs: Sequence[RepoSpec],
    options: FleetOptions,
    progress: Callable[[Outcome], None] | None = None,
) -> Inventory:
    """Fetch and scan every repository (`options.jobs` at a time) and merge the reports."""
    try:
        options.cache.mkdir(parents=True, exist_ok=True)
        if options.reports is not None:
            options.reports.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UserError(f"{error.filename}: cannot create folder: {error.strerror}") from None
    outcomes = []
    if options.jobs <= 1 or len(specs) <= 1:
        for spec in specs:
            outcomes.append(handle(spec, options))
            if progress:
                progress(outcomes[-1])
    else:
        import multiprocessing

        method = "fork" if sys.platform.startswith("linux") else "spawn"
        context = multiprocessing.get_context(method)
        with ProcessPoolExecutor(min(options.jobs, len(specs)), context) as pool:
            futures = [pool.submit(handle, spec, options) for spec in specs]
            for future in as_completed(futures):
                outcomes.append(future.result())
                if progress:
                    progress(outcomes[-1])
    return _inventory(outcomes, options)


def handle(spec: RepoSpec, options: FleetOptions) -> Outcome:
    """Fetch (or update) and scan one repository; any failure becomes the outcome's reason."""
    try:
        if spec.url is None:
            assert spec.local is not None
            folder, commit = spec.local, None
        else:
            folder = spec.cache_folder(options.cache)
            commit = checkout(spec.url, spec.ref, folder, options.timeout)
        remote = public_url(spec.url) if spec.url and spec.local is None else None
        repository = Repository(spec.name, remote, commit)
        return Outcome(spec, report=scan_report(folder, repository))
    except FetchError as error:
        return Outcome(spec, reason=str(error))
    except UserError as error:
        return Outcome(spec, reason=f"cannot scan: {error}")
    except Exception as error:  # one repository's crash must not stop the others
        return Outcome(spec, reason=f"cannot scan: {type(error).__name__}: {error}")


def checkout(url: str, ref: str | None, folder: Path, timeout: float) -> str:
    """Make `folder` a shallow checkout of `ref` (default: the remote's HEAD) of `url`, cloning
    it the first time and fetching into it afterwards (the folder's name comes from the URL
    and ref, so its `origin` is always `url`); the checked-out commit."""
    if not (folder / ".git").is_dir():
        if folder.exists():
            shutil.rmtree(folder)  # a half-made checkout of an earlier run: our own folder
        if ref is None or not SHA.fullmatch(ref):
            branch = ["--branch", ref] if ref else []
            _git(
                None, timeout, "clone", "-q", "--depth", "1", "--no-tags", *branch, url, str(folder)
            )
            return _git(folder, timeout, "rev-parse", "HEAD")
        _git(None, timeout, "init", "-q", str(folder))
        _git(folder, timeout, "remote", "add", "origin", url)
    _git(folder, timeout, "fetch", "-q", "--depth", "1", "--no-tags", "origin", ref or "HEAD")
    _git(folder, timeout, "checkout", "-q", "--force", "--detach", "FETCH_HEAD")
    _git(folder, timeout, "clean", "-q", "-ffdx")
    return _git(folder, timeout, "rev-parse", "HEAD")


def scan_report(folder: Path, repository: Repository) -> str:
    """Scan `folder` in this process and return the JSON report. The repository's own
    configuration chooses paths and rules, but its `rule-dirs` are never loaded: a repository
    must not make the run evaluate regular expressions of its choosing, and every repository of
    the inventory is held to the same rule set."""
    from sora_migrate.commands.common import settings_for
    from sora_migrate.config import Settings, scan_options
    from sora_migrate.report import render
    from sora_migrate.rulepack import load_rules, select_rules
    from sora_migrate.scan import run_scan

    settings = replace(settings_for([folder], Settings()), rule_dirs=None)
    options = scan_options(settings, jobs=1)
    rules = select_rules(
        load_rules(options.rule_dirs), options.enabled_rules, options.disabled_rules
    )
    result = run_scan([folder], options)
    result.repository = repository
    return render(result, "json", rules=rules, min_confidence=Confidence.LOW, color=False)


def _inventory(outcomes: list[Outcome], options: FleetOptions) -> Inventory:
    reports: list[LoadedReport] = []
    failures = []
    for outcome in sorted(outcomes, key=lambda outcome: outcome.spec.line):
        spec = outcome.spec
        if outcome.report is None:
            failures.append(Failure(spec.name, _shown(spec), outcome.reason or "unknown"))
            continue
        label = f"{spec.name} ({_shown(spec)})"
        if options.reports is not None:
            path = options.reports / f"{spec.cache_folder(Path()).name}.json"
            path.write_text(outcome.report, encoding="utf-8")
            label = str(path)
        reports.append(parse_report(label, json.loads(outcome.report)))
    return merge_reports(reports, failures)


def _shown(spec: RepoSpec) -> str:
    return public_url(spec.source) if spec.url and "://" in spec.source else spec.source


def _git(cwd: Path | None, timeout: float, *args: str) -> str:
    command = ["git", *(["-C", str(cwd)] if cwd is not None else []), *args]
    try:
        done = subprocess.run(
            command,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            errors="replace",
            timeout=timeout,
            env={**os.environ, "GIT_TERMINAL_PROMPT": "0"},
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise FetchError(f"git {args[0]} timed out after {timeout:g} s") from None
    except OSError as error:
        raise FetchError(f"cannot run git: {error.strerror or error}") from None
    if done.returncode != 0:
        lines = [line.strip() for line in done.stderr.splitlines() if line.strip()]
        detail = lines[-1] if lines else f"exit code {done.returncode}"
        detail = CREDENTIALS.sub("://", detail.removeprefix("fatal: "))
        raise FetchError(f"git {args[0]} failed: {detail}")
    return done.stdout.strip()
