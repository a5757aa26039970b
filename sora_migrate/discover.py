"""Walk the paths to scan: hidden files included, .gitignore respected, built-in excludes,
--include/--exclude globs, huge files skipped and reported, symlinked directories never followed
(so symlink loops cannot happen), and each file classified by kind from its name."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pathspec

from sora_migrate.errors import UserError
from sora_migrate.findings import SkippedFile
from sora_migrate.options import DEFAULT_MAX_FILE_BYTES

EXCLUDED_DIRS = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        "node_modules",
        "__pycache__",
        ".venv",
        "venv",
        ".tox",
        ".nox",
        ".mypy_cache",
        ".pytest_cache",
        ".ruff_cache",
        ".eggs",
        "site-packages",
        "build",
        "dist",
        ".next",
        ".nuxt",
        ".svelte-kit",
        ".parcel-cache",
        ".turbo",
        "bower_components",
    }
)
SUFFIX_KINDS = {
    ".py": "python",
    ".pyi": "python",
    ".ipynb": "notebook",
    ".js": "javascript",
    ".mjs": "javascript",
    ".cjs": "javascript",
    ".jsx": "javascript",
    ".ts": "typescript",
    ".mts": "typescript",
    ".cts": "typescript",
    ".tsx": "typescript",
    ".yml": "yaml",
    ".yaml": "yaml",
    ".json": "json",
    ".toml": "toml",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdx": "markdown",
    ".rst": "rst",
    ".sh": "shell",
    ".bash": "shell",
    ".zsh": "shell",
    ".env": "dotenv",
    ".ini": "config",
    ".cfg": "config",
    ".conf": "config",
    ".properties": "config",
    ".dockerfile": "dockerfile",
}
ENV_NAMES = frozenset({"env.example", "env.sample", "env.template", "example.env", "sample.env"})


@dataclass(frozen=True)
class SourceFile:
    """A file to read: absolute path, POSIX path relative to the root, kind, size in bytes."""

    path: str
    rel: str
    kind: str
    size: int


@dataclass
class Walk:
    """Files skipped while walking (too large, unreadable, symlink loops)."""

    skipped: list[SkippedFile] = field(default_factory=list)
    too_large: int = 0


def file_kind(name: str) -> str | None:
    """The analyser kind for a file name, or None when the tool does not scan it."""
    lower = name.lower()
    if lower == ".env" or lower.startswith(".env.") or lower in ENV_NAMES:
        return "dotenv"
    if lower in ("dockerfile", "containerfile") or lower.startswith(
        ("dockerfile.", "containerfile.")
    ):
        return "dockerfile"
    if lower in (".envrc", ".bashrc", ".profile"):
        return "shell"
    return SUFFIX_KINDS.get(os.path.splitext(lower)[1])


def scan_root(paths: Sequence[Path]) -> Path:
    """The directory that finding paths are relative to."""
    resolved = [path.resolve() for path in paths]
    if len(resolved) == 1:
        return resolved[0] if resolved[0].is_dir() else resolved[0].parent
    cwd = Path.cwd().resolve()
    if all(path == cwd or cwd in path.parents for path in resolved):
        return cwd
    return Path(os.path.commonpath([str(p if p.is_dir() else p.parent) for p in resolved]))


class Walker:
    """Yields SourceFiles under the given paths and records what it had to skip."""

    def __init__(
        self,
        root: Path,
        include: Sequence[str] = (),
        exclude: Sequence[str] = (),
        ignore_paths: Sequence[Path] = (),
        max_bytes: int = DEFAULT_MAX_FILE_BYTES,
    ) -> None:
        self.root = root
        self.include = pathspec.GitIgnoreSpec.from_lines(include) if include else None
        self.exclude = pathspec.GitIgnoreSpec.from_lines(exclude) if exclude else None
        self.ignore_paths = {str(path.resolve()) for path in ignore_paths}
        self.max_bytes = max_bytes
        self.walk = Walk()

    def files(self, paths: Sequence[Path]) -> Iterator[SourceFile]:
        """Every scannable file under `paths` (explicit files are taken whatever their name)."""
        for path in paths:
            if not path.exists() and not path.is_symlink():
                raise UserError(f"{path}: no such file or directory")
            if path.is_dir():
                directory = path.resolve()
                yield from self._walk_dir(directory, _gitignores_above(directory))
            else:
                source = self._file(str(path.absolute()), path.name, explicit=True)
                if source is not None:
                    yield source

    def _walk_dir(
        self, directory: Path, specs: list[tuple[str, pathspec.GitIgnoreSpec]]
    ) -> Iterator[SourceFile]:
        stack = [(str(directory), specs)]
        while stack:
            current, active = stack.pop()
            local = _read_gitignore(Path(current))
            if local is not None:
                active = [*active, (current, local)]
            try:
                entries = sorted(os.scandir(current), key=lambda entry: entry.name)
            except OSError as error:
                self.walk.skipped.append(SkippedFile(self._rel(current), _reason(error)))
                continue
            subdirs = []
            for entry in entries:
                try:
                    is_dir = entry.is_dir(follow_symlinks=False)
                except OSError:
                    continue
                if is_dir:
                    if self._enter(entry, active):
                        subdirs.append((entry.path, active))
                    continue
                if _ignored(active, entry.path, False):
                    continue
                source = self._file(entry.path, entry.name, explicit=False)
                if source is not None:
                    yield source
            stack.extend(reversed(subdirs))

    def _enter(
        self, entry: os.DirEntry[str], active: list[tuple[str, pathspec.GitIgnoreSpec]]
    ) -> bool:
        """Whether to walk into a directory: not built-in excluded, ignored or a virtualenv."""
        if entry.name in EXCLUDED_DIRS or _ignored(active, entry.path, True):
            return False
        return not os.path.exists(os.path.join(entry.path, "pyvenv.cfg"))

    def _file(self, path: str, name: str, explicit: bool) -> SourceFile | None:
        kind = file_kind(name)
        if kind is None or path in self.ignore_paths:
            return None
        rel = self._rel(path)
        if not explicit and not self._selected(rel):
            return None
        try:
            info = os.stat(path)
        except OSError as error:
            self.walk.skipped.append(SkippedFile(rel, _reason(error, path)))
            return None
        if not stat.S_ISREG(info.st_mode):
            self.walk.skipped.append(SkippedFile(rel, "not a regular file"))
            return None
        size = info.st_size
        if size > self.max_bytes:
            self.walk.too_large += 1
            self.walk.skipped.append(SkippedFile(rel, f"larger than {_size(self.max_bytes)}"))
            return None
        return SourceFile(path, rel, kind, size)

    def _selected(self, rel: str) -> bool:
        if self.include is not None and not self.include.match_file(rel):
            return False
        return self.exclude is None or not self.exclude.match_file(rel)

    def _rel(self, path: str) -> str:
        prefix = str(self.root) + os.sep
        if path.startswith(prefix):
            return path[len(prefix) :].replace(os.sep, "/")
        try:
            return Path(path).resolve().relative_to(self.root).as_posix()
        except (ValueError, OSError):
            return Path(path).as_posix()


def _gitignores_above(directory: Path) -> list[tuple[str, pathspec.GitIgnoreSpec]]:
    """.gitignore files of the enclosing git work tree, from its top down to `directory`'s
    parent."""
    chain = []
    for parent in directory.parents:
        chain.append(parent)
        if (parent / ".git").exists():
            break
    else:
        return []
    specs = []
    for parent in reversed(chain):
        spec = _read_gitignore(parent)
        if spec is not None:
            specs.append((str(parent), spec))
    return specs


def _read_gitignore(directory: Path) -> pathspec.GitIgnoreSpec | None:
    try:
        with open(directory / ".gitignore", encoding="utf-8", errors="replace") as handle:
            lines = handle.read().splitlines()
    except OSError:
        return None
    return pathspec.GitIgnoreSpec.from_lines(lines) if lines else None


def _ignored(specs: list[tuple[str, pathspec.GitIgnoreSpec]], path: str, is_dir: bool) -> bool:
    for base, spec in specs:
        rel = path[len(base) + 1 :].replace(os.sep, "/")
        if spec.match_file(rel + "/" if is_dir else rel):
            return True
    return False


def _size(count: int) -> str:
    return f"{count / 1024 / 1024:g} MiB" if count >= 1024 * 1024 else f"{count} bytes"


def _reason(error: OSError, path: str | None = None) -> str:
    """A short reason for an unreadable path; symlinks get a precise one."""
    if path is not None and os.path.islink(path):
        if error.errno == errno.ELOOP:
            return "symbolic link loop"
        if error.errno == errno.ENOENT:
            return f"broken symbolic link to {os.readlink(path)}"
    return error.strerror or str(error)
