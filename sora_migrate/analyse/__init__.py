"""Per-language analysers: an explicit table from file kind to the function that analyses it."""

from __future__ import annotations

from sora_migrate.analyse.context import FileContext, Span, about_the_past
from sora_migrate.analyse.python_bindings import ModuleResolver
from sora_migrate.analyse.user_regex import user_pattern
from sora_migrate.findings import Confidence

# Kinds analysed by the table-driven SDK analyser (sdks.py) and by the component one.
SDK_KINDS = frozenset({"go", "java", "kotlin", "ruby", "csharp", "php", "rust"})
COMPONENT_KINDS = frozenset({"vue", "svelte", "astro", "html"})


def analyse_file(ctx: FileContext, suffix: str, resolver: ModuleResolver | None) -> None:
    """Run the analyser for `ctx.kind`, then the user's regex rules."""
    from sora_migrate.analyse import (
        javascript,
        lines,
        manifests,
        notebook,
        prose,
        python,
        structured,
    )
    from sora_migrate.analyse.treesitter import grammar_for

    kind = ctx.kind
    if about_the_past(ctx.path):
        ctx.cap = Confidence.LOW
    if kind == "python":
        python.analyse_python(ctx, resolver)
    elif kind == "notebook":
        notebook.analyse_notebook(ctx, resolver)
    elif kind in ("javascript", "typescript"):
        javascript.analyse_javascript(ctx, grammar_for(kind, suffix) or kind)
    elif kind == "yaml":
        structured.analyse_yaml(ctx)
    elif kind == "json":
        structured.analyse_json(ctx)
    elif kind in SDK_KINDS:
        from sora_migrate.analyse.sdk_tables import SDK_LANGUAGES
        from sora_migrate.analyse.sdks import analyse_sdk_language

        analyse_sdk_language(ctx, SDK_LANGUAGES[kind])
    elif kind in COMPONENT_KINDS:
        from sora_migrate.analyse.components import analyse_component

        analyse_component(ctx)
    elif kind in ("markdown", "rst"):
        prose.analyse_prose(ctx)
    else:
        lines.analyse_lines(ctx)
    if not ctx.read_as_text and kind != "notebook":
        lines.residual_pass(ctx)  # what the grammar could not place still gets the text pass
    manifests.analyse_manifest(ctx)
    _run_regex_rules(ctx)


def _run_regex_rules(ctx: FileContext) -> None:
    for rule in ctx.rules.regex_rules:
        if not rule.applies_to(ctx.kind) or rule.regex is None:
            continue
        whole = Span(ctx.text, 1, 1, "code")
        for begin, finish in user_pattern(rule.id, rule.regex.pattern).spans(ctx.text):
            start, end = whole.position(begin), whole.position(finish)
            ctx.add(rule, Confidence(rule.confidence), start, end)
