"""Bytes in, bytes out for one TS/JS file: plan from the scanner's findings, edit, prove.

The file must be UTF-8 (a BOM is kept) and parse without tree-sitter errors; the result must
parse too, and a second rewrite of it must change nothing, or the file is left as it was and
reported. Every byte outside the edited ranges is kept (quotes, semicolons, CRLF, indentation).
"""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import TYPE_CHECKING

from sora_migrate.findings import Finding
from sora_migrate.rewrite.calls.common import Manual
from sora_migrate.rewrite.engine import UNRESOLVED, FileResult, SkipFile, unified_diff
from sora_migrate.rewrite.javascript import todos
from sora_migrate.rewrite.javascript.binding import bind_shim
from sora_migrate.rewrite.javascript.calls import Rewritten, rewrite_call
from sora_migrate.rewrite.javascript.edits import Edit, OverlappingEdits, apply_edits
from sora_migrate.rewrite.javascript.flows import Decided, hold_back
from sora_migrate.rewrite.javascript.source import Source, grammar_of
from sora_migrate.rewrite.javascript.statuses import job_names, map_statuses
from sora_migrate.rewrite.plan import CallTarget, Plan
from sora_migrate.rewrite.report import FileOutcome, Site

if TYPE_CHECKING:
    from tree_sitter import Node

STATUS_REASON = 'comparison with a Sora-only status ("queued" / "in_progress")'
TYPES_REASON = "imports the Sora API's types"
STATEMENT_CONTAINERS = frozenset(
    {"program", "statement_block", "switch_case", "switch_default", "class_body"}
)


def rewrite_javascript_bytes(data: bytes, rel: str, root: Path, shim_dir: Path) -> FileResult:
    """Rewrite the TS/JS file `root / rel` whose content is `data` onto the shim in `shim_dir`."""
    bom = codecs.BOM_UTF8 if data.startswith(codecs.BOM_UTF8) else b""
    body = data[len(bom) :]
    try:
        new_body, sites = _rewrite(body, rel, root, shim_dir)
        if new_body == body:
            return FileResult(FileOutcome(rel, "unchanged"), sites)
    except SkipFile as error:
        return FileResult(FileOutcome(rel, "skipped", str(error)), ())
    try:
        _check(new_body, rel, root, shim_dir)
    except SkipFile as error:
        return FileResult(FileOutcome(rel, "failed", str(error)), sites)
    diff = unified_diff(body.decode("utf-8"), new_body.decode("utf-8"), rel)
    return FileResult(FileOutcome(rel, "changed", diff=diff), sites, bom + new_body)


def _rewrite(data: bytes, rel: str, root: Path, shim_dir: Path) -> tuple[bytes, tuple[Site, ...]]:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise SkipFile(f"cannot decode as UTF-8: {error.reason} at byte {error.start}") from None
    source = Source(rel, data)
    if source.root.has_error:
        raise SkipFile(f"does not parse ({_first_error(source)}); file left as it was")
    plan, type_imports = _plan(text, rel, root)
    work = _FileRewrite(source)
    for item in plan.unresolved:
        reason = UNRESOLVED.format(method=item.method)
        work.sites.append(Site(rel, item.line, item.method, "manual", reason, None, item.args))
    if plan.empty:
        return data, tuple(work.sites)
    targets = {}
    decided = []
    for target in plan.calls.values():
        call = _call_at(source, source.offset(target.line, target.column + 1), target.method)
        if call is not None:
            targets[call.id] = target
            decided.append(Decided(target.method, call, rewrite_call(source, call, target.method)))
    for item in plan.unresolved:
        call = _call_at(source, source.offset(item.line, item.column + 1), item.method)
        if call is not None and item.column >= 0:
            reason = UNRESOLVED.format(method=item.method)
            decided.append(Decided(item.method, call, Manual(reason, reason), unresolved=True))
    rewritten = [
        item.call
        for item in hold_back(source, decided)
        if not item.unresolved and work.apply(targets[item.call.id], item)
    ]
    for mark in plan.marks:
        work.todo(mark.line, mark.column + 1, mark.kind, mark.reason, todos.FINDINGS[mark.kind])
    status_edits, unmapped = map_statuses(source, job_names(source, rewritten))
    work.edits.extend(status_edits)
    for node in unmapped:
        line, column = node.start_point[0] + 1, 1
        work.todo(line, column, "status-string", STATUS_REASON, todos.STATUS, node)
    if work.names:
        work.edits.extend(bind_shim(source, root, shim_dir, work.names))
        for finding in type_imports:
            work.todo(finding.line, finding.column, finding.rule_id, TYPES_REASON, todos.TYPES)
    try:
        new = apply_edits(data, [*work.edits, *work.comments.edits()])
    except OverlappingEdits:
        raise SkipFile("Sora calls nested in each other; move them by hand") from None
    return new, tuple(sorted(work.sites, key=lambda site: site.line))


