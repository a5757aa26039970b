"""The `fleet` repository list: one git URL or local path per line, an optional `@ref` after it,
blank lines and `#` comments ignored.

    https://github.com/acme/render.git
    git@github.com:acme/site.git@release/2026.09
    file:///srv/git/tools.git@v3.1.0
    ../checkouts/legacy-app          # a local work tree or bare repository
    /data/exports/notebooks          # a folder that is not a git repository: scanned in place

The `@` that starts a ref is the last one after the host (so `git@host:` and `user@host/` stay
part of the URL); a line that names an existing local path takes no ref.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from sora_migrate.errors import UserError
from sora_migrate.provenance import name_from_url, public_url

SCP_LIKE = re.compile(r"^(?:[\w.+-]+@)?[\w.-]+:(?!//)")
BAD_REF = re.compile(r"^-|[\s~^:?*\[\\]|\.\.|@\{|/$|\.lock$|^$")


@dataclass(frozen=True)
class RepoSpec:
    """One line of the list: where to fetch from (None: a plain folder scanned in place), the
    ref to check out (None: the remote's default branch), and a unique display name."""

    line: int
    source: str
    url: str | None
    ref: str | None
    name: str
    local: Path | None = None

    def cache_folder(self, cache: Path) -> Path:
        """The checkout's folder in the cache: readable, and unique per URL and ref."""
        digest = hashlib.sha256(f"{self.url}\0{self.ref or ''}".encode()).hexdigest()[:12]
        slug = re.sub(r"[^A-Za-z0-9._-]+", "_", self.name).strip("._") or "repo"
        return cache / f"{slug[:60]}-{digest}"


def read_repos_file(path: Path) -> list[RepoSpec]:
    """Parse the list; a bad line is a one-line error naming the file and the line."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else "not UTF-8 text"
        raise UserError(f"{path}: cannot read the repository list: {reason or error}") from None
    specs: list[RepoSpec] = []
    seen: dict[tuple[str | None, str | None, Path | None], int] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = re.sub(r"(^|\s)#.*$", "", raw).strip()
        if not line:
            continue
        spec = parse_line(line, number, path.parent, f"{path}:{number}")
        key = (spec.url, spec.ref, spec.local)
        if key in seen:
            raise UserError(f"{path}:{number}: {line!r} repeats line {seen[key]}")
        seen[key] = number
        specs.append(spec)
    if not specs:
        raise UserError(f"{path}: no repositories listed")
    return _unique_names(specs)


def parse_line(line: str, number: int, base: Path, where: str) -> RepoSpec:
    """One entry; relative local paths are relative to the list's folder."""
    local = (base / Path(line).expanduser()).resolve()
    if local.exists():
        return _local(line, number, local, None, where)
    location, ref = split_ref(line)
    if ref is not None and BAD_REF.search(ref):
        raise UserError(f"{where}: {ref!r} is not a git ref")
    if location.startswith("-"):
        raise UserError(f"{where}: {location!r} is not a repository URL or path")
    if "://" in location or SCP_LIKE.match(location):
        name = name_from_url(public_url(location))
        return RepoSpec(number, line, location, ref, name)
    local = (base / Path(location).expanduser()).resolve()
    if local.exists():
        return _local(line, number, local, ref, where)
    # neither a URL nor an existing path: let git say why (reported, and the run goes on)
    return RepoSpec(number, line, location, ref, name_from_url(location))


def split_ref(line: str) -> tuple[str, str | None]:
    """`location@ref` -> (location, ref); the `@` must come after the URL's host."""
    if "://" in line:
        host_end = line.find("/", line.index("://") + 3)
        start = host_end if host_end >= 0 else len(line)
    else:
        scp = SCP_LIKE.match(line)
        start = scp.end() if scp else 0
    at = line.rfind("@", start)
    if at < 0:
        return line, None
    return line[:at], line[at + 1 :]


def _local(line: str, number: int, folder: Path, ref: str | None, where: str) -> RepoSpec:
    """A git work tree or bare repository is fetched from (file://, so --depth works); any
    other folder is scanned where it is."""
    if (folder / ".git").exists() or (
        (folder / "HEAD").is_file() and (folder / "objects").is_dir()
    ):
        return RepoSpec(number, line, folder.as_uri(), ref, name_from_url(str(folder)), folder)
    if ref is not None:
        raise UserError(f"{where}: {folder} is not a git repository, so it takes no @ref")
    return RepoSpec(number, line, None, None, folder.name or str(folder), folder)


def _unique_names(specs: list[RepoSpec]) -> list[RepoSpec]:
    """Entries that share a name get their ref appended, then their line number."""
    for suffix in (
        lambda spec: f"@{spec.ref}" if spec.ref else "",
        lambda spec: f" (line {spec.line})",
    ):
        counts = Counter(spec.name for spec in specs)
        specs = [
            replace(spec, name=spec.name + suffix(spec)) if counts[spec.name] > 1 else spec
            for spec in specs
        ]
    return specs
