"""Inline suppressions: apply `sora-migrate: ignore[...] reason` directives to findings.

A directive covers findings (of its rules, or of every rule) that start on its own line or on the
next one, because formatters move comments above the code. A directive without a reason still
suppresses but is a warning; a directive that covers nothing is reported as unused.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace

from sora_migrate.findings import Directive, Finding
from sora_migrate.report.model import Notice


@dataclass(frozen=True)
class Suppression:
    """Findings with `suppressed` set where a directive covers them, and what to warn about."""

    findings: tuple[Finding, ...]
    unused: tuple[Directive, ...]
    warnings: tuple[Notice, ...]


def covers(directive: Directive, finding: Finding) -> bool:
    """Whether `directive` suppresses `finding`."""
    return (
        directive.path == finding.path
        and finding.line in (directive.line, directive.line + 1)
        and (not directive.rules or finding.rule_id in directive.rules)
    )


def apply_directives(
    findings: Sequence[Finding], directives: Sequence[Directive], known_rules: Collection[str]
) -> Suppression:
    """Mark covered findings as suppressed (with the directive's reason)."""
    by_place: dict[tuple[str, int], list[Directive]] = {}
    for directive in directives:
        for line in (directive.line, directive.line + 1):
            by_place.setdefault((directive.path, line), []).append(directive)
    used: set[Directive] = set()
    marked = []
    for finding in findings:
        covering = [d for d in by_place.get((finding.path, finding.line), []) if covers(d, finding)]
        if covering:
            used.update(covering)
            finding = replace(finding, suppressed=covering[0].reason)
        marked.append(finding)
    unused = tuple(d for d in directives if d not in used)
    return Suppression(tuple(marked), unused, _warnings(directives, known_rules))


def _warnings(directives: Sequence[Directive], known_rules: Collection[str]) -> tuple[Notice, ...]:
    notices = []
    for directive in directives:
        if not directive.reason:
            notices.append(
                Notice(
                    directive.path, directive.line, "suppression has no reason; say why after it"
                )
            )
        for rule_id in directive.rules:
            if rule_id not in known_rules:
                notices.append(
                    Notice(
                        directive.path,
                        directive.line,
                        f"suppression names unknown rule {rule_id!r}",
                    )
                )
    return tuple(notices)
