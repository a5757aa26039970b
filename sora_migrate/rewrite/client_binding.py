"""The imports and the lazily configured module-level client that rewritten calls go through.

After the leading imports of a rewritten module::

    import functools

    from sora_migrate.shim import VideoClient


    @functools.cache
    def _video_client() -> VideoClient:
        \"\"\"The video provider client, built on first use (importing needs no credentials).\"\"\"
        return VideoClient()

`_async_video_client` / `AsyncVideoClient` is added the same way for async call sites. The
client is created on the first call, so importing the module reads no configuration, no
credentials and opens no connection; the provider comes from the shim's configuration.
"""

from __future__ import annotations

from collections.abc import Collection

import libcst as cst
from libcst.codemod import CodemodContext
from libcst.codemod.visitors import AddImportsVisitor

CLIENT_CLASSES = {"_video_client": "VideoClient", "_async_video_client": "AsyncVideoClient"}
FACTORY = '''
@functools.cache
def {name}() -> {cls}:
    """The video provider client, built on first use (importing needs no credentials)."""
    return {cls}()
'''


def bind_clients(
    module: cst.Module, factories: set[str], shim_module: str, names: Collection[str] = ()
) -> cst.Module:
    """Add the factories in `factories` (if missing), the imports they need, and `names` from
    the shim (`from_sora`)."""
    if not factories:
        return module
    defined = {
        statement.name.value for statement in module.body if isinstance(statement, cst.FunctionDef)
    }
    missing = [name for name in sorted(factories) if name not in defined]
    if missing:
        at = _after_leading_imports(module)
        new = [_factory(module, name) for name in missing]
        rest = [_two_blank_lines(statement) for statement in module.body[at : at + 1]]
        module = module.with_changes(body=[*module.body[:at], *new, *rest, *module.body[at + 1 :]])
    context = CodemodContext()
    AddImportsVisitor.add_needed_import(context, "functools")
    for name in sorted({*(CLIENT_CLASSES[factory] for factory in factories), *names}):
        AddImportsVisitor.add_needed_import(context, shim_module, name)
    return AddImportsVisitor(context).transform_module(module)


def _factory(module: cst.Module, name: str) -> cst.BaseStatement:
    code = FACTORY.format(name=name, cls=CLIENT_CLASSES[name])
    statement = cst.parse_statement(code.lstrip("\n"), config=module.config_for_parsing)
    blank = cst.EmptyLine(indent=False)
    return statement.with_changes(leading_lines=[blank, blank])


def _two_blank_lines(statement: cst.BaseStatement) -> cst.BaseStatement:
    """At least two blank lines between the inserted functions and the code that follows."""
    if not isinstance(statement, (cst.SimpleStatementLine, cst.BaseCompoundStatement)):
        return statement
    lines = list(statement.leading_lines)
    blank = 0
    while blank < len(lines) and lines[blank].comment is None:
        blank += 1
    missing = max(0, 2 - blank)
    return statement.with_changes(leading_lines=[cst.EmptyLine(indent=False)] * missing + lines)


def _after_leading_imports(module: cst.Module) -> int:
    """Index just after the docstring and the import statements at the top of the module."""
    at = 0
    for index, statement in enumerate(module.body):
        if _is_import(statement) or (index == 0 and _is_docstring(statement)):
            at = index + 1
        else:
            break
    return at


def _is_import(statement: cst.BaseStatement) -> bool:
    return isinstance(statement, cst.SimpleStatementLine) and all(
        isinstance(small, (cst.Import, cst.ImportFrom)) for small in statement.body
    )


def _is_docstring(statement: cst.BaseStatement) -> bool:
    return (
        isinstance(statement, cst.SimpleStatementLine)
        and len(statement.body) == 1
        and isinstance(statement.body[0], cst.Expr)
        and isinstance(statement.body[0].value, (cst.SimpleString, cst.ConcatenatedString))
    )
