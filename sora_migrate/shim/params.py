"""A provider-neutral request, and how it is fitted to one provider's capabilities.

A value the provider does not offer is mapped to the nearest one it does, with a
`ParameterMapped` warning; a value it cannot use at all is named in a warning as ignored; an
operation or input it cannot take raises `UnsupportedFeature`. Nothing is dropped silently.

A value the caller did not give is not invented: it stays out of the request and the provider
applies its own default, which `settings()` reports (marked as the provider's). Only a field the
provider requires gets the shim's documented choice (`Capabilities.required`)."""

from __future__ import annotations

import math
import sys
import warnings
from dataclasses import dataclass, replace
from typing import TypeVar

from .errors import UnsupportedFeature

PACKAGE = __name__.rsplit(".", 1)[0]
_T = TypeVar("_T")


class ParameterMapped(UserWarning):
    """A parameter was changed to the nearest value the provider supports, or ignored."""


DURATION, ASPECT_RATIO, RESOLUTION, AUDIO = (
    "duration_seconds",
    "aspect_ratio",
    "resolution",
    "audio",
)


@dataclass(frozen=True)
class Capabilities:
    """What a provider (with its default model) can do, and what it does with a value left out:
    `default_*` is the provider's documented default, except for the fields in `required`,
    which the provider needs in every request and for which `default_*` is the shim's choice."""

    text_to_video: bool
    image_to_video: bool
    extend: bool
    cancel: bool
    native_audio: bool
    durations: tuple[int, ...]
    aspect_ratios: tuple[str, ...]
    resolutions: tuple[str, ...]
    default_duration: int
    default_aspect_ratio: str
    default_resolution: str
    default_audio: bool = False
    audio_toggle: bool = False
    aspect_ratio_from_image: bool = False
    required: tuple[str, ...] = ()
    defaults_source: str = ""
    # what get_video_output(job_id, variant=...) can return besides the video ("thumbnail")
    variants: tuple[str, ...] = ("video",)


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


def fit(
    provider: str, request: VideoRequest, capabilities: Capabilities, model: str
) -> VideoRequest:
    """The request with every value one the provider offers (warning when something moved)."""
    if request.image is not None and not capabilities.image_to_video:
        raise UnsupportedFeature(f"{provider} cannot start a video from an image")
    if request.image is None and not capabilities.text_to_video:
        raise UnsupportedFeature(f"{provider} needs an image to start a video")
    if request.audio and not capabilities.native_audio:
        raise UnsupportedFeature(f"{provider} does not generate audio with the video")
    if request.audio is False and capabilities.native_audio and not capabilities.audio_toggle:
        ignored(provider, "audio", False, "its videos always have sound")
    return replace(
        request,
        model=request.model or model,
        duration_seconds=_duration(provider, request.duration_seconds, capabilities),
        aspect_ratio=_aspect_ratio(provider, request, capabilities),
        resolution=_resolution(provider, request.resolution, capabilities),
    )


def _duration(provider: str, value: int | None, capabilities: Capabilities) -> int | None:
    if value is None and DURATION in capabilities.required:
        return capabilities.default_duration
    return None if value is None else nearest_duration(provider, value, capabilities)


def _resolution(provider: str, value: str | None, capabilities: Capabilities) -> str | None:
    if value is None and RESOLUTION in capabilities.required:
        return capabilities.default_resolution
    return None if value is None else nearest_resolution(provider, value, capabilities)


@dataclass(frozen=True)
class Settings:
    """What a job is made with: the caller's values (as fitted), the shim's choice for a field
    the provider requires, and otherwise the provider's documented default, whose field names
    are listed in `provider_defaults`."""

    duration_seconds: int
    aspect_ratio: str | None
    resolution: str
    audio: bool
    provider_defaults: tuple[str, ...] = ()


