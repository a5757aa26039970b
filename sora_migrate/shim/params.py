"""A provider-neutral request, and how it is fitted to one provider's capabilities.

A value the provider does not offer is mapped to the nearest one it does, with a
`ParameterMapped` warning; an operation or input it cannot take at all raises
`UnsupportedFeature`. Nothing is dropped silently."""

from __future__ import annotations

import warnings
from dataclasses import dataclass, replace

from .errors import UnsupportedFeature


class ParameterMapped(UserWarning):
    """A parameter was changed to the nearest value the provider supports."""


@dataclass(frozen=True)
class Capabilities:
    """What a provider (with its default model) can do."""

    text_to_video: bool
    image_to_video: bool
    extend: bool
    cancel: bool
    native_audio: bool
    durations: tuple[int, ...]
    aspect_ratios: tuple[str, ...]
    resolutions: tuple[str, ...]
    default_duration: int


@dataclass(frozen=True)
class VideoRequest:
    """What the caller asked for. `image` is a URL, a data URI, a path or raw bytes."""

    prompt: str
    duration_seconds: int | None = None
    aspect_ratio: str | None = None
    resolution: str | None = None
    image: str | bytes | None = None
    model: str | None = None
    audio: bool | None = None


def fit(provider: str, request: VideoRequest, capabilities: Capabilities) -> VideoRequest:
    """The request with every value one the provider offers (warning when something moved)."""
    if request.image is not None and not capabilities.image_to_video:
        raise UnsupportedFeature(f"{provider} cannot start a video from an image")
    if request.image is None and not capabilities.text_to_video:
        raise UnsupportedFeature(f"{provider} needs an image to start a video")
    if request.audio and not capabilities.native_audio:
        raise UnsupportedFeature(f"{provider} does not generate audio with the video")
    duration = request.duration_seconds or capabilities.default_duration
    aspect = request.aspect_ratio or capabilities.aspect_ratios[0]
    resolution = request.resolution or capabilities.resolutions[0]
    return replace(
        request,
        duration_seconds=_nearest_number(
            provider, "duration_seconds", duration, capabilities.durations
        ),
        aspect_ratio=_nearest_ratio(provider, aspect, capabilities.aspect_ratios),
        resolution=_nearest_resolution(provider, resolution, capabilities.resolutions),
    )


def _nearest_number(provider: str, name: str, value: int, offered: tuple[int, ...]) -> int:
    if value in offered:
        return value
    nearest = min(offered, key=lambda option: (abs(option - value), -option))
    _warn(provider, name, value, nearest)
    return nearest


def _ratio(text: str) -> float:
    width, _, height = text.partition(":")
    try:
        return float(width) / float(height)
    except (ValueError, ZeroDivisionError):
        raise UnsupportedFeature(f"not an aspect ratio: {text!r} (expected 'W:H')") from None


def _nearest_ratio(provider: str, value: str, offered: tuple[str, ...]) -> str:
    if value in offered:
        return value
    wanted = _ratio(value)
    nearest = min(offered, key=lambda option: abs(_ratio(option) - wanted))
    _warn(provider, "aspect_ratio", value, nearest)
    return nearest


def _lines(resolution: str) -> int:
    if resolution == "4k":
        return 2160
    try:
        return int(resolution.rstrip("p"))
    except ValueError:
        raise UnsupportedFeature(
            f"not a resolution: {resolution!r} (expected e.g. '720p')"
        ) from None


def _nearest_resolution(provider: str, value: str, offered: tuple[str, ...]) -> str:
    if value in offered:
        return value
    wanted = _lines(value)
    nearest = min(offered, key=lambda option: (abs(_lines(option) - wanted), -_lines(option)))
    _warn(provider, "resolution", value, nearest)
    return nearest


def _warn(provider: str, name: str, value: object, chosen: object) -> None:
    warnings.warn(
        f"{provider} does not offer {name}={value!r}; using {chosen!r}",
        ParameterMapped,
        stacklevel=4,
    )
