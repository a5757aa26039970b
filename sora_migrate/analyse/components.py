"""Single-file components and pages: `.vue`, `.svelte`, `.astro` and `.html`.

Their `<script>` blocks (and an Astro file's `---` frontmatter) go through the JavaScript /
TypeScript analyser together, as one module, so a client made in `<script>` is known in
`<script setup>`. The analyser sees a copy of the file in which everything outside the scripts
is blanked with spaces (line breaks kept), so its positions are already raw-file positions;
only the snippets are taken back from the raw lines. The markup gets the shared text pass,
capped at medium: `<!-- -->` comments as comments, the rest as code (`<option value="sora-2">`,
a URL).
"""

from __future__ import annotations

import re
from dataclasses import replace

from sora_migrate.analyse.context import FileContext, Span
from sora_migrate.analyse.javascript import analyse_javascript
from sora_migrate.analyse.matchers import scan_span
from sora_migrate.findings import Confidence

SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
LANG = re.compile(r"""\blang\s*=\s*["']?(\w+)""", re.IGNORECASE)
TYPE = re.compile(r"""\btype\s*=\s*["']?([\w/+.-]+)""", re.IGNORECASE)
SCRIPT_TYPES = frozenset(
    {"module", "text/javascript", "application/javascript", "text/babel", "text/jsx"}
)
TYPESCRIPT = frozenset({"ts", "typescript"})
FRONTMATTER = re.compile(r"\A\s*---[ \t]*\r?\n(.*?)^---[ \t]*\r?$", re.DOTALL | re.MULTILINE)
HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
BLANK = re.compile(r"[^\r\n]")


def analyse_component(ctx: FileContext) -> None:
    """Analyse a component's scripts as JS/TS and its markup as text."""
    blocks, grammar = _script_blocks(ctx)
    if blocks:
        scripts = FileContext(ctx.path, ctx.kind, _keep(ctx.text, blocks), ctx.rules, ctx.root)
        analyse_javascript(scripts, grammar)
        ctx.findings.extend(
            replace(finding, snippet=ctx.lines[finding.line - 1].rstrip("\r").strip()[:200])
            for finding in scripts.findings
        )
    _scan_markup(ctx, _blank(ctx.text, blocks))


def _script_blocks(ctx: FileContext) -> tuple[list[tuple[int, int]], str]:
    """Character ranges of the code to analyse, and the grammar that parses all of it."""
    blocks: list[tuple[int, int]] = []
    languages = set()
    if ctx.kind == "astro":
        front = FRONTMATTER.match(ctx.text)
        if front:
            blocks.append(front.span(1))
            languages.add("typescript")
    for match in SCRIPT.finditer(ctx.text):
        attributes = match.group(1)
        kind = TYPE.search(attributes)
        if kind and kind.group(1).lower() not in SCRIPT_TYPES:
            continue  # JSON data, templates: left to the text pass
        lang = LANG.search(attributes)
        name = lang.group(1).lower() if lang else ""
        if name == "tsx":
            languages.add("tsx")
        elif name in TYPESCRIPT or ctx.kind == "astro":
            languages.add("typescript")
        blocks.append(match.span(2))
    grammar = next((g for g in ("tsx", "typescript") if g in languages), "javascript")
    return blocks, grammar


def _keep(text: str, blocks: list[tuple[int, int]]) -> str:
    """`text` with everything outside `blocks` blanked."""
    pieces, at = [], 0
    for start, end in blocks:
        pieces.append(BLANK.sub(" ", text[at:start]))
        pieces.append(text[start:end])
        at = end
    pieces.append(BLANK.sub(" ", text[at:]))
    return "".join(pieces)


def _blank(text: str, blocks: list[tuple[int, int]]) -> str:
    """`text` with `blocks` blanked."""
    pieces, at = [], 0
    for start, end in blocks:
        pieces.append(text[at:start])
        pieces.append(BLANK.sub(" ", text[start:end]))
        at = end
    pieces.append(text[at:])
    return "".join(pieces)


def _scan_markup(ctx: FileContext, markup: str) -> None:
    """Markup is presentation (often documentation pages): its findings are capped at medium."""
    cap, ctx.cap = ctx.cap, min(ctx.cap, Confidence.MEDIUM)
    try:
        _scan_markup_spans(ctx, markup)
    finally:
        ctx.cap = cap


def _scan_markup_spans(ctx: FileContext, markup: str) -> None:
    whole = Span(markup, 1, 1, "code")
    for comment in HTML_COMMENT.finditer(markup):
        line, column = whole.position(comment.start())
        scan_span(ctx, Span(comment.group(), line, column, "comment"))
    code = HTML_COMMENT.sub(lambda m: BLANK.sub(" ", m.group()), markup)
    for number, text in enumerate(code.split("\n"), start=1):
        if text.strip():
            scan_span(ctx, Span(text.rstrip("\r"), number, 1, "code"))
