"""Move Python call sites off Sora and onto the provider shim (`sora-migrate rewrite`).

Pipeline: runner.py (scan, pick files, apply) → engine.py (bytes, encodings, checks, diff) →
analysis.py + plan.py (the scanner's findings for the exact text) → transformer.py (one libcst
pass: calls/ per call kind, manual.py TODOs) → client_binding.py (imports and the lazy client);
notebook.py handles `.ipynb` cells and git_guard.py refuses uncommitted files.
Importing this package does not import libcst.
"""

from __future__ import annotations

from sora_migrate.rewrite.report import FileOutcome, RewriteReport, Site
from sora_migrate.rewrite.runner import DEFAULT_SHIM_MODULE, rewrite_paths

__all__ = ["DEFAULT_SHIM_MODULE", "FileOutcome", "RewriteReport", "Site", "rewrite_paths"]
