"""Copy the shim into a user's codebase, so the application does not depend on this tool."""

from __future__ import annotations

import keyword
import shutil
import tempfile
from pathlib import Path

from sora_migrate.errors import UserError

SHIPPED = ("*.py", "*.json", "*.mp4")


def vendor_shim(dest: Path, package_name: str, force: bool = False) -> Path:
    """Copy `sora_migrate/shim` to DEST/PACKAGE_NAME (every import inside it is relative)."""
    if not package_name.isidentifier() or keyword.iskeyword(package_name):
        raise UserError(
            f"--package-name must be a Python identifier that is not a keyword, "
            f"not {package_name!r}"
        )
    if dest.exists() and not dest.is_dir():
        raise UserError(f"{dest}: not a directory")
    target = dest / package_name
    if (target.exists() or target.is_symlink()) and not force:
        raise UserError(f"{target} already exists (use --force to replace it)")
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise UserError(f"{target}: not a folder this tool made; remove it first")
    source = Path(__file__).resolve().parent / "shim"
    try:
        dest.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".sora-migrate-", dir=dest))
    except OSError as error:
        raise UserError(f"{dest}: cannot create the folder: {error.strerror or error}") from None
    try:
        shutil.copytree(
            source, staging / package_name, ignore=_ignore_unshipped, dirs_exist_ok=True
        )
        if target.exists():
            shutil.rmtree(target)
        (staging / package_name).rename(target)
    except OSError as error:
        raise UserError(f"{target}: cannot write: {error.strerror or error}") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


def _ignore_unshipped(directory: str, names: list[str]) -> list[str]:
    keep = {name for name in names if any(Path(name).match(pattern) for pattern in SHIPPED)}
    return [
        name
        for name in names
        if (name not in keep and not (Path(directory) / name).is_dir()) or name == "__pycache__"
    ]
