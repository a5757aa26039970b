"""The one finding model shared by scan, check, rewrite and pr."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import IntEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sora_migrate.provenance import Repository
    from sora_migrate.shard import ShardPlan


class Confidence(IntEnum):
    """How sure a finding is: low findings are shown but never fail a gate."""

    LOW = 1
    MEDIUM = 2
    HIGH = 3

    @classmethod
    def parse(cls, text: str) -> Confidence:
        """Parse 'low' / 'medium' / 'high' (case-insensitive)."""
        try:
            return cls[text.strip().upper()]
        except KeyError:
            raise ValueError(
                f"unknown confidence {text!r} (expected low, medium or high)"
            ) from None

    @property
    def label(self) -> str:
        return self.name.lower()


CATEGORIES = (
    "model-id",
    "sdk-call",
    "rest-endpoint",
    "webhook-event",
    "env-var",
    "config",
    "doc-mention",
)


@dataclass(frozen=True)
class Finding:
    """One Sora dependency at one place. Positions are 1-based, in the raw file, columns in
    Unicode code points; end positions are exclusive of the last column + 1 (SARIF style)."""

    rule_id: str
    category: str
    confidence: Confidence
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    snippet: str
    args: dict[str, Any] = field(default_factory=dict)
    cell: int | None = None
    cell_line: int | None = None
    suppressed: str | None = None

    @property
    def fingerprint(self) -> str:
        """Stable across line shifts: rule, path and the normalised code of the line."""
        code = " ".join(self.snippet.split())
        digest = hashlib.sha256(f"{self.rule_id}\0{self.path}\0{code}".encode()).hexdigest()
        return digest[:20]

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.rule_id)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form documented in README (schema_version 1)."""
        data: dict[str, Any] = {
            "rule_id": self.rule_id,
            "category": self.category,
            "confidence": self.confidence.label,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "message": self.message,
            "snippet": self.snippet,
            "fingerprint": self.fingerprint,
        }
        if self.args:
            data["args"] = self.args
        if self.cell is not None:
            data["cell"] = self.cell
            data["cell_line"] = self.cell_line
        if self.suppressed is not None:
            data["suppressed"] = self.suppressed
        return data


@dataclass(frozen=True)
class SkippedFile:
    """A file the scan could not read or parse, with the reason."""

    path: str
    reason: str


@dataclass(frozen=True)
class Directive:
    """An inline `sora-migrate: ignore[rule, ...] reason` comment. It covers findings on its own
    line and on the next line; `rules` empty means every rule."""

    path: str
    line: int
    rules: tuple[str, ...]
    reason: str


@dataclass
class ScanResult:
    """Everything one scan produced, ready for a reporter."""

    root: str
    findings: list[Finding]
    skipped: list[SkippedFile]
    files_scanned: int
    files_parsed: int
    directives: list[Directive] = field(default_factory=list)
    files_too_large: int = 0
    files_binary: int = 0
    seconds: float = 0.0
    shard: ShardPlan | None = None  # set when only one shard of the tree was scanned
    repository: Repository | None = None  # None: reporters ask git about `root`
