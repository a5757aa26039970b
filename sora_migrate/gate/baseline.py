"""The baseline file: today's findings, recorded so that `check --baseline` fails only on new ones.

Entries match on rule, path and `Finding.fingerprint` (a hash of the normalised code), never on
line numbers, so edits that shift lines keep matching. Matching is by multiset: two identical
lines are two findings, and an entry with `count: 2` covers at most two of them.

    {"schema_version": 1, "tool": "sora-migrate",
     "entries": [{"rule_id": "sdk-call", "path": "app/render.py",
                  "fingerprint": "3f2a...", "count": 1}, ...]}
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sora_migrate.errors import ConfigError
from sora_migrate.findings import Finding

SCHEMA_VERSION = 1
_ENTRY_KEYS = {"rule_id", "path", "fingerprint", "count"}

Key = tuple[str, str, str]


@dataclass(frozen=True)
class BaselineEntry:
    """`count` findings of `rule_id` in `path` whose code hashes to `fingerprint`."""

    rule_id: str
    path: str
    fingerprint: str
    count: int = 1

    @property
    def key(self) -> Key:
        return (self.rule_id, self.path, self.fingerprint)


@dataclass(frozen=True)
class BaselineMatch:
    """Findings split by the baseline, and the entries nothing matched any more."""

    new: tuple[Finding, ...]
    baselined: tuple[Finding, ...]
    fixed: tuple[BaselineEntry, ...]


def finding_key(finding: Finding) -> Key:
    """What a baseline entry matches on."""
    return (finding.rule_id, finding.path, finding.fingerprint)


def entries_for(findings: Iterable[Finding]) -> tuple[BaselineEntry, ...]:
    """Baseline entries recording `findings`, one per distinct key, sorted."""
    counts = Counter(finding_key(finding) for finding in findings)
    return tuple(
        BaselineEntry(rule_id, path, fingerprint, count)
        for (rule_id, path, fingerprint), count in sorted(counts.items(), key=_path_first)
    )


def _path_first(pair: tuple[Key, int]) -> tuple[str, str, str]:
    (rule_id, path, fingerprint), _ = pair
    return (path, rule_id, fingerprint)


def dumps(entries: Sequence[BaselineEntry]) -> str:
    """The baseline file's text: stable key order, one entry per line block, trailing newline."""
    data = {
        "schema_version": SCHEMA_VERSION,
        "tool": "sora-migrate",
        "entries": [
            {"rule_id": e.rule_id, "path": e.path, "fingerprint": e.fingerprint, "count": e.count}
            for e in entries
        ],
    }
    return json.dumps(data, indent=2) + "\n"


def load(path: Path) -> tuple[BaselineEntry, ...]:
    """Read a baseline file; any problem is a one-line ConfigError naming the file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(
            f"{path}: baseline file not found",
            "create it with `sora-migrate check --write-baseline FILE`",
        ) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read baseline: {error}") from None
    except json.JSONDecodeError as error:
        raise ConfigError(f"{path}: baseline is not valid JSON (line {error.lineno})") from None
    except RecursionError:
        raise ConfigError(f"{path}: not a sora-migrate baseline (JSON nested too deeply)") from None
    if not isinstance(data, dict) or data.get("schema_version") != SCHEMA_VERSION:
        raise ConfigError(f"{path}: not a sora-migrate baseline (schema_version must be 1)")
    entries = data.get("entries")
    if not isinstance(entries, list):
        raise ConfigError(f"{path}: baseline 'entries' must be a list")
    return tuple(_entry(path, index, item) for index, item in enumerate(entries))


def _entry(path: Path, index: int, item: object) -> BaselineEntry:
    where = f"{path}: entries[{index}]"
    if not isinstance(item, dict) or set(item) != _ENTRY_KEYS:
        raise ConfigError(f"{where} must have exactly the keys {', '.join(sorted(_ENTRY_KEYS))}")
    for key in ("rule_id", "path", "fingerprint"):
        if not isinstance(item[key], str) or not item[key]:
            raise ConfigError(f"{where}.{key} must be a non-empty string")
    count = item["count"]
    if not isinstance(count, int) or isinstance(count, bool) or count < 1:
        raise ConfigError(f"{where}.count must be a positive integer")
    return BaselineEntry(item["rule_id"], item["path"], item["fingerprint"], count)


def match(findings: Sequence[Finding], entries: Sequence[BaselineEntry]) -> BaselineMatch:
    """Split findings into new and baselined; leftover entry counts are fixed findings."""
    remaining = Counter[Key]()
    for entry in entries:
        remaining[entry.key] += entry.count
    new: list[Finding] = []
    baselined: list[Finding] = []
    for finding in findings:
        key = finding_key(finding)
        if remaining[key] > 0:
            remaining[key] -= 1
            baselined.append(finding)
        else:
            new.append(finding)
    fixed = tuple(
        BaselineEntry(*key, count=count)
        for key, count in sorted(remaining.items(), key=_path_first)
        if count > 0
    )
    return BaselineMatch(tuple(new), tuple(baselined), fixed)
