"""Walk the paths to scan: hidden files included, .gitignore respected, built-in excludes,
--include/--exclude globs, huge files skipped and reported, symlinked directories never followed
(so symlink loops cannot happen), and each file classified by kind from its name: every file
gets one, `text` when its name says nothing more (binary files are told apart by their bytes)."""

from __future__ import annotations

import errno
import os
import re
import stat
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import pathspec

from sora_migrate.errors import UserError
from sora_migrate.findings import SkippedFile

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
    ".go": "go",
    ".java": "java",
    ".kt": "kotlin",
    ".kts": "kotlin",
    ".rb": "ruby",
    ".rake": "ruby",
    ".cs": "csharp",
    ".php": "php",
    ".rs": "rust",
    ".vue": "vue",
    ".svelte": "svelte",
    ".astro": "astro",
    ".html": "html",
    ".htm": "html",
    ".tf": "terraform",
    ".tfvars": "terraform",
    ".hcl": "terraform",
    ".tpl": "template",
    ".tmpl": "template",
    ".gotmpl": "template",
    ".j2": "template",
    ".jinja": "template",
    ".jinja2": "template",
    ".mustache": "template",
    ".hbs": "template",
    ".mk": "makefile",
}
# Files known by their whole name (lower-cased); everything else without a kind is `text`.
NAME_KINDS = {
    "makefile": "makefile",
    "gnumakefile": "makefile",
    "justfile": "makefile",
    ".justfile": "makefile",
    "procfile": "makefile",
    ".envrc": "shell",
    ".bashrc": "shell",
    ".profile": "shell",
}
# A `.txt` file whose name says env (`env.txt`, `env-template.txt`, `.env.txt`) is a .env template.
ENV_TEXT = re.compile(r"(?:^|[._-])env(?:[._-]|$)")
VENV_MARKER = "pyvenv.cfg"  # a folder that holds it is a virtualenv, never walked into
GROUP = re.compile(r"\(\?P<\w+>")
DOCKERFILES = frozenset({"dockerfile", "containerfile"})
ENV_NAMES = frozenset({"env.example", "env.sample", "env.template", "example.env", "sample.env"})


class SourceFile(NamedTuple):
    """A file to read: absolute path, POSIX path relative to the root, and kind (a tuple: the
    walk makes one per file)."""

    path: str
    rel: str
    kind: str


class DirTask(NamedTuple):
    """A folder still to walk, with the .gitignore rules of the folders above it; `entered`
    when the walk reached it from its parent (a folder named on the command line is not)."""

    directory: str
    specs: list[tuple[str, IgnoreRules]]
    entered: bool = False


@dataclass
class Walk:
    """Paths skipped while walking (unreadable, broken links, symlink loops, not files)."""

    skipped: list[SkippedFile] = field(default_factory=list)


