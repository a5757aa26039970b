"""Per-file analysis context: the text, the active rules, and how findings are emitted.

Analysers hand over *spans* (a piece of text with its 1-based line and column and a kind:
`string`, `code`, `comment` or `prose`); positions inside a span are turned into file positions
here, so every analyser reports raw-file coordinates the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sora_migrate.findings import Confidence, Finding
from sora_migrate.rulepack import Rule

if TYPE_CHECKING:
    from tree_sitter import Node

OPENAI_CONTEXT = re.compile(
    r"\b(?:from|import)\s+openai\b|[\"']openai[\"']|api\.openai\.com|openai\.azure\.com"
    r"|\bOPENAI_[A-Z_]+|\b(?:Async)?(?:Azure)?OpenAI\s*\(|\bnew\s+(?:Azure)?OpenAI\b"
    # the SDKs of Go, Java/Kotlin, Ruby, .NET, PHP and Rust
    r"|/openai-go\b|\bcom\.openai\.|\bOpenAI::|\busing\s+OpenAI\b|\bOpenAI\\|\basync_openai\b"
    r"|\bopenai_dive\b"
)

# Imports of the SDK's Sora types: `openai/resources/videos`, `openai.types.video...`, `Video*`
# names from `openai.types`.
VIDEO_TYPES = re.compile(
    r"openai/resources/videos|openai\.types\.video|from\s+openai\.types\s+import\s+[^\n]*\bVideo"
)
# Files about the past: a changelog entry that names Sora records history, not a dependency.
DOC_SUFFIX = r"\.(?:md|markdown|mdx|rst|txt|adoc)"
HISTORY_FILE = re.compile(
    rf"(?:^|/)(?:changelog|changes|history|news|release[-_ ]?notes?|releases)(?:{DOC_SUFFIX})?$"
    rf"|(?:^|/)(?:\.changeset|changelog\.d|changes|release[-_]?notes|changelogs?)/[^/]+{DOC_SUFFIX}$",
    re.IGNORECASE,
)


def about_the_past(path: str) -> bool:
    """Whether the file (POSIX path) is a changelog, history or release notes."""
    return HISTORY_FILE.search(path) is not None


@dataclass(frozen=True)
class Span:
    """A piece of a file: `text` starts at (`line`, `column`), both 1-based, columns in chars."""

    text: str
    line: int
    column: int
    kind: str

    def position(self, index: int) -> tuple[int, int]:
        """File position of character `index` of this span."""
        newlines = self.text.count("\n", 0, index)
        if newlines == 0:
            return self.line, self.column + index
        return self.line + newlines, index - self.text.rfind("\n", 0, index)


@dataclass(frozen=True)
class RuleSet:
    """The active rules, indexed by built-in matcher, plus user regex rules per language."""

    by_builtin: dict[str, Rule]
    regex_rules: tuple[Rule, ...]

    @classmethod
    def from_rules(cls, rules: tuple[Rule, ...]) -> RuleSet:
        return cls(
            by_builtin={rule.builtin: rule for rule in rules if rule.builtin},
            regex_rules=tuple(rule for rule in rules if rule.regex is not None),
        )


@dataclass
class FileContext:
    """Everything an analyser needs for one file, and the findings it produced."""

    path: str
    kind: str
    text: str
    rules: RuleSet
    root: Path
    findings: list[Finding] = field(default_factory=list)
    cap: Confidence = Confidence.HIGH
    read_as_text: bool = False  # every line went through the text pass (no residual needed)
    lines: list[str] = field(init=False)
    lowered: str = field(init=False)
    _openai: bool | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.lines = self.text.split("\n")
        self.lowered = self.text.lower()

    @property
    def imports_video_types(self) -> bool:
        """True when the file imports the OpenAI SDK's Sora types: it works with the Videos API."""
        return "openai" in self.lowered and VIDEO_TYPES.search(self.text) is not None

    @property
    def openai_context(self) -> bool:
        """True when the file visibly talks to OpenAI (imports, hosts, key variables)."""
        if self._openai is None:
            self._openai = "openai" in self.lowered and OPENAI_CONTEXT.search(self.text) is not None
        return self._openai

    def point(self, row: int, byte_column: int) -> tuple[int, int]:
        """1-based (line, column in chars) of a tree-sitter point (0-based row, byte column)."""
        line = self.lines[row] if row < len(self.lines) else ""
        if line.isascii():
            return row + 1, byte_column + 1
        return row + 1, len(line.encode("utf-8")[:byte_column].decode("utf-8", "replace")) + 1

    def emit(
        self,
        builtin: str,
        confidence: Confidence,
        start: tuple[int, int],
        end: tuple[int, int],
        detail: str | None = None,
        args: dict[str, Any] | None = None,
    ) -> None:
        """Record a finding of the rule behind `builtin` from `start` to `end` (line, column)."""
        rule = self.rules.by_builtin.get(builtin)
        if rule is None or not rule.applies_to(self.kind):
            return
        self.add(rule, min(confidence, self.cap, rule.confidence), start, end, detail, args)

    def add(
        self,
        rule: Rule,
        confidence: Confidence,
        start: tuple[int, int],
        end: tuple[int, int],
        detail: str | None = None,
        args: dict[str, Any] | None = None,
    ) -> None:
        """Record a finding of `rule` as given (no capping)."""
        line_text = self.lines[start[0] - 1] if 0 < start[0] <= len(self.lines) else ""
        line_text = line_text.rstrip("\r")
        message = f"{rule.message} ({detail})" if detail else rule.message
        self.findings.append(
            Finding(
                rule_id=rule.id,
                category=rule.category,
                confidence=Confidence(confidence),
                path=self.path,
                line=start[0],
                column=start[1],
                end_line=end[0],
                end_column=end[1],
                message=message,
                snippet=line_text.strip()[:200],
                args=dict(args or {}),
            )
        )

    def node_span(self, node: Node, kind: str) -> Span:
        """A Span covering a tree-sitter node."""
        text = (node.text or b"").decode("utf-8", errors="replace")
        return Span(text, *self.point(*node.start_point), kind)

    def emit_node(
        self,
        builtin: str,
        confidence: Confidence,
        node: Node,
        detail: str | None = None,
        args: dict[str, Any] | None = None,
    ) -> None:
        """Record a finding covering a tree-sitter node."""
        start = self.point(*node.start_point)
        end = self.point(*node.end_point)
        self.emit(builtin, confidence, start, end, detail, args)

    def emit_in_span(
        self,
        builtin: str,
        confidence: Confidence,
        span: Span,
        start: int,
        end: int,
        detail: str | None = None,
    ) -> None:
        """Record a finding covering characters `start:end` of `span`."""
        self.emit(builtin, confidence, span.position(start), span.position(end), detail)
