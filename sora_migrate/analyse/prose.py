"""Markdown and reStructuredText: prose is scanned for mentions, code blocks as code.

Documentation never proves a runtime dependency, so findings here are capped at `medium`."""

from __future__ import annotations

import re

from sora_migrate.analyse.context import FileContext, Span
from sora_migrate.analyse.matchers import scan_span
from sora_migrate.findings import Confidence

FENCE = re.compile(r"^\s*(```+|~~~+)")
RST_CODE = re.compile(r"^\s*(?:\.\. (?:code-block|code|sourcecode)::.*|.*::)\s*$")


def analyse_prose(ctx: FileContext) -> None:
    """Scan a Markdown or RST document (also notebook markdown cells)."""
    ctx.cap = min(ctx.cap, Confidence.MEDIUM)
    ctx.read_as_text = True
    fence = ""
    rst_block_indent: int | None = None
    for number, raw in enumerate(ctx.lines, start=1):
        line = raw.rstrip("\r")
        marker = FENCE.match(line)
        if marker:
            token = marker.group(1)[:3]
            fence = "" if fence == token else (fence or token)
            continue
        if rst_block_indent is not None:
            indent = len(line) - len(line.lstrip())
            if line.strip() and indent <= rst_block_indent:
                rst_block_indent = None
        kind = "code" if fence or rst_block_indent is not None else "prose"
        if line.strip():
            scan_span(ctx, Span(line, number, 1, kind))
        if ctx.kind == "rst" and rst_block_indent is None and RST_CODE.match(line):
            rst_block_indent = len(line) - len(line.lstrip())