def file_kind(name: str) -> str:
    """The analyser kind for a file name: a known language or format, else `text` (every file
    gets at least the line-by-line text pass)."""
    lower = name.lower()
    dot = lower.rfind(".")
    suffix = lower[dot:] if dot > 0 else ""
    kind = SUFFIX_KINDS.get(suffix)
    if kind is not None:
        return kind
    if lower == ".env" or lower.startswith(".env.") or lower in ENV_NAMES:
        return "dotenv"
    if suffix == ".txt" and ENV_TEXT.search(lower[:dot]):
        return "dotenv"
    if lower in DOCKERFILES or lower.startswith(("dockerfile.", "containerfile.")):
        return "dockerfile"
    return NAME_KINDS.get(lower, "text")


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
    ) -> None:
        self.root = root
        self.include = _globs(include)
        self.exclude = _globs(exclude)
        self.ignore_paths = {str(path.resolve()) for path in ignore_paths}
        self.walk = Walk()

    def files(self, paths: Sequence[Path]) -> Iterator[SourceFile]:
        """Every scannable file under `paths` (explicit files are taken whatever their name)."""
        for path in paths:
            if path.is_dir():
                directory = path.resolve()
                yield from self.walk_tree(DirTask(str(directory), _gitignores_above(directory)))
            else:
                source = self._explicit(path)
                if source is not None:
                    yield source

    def plan(self, paths: Sequence[Path], want: int) -> tuple[list[SourceFile], list[DirTask]]:
        """Walk breadth-first until `want` folders are waiting, so that worker processes can
        walk the subtrees in parallel: the files found so far, and the folders left to walk.
        A tree too small to reach `want` folders is walked completely (no tasks)."""
        files: list[SourceFile] = []
        queue: deque[DirTask] = deque()
        for path in paths:
            if path.is_dir():
                directory = path.resolve()
                queue.append(DirTask(str(directory), _gitignores_above(directory)))
            else:
                source = self._explicit(path)
                if source is not None:
                    files.append(source)
        while queue and len(queue) < want:
            task = queue.popleft()
            queue.extend(self._visit(task, files))
        return files, list(queue)

    def walk_tree(self, task: DirTask) -> Iterator[SourceFile]:
        """Every scannable file below the task's folder, depth first, in name order."""
        stack = [task]
        while stack:
            found: list[SourceFile] = []
            subdirs = self._visit(stack.pop(), found)
            yield from found
            stack.extend(reversed(subdirs))

    def _visit(self, task: DirTask, files: list[SourceFile]) -> list[DirTask]:
        """List one folder: its files are appended to `files`, its subfolders returned."""
        current, active, entered = task
        try:
            with os.scandir(current) as listing:
                entries = list(listing)
        except OSError as error:
            self.walk.skipped.append(SkippedFile(self._rel(current), _reason(error)))
            return []
        # the listing says whether there is a .gitignore to read or a virtualenv to leave
        names = {entry.name for entry in entries}
        if entered and VENV_MARKER in names:
            return []
        local = _read_gitignore(current) if ".gitignore" in names else None
        if local is not None:
            active = [*active, (current, local)]
            self._note_invalid(current, local)
        subdirs = []
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                if entry.name not in EXCLUDED_DIRS and not _ignored(active, entry.path, True):
                    subdirs.append(DirTask(entry.path, active, True))
                continue
            if _ignored(active, entry.path, False):
                continue
            source = self._entry(entry, file_kind(entry.name))
            if source is not None:
                files.append(source)
        return subdirs

    def _note_invalid(self, directory: str, rules: IgnoreRules) -> None:
        """A .gitignore line that is not a valid pattern is ignored (git does the same) and
        reported, so the scan goes on and the user can see it."""
        for line_number, line, reason in rules.invalid:
            where = self._rel(os.path.join(directory, ".gitignore"))
            self.walk.skipped.append(
                SkippedFile(where, f"line {line_number}: pattern {line!r} ignored: {reason}")
            )

    def _explicit(self, path: Path) -> SourceFile | None:
        if not path.exists() and not path.is_symlink():
            raise UserError(f"{path}: no such file or directory")
        return self._file(str(path.absolute()), path.name)

    def _entry(self, entry: os.DirEntry[str], kind: str) -> SourceFile | None:
        """A walked file: regular files cost no system call; links are resolved and checked."""
        rel = self._rel(entry.path)
        if entry.path in self.ignore_paths or not self._selected(rel):
            return None
        if entry.is_file(follow_symlinks=False):
            return SourceFile(entry.path, rel, kind)
        return self._checked(entry.path, rel, kind, entry.is_symlink())

    def _file(self, path: str, name: str) -> SourceFile | None:
        """A file named on the command line: scanned whatever its name, if it is a file."""
        if path in self.ignore_paths:
            return None
        return self._checked(path, self._rel(path), file_kind(name))

    def _checked(
        self, path: str, rel: str, kind: str, walked_link: bool = False
    ) -> SourceFile | None:
        try:
            info = os.stat(path)
        except OSError as error:
            self.walk.skipped.append(SkippedFile(rel, _reason(error, path)))
            return None
        if walked_link and stat.S_ISDIR(info.st_mode):
            return None  # a link to a folder met in the walk: never followed, so cannot loop
        if not stat.S_ISREG(info.st_mode):
            self.walk.skipped.append(SkippedFile(rel, "not a regular file"))
            return None
        return SourceFile(path, rel, kind)

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


