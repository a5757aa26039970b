"""`--format markdown`: an inventory a person reads or pastes into a tracking issue (or
`$GITHUB_STEP_SUMMARY`): totals, a table per category, per-file lists, what to do next."""

from __future__ import annotations

import re

from sora_migrate.report.model import Item, Report

TITLE = "# Sora migration inventory"


def render(report: Report) -> str:
    """The Markdown document."""
    sections = [
        [TITLE, "", _totals(report)],
        _gate(report),
        _by_category(report),
        _per_file(report),
        _skipped(report),
        _next_steps(report),
    ]
    return "\n\n".join("\n".join(lines) for lines in sections if lines) + "\n"


def code(text: str) -> str:
    """An inline code span that survives backticks and table pipes."""
    text = " ".join(text.split()).replace("|", "\\|")
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def cell(text: str) -> str:
    """Plain text safe inside a table cell."""
    return " ".join(text.split()).replace("|", "\\|")


def _totals(report: Report) -> str:
    counts = report.counts()
    result = report.result
    return (
        f"**{len(report.open_items)} findings** in {len(report.files())} files "
        f"({counts['high']} high, {counts['medium']} medium, {counts['low']} low confidence, "
        f"showing {report.min_confidence.label} and above). "
        f"{result.files_scanned} files scanned, {len(result.skipped)} skipped, "
        f"{result.files_too_large} too large, {result.files_binary} binary."
    )


def _gate(report: Report) -> list[str]:
    gate = report.gate
    line = report.gate_line()
    if gate is None or line is None:
        return []
    lines = ["## Gate", "", f"**{'❌' if gate.failed else '✅'} {line}**"]
    if gate.baseline:
        lines.append(f"\nBaseline: {code(gate.baseline)}")
    details = [
        *(f"- fixed: {e.count} × {code(e.rule_id)} in {code(e.path)}" for e in gate.fixed),
        *(
            f"- unused suppression: {code(f'{d.path}:{d.line}')} matches no finding; remove it"
            for d in gate.unused_suppressions
        ),
        *(f"- warning: {code(f'{w.path}:{w.line}')} {w.message}" for w in gate.warnings),
    ]
    return lines + (["", *details] if details else [])


def _by_category(report: Report) -> list[str]:
    if not report.open_items:
        return [f"No findings at or above {report.min_confidence.label} confidence."]
    lines = [
        "## By category",
        "",
        "| Category | High | Medium | Low | Total |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for category, counts in report.by_category().items():
        numbers = " | ".join(str(counts[k]) for k in ("high", "medium", "low"))
        lines.append(f"| {category} | {numbers} | {sum(counts.values())} |")
    for category in report.by_category():
        items = [item for item in report.open_items if item.finding.category == category]
        lines += [
            "",
            f"### {category} ({len(items)})",
            "",
            "| File | Line | Confidence | Rule | Code |",
            "| --- | ---: | --- | --- | --- |",
        ]
        lines += [_row(item) for item in items]
    return lines


def _row(item: Item) -> str:
    f = item.finding
    return (
        f"| {code(f.path)} | {f.line} | {f.confidence.label} | {code(f.rule_id)} "
        f"| {code(f.snippet)} |"
    )


def _per_file(report: Report) -> list[str]:
    files = report.files()
    if not files:
        return []
    lines = ["## By file"]
    for path, items in files.items():
        lines += ["", f"### {code(path)}", ""]
        for item in items:
            f = item.finding
            where = f"L{f.line}" + (f" (cell {f.cell}, line {f.cell_line})" if f.cell else "")
            lines.append(
                f"- [ ] {where} {code(f.rule_id)} ({f.confidence.label}): {cell(f.message)}"
            )
    return lines


def _skipped(report: Report) -> list[str]:
    skipped = report.result.skipped
    if not skipped:
        return []
    lines = ["## Skipped files", "", "| File | Reason |", "| --- | --- |"]
    lines += [f"| {code(s.path)} | {cell(s.reason)} |" for s in skipped]
    return lines


def _next_steps(report: Report) -> list[str]:
    rule_ids = sorted({item.finding.rule_id for item in report.open_items})
    if not rule_ids:
        return []
    lines = ["## What to do next"]
    for rule_id in rule_ids:
        rule = report.rules.get(rule_id)
        if rule is None:
            continue
        lines += ["", f"### {code(rule_id)}", "", rule.hint.strip()]
        if rule.url:
            lines.append(f"\nReference: {rule.url}")
    lines += [
        "",
        "Run `sora-migrate rewrite` for the Python call sites it can move onto the provider shim, "
        "and `sora-migrate check --baseline FILE` in CI so no new Sora use lands meanwhile.",
    ]
    return lines
