"""Move TypeScript and JavaScript Node SDK call sites onto the vendored TypeScript shim.

Pipeline (one file at a time, called from rewrite/runner.py like the Python engine):
engine.py (bytes, BOM, parse checks, idempotency, diff) → plan (the scanner's own JavaScript
findings through rewrite/plan.py) → calls.py (one mapping per call shape, arguments.py for the
create body, results.py for what a download's result may be used for) → statuses.py (Sora's
status strings on rewritten jobs) → binding.py (the shim import in the file's own style and the
lazily built client) → edits.py (byte-range edits on the tree-sitter tree: nothing outside them
changes). source.py holds the file and its style (quotes, semicolons, indentation, newlines).
"""
