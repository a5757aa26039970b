"""The shim's error tree. Every message is safe to log: API keys never appear in it.

ShimError
├── ConfigurationError   no provider chosen, unknown provider, missing key variable
├── UnsupportedFeature   the provider cannot honour a parameter or an operation
├── ProviderError        the provider answered with an error (status code, its message)
├── JobFailed            the job ended in failure; `.job` holds the failed Job
└── Timeout              a request or generate_video() ran out of time
"""

from __future__ import annotations

from typing import Any


class ShimError(Exception):
    """Base class of every error the shim raises."""


class ConfigurationError(ShimError):
    """The shim is not configured for this call (provider, key, base URL)."""


class UnsupportedFeature(ShimError):
    """The provider cannot do what was asked (an operation or a parameter value)."""


class ProviderError(ShimError):
    """The provider's API returned an error, or a payload the shim cannot read."""

    def __init__(self, provider: str, message: str, status_code: int | None = None) -> None:
        super().__init__(
            f"{provider}: {message}" + (f" (HTTP {status_code})" if status_code else "")
        )
        self.provider = provider
        self.status_code = status_code


class JobFailed(ShimError):
    """The job ended in failure; its output cannot be fetched."""

    def __init__(self, job: Any) -> None:
        reason = job.error.message if job.error is not None else "no reason given"
        super().__init__(f"job {job.id} failed: {reason}")
        self.job = job


class Timeout(ShimError):
    """A request, or waiting for a job, ran past its deadline."""
