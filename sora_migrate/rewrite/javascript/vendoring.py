"""Where the TypeScript shim lives in the user's repository, and vendoring it when missing.

`--ts-shim DIR` names the folder that holds (or will hold) the shim's `index.ts` (or `index.js`
with `.d.ts`); by default `src/video_shim` when the root has a `src/` folder, else
`video_shim`. Rewritten files import it by a relative path. When it is not there yet, `--write`
vendors it (as TypeScript when a rewritten file is TypeScript, else as JavaScript) with the
same code as `sora-migrate shim vendor`.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from sora_migrate.rewrite.report import FileOutcome

if TYPE_CHECKING:
    from sora_migrate.rewrite.engine import FileResult
    from sora_migrate.rewrite.report import RewriteReport

DEFAULT_FOLDER = "video_shim"
ENTRY_POINTS = ("index.ts", "index.js")
TYPESCRIPT_SUFFIXES = (".ts", ".tsx", ".mts", ".cts")
JAVASCRIPT_SUFFIXES = (*TYPESCRIPT_SUFFIXES, ".js", ".jsx", ".mjs", ".cjs")


def default_shim_dir(root: Path) -> Path:
    """`ROOT/src/video_shim` when ROOT has a `src/` folder, else `ROOT/video_shim`."""
    return root / "src" / DEFAULT_FOLDER if (root / "src").is_dir() else root / DEFAULT_FOLDER


def is_vendored(shim_dir: Path) -> bool:
    """True when the folder holds the shim's entry point."""
    return any((shim_dir / name).is_file() for name in ENTRY_POINTS)


def vendor_ts_shim(shim_dir: Path, lang: str) -> str | None:
    """Vendor the shim into `shim_dir` in `lang` (ts or js); the reason when it cannot."""
    try:
        from sora_migrate.vendor import vendor_ts_shim as vendor
    except ImportError:
        return (
            f"the TypeScript shim is not vendored at {shim_dir} and this version of "
            "sora-migrate cannot vendor it"
        )
    vendor(shim_dir, lang)
    return None


def ensure_shim(
    results: list[FileResult], shim_dir: Path, report: RewriteReport
) -> list[FileResult]:
    """Vendor the shim when a TS/JS file is about to import it and it is missing; when it
    cannot be vendored, those files are skipped with the reason instead of written."""
    changed = [
        result.outcome.path
        for result in results
        if result.outcome.status == "changed" and result.outcome.path.endswith(JAVASCRIPT_SUFFIXES)
    ]
    if not changed or is_vendored(shim_dir):
        return results
    lang = "ts" if any(path.endswith(TYPESCRIPT_SUFFIXES) for path in changed) else "js"
    problem = vendor_ts_shim(shim_dir, lang)
    if problem is None:
        report.vendored = True
        return results
    return [
        replace(
            result,
            outcome=FileOutcome(result.outcome.path, "skipped", problem),
            sites=(),
            new_data=None,
        )
        if result.outcome.path in changed
        else result
        for result in results
    ]


def shim_note(report: RewriteReport, written: bool) -> str | None:
    """The summary line about the TypeScript shim, when TS/JS files import it."""
    if report.ts_shim is None:
        return None
    if report.vendored:
        return f"sora-migrate: vendored the TypeScript shim into {report.ts_shim}"
    changed = [f for f in report.changed if f.path.endswith(JAVASCRIPT_SUFFIXES)]
    if changed and not written and not is_vendored(report.ts_shim):
        return f"sora-migrate: --write will vendor the TypeScript shim into {report.ts_shim}"
    return None
