"""Where the TypeScript shim lives in the user's repository, and vendoring it when missing.

`--ts-shim DIR` names the folder that holds (or will hold) the shim's `index.ts` (or `index.js`
with `.d.ts`) for every rewritten file. By default each JavaScript project gets its own copy,
so a monorepo's packages stay self-contained: the project is the nearest folder above the file
with a package.json (up to the repository's top; else the scanned root), and the shim goes to
its `src/video_shim` when the file is under `src/`, else to its `video_shim`. Rewritten files
import it by a relative path.
When it is not there yet, `--write` vendors it (as TypeScript when a rewritten file of that
project is TypeScript, else as JavaScript) with the same code as `sora-migrate shim vendor`.
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


def shim_dir_for(root: Path, rel: str, ts_shim: Path | None) -> Path:
    """The shim folder the file `root / rel` imports (see the module docstring)."""
    if ts_shim is not None:
        return ts_shim.absolute()
    path = (root / rel).absolute()
    project = root.absolute()
    for folder in path.parents:
        if (folder / "package.json").is_file():
            project = folder
            break
        if (folder / ".git").exists():
            break
    if path.is_relative_to(project / "src"):
        return project / "src" / DEFAULT_FOLDER
    return project / DEFAULT_FOLDER


def is_vendored(shim_dir: Path) -> bool:
    """True when the folder holds the shim's entry point."""
    return any((shim_dir / name).is_file() for name in ENTRY_POINTS)


def vendor_ts_shim(shim_dir: Path, lang: str) -> str | None:
    """Vendor the shim into `shim_dir` in `lang` (ts or js) like `sora-migrate shim vendor`;
    the reason when it cannot."""
    from sora_migrate.errors import UserError
    from sora_migrate.vendor import vendor_ts_shim as install

    try:
        install(shim_dir, lang)
    except UserError as error:
        return f"cannot vendor the TypeScript shim: {error}"
    return None


def ensure_shims(
    results: list[FileResult], shims: dict[str, Path], report: RewriteReport, write: bool
) -> list[FileResult]:
    """Note the shim folders that changed TS/JS files import (`shims`: file → folder); with
    `write`, vendor the missing ones. Files whose shim cannot be vendored are skipped with the
    reason instead of written."""
    by_folder: dict[Path, list[str]] = {}
    for result in results:
        path = result.outcome.path
        imports_shim = any(site.outcome == "rewritten" for site in result.sites)
        if result.outcome.status == "changed" and path in shims and imports_shim:
            by_folder.setdefault(shims[path], []).append(path)
    report.ts_shims = sorted(by_folder)
    problems: dict[str, str] = {}
    for folder, paths in sorted(by_folder.items()):
        if not write or is_vendored(folder):
            continue
        lang = "ts" if any(path.endswith(TYPESCRIPT_SUFFIXES) for path in paths) else "js"
        problem = vendor_ts_shim(folder, lang)
        if problem is None:
            report.vendored.append(folder)
        else:
            problems.update(dict.fromkeys(paths, problem))
    return [
        replace(
            result,
            outcome=FileOutcome(result.outcome.path, "skipped", problems[result.outcome.path]),
            sites=(),
            new_data=None,
        )
        if result.outcome.path in problems
        else result
        for result in results
    ]


def shim_notes(report: RewriteReport, written: bool) -> list[str]:
    """Summary lines about the TypeScript shim folders the TS/JS files import."""
    if written:
        return [f"sora-migrate: vendored the TypeScript shim into {f}" for f in report.vendored]
    return [
        f"sora-migrate: --write will vendor the TypeScript shim into {folder}"
        for folder in report.ts_shims
        if not is_vendored(folder)
    ]