class _FileRewrite:
    """The edits, comments, shim names and sites of one file as they are decided."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.edits: list[Edit] = []
        self.comments = Comments(source)
        self.names: set[str] = set()
        self.sites: list[Site] = []

    def apply(self, target: CallTarget, item: Decided) -> bool:
        """Apply one decided call (edits, or a TODO); True when it was rewritten."""
        rel, line, method, outcome = self.source.rel, target.line, target.method, item.outcome
        if isinstance(outcome, Rewritten):
            self.edits.extend(outcome.edits)
            self.names |= {"VideoClient", *outcome.names}
            for note in outcome.notes:
                self.comments.add(item.call, f"// {note}")
            self.sites.append(Site(rel, line, method, "rewritten", args=target.args))
            return True
        self.comments.add(item.call, todos.comment(outcome.todo))
        self.sites.append(
            Site(rel, line, method, "manual", outcome.reason, outcome.todo, target.args)
        )
        return False

    def todo(
        self, line: int, column: int, kind: str, reason: str, todo: str, node: Node | None = None
    ) -> None:
        """A TODO above the statement at (line, column), and its site."""
        if node is None:
            offset = self.source.offset(line, column)
            node = self.source.root.descendant_for_byte_range(offset, offset)
        if node is not None:
            self.comments.add(node, todos.comment(todo))
            self.sites.append(Site(self.source.rel, line, kind, "manual", reason, todo))


def _plan(text: str, rel: str, root: Path) -> tuple[Plan, list[Finding]]:
    """The plan from the scanner's own findings, and its unsuppressed Sora type imports."""
    from sora_migrate.analyse.context import FileContext
    from sora_migrate.analyse.directives import parse_directives
    from sora_migrate.analyse.javascript import analyse_javascript
    from sora_migrate.rewrite.analysis import _rules
    from sora_migrate.rewrite.plan import make_plan

    kind = "javascript" if grammar_of(rel) == "javascript" else "typescript"
    ctx = FileContext(rel, kind, text, _rules(), root)
    analyse_javascript(ctx, grammar_of(rel))
    directives = parse_directives(text, rel)
    plan = make_plan(ctx.findings, directives, ctx.lines)
    type_imports = [
        finding
        for finding in ctx.findings
        if finding.rule_id == "sdk-type-import"
        and not any(
            finding.line in (d.line, d.line + 1) and (not d.rules or finding.rule_id in d.rules)
            for d in directives
        )
    ]
    return plan, type_imports


def _call_at(source: Source, offset: int, method: str) -> Node | None:
    """The innermost `x.<method>(...)` call that starts at `offset`."""
    node: Node | None = source.root.descendant_for_byte_range(offset, offset)
    while node is not None and node.start_byte == offset:
        if node.type == "call_expression":
            func = node.child_by_field_name("function")
            prop = func.child_by_field_name("property") if func is not None else None
            if prop is not None and source.text(prop) == method:
                return node
        node = node.parent
    return None


class Comments:
    """Comment lines to put above statements, once each, never twice across runs."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.pending: dict[int, list[str]] = {}

    def add(self, node: Node, comment: str) -> None:
        """Queue `comment` above the statement around `node`, unless it is already there."""
        statement = _statement(node)
        at = self.source.line_start(statement.start_byte)
        if self.source.inside_literal(at):
            raise SkipFile(f"line {statement.start_point[0] + 1}: no line of its own for a comment")
        queued = self.pending.setdefault(at, [])
        if comment not in queued and comment not in self._above(at):
            queued.append(comment)

    def edits(self) -> list[Edit]:
        """One insertion per statement line, in the statement's own indentation."""
        nl = self.source.newline
        return [
            Edit(at, at, "".join(f"{self._indent(at)}{comment}{nl}" for comment in comments))
            for at, comments in self.pending.items()
            if comments
        ]

    def _indent(self, at: int) -> str:
        line = self.source.data[at:].split(b"\n", 1)[0].decode("utf-8")
        return line[: len(line) - len(line.lstrip(" \t"))]

    def _above(self, at: int) -> list[str]:
        """The `//` comment lines directly above the line starting at `at`."""
        data, found, end = self.source.data, [], at - 1
        while end > 0:
            start = data.rfind(b"\n", 0, end) + 1
            stripped = data[start:end].strip().decode("utf-8")
            if not stripped.startswith("//"):
                break
            found.append(stripped)
            end = start - 1
        return found


def _statement(node: Node) -> Node:
    """The statement (or class member) that holds `node`."""
    current = node
    while current.parent is not None and current.parent.type not in STATEMENT_CONTAINERS:
        current = current.parent
    if current.parent is None:
        return node
    return current


def _check(new: bytes, rel: str, root: Path, shim_dir: Path) -> None:
    """The result must parse, and rewriting it again must change nothing."""
    source = Source(rel, new)
    if source.root.has_error:
        raise SkipFile(f"rewrite does not parse ({_first_error(source)}); file left as it was")
    again, _ = _rewrite(new, rel, root, shim_dir)
    if again != new:
        raise SkipFile("a second rewrite would change the result again; file left as it was")


def _first_error(source: Source) -> str:
    from sora_migrate.analyse.treesitter import walk

    for node in walk(source.root):
        if node.type == "ERROR" or node.is_missing:
            return f"line {node.start_point[0] + 1}"
    return "syntax error"
