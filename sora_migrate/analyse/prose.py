"""Markdown and reStructuredText: prose is scanned for mentions, code as code.

Code is what sits in a fenced or RST code block, and also what a writer pasted without one: a
line shaped like a command or an assignment, a Markdown table row, an inline code span, a quoted
model id. A Sora model id there is a `model-id`; Sora as a word in a sentence stays a low
doc-mention. In a document that names Sora model ids, `video.completed` / `video.failed` are the
webhook events. Documentation never proves a runtime dependency, so findings here are capped at
`medium` (files about the past, such as a CHANGELOG, at `low`: see `context.about_the_past`)."""

from __future__ import annotations

import re

from sora_migrate.analyse.context import FileContext, Span
from sora_migrate.analyse.lines import needle_lines
from sora_migrate.analyse.matchers import MODEL_ID, match_model_ids, scan_span
from sora_migrate.findings import Confidence

FENCE = re.compile(r"^\s*(```+|~~~+)")
RST_CODE = re.compile(r"^\s*(?:\.\. (?:code-block|code|sourcecode)::.*|.*::)\s*$")
# A line pasted without a fence: a shell prompt or command, an assignment, a call, a keyword
# argument or key holding the model, or a line indented as a Markdown code block.
PASTED_CODE = re.compile(
    r"^(?:\s*(?:\$ |>>> |(?:curl|export|python3?|npx|node|openai)\s|[A-Za-z_][\w.]*\s*=\s*\S"
    r"|[A-Za-z_][\w.]*\([^)]*$|[\"']?model[\"']?\s*[:=])|(?: {4}|\t)(?![-*+] |\d+\. ))"
)
TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
INLINE_CODE = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")
QUOTED_MODEL = re.compile(r"([\"'])(?:[\w.-]+/)*sora-2[\w.:/-]*\1")
WEBHOOK_WORD = re.compile(r"(?<![\w.])video\.(?:completed|failed)(?!\w|\.\w)")


def analyse_prose(ctx: FileContext) -> None:
    """Scan a Markdown or RST document (also notebook markdown cells)."""
    ctx.cap = min(ctx.cap, Confidence.MEDIUM)
    ctx.read_as_text = True
    names_models = MODEL_ID.search(ctx.text) is not None
    wanted = set(needle_lines(ctx))  # a line without `sora` or `video` can hold no finding
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
        if number in wanted and line.strip():
            if fence or rst_block_indent is not None or _pasted_code(ctx, line):
                scan_span(ctx, Span(line, number, 1, "code"))
            else:
                _scan_prose_line(ctx, line, number)
            if names_models:
                _match_webhook_words(ctx, line, number)
        if ctx.kind == "rst" and rst_block_indent is None and RST_CODE.match(line):
            rst_block_indent = len(line) - len(line.lstrip())


def _pasted_code(ctx: FileContext, line: str) -> bool:
    """A code line pasted without a fence (RST indents are literal blocks only after `::`)."""
    if ctx.kind == "rst" and line[:1] in " \t":
        return False
    return PASTED_CODE.match(line) is not None and ("sora" in line or "videos" in line)


def _scan_prose_line(ctx: FileContext, line: str, number: int) -> None:
    """A prose line: model ids in table rows, inline code and quotes are code; the rest (with
    those masked out, so a model id is not also a mention) is prose."""
    if "sora-2" in line:
        spans = [(0, len(line))] if TABLE_ROW.match(line) else _code_parts(line)
        masked = list(line)
        for start, end in spans:
            segment = line[start:end]
            if MODEL_ID.search(segment):
                match_model_ids(ctx, Span(segment, number, start + 1, "code"))
                masked[start:end] = " " * (end - start)
        line = "".join(masked)
    scan_span(ctx, Span(line, number, 1, "prose"))


def _code_parts(line: str) -> list[tuple[int, int]]:
    parts = [(m.start(2), m.end(2)) for m in INLINE_CODE.finditer(line)]
    parts += [(m.start(), m.end()) for m in QUOTED_MODEL.finditer(line)]
    return parts


def _match_webhook_words(ctx: FileContext, line: str, number: int) -> None:
    """`video.completed` / `video.failed` in a document that names Sora model ids."""
    for match in WEBHOOK_WORD.finditer(line):
        span = Span(line, number, 1, "prose")
        ctx.emit_in_span("webhook-event", Confidence.MEDIUM, span, match.start(), match.end())
