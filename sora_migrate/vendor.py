"""Copy a shim into a user's codebase, so the application does not depend on this tool: the
Python package (`sora_migrate/shim`), or the TypeScript shim as `.ts` sources or as ESM `.js`
with `.d.ts` declarations."""

from __future__ import annotations

import json
import keyword
import re
import shutil
import tempfile
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from sora_migrate.errors import UserError

SHIPPED = ("*.py", "*.json", "*.mp4")
LANGUAGES = ("py", "ts", "js")
# what each TypeScript flavour ships, from which folder of the TypeScript shim
TS_SHIPPED = {"ts": ("src", ("*.ts",)), "js": ("lib", ("*.js", "*.d.ts"))}
FOLDER_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._-]*")


def vendor_shim(dest: Path, package_name: str, force: bool = False) -> Path:
    """Copy `sora_migrate/shim` to DEST/PACKAGE_NAME (every import inside it is relative)."""
    if not package_name.isidentifier() or keyword.iskeyword(package_name):
        raise UserError(
            f"--package-name must be a Python identifier that is not a keyword, "
            f"not {package_name!r}"
        )
    if dest.exists() and not dest.is_dir():
        raise UserError(f"{dest}: not a directory")
    source = Path(__file__).resolve().parent / "shim"

    def fill(folder: Path) -> None:
        shutil.copytree(source, folder, ignore=_ignore_unshipped, dirs_exist_ok=True)

    return _install(dest / package_name, force, fill)


def vendor_ts_shim(target: Path, lang: str, force: bool = False) -> Path:
    """Write the TypeScript shim into the folder `target` (which then holds `index.ts`, or
    `index.js` with `.d.ts` files and a package.json marking them as ES modules)."""
    if lang not in TS_SHIPPED:
        raise UserError(f"--lang must be one of {', '.join(LANGUAGES)}, not {lang!r}")
    if not FOLDER_NAME.fullmatch(target.name):
        raise UserError(f"{target}: not a usable folder name for the shim")
    folder, patterns = TS_SHIPPED[lang]
    source = ts_shim_root() / folder
    if not (source / f"index.{lang}").is_file():
        raise UserError(f"this installation of sora-migrate has no TypeScript shim at {source}")

    def fill(staged: Path) -> None:
        for path in sorted(source.rglob("*")):
            if path.is_file() and any(path.match(pattern) for pattern in patterns):
                copy = staged / path.relative_to(source)
                copy.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, copy)
        if lang == "js":  # ES modules even inside a CommonJS package
            (staged / "package.json").write_text(json.dumps({"type": "module"}) + "\n")

    return _install(target, force, fill)


def ts_shim_root() -> Path:
    """The TypeScript shim: in the wheel (`sora_migrate/shim_ts`), or `shim-ts/` beside the
    package in a checkout."""
    packaged = resources.files("sora_migrate").joinpath("shim_ts")
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "shim-ts"


def _install(target: Path, force: bool, fill: Callable[[Path], None]) -> Path:
    """Build the copy in a hidden folder beside `target`, then move it into place, so an
    interrupted run never leaves half a shim. An existing non-empty `target` needs `force`;
    a link or a file there is never replaced."""
    dest = target.parent
    if dest.exists() and not dest.is_dir():
        raise UserError(f"{dest}: not a directory")
    occupied = target.is_symlink() or (target.exists() and not target.is_dir())
    if (occupied or (target.is_dir() and any(target.iterdir()))) and not force:
        raise UserError(f"{target} already exists (use --force to replace it)")
    if occupied:
        raise UserError(f"{target}: not a folder this tool made; remove it first")
    try:
        dest.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".sora-migrate-", dir=dest))
    except OSError as error:
        raise UserError(f"{dest}: cannot create the folder: {error.strerror or error}") from None
    try:
        fill(staging / target.name)
        if target.exists():
            shutil.rmtree(target)
        (staging / target.name).rename(target)
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
