"""The libcst pass that applies a Plan: calls at planned positions go to their call-kind
module (calls/) unless their flow holds them back (whole_flows.py), everything else planned
gets a TODO comment above its statement (manual.py); statuses and attributes read from a
rewritten call's result are mapped or flagged (results.py).

Comments are attached to the innermost statement around a site, after its existing leading
comments; a comment already there is not added twice, which keeps the rewrite idempotent.
"""

from __future__ import annotations

from typing import Any

import libcst as cst
from libcst.metadata import CodeRange, PositionProvider

from sora_migrate.rewrite import manual, results
from sora_migrate.rewrite.calls import call_outcome
from sora_migrate.rewrite.calls.common import Rewritten
from sora_migrate.rewrite.plan import Plan
from sora_migrate.rewrite.report import SiteRecord
from sora_migrate.rewrite.whole_flows import Decisions

STATEMENTS = (cst.SimpleStatementLine, cst.BaseCompoundStatement)


class SoraTransformer(cst.CSTTransformer):
    """Rewrites planned calls and adds TODO comments; records every site it handled."""

    METADATA_DEPENDENCIES = (PositionProvider,)

    def __init__(self, plan: Plan, decisions: Decisions) -> None:
        super().__init__()
        self.plan = plan
        self.decisions = decisions
        self.records: list[SiteRecord] = []
        self.factories: set[str] = set()
        self.imports: set[str] = set()
        self._scopes: list[int] = [0]
        self._comparisons = 0
        self._pending: list[list[str]] = []
        self._mark_owner: dict[int, int] = {}
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

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._scopes.append(id(node))

    def leave_FunctionDef(
        self, original_node: cst.FunctionDef, updated_node: cst.FunctionDef
    ) -> cst.FunctionDef:
        self._scopes.pop()
        return updated_node

    @property
    def _results(self) -> dict[str, set[str]]:
        """Names bound to a rewritten call's result in the current scope."""
        return self.decisions.results.get(self._scopes[-1], {})

    def visit_Comparison(self, node: cst.Comparison) -> None:
        self._comparisons += 1

    def leave_Comparison(
        self, original_node: cst.Comparison, updated_node: cst.Comparison
    ) -> cst.Comparison:
        self._comparisons -= 1
        values = [original_node.left, *(item.comparator for item in original_node.comparisons)]
        if not self.plan.calls or not any(results.has_sora_status(value) for value in values):
            return updated_node
        if results.status_names(original_node, self._results):
            return results.shim_statuses(updated_node)
        reason = 'comparison with a Sora-only status ("queued" / "in_progress")'
        self._todo(original_node, "status-string", reason, manual.STATUS_TODO)
        return updated_node

    def leave_Match(self, original_node: cst.Match, updated_node: cst.Match) -> cst.Match:
        patterns = [case.pattern for case in original_node.cases]
        if not self.plan.calls or not any(results.has_sora_pattern(p) for p in patterns):
            return updated_node
        if results.is_status_of(original_node.subject, self._results):
            return results.shim_statuses(updated_node)
        reason = 'match case on a Sora-only status ("queued" / "in_progress")'
        self._todo(original_node, "status-string", reason, manual.STATUS_TODO)
        return updated_node

    def leave_Tuple(self, original_node: cst.Tuple, updated_node: cst.Tuple) -> cst.Tuple:
        self._status_collection(original_node)
        return updated_node

    def leave_List(self, original_node: cst.List, updated_node: cst.List) -> cst.List:
        self._status_collection(original_node)
        return updated_node

    def leave_Set(self, original_node: cst.Set, updated_node: cst.Set) -> cst.Set:
        self._status_collection(original_node)
        return updated_node

    def leave_Dict(self, original_node: cst.Dict, updated_node: cst.Dict) -> cst.Dict:
        self._status_collection(original_node)
        return updated_node

    def _status_collection(self, node: cst.Tuple | cst.List | cst.Set | cst.Dict) -> None:
        """Sora's statuses held in a constant (`PENDING = ("queued", "in_progress")`) or a
        lookup table: compared with a Job's status later, they would silently never match."""
        if self.plan.calls and self._comparisons == 0 and results.holds_sora_statuses(node):
            reason = 'Sora-only statuses ("queued" / "in_progress") kept in a collection'
            self._todo(node, "status-string", reason, manual.STATUS_HELD_TODO)

    def _todo(self, node: cst.CSTNode, kind: str, reason: str, todo: str) -> None:
        line = self.get_metadata(PositionProvider, node).start.line
        self._pending[-1].append(manual.comment(todo))
        self.records.append(SiteRecord(line, kind, False, reason, todo))

    def leave_Attribute(
        self, original_node: cst.Attribute, updated_node: cst.Attribute
    ) -> cst.Attribute:
        todo = results.attribute_todo(original_node, self._results)
        if todo is not None and self._pending:
            reason = f"reads .{original_node.attr.value} from a rewritten call's result"
            self._todo(original_node, "result-attribute", reason, todo)
        return updated_node

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        start = self.get_metadata(PositionProvider, original_node).start
        site = self.decisions.sites.get((start.line, start.column))
        func = original_node.func
        # `.read()` chained on a Sora call starts at the same position: match the method too
        if site is None or not isinstance(func, cst.Attribute) or func.attr.value != site.method:
            return updated_node
        target = self.plan.calls[(start.line, start.column)]
        outcome = call_outcome(func, updated_node, site)
        held_back = self.decisions.held_back.get((start.line, start.column))
        if isinstance(outcome, Rewritten) and held_back is not None:
            outcome = held_back
        if isinstance(outcome, Rewritten):
            self._pending[-1].extend(f"# {note}" for note in outcome.notes)
            self.factories.add(site.client_factory)
            self.imports.update(outcome.imports)
            self.records.append(SiteRecord(start.line, target.method, True, args=target.args))
            return outcome.call
        self._pending[-1].append(manual.comment(outcome.todo))
        self.records.append(
            SiteRecord(start.line, target.method, False, outcome.reason, outcome.todo, target.args)
        )
        return updated_node

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
