"""The pull-request description: inventory before and after, what moved in each language, what
is left for a person (TODO comments), how to configure a provider, and what it may cost."""

from __future__ import annotations

import os
from collections import Counter
from decimal import Decimal
from pathlib import Path

from sora_migrate.findings import CATEGORIES, ScanResult
from sora_migrate.pull_request.costs import PRICED_PROVIDERS, SiteCost, published_date
from sora_migrate.rewrite.report import RewriteReport, Site

JS_SUFFIXES = (".js", ".mjs", ".cjs", ".jsx", ".ts", ".mts", ".cts", ".tsx")


def title(report: RewriteReport) -> str:
    """The pull request's title (also the commit subject)."""
    sites = len(report.rewritten)
    return f"Migrate {sites} Sora call site{'s' if sites != 1 else ''} to the video provider shim"


def render_body(
    before: ScanResult, after: ScanResult, report: RewriteReport, costs: list[SiteCost]
) -> str:
    """The Markdown body."""
    parts = [
        "OpenAI shut down the Sora video API on 2026-09-24. This change moves the Python and "
        "TypeScript/JavaScript call sites onto the provider shim with `sora-migrate rewrite`; "
        "everything it could not move safely is listed below.",
        _inventory(before, after),
        _rewritten(report),
        _manual(report),
        _ts_shim(report),
        _configuration(),
        _costs(costs),
    ]
    return "\n\n".join(part for part in parts if part) + "\n"


def _inventory(before: ScanResult, after: ScanResult) -> str:
    old = Counter(f.category for f in before.findings)
    new = Counter(f.category for f in after.findings)
    rows = [f"| {c} | {old[c]} | {new[c]} |" for c in CATEGORIES if old[c] or new[c]]
    total = f"| **total** | **{len(before.findings)}** | **{len(after.findings)}** |"
    header = "## Sora inventory\n\n| category | before | after |\n| --- | ---: | ---: |"
    return "\n".join([header, *rows, total])


def _rewritten(report: RewriteReport) -> str:
    if not report.rewritten:
        return ""
    lines = ["## Rewritten call sites"]
    for language, sites in _by_language(report.rewritten).items():
        lines += ["", f"### {language} ({len(sites)})", ""]
        for site in sites:
            args = ", ".join(f"{k}={v!r}" for k, v in site.args.items())
            shown = f"- `{site.location}` `videos.{site.kind}`"
            lines.append(shown + (f" ({args})" if args else ""))
    return "\n".join(lines)


def _by_language(sites: list[Site]) -> dict[str, list[Site]]:
    grouped: dict[str, list[Site]] = {"Python": [], "TypeScript / JavaScript": []}
    for site in sites:
        grouped["TypeScript / JavaScript" if site.path.endswith(JS_SUFFIXES) else "Python"].append(
            site
        )
    return {language: found for language, found in grouped.items() if found}


def _manual(report: RewriteReport) -> str:
    if not report.manual and not report.problems:
        return ""
    lines = ["## Left for a person", ""]
    for site in report.manual:
        todo = site.todo or site.reason or "needs a manual change"
        lines.append(f"- [ ] `{site.location}` {site.kind}: {todo}")
    for outcome in report.problems:
        lines.append(f"- [ ] `{outcome.path}` not rewritten: {outcome.reason}")
    return "\n".join(lines)


def _ts_shim(report: RewriteReport) -> str:
    if not report.vendored or report.inventory is None:
        return ""
    root = report.inventory.root
    folders = ", ".join(
        f"`{Path(os.path.relpath(folder, root)).as_posix()}/`" for folder in report.vendored
    )
    return (
        "## TypeScript shim\n\n"
        f"The TypeScript shim was vendored into {folders} (no runtime dependencies, only the "
        "platform's `fetch`); the rewritten TS/JS files import it by a relative path."
    )


def _configuration() -> str:
    keys = "\n".join(f"| `{name}` | {variables} |" for name, variables in key_variables().items())
    return (
        "## Configure a provider\n\n"
        "Set `VIDEO_GENERATION_PROVIDER` to one of the providers below and the provider's key; "
        "optionally `VIDEO_GENERATION_FALLBACK_PROVIDER` for a second provider on failure. "
        "`sora-migrate providers` lists capabilities and prices; `fake` runs offline for tests.\n\n"
        f"| provider | key variable |\n| --- | --- |\n{keys}"
    )


def key_variables() -> dict[str, str]:
    """Each real provider's key variable(s), read from the shim's adapters."""
    from sora_migrate.shim.registry import PROVIDERS

    joined = {}
    for name, cls in PROVIDERS.items():
        if cls.key_env:
            glue = " and " if cls.needs_every_key else " or "
            joined[name] = glue.join(f"`{variable}`" for variable in cls.key_env)
        elif cls.spec.auth:  # veo-vertex: Google Cloud credentials, no key variable
            joined[name] = cls.spec.auth
    return joined


def _costs(costs: list[SiteCost]) -> str:
    if not costs:
        return ""
    header = " | ".join(PRICED_PROVIDERS)
    lines = [
        "## Estimated cost per call (USD, from the shim's price table)",
        "",
        f"| call site | video | {header} |",
        "| --- | --- |" + " ---: |" * len(PRICED_PROVIDERS),
    ]
    for cost in costs:
        shape = f"{cost.seconds} s, {cost.resolution}" + (" (assumed)" if cost.assumed else "")
        cells = " | ".join(_money(cost.per_provider[p]) for p in PRICED_PROVIDERS)
        lines.append(f"| `{cost.site.location}` | {shape} | {cells} |")
    dates = ", ".join(f"{p} {published_date(p)}" for p in PRICED_PROVIDERS)
    lines += ["", f"Prices published: {dates}. Sources and confirmation: `sora-migrate providers`."]
    return "\n".join(lines)


def _money(amount: Decimal | None) -> str:
    return "n/a" if amount is None else f"{amount:.2f}"
