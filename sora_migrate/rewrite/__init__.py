"""Move Python call sites off Sora and onto the provider shim (`sora-migrate rewrite`).

Pipeline: runner.py (scan, pick files, apply) → engine.py (bytes, encodings, checks, diff) →
analysis.py + plan.py (the scanner's findings for the exact text) → whole_flows.py (every call's
outcome decided first; a flow on one video moves whole or not at all) → transformer.py (the libcst
pass: calls/ per call kind, results.py for statuses and attributes read from the results,
manual.py TODOs) → client_binding.py (imports, `from_sora` and the lazy client);
notebook.py handles `.ipynb` cells and git_guard.py refuses uncommitted files.
Importing this package does not import libcst.
"""

from __future__ import annotations

from sora_migrate.rewrite.report import FileOutcome, RewriteReport, Site
from sora_migrate.rewrite.runner import DEFAULT_SHIM_MODULE, rewrite_paths

__all__ = ["DEFAULT_SHIM_MODULE", "FileOutcome", "RewriteReport", "Site", "rewrite_paths"]
