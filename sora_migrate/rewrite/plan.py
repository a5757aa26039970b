"""Which places of a file to change, decided from the scanner's findings (the single source of
truth for what is Sora): high-confidence `sdk-call` findings are rewritten, REST endpoints,
batch endpoints and webhook events get a TODO, and unresolved calls are only reported."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from sora_migrate.findings import Confidence, Directive, Finding

CALL_DETAIL = re.compile(r"\(videos\.(?P<method>\w+): (?P<detail>.*)\)$", re.DOTALL)
MARKED_RULES = frozenset({"webhook-event", "rest-endpoint", "batch-endpoint"})


@dataclass(frozen=True)
class CallTarget:
    """A Sora SDK call to transform: libcst position (1-based line, 0-based column)."""

    line: int
    column: int
    method: str
    async_client: bool
    args: dict[str, Any]


@dataclass(frozen=True)
class Mark:
    """A position whose enclosing statement gets a TODO comment."""

    line: int
    column: int
    kind: str
    reason: str
    todo: str


@dataclass(frozen=True)
class Unresolved:
    """A call the scanner could not pin to an OpenAI client: reported, never touched."""

    line: int
    method: str
    args: dict[str, Any]
    column: int = -1


@dataclass
class Plan:
    """Everything to do in one file."""

    calls: dict[tuple[int, int], CallTarget] = field(default_factory=dict)
    marks: list[Mark] = field(default_factory=list)
    unresolved: list[Unresolved] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        """True when nothing in the file needs a change."""
        return not self.calls and not self.marks


def make_plan(findings: list[Finding], directives: list[Directive], lines: list[str]) -> Plan:
    """Turn one file's findings into a Plan, honouring `sora-migrate: ignore` comments.

    Webhook event names count at any confidence (handlers rarely import openai), but not in
    comments; REST and batch endpoints need more than a low-confidence mention.
    """
    from sora_migrate.rewrite.manual import FINDING_TODOS

    plan = Plan()
    for finding in findings:
        if _suppressed(finding, directives):
            continue
        match = CALL_DETAIL.search(finding.message)
        if finding.rule_id == "sdk-call" and match is not None:
            method = match.group("method")
            if finding.confidence == Confidence.HIGH:
                is_async = "Async" in match.group("detail")
                target = CallTarget(
                    finding.line, finding.column - 1, method, is_async, finding.args
                )
                plan.calls[(target.line, target.column)] = target
            elif finding.confidence == Confidence.MEDIUM:
                unresolved = Unresolved(finding.line, method, finding.args, finding.column - 1)
                plan.unresolved.append(unresolved)
        elif finding.rule_id in MARKED_RULES and _in_code(finding, lines):
            reason = finding.message.split(" (")[0]
            todo = FINDING_TODOS[finding.rule_id]
            plan.marks.append(Mark(finding.line, finding.column - 1, finding.rule_id, reason, todo))
    return plan


def _in_code(finding: Finding, lines: list[str]) -> bool:
    if finding.rule_id != "webhook-event":
        return finding.confidence > Confidence.LOW
    line = lines[finding.line - 1] if finding.line <= len(lines) else ""
    return "#" not in line[: finding.column - 1]


def _suppressed(finding: Finding, directives: list[Directive]) -> bool:
    return any(
        finding.line in (directive.line, directive.line + 1)
        and (not directive.rules or finding.rule_id in directive.rules)
        for directive in directives
    )
