"""Bytes in, bytes out: decode a file, rewrite it, prove the result, produce a diff.

A file is decoded as the scan decodes it (a BOM, UTF-8 or UTF-16, and a PEP 263 cookie are
remembered), rewritten as text (newline style untouched: libcst keeps `\\r\\n`), re-encoded the
same way. The result must parse again and a second rewrite of it must change nothing; otherwise
the file is left as it was and reported as failed. Writing happens elsewhere (runner.py).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

from sora_migrate.encoding import DecodeError, Encoding, decode_source
from sora_migrate.rewrite.diff import unified_diff
from sora_migrate.rewrite.notebook import rewrite_notebook
from sora_migrate.rewrite.report import FileOutcome, Site, SiteOutcome, SiteRecord, SkipFile

UNRESOLVED = "{method}: receiver not resolved to an OpenAI client (medium confidence); not changed"


@dataclass(frozen=True)
class FileResult:
    """The outcome for one file, its sites and (when it changes) the new bytes."""

    outcome: FileOutcome
    sites: tuple[Site, ...]
    new_data: bytes | None = None


def rewrite_bytes(data: bytes, rel: str, root: Path, shim_module: str) -> FileResult:
    """Rewrite the file `root / rel` whose content is `data`. libcst recurses once per level of
    nesting, so this runs on a deep stack; input nested past CPython's own limits is skipped."""
    from sora_migrate.analyse.nesting import NestingError, run_with_deep_stack

    try:
        return run_with_deep_stack(lambda: _rewrite_file(data, rel, root, shim_module))
    except (NestingError, RecursionError, MemoryError) as error:
        reason = str(error) if isinstance(error, NestingError) else "nested too deeply"
        return FileResult(FileOutcome(rel, "skipped", f"{reason}; file left as it was"), ())


def _rewrite_file(data: bytes, rel: str, root: Path, shim_module: str) -> FileResult:
    try:
        text, encoding = _decode(data, rel)
        new_text, sites = _rewrite(text, rel, root, shim_module)
    except SkipFile as error:
        return FileResult(FileOutcome(rel, "skipped", str(error)), ())
    if new_text == text:
        return FileResult(FileOutcome(rel, "unchanged"), sites)
    try:
        _check(new_text, rel, root, shim_module)
    except SkipFile as error:
        return FileResult(FileOutcome(rel, "failed", str(error)), sites)
    diff = unified_diff(text, new_text, rel)
    return FileResult(FileOutcome(rel, "changed", diff=diff), sites, encoding.encode(new_text))


def rewrite_python(
    text: str, rel: str, kind: str, root: Path, shim_module: str
) -> tuple[str, list[SiteRecord]]:
    """Rewrite Python source `text`; the records' lines refer to `text`."""
    import libcst as cst
    from libcst.metadata import MetadataWrapper

    from sora_migrate.rewrite.analysis import plan_text
    from sora_migrate.rewrite.client_binding import bind_clients
    from sora_migrate.rewrite.transformer import SoraTransformer
    from sora_migrate.rewrite.whole_flows import FlowAnalysis

    plan = plan_text(text, rel, kind, root)
    unresolved = [
        SiteRecord(
            item.line, item.method, False, UNRESOLVED.format(method=item.method), None, item.args
        )
        for item in plan.unresolved
    ]
    if plan.empty:
        return text, unresolved
    _check_nesting(text, kind)
    try:
        module = cst.parse_module(text)
    except cst.ParserSyntaxError as error:
        raise SkipFile(f"does not parse (line {error.raw_line}); file left as it was") from None
    wrapper = MetadataWrapper(module)
    analysis = FlowAnalysis(plan)
    wrapper.visit(analysis)
    transformer = SoraTransformer(plan, analysis.decisions())
    new = wrapper.visit(transformer)
    new = bind_clients(new, transformer.factories, shim_module, transformer.imports)
    return new.code, sorted([*transformer.records, *unresolved], key=lambda r: r.line)


def _check_nesting(text: str, kind: str) -> None:
    """libcst's native parser crashes on input nested past CPython's own bounds (brackets 200
    deep, the parser's stack), so CPython's parser sees the file first; its other syntax
    errors are left for libcst to report (libcst may know newer syntax)."""
    flags = ast.PyCF_ONLY_AST | (ast.PyCF_ALLOW_TOP_LEVEL_AWAIT if kind == "notebook" else 0)
    try:
        compile(text, "<rewrite>", "exec", flags=flags, dont_inherit=True)
    except SyntaxError as error:
        if "too many" in str(error.msg):  # too many nested parentheses / levels of indentation
            raise SkipFile(f"{error.msg} (line {error.lineno}); file left as it was") from None
    except (RecursionError, MemoryError):
        raise SkipFile("nested too deeply to parse; file left as it was") from None
    except ValueError as error:  # a NUL character (Python 3.11)
        raise SkipFile(f"does not parse ({error}); file left as it was") from None


def _rewrite(text: str, rel: str, root: Path, shim_module: str) -> tuple[str, tuple[Site, ...]]:
    if rel.endswith(".ipynb"):

        def cells(code: str) -> tuple[str, list[SiteRecord]]:
            return rewrite_python(code, rel, "notebook", root, shim_module)

        new_text, located = rewrite_notebook(text, cells)
        return new_text, tuple(_site(rel, record, cell) for record, cell in located)
    new_text, records = rewrite_python(text, rel, "python", root, shim_module)
    return new_text, tuple(_site(rel, record, None) for record in records)


def _site(rel: str, record: SiteRecord, cell: int | None) -> Site:
    outcome: SiteOutcome = "rewritten" if record.rewritten else "manual"
    return Site(
        rel, record.line, record.kind, outcome, record.reason, record.todo, record.args, cell
    )


def _check(new_text: str, rel: str, root: Path, shim_module: str) -> None:
    """The rewritten text must parse, and rewriting it again must change nothing."""
    if not rel.endswith(".ipynb"):
        try:
            ast.parse(new_text)
        except SyntaxError as error:
            message = f"rewrite does not parse (line {error.lineno}); file left as it was"
            raise SkipFile(message) from None
    again, _ = _rewrite(new_text, rel, root, shim_module)
    if again != new_text:
        raise SkipFile("a second rewrite would change the result again; file left as it was")


def _decode(data: bytes, rel: str) -> tuple[str, Encoding]:
    """The text as the scan read it (BOM, PEP 263 cookie), and how to store it again."""
    try:
        return decode_source(data, "notebook" if rel.endswith(".ipynb") else "python")
    except DecodeError as error:
        raise SkipFile(f"cannot decode: {error}") from None
