"""Line-oriented analysers for formats without a tree-sitter grammar here: .env files,
Dockerfiles, shell scripts, TOML and INI-style config, Terraform/HCL, templates, Makefiles, and
every file whose kind is unknown (`text`). Each line is split into code and a trailing comment
(the comment syntax depends on the kind); the text matchers run on both."""

from __future__ import annotations

import re

from sora_migrate.analyse.context import FileContext, Span
from sora_migrate.analyse.matchers import ENDPOINT, MODEL_ID, scan_span
from sora_migrate.findings import Confidence

# Inline comment markers (outside quotes, at line start or after whitespace) per kind; `#` for
# every kind not listed. Unknown files accept the markers most languages use.
INLINE_COMMENTS: dict[str, tuple[str, ...]] = {
    "config": ("#", ";"),
    "json": ("//",),
    "terraform": ("#", "//"),
    "text": ("#", "//"),
}
# Whole-line comments in unknown files: SQL/Lua `-- `, C block comment lines, HTML, TeX, Lisp.
TEXT_LINE_COMMENT = re.compile(r"\s*(?:--\s|/\*|\*(?!\*)|<!--|%|;|\{#|\{\{/?\*)")
# `#include`, `#define`, `#!` and friends are code in C-like and script files, not comments.
NOT_A_COMMENT = re.compile(r"#(?:!|(?:define|include|if|ifdef|ifndef|elif|else|endif|pragma)\b)")
# Every text matcher needs one of these (in any case) on the line.
NEEDLE_LINE = re.compile("^.*?(?:sora|video)", re.MULTILINE)
# What the residual pass looks for on lines a grammar left without a finding.
RESIDUAL = re.compile(f"{MODEL_ID.pattern}|{ENDPOINT.pattern}")


def analyse_lines(ctx: FileContext) -> None:
    """Split each line that holds a needle into code and comment and run the text matchers on
    both (every matcher needs `sora` or `video` in some case, so other lines are never split)."""
    ctx.read_as_text = True
    markers = INLINE_COMMENTS.get(ctx.kind, ("#",))
    loose = ctx.kind == "text"
    for number in needle_lines(ctx):
        scan_line(ctx, ctx.lines[number - 1].rstrip("\r"), number, markers, loose)


def residual_pass(ctx: FileContext) -> None:
    """The text pass over lines that a grammar-based analyser left without any finding but that
    hold a Sora model id or a `/v1/videos` URL (text the grammar could not place: a parse
    error, JSX text, a template placeholder). Capped at medium: the structure is unknown."""
    if "sora-2" not in ctx.text and "/v1/videos" not in ctx.text:
        return
    covered: set[int] = set()
    for finding in ctx.findings:
        covered.update(range(finding.line, finding.end_line + 1))
    cap = ctx.cap
    ctx.cap = min(cap, Confidence.MEDIUM)
    for number in needle_lines(ctx):
        line = ctx.lines[number - 1].rstrip("\r")
        if number not in covered and RESIDUAL.search(line):
            scan_line(ctx, line, number, INLINE_COMMENTS["text"], loose=True)
    ctx.cap = cap


def needle_lines(ctx: FileContext) -> list[int]:
    """1-based numbers of the lines whose text holds `sora` or `video` in any case."""
    numbers: list[int] = []
    lowered = ctx.lowered
    line, counted = 1, 0
    for match in NEEDLE_LINE.finditer(lowered):
        line += lowered.count("\n", counted, match.start())
        counted = match.start()
        numbers.append(line)
    return numbers


def scan_line(
    ctx: FileContext, line: str, number: int, markers: tuple[str, ...], loose: bool = False
) -> None:
    """Run the text matchers on one line: its code part, then its comment part. `loose` (files
    of unknown language) also takes the whole-line comment forms of many languages."""
    if loose and TEXT_LINE_COMMENT.match(line):
        cut = len(line) - len(line.lstrip())
    else:
        cut = comment_start(line, markers)
        if loose and cut >= 0 and NOT_A_COMMENT.match(line, cut):
            cut = -1
    code, comment = (line, "") if cut < 0 else (line[:cut], line[cut:])
    if code.strip():
        scan_span(ctx, Span(code, number, 1, "code"))
    if comment:
        scan_span(ctx, Span(comment, number, cut + 1, "comment"))


def comment_start(line: str, markers: tuple[str, ...] = ("#",)) -> int:
    """Index of a comment outside quotes (at line start or after whitespace), or -1."""
    quote = ""
    for index, char in enumerate(line):
        if quote:
            if char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif (index == 0 or line[index - 1] in " \t") and line.startswith(markers, index):
            return index
    return -1
