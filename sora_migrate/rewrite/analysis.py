"""Run the scanner's Python analyser on a text (a file, or a notebook's joined code cells), so
the positions line up with exactly the text the transformers see."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

from sora_migrate.analyse.context import FileContext, RuleSet
from sora_migrate.analyse.directives import parse_directives
from sora_migrate.rewrite.plan import Plan, make_plan

if TYPE_CHECKING:
    from sora_migrate.analyse.python_index import ModuleIndex


@functools.cache
def _rules() -> RuleSet:
    from sora_migrate.rulepack import load_rules, select_rules

    return RuleSet.from_rules(select_rules(load_rules(()), None, ()))


@functools.cache
def _index(root: Path) -> ModuleIndex:
    from sora_migrate.analyse.python_index import ModuleIndex

    return ModuleIndex(root)


def plan_text(text: str, rel: str, kind: str, root: Path) -> Plan:
    """The rewrite plan for `text`, the Python source of `root / rel` (kind python or notebook)."""
    from sora_migrate.analyse.python import analyse_python

    ctx = FileContext(rel, kind, text, _rules(), root)
    analyse_python(ctx, _index(root).resolver_for(root / rel))
    return make_plan(ctx.findings, parse_directives(text, rel), ctx.lines)
