"""The merged inventory as Markdown, for a tracking issue or `$GITHUB_STEP_SUMMARY`: an overview
table of every repository, the clean and the failed ones, then per repository its totals by
category and confidence, the files with the most findings and the estimated cost of its
video-making call sites."""

from __future__ import annotations

from decimal import Decimal

from sora_migrate.inventory.merge import Inventory, RepositoryInventory, display_name, total_cost
from sora_migrate.pull_request.costs import PRICED_PROVIDERS
from sora_migrate.report.markdown import cell, code

TITLE = "# Sora migration inventory"
LEVELS = ("high", "medium", "low")


def render(inventory: Inventory) -> str:
    """The Markdown document."""
    sections = [
        [TITLE, "", _headline(inventory)],
        [f"> ⚠️ {cell(warning)}" for warning in inventory.warnings],
        _overview(inventory),
        _clean(inventory),
        _failed(inventory),
        *(_repository(repo) for repo in inventory.with_findings),
        [_cost_note()] if inventory.with_findings else [],
    ]
    return "\n\n".join("\n".join(lines) for lines in sections if lines) + "\n"


def _headline(inventory: Inventory) -> str:
    totals = dict.fromkeys(LEVELS, 0)
    for repo in inventory.repositories:
        for label, count in repo.report.counts().items():
            totals[label] += count
    scanned = len(inventory.repositories) + len(inventory.failures)
    return (
        f"**{scanned} {'repository' if scanned == 1 else 'repositories'}**: "
        f"{len(inventory.with_findings)} with Sora findings, {len(inventory.clean)} clean, "
        f"{len(inventory.failures)} failed. **{sum(totals.values())} findings** "
        f"({totals['high']} high, {totals['medium']} medium, {totals['low']} low confidence)."
    )


def _overview(inventory: Inventory) -> list[str]:
    if not inventory.repositories:
        return []
    providers = " | ".join(PRICED_PROVIDERS)
    lines = [
        "## Repositories",
        "",
        "| Repository | Commit | High | Medium | Low | Total | Files | Video calls | "
        f"{providers} |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
        + " ---: |" * len(PRICED_PROVIDERS),
    ]
    ordered = sorted(inventory.repositories, key=lambda r: (-len(r.report.open_items), _name(r)))
    for repo in ordered:
        counts = repo.report.counts()
        estimates = repo.site_estimates
        costs = total_cost(estimates)
        name = _name(repo) + ("" if repo.complete else " (incomplete)")
        commit = (repo.repository.commit or "")[:12]
        lines.append(
            f"| {cell(name)} | {code(commit) if commit else ''} | "
            + " | ".join(str(counts[level]) for level in LEVELS)
            + f" | {sum(counts.values())} | {len(repo.report.files())} | {len(estimates)} | "
            + " | ".join(_money(costs[p]) for p in PRICED_PROVIDERS)
            + " |"
        )
    return lines


def _clean(inventory: Inventory) -> list[str]:
    clean = inventory.clean
    if not clean:
        return []
    names = ", ".join(code(_name(repo)) for repo in clean)
    return [f"## Clean repositories ({len(clean)})", "", names]


def _failed(inventory: Inventory) -> list[str]:
    if not inventory.failures:
        return []
    lines = [
        f"## Failed repositories ({len(inventory.failures)})",
        "",
        "| Repository | Source | Reason |",
        "| --- | --- | --- |",
    ]
    lines += [
        f"| {cell(f.name)} | {code(f.source)} | {cell(f.reason)} |" for f in inventory.failures
    ]
    return lines


def _repository(repo: RepositoryInventory) -> list[str]:
    report = repo.report
    lines = [f"## {cell(_name(repo))}", "", report.headline()]
    if repo.repository.remote:
        lines[-1] += f" Remote: {code(repo.repository.remote)}."
    lines += [
        "",
        "| Category | High | Medium | Low | Total |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for category, counts in report.by_category().items():
        numbers = " | ".join(str(counts[level]) for level in LEVELS)
        lines.append(f"| {category} | {numbers} | {sum(counts.values())} |")
    lines += ["", "| File | Findings |", "| --- | ---: |"]
    lines += [f"| {code(path)} | {count} |" for path, count in repo.top_files()]
    estimates = repo.site_estimates
    if estimates:
        providers = " | ".join(PRICED_PROVIDERS)
        lines += [
            "",
            f"| Video call | Method | Video | {providers} |",
            "| --- | --- | --- |" + " ---: |" * len(PRICED_PROVIDERS),
        ]
        for e in estimates:
            shape = f"{e.seconds} s, {e.resolution}" + (" (assumed)" if e.assumed else "")
            lines.append(
                f"| {code(f'{e.path}:{e.line}')} | {code(e.method)} | {shape} | "
                + " | ".join(_money(e.per_provider[p]) for p in PRICED_PROVIDERS)
                + " |"
            )
    return lines


def _cost_note() -> str:
    from sora_migrate.pull_request.costs import published_date

    dates = ", ".join(f"{p} {published_date(p)}" for p in PRICED_PROVIDERS)
    return (
        "Costs are USD for one run of each video-making call site on each provider, from the "
        "shim's price table (published: "
        f"{dates}); where `seconds` or `size` is not a literal, Sora's defaults (4 s, 720p) are "
        "assumed. A blank cell: the provider publishes no price for that shape."
    )


def _name(repo: RepositoryInventory) -> str:
    return display_name(repo.repository)


def _money(amount: Decimal | None) -> str:
    return "" if amount is None else f"{amount:.2f}"
