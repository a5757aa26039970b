"""Combine JSON reports into one inventory: shards of one tree become one repository, reports of
many repositories stay side by side.

Reports belong to the same repository when they name the same repository (and remote, or the
same scanned root when there is no remote) and the same folder inside it. Within a repository:
two reports of the same shard (or two unsharded reports) are an error, never a double count;
shards of different commits or different shard counts are an error; missing shards are a
warning and the repository is marked incomplete. Reports from different tool or rule-set
versions are merged with a warning that names them.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from pathlib import Path

from sora_migrate.findings import Confidence, Finding, ScanResult
from sora_migrate.inventory.load import LoadedReport, ReportError, load_report
from sora_migrate.provenance import Repository
from sora_migrate.pull_request.costs import PRICED_PROVIDERS, estimate_call
from sora_migrate.report.model import Report
from sora_migrate.rulepack import load_rules

TOP_FILES = 10
# The SDK methods that make a video, in every SDK's spelling (`create_and_poll`, Go's
# `NewAndPoll`, .NET's `CreateVideoRemixAsync`, Ruby's `extend_`), lower-cased without `_` and
# `Async`; the analysers name the method in the message: "(videos.create_and_poll: ...)".
VIDEO_METHODS = frozenset(
    {"create", "createandpoll", "new", "newandpoll", "createvideo", "remix", "createvideoremix",
     "edit", "extend"}
)  # fmt: skip
METHOD_IN_MESSAGE = re.compile(r"\(videos[.\s]+(\w+)")
MAX_NAMED = 3


@dataclass(frozen=True)
class SiteEstimate:
    """The price of one run of one video-making call site on each priced provider."""

    path: str
    line: int
    method: str
    seconds: int
    resolution: str
    assumed: bool
    per_provider: dict[str, Decimal | None]


@dataclass(frozen=True)
class Failure:
    """A repository that could not be scanned, and why (from `fleet`)."""

    name: str
    source: str
    reason: str


@dataclass
class RepositoryInventory:
    """One repository: its reports (shards) combined into one Report."""

    repository: Repository
    report: Report
    sources: tuple[str, ...]
    tool_versions: tuple[str, ...]
    ruleset_versions: tuple[str, ...]
    shard_count: int | None = None
    missing_shards: tuple[int, ...] = ()

    @property
    def clean(self) -> bool:
        """No open finding at the reports' confidence level."""
        return not self.report.open_items

    @property
    def complete(self) -> bool:
        return not self.missing_shards

    def top_files(self, limit: int = TOP_FILES) -> list[tuple[str, int]]:
        """Files with the most open findings, most first (ties by path)."""
        counts = Counter(item.finding.path for item in self.report.open_items)
        return sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))[:limit]

    @cached_property
    def site_estimates(self) -> list[SiteEstimate]:
        """Every open video-making SDK call, priced for one run."""
        estimates = []
        for item in self.report.open_items:
            method = video_method(item.finding)
            if method is None:
                continue
            seconds, resolution, assumed, prices = estimate_call(item.finding.args)
            estimates.append(
                SiteEstimate(
                    item.finding.path,
                    item.finding.line,
                    method,
                    seconds,
                    resolution,
                    assumed,
                    prices,
                )
            )
        return estimates


