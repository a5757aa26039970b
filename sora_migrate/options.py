"""What a scan is asked to do: the plain-data boundary between commands/config and the engine."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sora_migrate.shard import Shard

DEFAULT_MAX_FILE_BYTES = 8 * 1024 * 1024


@dataclass(frozen=True)
class ScanOptions:
    """Options for `scan.run_scan`. Globs are gitignore-style, relative to the scanned root."""

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    rule_dirs: tuple[Path, ...] = ()
    enabled_rules: tuple[str, ...] | None = None
    disabled_rules: tuple[str, ...] = ()
    jobs: int | None = None
    ignore_paths: tuple[Path, ...] = ()
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    progress: bool = False
    shard: Shard | None = None  # scan only this shard's files (the walk still sees all)
