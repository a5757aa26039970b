"""What `scan` and `check` share: settings from config and flags, one scan, one way to emit."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from sora_migrate.errors import UserError
from sora_migrate.findings import Confidence

if TYPE_CHECKING:
    from sora_migrate.config import Settings
    from sora_migrate.findings import ScanResult
    from sora_migrate.rulepack import Rule


def check_format(output_format: str) -> None:
    """Reject an unknown --format before any work is done."""
    from sora_migrate.report import FORMATS

    if output_format not in FORMATS:
        raise UserError(f"unknown format {output_format!r} (choose from {', '.join(FORMATS)})")


def parse_confidence(text: str | None) -> Confidence | None:
    """--min-confidence as a Confidence (None when not given)."""
    if text is None:
        return None
    try:
        return Confidence.parse(text)
    except ValueError as error:
        raise UserError(f"--min-confidence: {error}") from None


def settings_for(targets: list[Path], flags: Settings) -> Settings:
    """The config file's settings (nearest to the scanned root) with the flags laid over them."""
    from sora_migrate.config import load_settings, merge
    from sora_migrate.discover import scan_root

    return merge(load_settings(scan_root(targets)), flags)


def run_configured_scan(
    targets: list[Path],
    settings: Settings,
    jobs: int | None,
    ignored: list[Path],
    shard: str | None = None,
) -> tuple[ScanResult, tuple[Rule, ...]]:
    """Run the scan with merged settings; rule ids from the config are checked first. `shard`
    (`K/N`) scans that share of the files."""
    from dataclasses import replace

    from sora_migrate.config import scan_options
    from sora_migrate.errors import ConfigError, RuleError
    from sora_migrate.rulepack import load_rules, select_rules
    from sora_migrate.scan import run_scan
    from sora_migrate.shard import Shard

    options = scan_options(settings, jobs=jobs, ignore_paths=ignored, progress=sys.stderr.isatty())
    if shard is not None:
        try:
            options = replace(options, shard=Shard.parse(shard))
        except ValueError as error:
            raise UserError(str(error)) from None
    available = load_rules(options.rule_dirs)
    try:
        selected = select_rules(available, options.enabled_rules, options.disabled_rules)
    except RuleError as error:
        # enable/disable only come from a config file: say which one
        raise ConfigError(f"{settings.source}: {error}") from None
    result = run_scan(targets, options)
    tree_files = result.shard.tree_files if result.shard is not None else result.files_scanned
    if tree_files == 0 and result.skipped:  # name what was there, and why it was not read
        first, more = result.skipped[0], len(result.skipped) - 1
        also = f" (and {more} more skipped)" if more else ""
        raise UserError(f"nothing could be scanned: {first.path}: {first.reason}{also}")
    if tree_files == 0:
        raise UserError("nothing could be scanned: no readable files under the given paths")
    return result, selected


def write_output(text: str, output: Path | None) -> None:
    """The report to --output (see `write_output_file`) or to stdout."""
    from sora_migrate.write import write_output_file, write_stdout

    if output is not None:
        write_output_file(output, text)
    else:
        write_stdout(text)
