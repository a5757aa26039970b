"""Image inputs: a URL or data URI is passed on; a path or raw bytes becomes base64."""

from __future__ import annotations

import base64
import mimetypes
from pathlib import Path


def image_bytes(image: str | bytes) -> tuple[bytes, str]:
    """(bytes, mime type) of an image given as a path, raw bytes or a data URI."""
    if isinstance(image, bytes):
        return image, _sniff(image)
    if image.startswith("data:"):
        header, _, data = image.partition(",")
        return base64.b64decode(data), header[5:].split(";")[0] or "image/png"
    path = Path(image)
    raw = path.read_bytes()
    return raw, mimetypes.guess_type(path.name)[0] or _sniff(raw)


class DataURI(str):
    """A `data:` URI (a video returned inline) whose repr gives its size, not megabytes of
    base64, so a Job that holds one can be printed and logged."""

    def __repr__(self) -> str:
        return f"'{self[: self.find(',') + 1]}...' ({len(self)} characters)"


def inline_bytes(url: str) -> bytes | None:
    """The content of a `data:` URI (a video a provider returned inline), else None."""
    return image_bytes(url)[0] if url.startswith("data:") else None


def is_url(image: str | bytes) -> bool:
    """An http(s) URL the provider can fetch itself."""
    return isinstance(image, str) and image.startswith(("https://", "http://"))


def data_uri(image: str | bytes) -> str:
    """The image as a URL or a `data:` URI."""
    if is_url(image) or (isinstance(image, str) and image.startswith("data:")):
        return str(image)
    data, mime = image_bytes(image)
    return f"data:{mime};base64,{base64.b64encode(data).decode()}"


def _sniff(data: bytes) -> str:
    if data.startswith(b"\x89PNG"):
        return "image/png"
    if data.startswith(b"\xff\xd8"):
        return "image/jpeg"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return "application/octet-stream"
