"""How much of the Sora code the Python rewrite moves: high-confidence call sites moved / left.

    python benchmarks/rewrite_coverage.py                      # the real-shaped fixture pairs
    python benchmarks/rewrite_coverage.py path/to/repo ...     # any Python files and notebooks

Works on a copy (nothing under PATH changes): `*.before.*` fixture files are copied without
`.before`, any other `.py` / `.ipynb` as it is. Counts the `sdk-call` findings `scan` rates high,
then rewrites the copy and counts the call sites moved onto the shim and those left for a person
(with their reasons). A file is broken when the rewrite had to be refused (its result would not
parse, or would change again), the written result does not parse, or a second rewrite would
change it; a file that did not parse to begin with is listed as skipped.
"""

from __future__ import annotations

import argparse
import ast
import json
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT = REPO / "fixtures" / "rewrite" / "real"
SUFFIXES = (".py", ".ipynb")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, default=[DEFAULT])
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO))
    from sora_migrate.findings import Confidence
    from sora_migrate.options import ScanOptions
    from sora_migrate.rewrite import rewrite_paths
    from sora_migrate.scan import run_scan

    with tempfile.TemporaryDirectory() as work:
        root = Path(work)
        copied = _copy(args.paths, root)
        if not copied:
            print("no Python files or notebooks under the given paths", file=sys.stderr)
            return 2
        scan = run_scan([root], ScanOptions(jobs=1))
        high = Counter(
            finding.path
            for finding in scan.findings
            if finding.rule_id == "sdk-call" and finding.confidence == Confidence.HIGH
        )
        report = rewrite_paths([root], write=True, force=True, jobs=1)
        calls = [site for site in report.sites if _high_call(site.kind, site.reason)]
        moved = Counter(site.path for site in calls if site.outcome == "rewritten")
        left = Counter(site.path for site in calls if site.outcome == "manual")
        broken = {o.path: o.reason for o in report.files if o.status == "failed"}
        for outcome in report.files:
            if outcome.status == "skipped":
                print(f"skipped (left as it was): {outcome.path}: {outcome.reason}")
        broken.update(_not_parsing(root, report.changed))
        again = rewrite_paths([root], write=False, jobs=1)
        broken.update({outcome.path: "a second rewrite changes it" for outcome in again.changed})
        _print(high, moved, left, broken, [site for site in calls if site.outcome == "manual"])
        total_high = sum(high.values())
        if sum(moved.values()) + sum(left.values()) != total_high:
            print(
                "note: moved + left < high: files that did not parse and calls under a "
                "`sora-migrate: ignore` comment are neither",
                file=sys.stderr,
            )
        return 1 if broken else 0


def _high_call(kind: str, reason: str | None) -> bool:
    """A site that is a Sora SDK call (not a status, webhook or REST mark) on a resolved client."""
    from sora_migrate.analyse.python import VIDEO_METHODS

    return kind in VIDEO_METHODS and "(medium confidence)" not in (reason or "")


def _copy(paths: list[Path], root: Path) -> list[Path]:
    copied = []
    for path in paths:
        files = [path] if path.is_file() else sorted(path.rglob("*"))
        base = path.parent if path.is_file() else path
        for file in files:
            if not file.is_file() or file.suffix not in SUFFIXES or ".after." in file.name:
                continue
            target = root / file.relative_to(base).with_name(file.name.replace(".before", ""))
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(file, target)
            copied.append(target)
    return copied


def _not_parsing(root: Path, changed: list) -> dict[str, str]:
    broken = {}
    for outcome in changed:
        text = (root / outcome.path).read_text(encoding="utf-8-sig")
        try:
            if outcome.path.endswith(".ipynb"):
                json.loads(text)
            else:
                ast.parse(text)
        except (SyntaxError, ValueError) as error:
            broken[outcome.path] = f"does not parse: {error}"
    return broken


def _print(high: Counter, moved: Counter, left: Counter, broken: dict, manual: list) -> None:
    width = max((len(path) for path in high), default=10)
    print(f"{'file':<{width}}  high  moved  left")
    for path in sorted(high):
        print(f"{path:<{width}}  {high[path]:>4}  {moved[path]:>5}  {left[path]:>4}")
    total, done = sum(high.values()), sum(moved.values())
    share = f"{100 * done / total:.0f}%" if total else "-"
    print(f"{'total':<{width}}  {total:>4}  {done:>5}  {sum(left.values()):>4}   moved {share}")
    print(f"broken files: {len(broken)}")
    for path, reason in sorted(broken.items()):
        print(f"  {path}: {reason}")
    reasons = Counter(_reason(site.reason or "") for site in manual)
    print("left, by reason:")
    for reason, count in reasons.most_common():
        print(f"  {count:>3}  {reason}")


def _reason(reason: str) -> str:
    """A reason without the call's own details, so equal causes count together."""
    if "its video is also used by" in reason:
        return "held back: same video as a call that stays (" + reason.rsplit("videos.", 1)[1] + ")"
    return reason


if __name__ == "__main__":
    sys.exit(main())
