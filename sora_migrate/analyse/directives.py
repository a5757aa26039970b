"""Inline suppression comments: `sora-migrate: ignore` or `sora-migrate: ignore[rule, ...] reason`,
after `#`, `//`, `/*` or `<!--`."""

from __future__ import annotations

import re

from sora_migrate.findings import Directive

DIRECTIVE = re.compile(
    r"(?:#|//|/\*|<!--)\s*sora-migrate:\s*ignore(?:\[(?P<rules>[^\]]*)\])?(?P<reason>[^\n]*)"
)


def parse_directives(text: str, path: str) -> list[Directive]:
    """Every suppression directive in a file's text."""
    if "sora-migrate:" not in text:
        return []
    found = []
    for match in DIRECTIVE.finditer(text):
        rules = tuple(
            part.strip() for part in (match.group("rules") or "").split(",") if part.strip()
        )
        reason = match.group("reason").strip()
        for closer in ("-->", "*/"):
            reason = reason.removesuffix(closer).strip()
        reason = reason.lstrip(":-— ").strip()
        line = text.count("\n", 0, match.start()) + 1
        found.append(Directive(path=path, line=line, rules=rules, reason=reason))
    return found
