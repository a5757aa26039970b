"""Retries with exponential backoff and jitter on 429 and 5xx, honouring `Retry-After`.

A `Retry-After` longer than `max_delay` ends the retries (Runway answers 429 for a spent daily
quota): the error goes to the caller, or to the fallback provider, instead of a wait that does
not honour the header. The random source is injectable; the clients inject sleep and clock, so
tests never sleep."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime


def is_retryable(status_code: int) -> bool:
    """429 Too Many Requests and every 5xx answer earn another attempt."""
    return status_code == 429 or 500 <= status_code <= 599


@dataclass
class RetryPolicy:
    """How often and how long to wait between attempts."""

    max_attempts: int = 4
    base_delay: float = 0.5
    max_delay: float = 30.0
    rng: Callable[[], float] = field(default=random.random)

    def after_status(
        self, status_code: int, attempt: int, retry_after: str | None = None
    ) -> float | None:
        """Seconds to wait before retrying a response with this status, or None: do not retry."""
        if not is_retryable(status_code) or attempt + 1 >= self.max_attempts:
            return None
        hinted = parse_retry_after(retry_after) if retry_after else None
        if hinted is None:
            return self.backoff(attempt)
        return hinted if hinted <= self.max_delay else None

    def after_timeout(self, attempt: int) -> float | None:
        """Seconds to wait before retrying a request that timed out, or None: give up."""
        return self.backoff(attempt) if attempt + 1 < self.max_attempts else None

    def backoff(self, attempt: int) -> float:
        """Exponential delay for 0-based `attempt`, jittered between half and all of it."""
        ceiling = min(self.max_delay, self.base_delay * (2**attempt))
        return ceiling * (0.5 + self.rng() / 2)


def parse_retry_after(value: str, now: float | None = None) -> float | None:
    """Seconds from a `Retry-After` header (delta-seconds or an HTTP date); None if unreadable."""
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))
