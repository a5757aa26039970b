"""Sora-style inputs at run time: `from_sora(...)` turns the keyword arguments of Sora's
`videos.create` / `create_and_poll` into `create_video` / `generate_video` arguments.

    params = {"model": "sora-2", "prompt": p, "seconds": str(duration), "size": size_str}
    job = client.create_video(**from_sora(**params))

`size` ("1280x720") becomes `aspect_ratio` + `resolution`; `seconds` ("8" or 8) becomes
`duration_seconds`; `input_reference` (a path, bytes, a file object, an `(name, bytes, mime)`
tuple, a URL or `{"image_url": ...}`) becomes `image`; a Sora model id is dropped (the shim's
configuration picks the provider's model). A missing `seconds` or `size` is Sora's default
(4 s, 720x1280), so a migrated call keeps its length and orientation. A value that has no
mapping raises `SoraValueError`, which names the value and the nearest supported ones. The
tables live in `sora.json`, shared with the TypeScript shim's `fromSora`.
"""

from __future__ import annotations

import difflib
import json
import math
import os
from functools import cache
from importlib import resources
from typing import Any

from .errors import UnsupportedFeature
from .params import ignored

SHIM_ARGUMENTS = ("duration_seconds", "aspect_ratio", "resolution", "image", "audio", "model")


class SoraValueError(UnsupportedFeature, ValueError):
    """A Sora-style argument `from_sora` cannot map; `nearest` lists supported values."""

    def __init__(self, name: str, value: object, nearest: tuple[str, ...], hint: str = "") -> None:
        shown = _shown(value)
        message = f"{name}={shown} has no equivalent in the video shim"
        if nearest:
            message += f"; nearest supported: {', '.join(nearest)}"
        if hint:
            message += f" ({hint})"
        super().__init__(message)
        self.name = name
        self.value = value
        self.nearest = nearest


@cache
def sora_table() -> dict[str, Any]:
    """The parsed sora.json that ships beside this module."""
    return json.loads(resources.files(__package__).joinpath("sora.json").read_text("utf-8"))


def from_sora(
    *,
    prompt: str | None = None,
    model: str | None = None,
    seconds: str | int | None = None,
    size: str | None = None,
    input_reference: Any = None,
    **rest: Any,
) -> dict[str, Any]:
    """`create_video` keyword arguments for the arguments of a Sora `videos.create` call."""
    if not isinstance(prompt, str):
        raise SoraValueError("prompt", prompt, (), "a text prompt is required")
    table = sora_table()
    aspect_ratio, resolution = size_arguments(table["default_size"] if size is None else size)
    arguments: dict[str, Any] = {
        "prompt": prompt,
        "duration_seconds": duration(table["default_seconds"] if seconds is None else seconds),
        "aspect_ratio": aspect_ratio,
        "resolution": resolution,
    }
    if input_reference is not None:
        arguments["image"] = image(input_reference)
    if model is not None and not _is_sora_model(model):
        arguments["model"] = model
    for name, value in rest.items():
        if name in SHIM_ARGUMENTS:
            arguments[name] = value
        elif name in table["http_options"]:
            ignored("from_sora", name, value, "an HTTP option of the OpenAI SDK")
        else:
            known = (*SHIM_ARGUMENTS, "prompt", "model", "seconds", "size", "input_reference")
            close = tuple(difflib.get_close_matches(name, known, n=2, cutoff=0.5))
            raise SoraValueError(name, value, close, "not an argument of videos.create")
    return arguments


def duration(value: object) -> int:
    """Sora's `seconds` ("8" or 8) as whole seconds."""
    number: float | None = None
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        number = value
    elif isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        number = int(value.strip())
    if number is None or number <= 0 or number != int(number):
        offered = sora_table()["seconds"]
        nearest = _nearest_numbers(number, offered) if number and number > 0 else offered[:3]
        raise SoraValueError("seconds", value, tuple(f'"{n}"' for n in nearest))
    return int(number)


def size_arguments(value: object) -> tuple[str, str]:
    """Sora's `size` ("1280x720") as (aspect_ratio, resolution)."""
    sizes: dict[str, dict[str, str]] = sora_table()["sizes"]
    key = value.strip().lower().replace(" ", "") if isinstance(value, str) else None
    if key in sizes:
        return sizes[key]["aspect_ratio"], sizes[key]["resolution"]
    raise SoraValueError("size", value, tuple(f'"{s}"' for s in _nearest_sizes(key, sizes)))


def image(value: Any) -> str | bytes:
    """Sora's `input_reference` as the shim's `image`: a URL, a data URI, a path or bytes."""
    if isinstance(value, dict):
        url = value.get("image_url")
        if isinstance(url, str) and url:
            return url
        hint = "an OpenAI file id means nothing to another provider; pass the image itself"
        raise SoraValueError("input_reference", value, ('{"image_url": ...}',), hint)
    if isinstance(value, tuple) and len(value) in (2, 3):  # (filename, content[, mime])
        value = value[1]
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value)
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    if isinstance(value, str):
        if value.startswith(("https://", "http://", "data:")) or os.path.isfile(value):
            return value
        raise SoraValueError("input_reference", value, (), "not a URL, data URI or image file")
    read = getattr(value, "read", None)
    if callable(read):
        content = read()
        if isinstance(content, (bytes, bytearray)):
            return bytes(content)
    raise SoraValueError(
        "input_reference", value, ("a path", "bytes", "a file opened in binary mode", "a URL")
    )


def _is_sora_model(model: object) -> bool:
    # a prefix, not the list of ids: a vendored copy must not hold Sora model ids that `check`
    # would report as uses of Sora
    return isinstance(model, str) and model.startswith(sora_table()["model_prefix"])


def _nearest_numbers(value: float, offered: list[int]) -> list[int]:
    return sorted(offered, key=lambda option: (abs(option - value), option))[:2]


def _nearest_sizes(key: str | None, sizes: dict[str, Any]) -> list[str]:
    """The two supported sizes closest in shape and then in area, or all of them."""
    width, _, height = (key or "").partition("x")
    digits = (width + height).isascii() and width.isdigit() and height.isdigit()
    if not (digits and int(width) and int(height)):
        return list(sizes)
    ratio, area = math.log(int(width) / int(height)), int(width) * int(height)

    def distance(option: str) -> tuple[float, float]:
        w, h = (int(part) for part in option.split("x"))
        return round(abs(math.log(w / h) - ratio), 3), abs(math.log(w * h / area))

    return sorted(sizes, key=distance)[:2]


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 80 else f"{text[:77]}..."