def _gitignores_above(directory: Path) -> list[tuple[str, IgnoreRules]]:
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
        spec = _read_gitignore(str(parent))
        if spec is not None:
            specs.append((str(parent), spec))
    return specs


def _globs(lines: Sequence[str]) -> pathspec.GitIgnoreSpec | None:
    """--include / --exclude (or the config's) globs; an invalid one is a one-line error."""
    if not lines:
        return None
    for line in lines:
        reason = _invalid_pattern(line)
        if reason is not None:
            raise UserError(f"invalid glob {line!r}: {reason}")
    return pathspec.GitIgnoreSpec.from_lines(lines, backend="simple")


def _invalid_pattern(line: str) -> str | None:
    """Why a gitignore-style line cannot be compiled, or None when it can."""
    try:
        pathspec.GitIgnoreSpec.from_lines([line], backend="simple")
    except (ValueError, re.error) as error:  # pathspec's own errors are ValueErrors
        return str(error)
    return None


class IgnoreRules:
    """A .gitignore file. Its ignore patterns run as one compiled regex (the walk's hot path);
    only a path that one of them matches, in a file with `!` patterns, goes through pathspec's
    last-match-wins evaluation."""

    def __init__(self, lines: list[str]) -> None:
        self.invalid: list[tuple[int, str, str]] = []
        try:
            self.spec = pathspec.GitIgnoreSpec.from_lines(lines, backend="simple")
        except (ValueError, re.error):
            for number, line in enumerate(lines, 1):
                reason = _invalid_pattern(line)
                if reason is not None:
                    self.invalid.append((number, line, reason))
            bad = {number for number, _, _ in self.invalid}
            kept = [line for number, line in enumerate(lines, 1) if number not in bad]
            self.spec = pathspec.GitIgnoreSpec.from_lines(kept, backend="simple")
        patterns = [p for p in self.spec.patterns if p.include is not None]
        self.negated = any(not p.include for p in patterns)
        sources = [
            GROUP.sub("(?:", regex.pattern)
            for p in patterns
            if p.include and isinstance(regex := getattr(p, "regex", None), re.Pattern)
        ]
        self.includes = re.compile("|".join(f"(?:{s})" for s in sources)) if sources else None

    def match_file(self, rel: str) -> bool:
        """Whether the path (POSIX, relative to the file's folder; folders end in /) is ignored."""
        if self.includes is None or self.includes.match(rel) is None:
            return False
        return not self.negated or self.spec.match_file(rel)


def _read_gitignore(directory: str) -> IgnoreRules | None:
    path = os.path.join(directory, ".gitignore")
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            text = handle.read()
    except OSError:
        return None
    return _compile_gitignore(text) if text.strip() else None


@lru_cache(maxsize=1024)
def _compile_gitignore(text: str) -> IgnoreRules:
    """Monorepos repeat the same .gitignore in many folders: compile each text once."""
    return IgnoreRules(text.splitlines())


def _ignored(specs: list[tuple[str, IgnoreRules]], path: str, is_dir: bool) -> bool:
    for base, spec in specs:
        rel = path[len(base) + 1 :].replace(os.sep, "/")
        if spec.match_file(rel + "/" if is_dir else rel):
            return True
    return False


def _reason(error: OSError, path: str | None = None) -> str:
    """A short reason for an unreadable path; symlinks get a precise one."""
    if path is not None and os.path.islink(path):
        if error.errno == errno.ELOOP:
            return "symbolic link loop"
        if error.errno == errno.ENOENT:
            target = os.readlink(path)  # quoted when it holds a newline or other control
            return f"broken symbolic link to {target if target.isprintable() else repr(target)}"
    return error.strerror or str(error)
