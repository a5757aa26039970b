"""Project configuration: `.sora-migrate.toml` (top-level keys) or `[tool.sora-migrate]` in
`pyproject.toml`, found from the scanned path upward to the git root (or the filesystem root).

    include = ["src/**"]            # gitignore-style globs, relative to the scanned root
    exclude = ["tests/fixtures/"]
    min-confidence = "medium"       # the gate level of `check`
    enable = ["sdk-call"]           # only these rules (default: all)
    disable = ["doc-mention"]
    rule-dirs = ["tools/sora-rules"]  # relative to the config file
    baseline = ".sora-migrate-baseline.json"  # relative to the config file

Command-line flags win over the file. Unknown keys and bad values are one-line ConfigErrors
naming the file and the key.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sora_migrate.errors import ConfigError
from sora_migrate.findings import Confidence
from sora_migrate.options import ScanOptions

CONFIG_FILE = ".sora-migrate.toml"
PYPROJECT = "pyproject.toml"
_LIST_KEYS = ("include", "exclude", "enable", "disable", "rule-dirs")
KEYS = (*_LIST_KEYS, "min-confidence", "baseline")


@dataclass(frozen=True)
class Settings:
    """Configuration from a file or from flags; None means "not set here"."""

    source: str | None = None
    include: tuple[str, ...] | None = None
    exclude: tuple[str, ...] | None = None
    min_confidence: Confidence | None = None
    enable: tuple[str, ...] | None = None
    disable: tuple[str, ...] | None = None
    rule_dirs: tuple[Path, ...] | None = None
    baseline: Path | None = None


def find_config(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest config file at or above `start` (stopping at the git root) and its table."""
    directory = start.resolve()
    if not directory.is_dir():
        directory = directory.parent
    for current in (directory, *directory.parents):
        candidate = current / CONFIG_FILE
        if candidate.is_file():
            return candidate, _read_toml(candidate)
        pyproject = current / PYPROJECT
        section = _section(pyproject, _read_toml(pyproject)) if pyproject.is_file() else None
        if section is not None:
            return pyproject, section
        if (current / ".git").exists():
            return None
    return None


def load_settings(start: Path) -> Settings:
    """Settings from the nearest config file, or empty Settings when there is none."""
    found = find_config(start)
    if found is None:
        return Settings()
    return parse_settings(*found)


def parse_settings(path: Path, table: dict[str, Any]) -> Settings:
    """Validate one configuration table; paths become absolute, relative to the file."""
    where = f"{path}: [tool.sora-migrate]" if path.name == PYPROJECT else str(path)
    unknown = sorted(set(table) - set(KEYS))
    if unknown:
        raise ConfigError(f"{where}: unknown key {unknown[0]!r} (known: {', '.join(KEYS)})")
    lists = {key: _strings(where, key, table[key]) for key in _LIST_KEYS if key in table}
    base = path.parent
    baseline = table.get("baseline")
    if baseline is not None and (not isinstance(baseline, str) or not baseline.strip()):
        raise ConfigError(f"{where}: 'baseline' must be a path string")
    rule_dirs = lists.get("rule-dirs")
    return Settings(
        source=str(path),
        include=lists.get("include"),
        exclude=lists.get("exclude"),
        min_confidence=_confidence(where, table["min-confidence"])
        if "min-confidence" in table
        else None,
        enable=lists.get("enable"),
        disable=lists.get("disable"),
        rule_dirs=None if rule_dirs is None else tuple(base / item for item in rule_dirs),
        baseline=None if baseline is None else base / baseline,
    )


def merge(settings: Settings, flags: Settings) -> Settings:
    """`flags` (from the command line) over `settings` (from the file), field by field."""
    given = {
        name: value
        for name, value in flags.__dict__.items()
        if name != "source" and value is not None
    }
    return replace(settings, **given)


def scan_options(
    settings: Settings,
    *,
    jobs: int | None = None,
    ignore_paths: Sequence[Path] = (),
    progress: bool = False,
) -> ScanOptions:
    """The engine's options for these settings; `ignore_paths` are made absolute."""
    return ScanOptions(
        include=settings.include or (),
        exclude=settings.exclude or (),
        rule_dirs=settings.rule_dirs or (),
        enabled_rules=settings.enable,
        disabled_rules=settings.disable or (),
        jobs=jobs,
        ignore_paths=tuple(path.resolve() for path in ignore_paths),
        progress=progress,
    )


def options_for_paths(
    paths: Sequence[Path], flags: Settings | None = None, *, jobs: int | None = None
) -> ScanOptions:
    """The scan options `scan` uses for `paths`: the nearest config file with `flags` over it
    (so `rewrite` and `pr` see the same files as `scan` and `check`)."""
    from sora_migrate.discover import scan_root

    settings = merge(load_settings(scan_root(paths)), flags or Settings())
    return scan_options(settings, jobs=jobs)


def _read_toml(path: Path) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:
        import tomli as tomllib
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except OSError as error:
        raise ConfigError(f"{path}: cannot read: {error.strerror or error}") from None
    except UnicodeDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: not valid UTF-8 (byte {error.start})") from None
    except (tomllib.TOMLDecodeError, RecursionError) as error:
        detail = "nested too deeply" if isinstance(error, RecursionError) else error
        raise ConfigError(f"{path}: invalid TOML: {detail}") from None


def _section(path: Path, data: dict[str, Any]) -> dict[str, Any] | None:
    tool = data.get("tool")
    section = tool.get("sora-migrate") if isinstance(tool, dict) else None
    if section is not None and not isinstance(section, dict):
        raise ConfigError(f"{path}: [tool.sora-migrate] must be a table")
    return section


def _strings(where: str, key: str, value: object) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ConfigError(f"{where}: {key!r} must be a list of non-empty strings")
    return tuple(value)


def _confidence(where: str, value: object) -> Confidence:
    try:
        return Confidence.parse(value if isinstance(value, str) else "")
    except ValueError:
        raise ConfigError(
            f"{where}: 'min-confidence' must be low, medium or high, not {value!r}"
        ) from None
