"""Read one `scan`/`check --format json` report back for `merge`: its provenance, its counts and
its findings. A file that is not JSON, not a sora-migrate report, from a newer schema, or
malformed is a one-line ReportError naming the file and what is wrong."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sora_migrate.errors import UserError
from sora_migrate.findings import Confidence, Finding, ScanResult, SkippedFile
from sora_migrate.provenance import Repository
from sora_migrate.report.model import Item, Status

READABLE_SCHEMAS = (1, 2)
STATUSES = ("found", "new", "below-gate", "baselined", "suppressed")
INVENTORY_KIND = "sora-migrate-inventory"


class ReportError(UserError):
    """An input of `merge` that cannot be used."""


@dataclass(frozen=True)
class LoadedReport:
    """One JSON report: where it came from and what it found."""

    file: str
    repository: Repository
    tool_version: str
    ruleset: str | None
    shard: tuple[int, int] | None  # (index, count)
    min_confidence: str
    result: ScanResult
    items: tuple[Item, ...]


def load_report(path: Path) -> LoadedReport:
    """Parse and validate the report at `path`."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise ReportError(f"{path}: cannot read: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise ReportError(f"{path}: not a sora-migrate JSON report (not UTF-8 text)") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ReportError(f"{path}: not a sora-migrate JSON report ({error})") from None
    return parse_report(str(path), data)


def parse_report(file: str, data: Any) -> LoadedReport:
    """Validate a decoded report; `file` names it in errors."""
    check = _Checker(file)
    if not isinstance(data, dict) or not isinstance(data.get("tool"), dict):
        raise ReportError(f"{file}: not a sora-migrate JSON report (no 'tool' object)")
    if data["tool"].get("name") != "sora-migrate":
        raise ReportError(f"{file}: not a sora-migrate JSON report (tool is {data['tool']!r})")
    if data.get("kind") == INVENTORY_KIND:
        raise ReportError(f"{file}: is a merged inventory; merge the reports it was made from")
    version = data.get("schema_version")
    if version not in READABLE_SCHEMAS:
        raise ReportError(
            f"{file}: report schema_version {version!r} is not one this sora-migrate reads "
            f"({', '.join(map(str, READABLE_SCHEMAS))}); use the same or a newer sora-migrate"
        )
    root = check.text(data, "root")
    summary = check.object(data, "summary")
    findings: list[Finding] = []
    items = []
    for index, entry in enumerate(check.array(data, "findings")):
        finding, status = _finding(check.at(f"finding {index + 1}"), entry)
        findings.append(finding)
        items.append(Item(finding, status))
    skipped = [
        SkippedFile(check.text(entry, "path"), check.text(entry, "reason"))
        for entry in check.array(data, "skipped")
        if check.object_item(entry)
    ]
    result = ScanResult(
        root=root,
        findings=findings,
        skipped=skipped,
        files_scanned=check.number(summary, "files_scanned"),
        files_parsed=check.number(summary, "files_parsed"),
        files_too_large=check.number(summary, "files_too_large"),
        files_binary=check.number(summary, "files_binary"),
    )
    tool_version = check.text(data["tool"], "version")
    return LoadedReport(
        file=file,
        repository=_repository(check, data, root),
        tool_version=tool_version,
        ruleset=_ruleset(check, data),
        shard=_shard(check, data.get("shard")),
        min_confidence=check.text(summary, "min_confidence"),
        result=result,
        items=tuple(items),
    )


def _finding(check: _Checker, entry: Any) -> tuple[Finding, Status]:
    check.object_item(entry)
    try:
        confidence = Confidence.parse(check.text(entry, "confidence"))
    except ValueError as error:
        raise check.error(str(error)) from None
    status = entry.get("status", "found")
    if status not in STATUSES:
        raise check.error(f"unknown status {status!r}")
    args = entry.get("args", {})
    if not isinstance(args, dict):
        raise check.error("'args' must be an object")
    cell, cell_line = entry.get("cell"), entry.get("cell_line")
    if not all(value is None or _is_int(value) for value in (cell, cell_line)):
        raise check.error("'cell' and 'cell_line' must be integers")
    suppressed = entry.get("suppressed")
    if suppressed is not None and not isinstance(suppressed, str):
        raise check.error("'suppressed' must be a string")
    finding = Finding(
        rule_id=check.text(entry, "rule_id"),
        category=check.text(entry, "category"),
        confidence=confidence,
        path=check.text(entry, "path"),
        line=check.number(entry, "line"),
        column=check.number(entry, "column"),
        end_line=check.number(entry, "end_line"),
        end_column=check.number(entry, "end_column"),
        message=check.text(entry, "message"),
        snippet=check.text(entry, "snippet"),
        args=args,
        cell=cell,
        cell_line=cell_line,
        suppressed=suppressed,
    )
    return finding, status


def _repository(check: _Checker, data: dict[str, Any], root: str) -> Repository:
    """Version 1 reports have no `repository`: the scanned folder's name stands in."""
    entry = data.get("repository")
    if entry is None:
        return Repository(name=Path(root).name or root)
    check.object_item(entry)
    optional = {key: check.optional_text(entry, key) for key in ("remote", "commit")}
    return Repository(
        name=check.text(entry, "name"), path=check.optional_text(entry, "path") or "", **optional
    )


def _ruleset(check: _Checker, data: dict[str, Any]) -> str | None:
    rules = data.get("rules")
    if rules is None:
        return None
    check.object_item(rules)
    return check.text(rules, "version")


def _shard(check: _Checker, entry: Any) -> tuple[int, int] | None:
    if entry is None:
        return None
    check.object_item(entry)
    index, count = check.number(entry, "index"), check.number(entry, "count")
    if not 1 <= index <= count:
        raise check.error(f"shard {index}/{count} is not a shard (1 <= K <= N)")
    return index, count


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class _Checker:
    """Typed field access that fails with `<file>: <where>: <problem>`."""

    def __init__(self, file: str, where: str = "") -> None:
        self.file = file
        self.where = where

    def at(self, where: str) -> _Checker:
        return _Checker(self.file, where)

    def error(self, problem: str) -> ReportError:
        where = f" {self.where}:" if self.where else ""
        return ReportError(f"{self.file}:{where} {problem}")

    def object_item(self, value: Any) -> bool:
        if not isinstance(value, dict):
            raise self.error(f"expected an object, found {type(value).__name__}")
        return True

    def _get(self, data: dict[str, Any], key: str) -> Any:
        if key not in data:
            raise self.error(f"missing {key!r}")
        return data[key]

    def text(self, data: dict[str, Any], key: str) -> str:
        value = self._get(data, key)
        if not isinstance(value, str):
            raise self.error(f"{key!r} must be a string")
        return value

    def optional_text(self, data: dict[str, Any], key: str) -> str | None:
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            raise self.error(f"{key!r} must be a string or null")
        return value

    def number(self, data: dict[str, Any], key: str) -> int:
        value = self._get(data, key)
        if not _is_int(value) or value < 0:
            raise self.error(f"{key!r} must be a non-negative integer")
        return int(value)

    def object(self, data: dict[str, Any], key: str) -> dict[str, Any]:
        value = self._get(data, key)
        if not isinstance(value, dict):
            raise self.error(f"{key!r} must be an object")
        return value

    def array(self, data: dict[str, Any], key: str) -> list[Any]:
        value = self._get(data, key)
        if not isinstance(value, list):
            raise self.error(f"{key!r} must be an array")
        return value
