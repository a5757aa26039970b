"""Property-based and fuzz tests (hypothesis) of the invariants every command keeps on any input:

1. no traceback, and the exit code is 0, 1 or 2;
2. `rewrite --write` changes no file that holds no finding;
3. every Python file it changes still compiles, in its own encoding, BOM and line endings;
4. a second `rewrite --write` changes nothing;
5. symbolic links stay links to the same target (their targets untouched) and a FIFO stays a
   FIFO that nobody opened.

Inputs: random bytes under random names, real Sora call sites in random encodings and line
endings wrapped in random nesting, byte-level mutations of them, random notebook JSON. Examples
are derandomized and capped (see FUZZ), so the suite runs the same bounded cases in CI.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import json
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sora_migrate.cli import main
from sora_migrate.encoding import DecodeError, decode_source

FUZZ = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
HEADER = "from openai import OpenAI\n\nclient = OpenAI()\n"
CALL_SITES = (
    'video = client.videos.create(model="sora-2", prompt=text, seconds="8", size="1280x720")',
    "job = client.videos.retrieve(video_id)",
    'client.videos.download_content(video_id).write_to_file("out.mp4")',
    "client.videos.delete(video_id)",
    'done = client.videos.create_and_poll(model="sora-2-pro", prompt="a boat")',
    "listing = client.videos.list()",
)
FILLER = (
    "pass",
    "# a comment with ünïcode and sora",
    'label = "plain text"',
    "value = [1, 2, {3: (4, 5)}]",
    'MODEL = "sora-2"',
    "import os",
)
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "latin-1")
NEWLINES = ("\n", "\r\n")
SUFFIXES = (".py", ".pyi", ".ipynb", ".json", ".yaml", ".ts", ".js", ".md", ".env", ".txt", "")


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str


def cli(*args: str) -> Run:
    """The real entry point, in process, with its output captured."""
    out, err = io.StringIO(), io.StringIO()
    argv = sys.argv
    sys.argv = ["sora-migrate", *args]
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                main()
            except SystemExit as done:
                code = done.code if isinstance(done.code, int) else 0
            else:
                code = 0
    finally:
        sys.argv = argv
    run = Run(code, out.getvalue(), err.getvalue())
    assert run.code in (0, 1, 2), run
    assert "Traceback" not in run.stderr, run.stderr
    for line in run.stderr.splitlines():
        assert line.startswith(("sora-migrate: ", "  ")), run.stderr
    return run


@contextlib.contextmanager
def tree(files: dict[str, bytes]) -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch) / "repo"
        root.mkdir()
        for name, data in files.items():
            (root / name).write_bytes(data)
        yield root


def snapshot(root: Path) -> dict[str, tuple[str, bytes]]:
    """Every entry under `root`: links by target, FIFOs by kind, files by content."""
    entries = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        mode = os.lstat(path).st_mode
        if stat.S_ISLNK(mode):
            entries[rel] = ("link", os.readlink(path).encode())
        elif stat.S_ISFIFO(mode):
            entries[rel] = ("fifo", b"")
        elif stat.S_ISREG(mode):
            entries[rel] = ("file", path.read_bytes())
    return entries


def check_rewrite(root: Path) -> None:
    """Invariants 1-5 for `rewrite --write` over `root`."""
    scan = cli("scan", str(root), "-f", "json", "--jobs", "1")
    with_findings = set()
    if scan.code == 0:
        with_findings = {finding["path"] for finding in json.loads(scan.stdout)["findings"]}
    before = snapshot(root)
    cli("rewrite", "--write", "--force", "--jobs", "1", str(root))
    after = snapshot(root)
    for rel, (kind, data) in before.items():
        assert rel in after, rel
        if kind != "file" or rel not in with_findings:
            assert after[rel] == (kind, data), rel  # untouched: links, FIFOs, finding-free files
        elif after[rel][1] != data and rel.endswith((".py", ".pyi")):
            text, _ = decode_source(after[rel][1], "python")
            compile(text, rel, "exec", dont_inherit=True)
    cli("rewrite", "--write", "--force", "--jobs", "1", str(root))
    assert snapshot(root) == after


@st.composite
def python_source(draw: st.DrawFn) -> bytes:
    """Real call sites in random nesting, encodings and line endings."""
    lines = [HEADER.rstrip("\n")]
    indent = ""
    if draw(st.booleans()):
        lines.append("def work(text, video_id):")
        indent = "    "
    for _ in range(draw(st.integers(1, 6))):
        if draw(st.booleans()):
            site = draw(st.sampled_from(CALL_SITES))
            depth = draw(st.integers(0, 260))
            if depth and "=" in site.split("(")[0]:
                name, value = site.split(" = ", 1)
                site = f"{name} = " + "[" * depth + value + "]" * depth
            lines.append(indent + site)
        else:
            lines.append(indent + draw(st.sampled_from(FILLER)))
    newline = draw(st.sampled_from(NEWLINES))
    encoding = draw(st.sampled_from(ENCODINGS))
    text = newline.join(lines) + newline
    if encoding == "latin-1":
        return ("# -*- coding: latin-1 -*-" + newline + text).encode("latin-1")
    return text.encode(encoding)


def mutate(data: bytes, edits: list[tuple[int, int]]) -> bytes:
    """Byte-level fuzz: overwrite, insert or drop bytes at the given places."""
    buffer = bytearray(data)
    for position, byte in edits:
        at = position % (len(buffer) + 1)
        if byte % 3 == 0:
            buffer.insert(at, byte)
        elif byte % 3 == 1 and at < len(buffer):
            buffer[at] = byte
        elif at < len(buffer):
            del buffer[at]
    return bytes(buffer)


names = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="/\0\\"),
    min_size=1,
    max_size=40,
).filter(lambda name: name not in (".", "..") and len(name.encode()) < 200)


@FUZZ
@given(
    files=st.dictionaries(
        st.tuples(names, st.sampled_from(SUFFIXES))
        .map("".join)
        .filter(lambda n: len(n.encode()) <= 240),
        st.binary(max_size=3000),
        min_size=1,
        max_size=5,
    ),
    fmt=st.sampled_from(["table", "json", "sarif", "markdown", "github", "csv"]),
)
def test_random_bytes_under_random_names(files: dict[str, bytes], fmt: str) -> None:
    with tree(files) as root:
        cli("scan", str(root), "-f", fmt, "--jobs", "1")
        cli("check", str(root), "--jobs", "1")
        check_rewrite(root)


@FUZZ
@given(sources=st.lists(python_source(), min_size=1, max_size=3))
def test_call_sites_in_any_encoding_nesting_and_line_ending(sources: list[bytes]) -> None:
    files = {f"module_{index}.py": data for index, data in enumerate(sources)}
    with tree(files) as root:
        check_rewrite(root)
        for name, data in files.items():
            if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF8)):
                assert (root / name).read_bytes().startswith(data[:2])


@FUZZ
@given(
    source=python_source(),
    edits=st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 255)), max_size=3),
)
def test_mutated_call_sites(source: bytes, edits: list[tuple[int, int]]) -> None:
    with tree({"mutant.py": mutate(source, edits)}) as root:
        check_rewrite(root)


json_leaf = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20))
cell_source = st.one_of(
    st.lists(
        st.sampled_from([*(s + "\n" for s in CALL_SITES), "x = 1\n", "%pip install openai\n"])
    ),
    st.sampled_from(CALL_SITES),
    st.lists(st.one_of(st.sampled_from(CALL_SITES), json_leaf), max_size=3),
    json_leaf,
)
cells = st.lists(
    st.fixed_dictionaries(
        {"cell_type": st.sampled_from(["code", "markdown", "raw", 3]), "source": cell_source},
        optional={"metadata": st.just({}), "outputs": st.just([])},
    ),
    max_size=6,
)


@FUZZ
@given(
    body=cells,
    call=st.lists(st.sampled_from([s + "\n" for s in CALL_SITES]), min_size=1, max_size=3),
    tail=st.sampled_from(["", "", "\n", "\n", "}", ",", "\n// trailing"]),
    indent=st.sampled_from([None, 1, 2]),
)
def test_random_notebook_json(
    body: list[dict[str, Any]], call: list[str], tail: str, indent: int | None
) -> None:
    setup = {"cell_type": "code", "source": [HEADER]}
    sites = {"cell_type": "code", "source": call}
    notebook = {"cells": [setup, sites, *body], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    raw = json.dumps(notebook, indent=indent) + tail
    with tree({"demo.ipynb": raw.encode()}) as root:
        check_rewrite(root)
        after = (root / "demo.ipynb").read_text()
        if after != raw:
            json.loads(after)  # a notebook is only ever rewritten into valid JSON
            assert tail.strip() == ""


@FUZZ
@given(source=python_source(), outside=st.booleans())
def test_links_and_fifos_are_left_alone(source: bytes, outside: bool) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch) / "repo"
        root.mkdir()
        (root / "real.py").write_bytes(source)
        target = Path(scratch) / "outside.py" if outside else root / "real.py"
        target.write_bytes(source)
        (root / "alias.py").symlink_to(target)
        (root / "dangling.py").symlink_to(Path(scratch) / "missing.py")
        os.mkfifo(root / "pipe.py")
        check_rewrite(root)
        assert os.readlink(root / "alias.py") == str(target)
        if outside:
            assert target.read_bytes() == source


def test_decode_errors_are_values() -> None:
    # every undecodable input surfaces as DecodeError (a ValueError), never another exception
    for data in (b"\xff\xfe\x00\x00", b"# coding: nope\n", b"\x80abc"):
        with contextlib.suppress(DecodeError):
            decode_source(data, "python")
