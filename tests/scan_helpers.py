"""Helpers shared by the scanner tests: scan one snippet as a file of a given language."""

from __future__ import annotations

from pathlib import Path

from sora_migrate.findings import Finding
from sora_migrate.options import ScanOptions
from sora_migrate.scan import run_scan

FILE_NAMES = {
    "python": "example.py",
    "notebook": "example.ipynb",
    "javascript": "example.js",
    "typescript": "example.ts",
    "yaml": "example.yaml",
    "dotenv": ".env",
    "dockerfile": "Dockerfile",
    "shell": "example.sh",
    "json": "example.json",
    "toml": "example.toml",
    "markdown": "README.md",
    "rst": "index.rst",
    "config": "setup.cfg",
    "go": "example.go",
    "java": "Example.java",
    "kotlin": "Example.kt",
    "ruby": "example.rb",
    "csharp": "Example.cs",
    "php": "example.php",
    "rust": "example.rs",
    "vue": "Example.vue",
    "svelte": "Example.svelte",
    "astro": "example.astro",
    "html": "index.html",
    "terraform": "main.tf",
    "template": "_helpers.tpl",
    "makefile": "Makefile",
    "text": "notes.txt",
}


def scan_snippet(directory: Path, lang: str, code: str, name: str | None = None) -> list[Finding]:
    """Write `code` as a file of language `lang` (named `name`, if given) under `directory` and
    scan it."""
    path = directory / (name or FILE_NAMES[lang])
    path.write_text(code, encoding="utf-8")
    return run_scan([directory], ScanOptions(jobs=1)).findings


def describe(findings: list[Finding]) -> str:
    """One line per finding, for assertion messages."""
    return (
        "\n".join(
            f"  {f.path}:{f.line}:{f.column} {f.rule_id} {f.confidence.label} {f.message}"
            for f in findings
        )
        or "  (none)"
    )
