"""Combine a scan with the gate's inputs (threshold, suppressions, baseline, diff) into a
GateOutcome: which findings fail `check`, and which are covered, fixed or out of scope."""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from sora_migrate.findings import Confidence, Finding, ScanResult
from sora_migrate.gate import baseline as baseline_file
from sora_migrate.gate.baseline import BaselineEntry
from sora_migrate.gate.since import ChangedLines
from sora_migrate.gate.suppressions import apply_directives
from sora_migrate.report.model import GateOutcome

InScope = Callable[[str, int, int], bool]


@dataclass(frozen=True)
class GateInputs:
    """Everything `check` gates on besides the scan itself."""

    threshold: Confidence
    known_rules: Collection[str]
    baseline: Sequence[BaselineEntry] | None = None
    baseline_path: str | None = None
    changed: ChangedLines | None = None
    since: str | None = None


def evaluate(result: ScanResult, inputs: GateInputs) -> GateOutcome:
    """Suppressions and the baseline apply to the whole scan (so `fixed` is exact); then the
    diff limits what is reported, and the threshold splits what fails from what is shown."""
    applied = apply_directives(result.findings, result.directives, inputs.known_rules)
    active = [f for f in applied.findings if f.suppressed is None]
    matched = baseline_file.match(active, inputs.baseline or ())
    in_scope = _scope(result.root, inputs.changed)

    def keep(findings: Sequence[Finding]) -> tuple[Finding, ...]:
        return tuple(f for f in findings if in_scope(f.path, f.line, f.end_line))

    new = keep(matched.new)
    suppressed = keep([f for f in applied.findings if f.suppressed is not None])
    baselined = keep(matched.baselined)
    return GateOutcome(
        threshold=inputs.threshold,
        new=tuple(f for f in new if f.confidence >= inputs.threshold),
        below_gate=tuple(f for f in new if f.confidence < inputs.threshold),
        baselined=baselined,
        suppressed=suppressed,
        fixed=matched.fixed,
        unused_suppressions=tuple(d for d in applied.unused if in_scope(d.path, d.line, d.line)),
        warnings=tuple(w for w in applied.warnings if in_scope(w.path, w.line, w.line)),
        baseline=inputs.baseline_path,
        since=inputs.since,
        outside_diff=len(result.findings) - len(new) - len(suppressed) - len(baselined),
    )


def _scope(root: str, changed: ChangedLines | None) -> InScope:
    """Whether a range of a root-relative path is inside the diff (everything without one)."""
    if changed is None:
        return lambda path, start, end: True
    prefix = Path(os.path.relpath(Path(root).resolve(), changed.toplevel.resolve())).as_posix()

    def touches(path: str, start: int, end: int) -> bool:
        return changed.touches(path if prefix == "." else f"{prefix}/{path}", start, end)

    return touches
