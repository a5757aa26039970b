"""Every shim test starts from an environment without provider settings or keys."""

from __future__ import annotations

import os

import pytest

PREFIXES = (
    "VIDEO_GENERATION_",
    "RUNWAYML_",
    "GEMINI_",
    "GOOGLE_API_KEY",
    "GOOGLE_CLOUD_",
    "GOOGLE_APPLICATION_CREDENTIALS",
    "LUMAAI_",
    "FAL_",
    "KLING_",
)


@pytest.fixture(autouse=True)
def clean_environ(monkeypatch: pytest.MonkeyPatch) -> None:
    """Remove provider choices and keys inherited from the developer's shell."""
    for name in list(os.environ):
        if name.startswith(PREFIXES):
            monkeypatch.delenv(name)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(params=["sync", "async"])
def mode(request: pytest.FixtureRequest) -> str:
    """Which client a test drives: VideoClient or AsyncVideoClient."""
    return str(request.param)
