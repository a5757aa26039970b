"""Decode a source file as its language defines, and encode a rewrite back the same way.

A byte-order mark wins (UTF-8, UTF-16 LE or BE: Windows tools write UTF-16 with a BOM); then a
Python file's PEP 263 coding cookie (`# -*- coding: latin-1 -*-` in its first two lines); else
UTF-8. The scan and the rewrite share this, so a file the scan reads is a file the rewrite can
write back byte for byte in its own encoding and BOM.
"""

from __future__ import annotations

import codecs
import io
import tokenize
from dataclasses import dataclass

BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
COOKIE_KINDS = frozenset({"python"})


class DecodeError(ValueError):
    """The bytes are not text in the encoding the file declares; the message says why."""


@dataclass(frozen=True)
class Encoding:
    """How a file's text was stored: the codec of its body and the BOM in front of it."""

    codec: str = "utf-8"
    bom: bytes = b""

    def encode(self, text: str) -> bytes:
        """`text` stored the way the original file was."""
        return self.bom + text.encode(self.codec)


def has_utf16_bom(data: bytes) -> bool:
    """Whether `data` starts with a UTF-16 byte-order mark (not UTF-32's)."""
    return data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and not data.startswith(
        (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
    )


def decode_source(data: bytes, kind: str) -> tuple[str, Encoding]:
    """The file's text and how it was stored; DecodeError names the problem and the byte."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise DecodeError("UTF-32 text is not supported")
    for bom, codec in BOMS:
        if data.startswith(bom) and (codec == "utf-8" or has_utf16_bom(data)):
            return _decode(data[len(bom) :], codec, len(bom)), Encoding(codec, bom)
    codec = _cookie(data) if kind in COOKIE_KINDS else "utf-8"
    return _decode(data, codec, 0), Encoding(codec)


def _cookie(data: bytes) -> str:
    """The codec a PEP 263 cookie names (UTF-8 without one)."""
    try:
        codec, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError as error:
        message = str(error)
        if message.startswith(("unknown encoding", "encoding problem")):
            raise DecodeError(message) from None
        return "utf-8"  # the first lines are not UTF-8: decoding names the byte
    return "utf-8" if codec == "utf-8-sig" else codec


def _decode(body: bytes, codec: str, offset: int) -> str:
    try:
        return body.decode(codec)
    except UnicodeDecodeError as error:
        name = "UTF-8" if codec == "utf-8" else codec
        raise DecodeError(f"not valid {name} (byte {offset + error.start})") from None
    except LookupError:
        raise DecodeError(f"unknown encoding {codec!r}") from None