@dataclass
class Inventory:
    """Every repository merged, the ones that failed, and what the reader should know."""

    repositories: list[RepositoryInventory]
    failures: list[Failure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def clean(self) -> list[RepositoryInventory]:
        return [repo for repo in self.repositories if repo.clean]

    @property
    def with_findings(self) -> list[RepositoryInventory]:
        return [repo for repo in self.repositories if not repo.clean]


def video_method(finding: Finding) -> str | None:
    """The video-making SDK method an `sdk-call` finding reports (`create`, `remix`, ...)."""
    if finding.rule_id != "sdk-call":
        return None
    match = METHOD_IN_MESSAGE.search(finding.message)
    if match is None:
        return None
    key = match[1].lower().replace("_", "").removesuffix("async")
    return match[1] if key in VIDEO_METHODS else None


def total_cost(estimates: Iterable[SiteEstimate]) -> dict[str, Decimal | None]:
    """The sum per provider; None for a provider with no published price for some site."""
    totals: dict[str, Decimal | None] = dict.fromkeys(PRICED_PROVIDERS, Decimal(0))
    for estimate in estimates:
        for provider in PRICED_PROVIDERS:
            price, so_far = estimate.per_provider.get(provider), totals[provider]
            totals[provider] = None if price is None or so_far is None else so_far + price
    return totals


def merge_files(paths: Sequence[Path]) -> Inventory:
    """Load every report (the first bad one is a ReportError) and merge them."""
    return merge_reports([load_report(path) for path in paths])


def merge_reports(reports: Sequence[LoadedReport], failures: Sequence[Failure] = ()) -> Inventory:
    """Group reports by repository and combine each group's shards."""
    groups: dict[tuple[str, str, str], list[LoadedReport]] = defaultdict(list)
    for report in reports:
        repo = report.repository
        groups[(repo.name, repo.remote or report.result.root, repo.path)].append(report)
    warnings = _version_warnings(reports)
    repositories = []
    for key in sorted(groups):
        repository, warning = _combine(groups[key])
        repositories.append(repository)
        if warning:
            warnings.append(warning)
    return Inventory(repositories, list(failures), warnings)


def _combine(reports: list[LoadedReport]) -> tuple[RepositoryInventory, str | None]:
    first = reports[0]
    name = display_name(first.repository)
    commits = sorted({r.repository.commit or "unknown" for r in reports})
    if len(commits) > 1:
        raise ReportError(
            f"reports of {name} come from different commits ({', '.join(commits)}): "
            f"merge reports of one commit ({_files(reports)})"
        )
    missing: tuple[int, ...] = ()
    counts = {r.shard[1] if r.shard else None for r in reports}
    if len(counts) > 1:
        raise ReportError(
            f"reports of {name} mix different shardings ({_files(reports)}): "
            "merge all shards of one --shard K/N run, or one unsharded report"
        )
    count = counts.pop()
    seen: dict[int | None, str] = {}
    for report in reports:
        index = report.shard[0] if report.shard else None
        if index in seen:
            what = f"shard {index}/{count}" if index is not None else "report"
            raise ReportError(
                f"duplicate {what} of {name}: {seen[index]} and {report.file} "
                "(merging both would count its findings twice)"
            )
        seen[index] = report.file
    warning = None
    if count is not None:
        missing = tuple(k for k in range(1, count + 1) if k not in seen)
        if missing:
            shown = ", ".join(f"{k}/{count}" for k in missing)
            warning = f"{name}: shard {shown} missing; its inventory is incomplete"
    levels = sorted({r.min_confidence for r in reports})
    if len(levels) > 1:
        warning = (warning + "; " if warning else "") + (
            f"{name}: shards were scanned at different --min-confidence ({', '.join(levels)})"
        )
    ordered = sorted(reports, key=lambda r: r.shard or (0, 0))
    return (
        RepositoryInventory(
            repository=first.repository,
            report=_report(ordered),
            sources=tuple(r.file for r in ordered),
            tool_versions=tuple(sorted({r.tool_version for r in reports})),
            ruleset_versions=tuple(sorted({r.ruleset or "unknown" for r in reports})),
            shard_count=count,
            missing_shards=missing,
        ),
        warning,
    )


def _report(reports: list[LoadedReport]) -> Report:
    """One Report over every shard: findings and skipped files in the scan's order, counts
    added up."""
    first = reports[0].result
    findings = sorted((f for r in reports for f in r.result.findings), key=Finding.sort_key)
    items = sorted((i for r in reports for i in r.items), key=lambda i: i.finding.sort_key())
    result = ScanResult(
        root=first.root,
        findings=findings,
        skipped=sorted((s for r in reports for s in r.result.skipped), key=lambda s: s.path),
        files_scanned=sum(r.result.files_scanned for r in reports),
        files_parsed=sum(r.result.files_parsed for r in reports),
        files_too_large=sum(r.result.files_too_large for r in reports),
        files_binary=sum(r.result.files_binary for r in reports),
        repository=reports[0].repository,
    )
    level = min(Confidence.parse(r.min_confidence) for r in reports)
    return Report(
        result=result,
        items=tuple(items),
        rules={rule.id: rule for rule in load_rules()},
        min_confidence=level,
    )


def _version_warnings(reports: Sequence[LoadedReport]) -> list[str]:
    warnings = []
    for what, version_of in (
        ("tool versions", lambda r: r.tool_version),
        ("rule-set versions", lambda r: r.ruleset or "unknown"),
    ):
        by_version: dict[str, list[str]] = defaultdict(list)
        for report in reports:
            by_version[version_of(report)].append(report.file)
        if len(by_version) > 1:
            listed = "; ".join(
                f"{version} ({_named(files)})" for version, files in sorted(by_version.items())
            )
            warnings.append(f"reports come from different {what}: {listed}")
    return warnings


def display_name(repository: Repository) -> str:
    """How a repository is named in the inventory: its name, and the folder when not the top."""
    return f"{repository.name}/{repository.path}" if repository.path else repository.name


def _named(files: list[str]) -> str:
    shown = ", ".join(files[:MAX_NAMED])
    return shown if len(files) <= MAX_NAMED else f"{shown} and {len(files) - MAX_NAMED} more"


def _files(reports: list[LoadedReport]) -> str:
    return _named([r.file for r in reports])
