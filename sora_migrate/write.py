"""Writing files and reports without ever replacing what is not a regular file we own.

A regular file is replaced atomically (a temporary file in the same directory, then a rename),
keeping its permissions. A report can also go to `-` (stdout) or to a device, FIFO or socket
(`/dev/null`, `/dev/stdout`, a pipe), which is written in place and never replaced by a regular
file; a symbolic link is followed, so the link stays a link.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from pathlib import Path

from sora_migrate.errors import UserError

# The temporary file's name does not grow with the target's: a 255-byte name must still work.
TEMP_PREFIX = ".sora-migrate-"
TEMP_SUFFIX = ".tmp"
STDOUT = "-"


def write_output_file(path: Path, data: str | bytes) -> None:
    """Write a report, baseline or body to `path`: `-` is stdout, a device or FIFO is written in
    place, a symbolic link is followed to its target, a regular file is replaced atomically."""
    if str(path) == STDOUT:
        write_stdout(data if isinstance(data, str) else data.decode("utf-8"))
        return
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    try:
        mode = os.stat(target).st_mode
    except OSError:
        mode = None
    if mode is not None and stat.S_ISDIR(mode):
        raise UserError(f"{path}: is a directory")
    if mode is not None and not stat.S_ISREG(mode):
        _write_in_place(path, target, data)
        return
    write_atomically(target, data)


def write_atomically(path: Path, data: str | bytes, mode: int | None = None) -> None:
    """Replace the regular file `path` (or create it) with `data`, so readers see the old or the
    new file, never half of one. Anything else at `path` (a link, a device, a folder) is refused."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        existing = os.lstat(path).st_mode
    except FileNotFoundError:
        existing = None
    except OSError as error:
        raise UserError(f"{path}: cannot write: {error.strerror or error}") from None
    if existing is not None and not stat.S_ISREG(existing):
        raise UserError(f"{path}: cannot write: not a regular file")
    directory = path.parent if str(path.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX)
    except OSError as error:
        raise UserError(f"{path}: cannot write: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
        if mode is not None:
            os.chmod(temporary, mode)
        elif existing is not None:
            os.chmod(temporary, existing & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise UserError(f"{path}: cannot write: {error.strerror or error}") from None


def write_stdout(text: str) -> None:
    """Write to stdout and flush, so a full disk or a closed pipe is a one-line error."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except OSError as error:
        raise StdoutError(error) from None


class StdoutError(UserError):
    """Standard output cannot be written (`/dev/full`, a closed pipe)."""

    def __init__(self, error: OSError) -> None:
        super().__init__(f"cannot write to standard output: {error.strerror or error}")


def _write_in_place(path: Path, target: Path, data: str | bytes) -> None:
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        with open(target, "wb") as stream:
            stream.write(payload)
    except OSError as error:
        raise UserError(f"{path}: cannot write: {error.strerror or error}") from None
