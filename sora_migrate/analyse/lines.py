"""Line-oriented analysers for formats without a tree-sitter grammar here: .env files,
Dockerfiles, shell scripts, TOML and INI-style config. `#` starts a comment (outside quotes);
everything else is config code whose values and variable names are matched."""

from __future__ import annotations

from sora_migrate.analyse.context import FileContext, Span
from sora_migrate.analyse.matchers import scan_span


def analyse_lines(ctx: FileContext) -> None:
    """Split each line into code and `#` comment and run the text matchers on both."""
    for number, raw in enumerate(ctx.lines, start=1):
        line = raw.rstrip("\r")
        if not line.strip():
            continue
        cut = comment_start(line)
        code, comment = (line, "") if cut < 0 else (line[:cut], line[cut:])
        if code.strip():
            scan_span(ctx, Span(code, number, 1, "code"))
        if comment:
            scan_span(ctx, Span(comment, number, cut + 1, "comment"))


def comment_start(line: str) -> int:
    """Index of a `#` comment outside quotes (at line start or after whitespace), or -1."""
    quote = ""
    for index, char in enumerate(line):
        if quote:
            if char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "#" and (index == 0 or line[index - 1] in " \t"):
            return index
    return -1
