"""The data every reporter reads: the scan, the findings to show with their gate status, the
rules, and (for `check`) the gate's outcome."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from sora_migrate.findings import Confidence, Directive, Finding, ScanResult
from sora_migrate.gate.baseline import BaselineEntry
from sora_migrate.rulepack import Rule

if TYPE_CHECKING:
    from sora_migrate.provenance import Repository

Status = Literal["found", "new", "below-gate", "baselined", "suppressed"]
"""found: a plain scan finding; new: at gate level, fails the gate; below-gate: shown, never
fails; baselined: recorded in the baseline file; suppressed: an inline directive covers it."""

OPEN_STATUSES: tuple[Status, ...] = ("found", "new", "below-gate")


@dataclass(frozen=True)
class Notice:
    """A gate warning tied to a place: a suppression without a reason, an unused one, ..."""

    path: str
    line: int
    message: str


@dataclass(frozen=True)
class GateOutcome:
    """What `check` decided: which findings fail, which the baseline or a directive covers."""

    threshold: Confidence
    new: tuple[Finding, ...] = ()
    below_gate: tuple[Finding, ...] = ()
    baselined: tuple[Finding, ...] = ()
    suppressed: tuple[Finding, ...] = ()
    fixed: tuple[BaselineEntry, ...] = ()
    unused_suppressions: tuple[Directive, ...] = ()
    warnings: tuple[Notice, ...] = ()
    baseline: str | None = None
    since: str | None = None
    outside_diff: int = 0

    @property
    def failed(self) -> bool:
        """The gate fails when a finding at or above the threshold is neither baselined nor
        suppressed."""
        return bool(self.new)


@dataclass(frozen=True)
class Item:
    """One finding as a reporter shows it."""

    finding: Finding
    status: Status

    @property
    def is_open(self) -> bool:
        """Not covered by the baseline or an inline directive."""
        return self.status in OPEN_STATUSES


@dataclass(frozen=True)
class Report:
    """Input of every `render(report) -> str`."""

    result: ScanResult
    items: tuple[Item, ...]
    rules: Mapping[str, Rule]
    min_confidence: Confidence
    gate: GateOutcome | None = None
    color: bool = False
    width: int = 100

    @property
    def open_items(self) -> tuple[Item, ...]:
        """Items that still need work (not baselined, not suppressed)."""
        return tuple(item for item in self.items if item.is_open)

    def repository(self) -> Repository:
        """The scanned repository: as the scan recorded it, else asked of git."""
        from sora_migrate.provenance import describe_repository

        return self.result.repository or describe_repository(Path(self.result.root))

    def ruleset_version(self) -> str:
        """The digest of the rules this report was made with."""
        from sora_migrate.provenance import ruleset_version

        return ruleset_version(tuple(self.rules.values()))

    def counts(self) -> dict[str, int]:
        """Open findings by confidence label, every level present."""
        counts = Counter(item.finding.confidence.label for item in self.open_items)
        return {level.label: counts[level.label] for level in sorted(Confidence, reverse=True)}

    def by_category(self) -> dict[str, dict[str, int]]:
        """Open findings per category, then per confidence label; categories sorted."""
        table: dict[str, dict[str, int]] = {}
        for item in self.open_items:
            row = table.setdefault(
                item.finding.category, {c.label: 0 for c in sorted(Confidence, reverse=True)}
            )
            row[item.finding.confidence.label] += 1
        return dict(sorted(table.items()))

    def files(self) -> dict[str, list[Item]]:
        """Open items grouped by path, paths in sorted order."""
        grouped: dict[str, list[Item]] = {}
        for item in self.open_items:
            grouped.setdefault(item.finding.path, []).append(item)
        return dict(sorted(grouped.items()))

    def headline(self) -> str:
        """One line: open findings by confidence, files, scanned and skipped counts."""
        counts = self.counts()
        levels = ", ".join(f"{count} {label}" for label, count in counts.items())
        result = self.result
        return (
            f"{len(self.open_items)} findings in {len(self.files())} files ({levels}); "
            f"{result.files_scanned} files scanned, {len(result.skipped)} skipped, "
            f"{result.files_too_large} too large, {result.files_binary} binary"
        )

    def gate_line(self) -> str | None:
        """One line saying whether the gate passed, and why; None without a gate."""
        gate = self.gate
        if gate is None:
            return None
        verdict = "FAILED" if gate.failed else "passed"
        parts = [
            f"gate {verdict}: {len(gate.new)} new findings at or above {gate.threshold.label}",
            f"{len(gate.baselined)} baselined",
            f"{sum(entry.count for entry in gate.fixed)} fixed",
            f"{len(gate.suppressed)} suppressed",
        ]
        if gate.since is not None:
            parts.append(f"{gate.outside_diff} outside the diff since {gate.since}")
        return ", ".join(parts)
