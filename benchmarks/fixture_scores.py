"""Recall and precision of the scan per file kind on the annotated fixtures (fixtures/scan).

    python benchmarks/fixture_scores.py [--min-confidence low|medium|high]

Expected findings are the fixtures' markers (`expect:` and the known misses `todo-expect:`, see
tests/fixture_markers.py); a finding counts as found when its line, rule and confidence match.
Every other finding is a false positive (the known ones are marked `todo-ok:`). With
`--min-confidence`, markers and findings below that level are left out, so the figure for
`medium` is what a CI gate at its default level sees.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from fixture_markers import expectations  # noqa: E402
from sora_migrate.discover import file_kind  # noqa: E402
from sora_migrate.findings import Confidence  # noqa: E402
from sora_migrate.options import ScanOptions  # noqa: E402
from sora_migrate.scan import run_scan  # noqa: E402

FIXTURES = ROOT / "fixtures" / "scan"


def scores(minimum: Confidence) -> dict[str, Counter[str]]:
    """Per kind: true positives, false negatives and false positives."""
    result = run_scan([FIXTURES], ScanOptions(jobs=1))
    tally: dict[str, Counter[str]] = {}
    for path, expected in expectations(FIXTURES).items():
        kind = file_kind(Path(path).name) or "text"
        want = Counter(
            (e.line, e.rule, e.confidence)
            for e in expected
            if Confidence.parse(e.confidence) >= minimum
        )
        got = Counter(
            (f.line, f.rule_id, f.confidence.label)
            for f in result.findings
            if f.path == path and f.confidence >= minimum
        )
        counts = tally.setdefault(kind, Counter())
        counts["tp"] += sum((want & got).values())
        counts["fn"] += sum((want - got).values())
        counts["fp"] += sum((got - want).values())
        counts["files"] += 1
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--min-confidence", default="low", choices=["low", "medium", "high"])
    args = parser.parse_args(argv)
    tally = scores(Confidence.parse(args.min_confidence))
    print(
        f"{'kind':<12} {'files':>5} {'found':>6} {'missed':>6} {'false+':>6} "
        f"{'recall':>7} {'precision':>9}"
    )
    total: Counter[str] = Counter()
    for kind in sorted(tally):
        total.update(tally[kind])
        _row(kind, tally[kind])
    _row("all", total)
    return 0


def _row(kind: str, counts: Counter[str]) -> None:
    tp, fn, fp = counts["tp"], counts["fn"], counts["fp"]
    recall = tp / (tp + fn) if tp + fn else 1.0
    precision = tp / (tp + fp) if tp + fp else 1.0
    print(
        f"{kind:<12} {counts['files']:>5} {tp:>6} {fn:>6} {fp:>6} {recall:>7.1%} {precision:>9.1%}"
    )


if __name__ == "__main__":
    raise SystemExit(main())
