"""Files are decoded as their language defines (BOMs, PEP 263 cookies); the rewrite stores them
back the same way; a file that cannot be read is named with its reason in every format."""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from sora_migrate.encoding import DecodeError, Encoding, decode_source
from sora_migrate.report import FORMATS
from tests.conftest import CliOutcome

RunCli = Callable[..., CliOutcome]
SOURCE = 'from openai import OpenAI\n\nclient = OpenAI()\nclient.videos.retrieve("vidéo_1")\n'
REWRITTEN = '_video_client().get_job_status("vidéo_1")'
STORED = {
    "utf8-bom.py": (codecs.BOM_UTF8, "utf-8", "\n"),
    "utf16-le.py": (codecs.BOM_UTF16_LE, "utf-16-le", "\r\n"),
    "utf16-be.py": (codecs.BOM_UTF16_BE, "utf-16-be", "\n"),
    "latin1.py": (b"", "latin-1", "\n"),
}


def encoded(bom: bytes, codec: str, newline: str) -> bytes:
    text = SOURCE if codec != "latin-1" else "# -*- coding: latin-1 -*-\n" + SOURCE
    return bom + text.replace("\n", newline).encode(codec)


def store(path: Path, bom: bytes, codec: str, newline: str) -> bytes:
    data = encoded(bom, codec, newline)
    path.write_bytes(data)
    return data


@pytest.mark.parametrize("name", sorted(STORED))
def test_scan_reads_boms_and_cookies(run_cli: RunCli, tmp_path: Path, name: str) -> None:
    store(tmp_path / name, *STORED[name])
    outcome = run_cli("scan", str(tmp_path), "-f", "json")
    report = json.loads(outcome.stdout)
    assert report["skipped"] == []
    calls = [f for f in report["findings"] if f["rule_id"] == "sdk-call"]
    line = 5 if name == "latin1.py" else 4
    assert [(f["path"], f["line"], f["column"]) for f in calls] == [(name, line, 1)]


@pytest.mark.parametrize("name", sorted(STORED))
def test_rewrite_stores_the_file_in_its_own_encoding(
    run_cli: RunCli, tmp_path: Path, name: str
) -> None:
    bom, codec, newline = STORED[name]
    path = tmp_path / name
    store(path, bom, codec, newline)
    outcome = run_cli("rewrite", "--write", str(tmp_path))
    assert outcome.exit_code == 0, outcome.stderr
    data = path.read_bytes()
    assert data.startswith(bom)
    text = data[len(bom) :].decode(codec)
    assert REWRITTEN in text
    assert text.count("\n") == text.count(newline)
    again = run_cli("rewrite", "--write", str(tmp_path))
    assert path.read_bytes() == data, again.stderr


UNREADABLE = {
    "nul.py": (b'x = "\0"\n' + SOURCE.encode(), "binary: a NUL byte at offset 5"),
    "utf16-no-bom.py": (SOURCE.encode("utf-16-le"), "binary: a NUL byte at offset 1"),
    "broken.py": (b'x = "\xe9"\n' + SOURCE.encode(), "not valid UTF-8 (byte 5)"),
    "bogus.py": (b"# coding: bogus\n" + SOURCE.encode(), "unknown encoding: bogus"),
}


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_unreadable_file_is_named_in_every_format(
    run_cli: RunCli, tmp_path: Path, fmt: str
) -> None:
    for name, (data, _) in UNREADABLE.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "ok.py").write_text(SOURCE)
    outcome = run_cli("scan", str(tmp_path), "-f", fmt)
    assert outcome.exit_code == 0, outcome.stderr
    for name, (_, reason) in UNREADABLE.items():
        assert name in outcome.stdout, (fmt, name)
        assert reason in outcome.stdout, (fmt, reason)


def test_a_tree_whose_only_file_is_too_large_names_it(run_cli: RunCli, tmp_path: Path) -> None:
    with open(tmp_path / "huge.py", "wb") as handle:
        handle.truncate(9 * 1024 * 1024)
    outcome = run_cli("scan", str(tmp_path))
    assert outcome.exit_code == 2
    assert outcome.stderr == (
        "sora-migrate: error: nothing could be scanned: huge.py: larger than 8 MiB\n"
    )


def test_decode_source_round_trips() -> None:
    for stored in STORED.values():
        data = encoded(*stored)
        text, encoding = decode_source(data, "python")
        assert encoding.encode(text) == data
    assert decode_source(b"x", "json") == ("x", Encoding())
    with pytest.raises(DecodeError, match="UTF-32"):
        decode_source(codecs.BOM_UTF32_LE + "x".encode("utf-32-le"), "python")
