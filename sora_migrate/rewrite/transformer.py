"""The one libcst pass that applies a Plan: calls at planned positions go to their call-kind
module (calls/), everything else planned gets a TODO comment above its statement (manual.py).

Comments are attached to the innermost statement around a site, after its existing leading
comments; a comment already there is not added twice, which keeps the rewrite idempotent.
"""

from __future__ import annotations

from typing import Any

import libcst as cst
from libcst.metadata import CodeRange, PositionProvider

from sora_migrate.rewrite import manual
from sora_migrate.rewrite.calls import REWRITERS
from sora_migrate.rewrite.calls.common import CallSite, Outcome, Rewritten
from sora_migrate.rewrite.plan import Plan
from sora_migrate.rewrite.report import SiteRecord

STATEMENTS = (cst.SimpleStatementLine, cst.BaseCompoundStatement)
WRAPPERS = ("with_raw_response", "with_streaming_response", "with_options")


class SoraTransformer(cst.CSTTransformer):
    """Rewrites planned calls and adds TODO comments; records every site it handled."""

    METADATA_DEPENDENCIES = (PositionProvider,)

    def __init__(self, plan: Plan) -> None:
        super().__init__()
        self.plan = plan
        self.records: list[SiteRecord] = []
        self.factories: set[str] = set()
        self._pending: list[list[str]] = []
        self._mark_owner: dict[int, int] = {}
        self._awaited: set[int] = set()
        self._bare: set[int] = set()
        self._header: set[str] = set()
        self._first: cst.CSTNode | None = None

    def visit_Module(self, node: cst.Module) -> None:
        self._header = {line.comment.value for line in node.header if line.comment}
        self._first = node.body[0] if node.body else None

    def on_visit(self, node: cst.CSTNode) -> bool:
        if isinstance(node, STATEMENTS):
            self._pending.append([])
            where = self.get_metadata(PositionProvider, node)
            for index, mark in enumerate(self.plan.marks):
                if _contains(where, mark.line, mark.column):
                    self._mark_owner[index] = id(node)
        return super().on_visit(node)

    def on_leave(self, original_node: cst.CSTNode, updated_node: cst.CSTNode) -> Any:
        result = super().on_leave(original_node, updated_node)
        if not isinstance(original_node, STATEMENTS):
            return result
        notes = self._pending.pop()
        for index, owner in self._mark_owner.items():
            if owner == id(original_node):
                mark = self.plan.marks[index]
                notes.append(manual.comment(mark.todo))
                self.records.append(SiteRecord(mark.line, mark.kind, False, mark.reason, mark.todo))
        return self._with_comments(original_node, result, notes)

    def visit_Await(self, node: cst.Await) -> None:
        self._awaited.add(id(node.expression))

    def visit_Expr(self, node: cst.Expr) -> None:
        value = node.value.expression if isinstance(node.value, cst.Await) else node.value
        self._bare.add(id(value))

    def visit_Comparison(self, node: cst.Comparison) -> None:
        if not self.plan.calls:
            return
        operands = [node.left, *(target.comparator for target in node.comparisons)]
        if any(_sora_status(operand) for operand in operands):
            line = self.get_metadata(PositionProvider, node).start.line
            self._pending[-1].append(manual.comment(manual.STATUS_TODO))
            reason = 'comparison with a Sora-only status ("queued" / "in_progress")'
            self.records.append(
                SiteRecord(line, "status-string", False, reason, manual.STATUS_TODO)
            )

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        start = self.get_metadata(PositionProvider, original_node).start
        target = self.plan.calls.get((start.line, start.column))
        func = original_node.func
        if (
            target is None
            or not isinstance(func, cst.Attribute)
            or func.attr.value != target.method
        ):
            return updated_node
        site = CallSite(
            method=target.method,
            is_async=target.async_client or id(original_node) in self._awaited,
            result_used=id(original_node) not in self._bare,
        )
        outcome = self._outcome(func, updated_node, site)
        if isinstance(outcome, Rewritten):
            self._pending[-1].extend(f"# {note}" for note in outcome.notes)
            self.factories.add(site.client_factory)
            self.records.append(SiteRecord(start.line, target.method, True, args=target.args))
            return outcome.call
        self._pending[-1].append(manual.comment(outcome.todo))
        self.records.append(
            SiteRecord(start.line, target.method, False, outcome.reason, outcome.todo, target.args)
        )
        return updated_node

    def _outcome(self, func: cst.Attribute, call: cst.Call, site: CallSite) -> Outcome:
        wrapper = _wrapper(func.value)
        if wrapper is not None:
            return manual.for_wrapper(site.method, wrapper)
        rewriter = REWRITERS.get(site.method)
        if rewriter is None:
            return manual.for_method(site.method)
        return rewriter(call, site)

    def _with_comments(self, original: cst.CSTNode, node: Any, notes: list[str]) -> Any:
        if not notes or not isinstance(node, STATEMENTS):
            return node
        existing = {line.comment.value for line in node.leading_lines if line.comment}
        if original is self._first:
            existing |= self._header
        added = []
        for note in dict.fromkeys(notes):
            if note not in existing:
                added.append(cst.EmptyLine(comment=cst.Comment(note)))
        if not added:
            return node
        return node.with_changes(leading_lines=[*node.leading_lines, *added])


def _contains(where: CodeRange, line: int, column: int) -> bool:
    start, end = where.start, where.end
    return (start.line, start.column) <= (line, column) < (end.line, end.column)


def _wrapper(node: cst.BaseExpression) -> str | None:
    """`with_raw_response` / `with_options(...)` anywhere in the receiver chain."""
    while isinstance(node, (cst.Attribute, cst.Call)):
        if isinstance(node, cst.Call):
            node = node.func
            continue
        if node.attr.value in WRAPPERS:
            return node.attr.value
        node = node.value
    return None


def _sora_status(node: cst.BaseExpression) -> bool:
    if isinstance(node, cst.SimpleString):
        return node.evaluated_value in manual.SORA_ONLY_STATUSES
    if isinstance(node, (cst.Tuple, cst.List, cst.Set)):
        return any(_sora_status(element.value) for element in node.elements)
    return False
