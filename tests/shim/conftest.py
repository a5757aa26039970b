"""Every shim test starts from an environment without provider settings or keys."""

from __future__ import annotations

import os

import pytest

PREFIXES = (
    "VIDEO_GENERATION_",
    "RUNWAYML_",
    "GEMINI_",
    "GOOGLE_API_KEY",
    "LUMAAI_",
    "FAL_",
    "KLING_",
)


@pytest.fixture(autouse=True)
def clean_environ(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith(PREFIXES):
            monkeypatch.delenv(name)


@pytest.fixture(params=["sync", "async"])
def mode(request: pytest.FixtureRequest) -> str:
    return str(request.param)
