"""A small synthetic scan that every reporter test renders: a call with arguments, a model id,
a notebook finding, a low-confidence mention, a file that could not be read."""

from __future__ import annotations

from sora_migrate.findings import Confidence, Directive, Finding, ScanResult, SkippedFile
from sora_migrate.gate.baseline import BaselineEntry
from sora_migrate.report.model import GateOutcome, Notice
from sora_migrate.rulepack import load_rules

CALL = Finding(
    rule_id="sdk-call",
    category="sdk-call",
    confidence=Confidence.HIGH,
    path="app/render.py",
    line=3,
    column=1,
    end_line=3,
    end_column=49,
    message="OpenAI Videos API call",
    snippet='client.videos.create(model="sora-2", prompt="x")',
    args={"model": "sora-2", "prompt": "x"},
)
MODEL = Finding(
    rule_id="model-id",
    category="model-id",
    confidence=Confidence.HIGH,
    path="app/render.py",
    line=3,
    column=29,
    end_line=3,
    end_column=35,
    message="Sora model id",
    snippet='client.videos.create(model="sora-2", prompt="x")',
)
ENV = Finding(
    rule_id="env-var",
    category="env-var",
    confidence=Confidence.MEDIUM,
    path="my dir/.env",
    line=2,
    column=1,
    end_line=2,
    end_column=13,
    message="environment variable that configures Sora",
    snippet="SORA_API_KEY=",
)
NOTEBOOK = Finding(
    rule_id="model-id",
    category="model-id",
    confidence=Confidence.HIGH,
    path="notebooks/explore.ipynb",
    line=20,
    column=52,
    end_line=20,
    end_column=58,
    message="Sora model id",
    snippet='video = client.videos.create_and_poll(model="sora-2")',
    cell=1,
    cell_line=4,
)
MENTION = Finding(
    rule_id="doc-mention",
    category="doc-mention",
    confidence=Confidence.LOW,
    path="README.md",
    line=4,
    column=8,
    end_line=4,
    end_column=12,
    message="Sora mentioned in a comment or documentation",
    snippet="Made with `Sora` | fast",
)
SKIPPED = SkippedFile("data/broken.py", "not valid UTF-8 (byte 3)")
RULES = load_rules()


def sample_result() -> ScanResult:
    """The synthetic scan, findings sorted as the engine sorts them."""
    findings = sorted([CALL, MODEL, ENV, NOTEBOOK, MENTION], key=lambda f: f.sort_key())
    return ScanResult(
        root="/work/project",
        findings=findings,
        skipped=[SKIPPED],
        files_scanned=12,
        files_parsed=5,
        files_too_large=1,
        files_binary=2,
    )


def sample_gate() -> GateOutcome:
    """A failing gate: the call is new, the model id baselined, the env var suppressed."""
    from dataclasses import replace

    return GateOutcome(
        threshold=Confidence.MEDIUM,
        new=(CALL, NOTEBOOK),
        below_gate=(MENTION,),
        baselined=(MODEL,),
        suppressed=(replace(ENV, suppressed="rotated in vault"),),
        fixed=(BaselineEntry("sdk-call", "app/old.py", "0123456789abcdef0123", 2),),
        unused_suppressions=(Directive("app/worker.py", 7, ("sdk-call",), "legacy"),),
        warnings=(Notice("app/render.py", 9, "suppression has no reason; say why after it"),),
        baseline=".sora-migrate-baseline.json",
    )