def settings(fitted: VideoRequest, capabilities: Capabilities) -> Settings:
    """The settings of a fitted request, with the provider's defaults filled in and named.
    `aspect_ratio` is None when the provider takes the shape from the start image."""
    defaulted = []
    if fitted.duration_seconds is None:
        defaulted.append(DURATION)
    shaped_by_image = fitted.image is not None and capabilities.aspect_ratio_from_image
    if fitted.aspect_ratio is None and not shaped_by_image:
        defaulted.append(ASPECT_RATIO)
    if fitted.resolution is None:
        defaulted.append(RESOLUTION)
    if not capabilities.native_audio:
        audio = False
    elif not capabilities.audio_toggle:
        audio = True  # always on; a caller's audio=False was ignored with a warning
    else:
        audio = _given(fitted.audio, capabilities.default_audio)
    if fitted.audio is None and capabilities.native_audio:
        defaulted.append(AUDIO)
    return Settings(
        duration_seconds=_given(fitted.duration_seconds, capabilities.default_duration),
        aspect_ratio=(
            None
            if shaped_by_image
            else _given(fitted.aspect_ratio, capabilities.default_aspect_ratio)
        ),
        resolution=_given(fitted.resolution, capabilities.default_resolution),
        audio=audio,
        provider_defaults=tuple(defaulted),
    )


def _given(value: _T | None, default: _T) -> _T:
    return default if value is None else value


def _aspect_ratio(provider: str, request: VideoRequest, capabilities: Capabilities) -> str | None:
    if request.image is not None and capabilities.aspect_ratio_from_image:
        if request.aspect_ratio is not None:
            ignored(provider, "aspect_ratio", request.aspect_ratio, "the image sets the shape")
        return None
    aspect = request.aspect_ratio
    if aspect is None and ASPECT_RATIO in capabilities.required:
        aspect = capabilities.default_aspect_ratio
    if aspect is None or aspect in capabilities.aspect_ratios:
        return aspect
    # distance in log space, so 16:9 and 9:16 are equally far from 1:1 (the first offered wins)
    wanted = math.log(_ratio(aspect))
    nearest = min(
        capabilities.aspect_ratios,
        key=lambda option: round(abs(math.log(_ratio(option)) - wanted), 9),
    )
    _warn(f"{provider} does not offer aspect_ratio={aspect!r}; using {nearest!r}")
    return nearest


def nearest_duration(provider: str, value: int, capabilities: Capabilities) -> int:
    """The offered duration closest to `value` (the longer one on a tie)."""
    if value in capabilities.durations:
        return value
    nearest = min(capabilities.durations, key=lambda option: (abs(option - value), -option))
    _warn(f"{provider} does not offer duration_seconds={value!r}; using {nearest!r}")
    return nearest


def nearest_resolution(provider: str, value: str, capabilities: Capabilities) -> str:
    """The offered resolution closest to `value` (the higher one on a tie)."""
    offered = capabilities.resolutions
    if value in offered:
        return value
    wanted = _lines(value)
    nearest = min(offered, key=lambda option: (abs(_lines(option) - wanted), -_lines(option)))
    _warn(f"{provider} does not offer resolution={value!r}; using {nearest!r}")
    return nearest


def ignored(provider: str, name: str, value: object, reason: str) -> None:
    """Warn that `name=value` cannot be honoured by `provider` and is left out."""
    _warn(f"{provider} ignores {name}={value!r}: {reason}")


def _ratio(text: str) -> float:
    width, _, height = text.partition(":")
    try:
        ratio = float(width) / float(height)
    except (ValueError, ZeroDivisionError):
        ratio = 0.0
    if ratio > 0:
        return ratio
    raise UnsupportedFeature(f"not an aspect ratio: {text!r} (expected 'W:H')")


def _lines(resolution: str) -> int:
    if resolution.lower() == "4k":
        return 2160
    try:
        return int(resolution.rstrip("p"))
    except ValueError:
        raise UnsupportedFeature(
            f"not a resolution: {resolution!r} (expected e.g. '720p')"
        ) from None


def _warn(message: str) -> None:
    warnings.warn(message, ParameterMapped, stacklevel=_caller_level())


def _caller_level() -> int:
    """The stacklevel of the first frame outside the shim, so a warning names the user's line."""
    frame = sys._getframe(2)  # the frame that called _warn
    level = 2
    while frame.f_back is not None and _in_shim(frame.f_globals.get("__name__", "")):
        frame = frame.f_back
        level += 1
    return level


def _in_shim(module: str) -> bool:
    return module == PACKAGE or module.startswith(f"{PACKAGE}.")
