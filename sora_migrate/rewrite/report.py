"""Plain-data outcomes of a rewrite: one record per call site, one per file, and the total.

These cross process boundaries (the `--jobs` pool) and feed the CLI summary and the pull-request
flow, so they are small frozen dataclasses with no libcst objects inside.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from sora_migrate.findings import ScanResult


class SkipFile(Exception):
    """The file cannot be rewritten safely; the message says why."""


SiteOutcome = Literal["rewritten", "manual"]
FileStatus = Literal["changed", "unchanged", "skipped", "failed"]


@dataclass(frozen=True)
class Site:
    """One Sora use in a file: rewritten onto the shim, or left for a person with a TODO."""

    path: str
    line: int
    kind: str
    outcome: SiteOutcome
    reason: str | None = None
    todo: str | None = None
    args: dict[str, Any] = field(default_factory=dict)
    cell: int | None = None

    @property
    def location(self) -> str:
        """`path:line`, with the notebook cell when there is one."""
        where = f"{self.path}:{self.line}"
        return where if self.cell is None else f"{where} (cell {self.cell})"


@dataclass(frozen=True)
class FileOutcome:
    """What happened to one file; `diff` is the unified diff of the change (empty if none)."""

    path: str
    status: FileStatus
    reason: str | None = None
    diff: str = ""


@dataclass
class RewriteReport:
    """Everything one `rewrite_paths` run did or would do."""

    files: list[FileOutcome] = field(default_factory=list)
    sites: list[Site] = field(default_factory=list)
    inventory: ScanResult | None = None  # the scan the rewrite started from (before any write)
    ts_shims: list[Path] = field(default_factory=list)  # TS shim folders changed files import
    vendored: list[Path] = field(default_factory=list)  # those this run vendored

    @property
    def rewritten(self) -> list[Site]:
        """Call sites moved onto the shim."""
        return [site for site in self.sites if site.outcome == "rewritten"]

    @property
    def manual(self) -> list[Site]:
        """Sites left for a person."""
        return [site for site in self.sites if site.outcome == "manual"]

    @property
    def changed(self) -> list[FileOutcome]:
        """Files that change (or changed, with `write=True`)."""
        return [outcome for outcome in self.files if outcome.status == "changed"]

    @property
    def problems(self) -> list[FileOutcome]:
        """Files skipped or left untouched because of an error."""
        return [outcome for outcome in self.files if outcome.status in ("skipped", "failed")]


@dataclass(frozen=True)
class SiteRecord:
    """One site handled in this text (positions in the text given to the transformer)."""

    line: int
    kind: str
    rewritten: bool
    reason: str | None = None
    todo: str | None = None
    args: dict[str, Any] = field(default_factory=dict)
