"""Retries with exponential backoff and full jitter on 429 and 5xx, honouring `Retry-After`.

The clock, the sleep function and the random source are injectable so tests never sleep."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime

RETRY_STATUSES = frozenset({408, 409, 425, 429, 500, 502, 503, 504})


@dataclass
class RetryPolicy:
    """How often and how long to wait between attempts."""

    max_attempts: int = 4
    base_delay: float = 0.5
    max_delay: float = 30.0
    rng: Callable[[], float] = field(default=random.random)

    def should_retry(self, status_code: int, attempt: int) -> bool:
        """Whether a response with this status earns another attempt."""
        return status_code in RETRY_STATUSES and attempt + 1 < self.max_attempts

    def delay(
        self, attempt: int, retry_after: str | None = None, now: float | None = None
    ) -> float:
        """Seconds to wait before attempt `attempt + 1` (0-based `attempt`)."""
        hinted = parse_retry_after(retry_after, now) if retry_after else None
        if hinted is not None:
            return min(hinted, self.max_delay)
        ceiling = min(self.max_delay, self.base_delay * (2**attempt))
        return ceiling * (0.5 + self.rng() / 2)


def parse_retry_after(value: str, now: float | None = None) -> float | None:
    """Seconds from a `Retry-After` header (delta-seconds or an HTTP date)."""
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    import time

    return max(0.0, when.timestamp() - (now if now is not None else time.time()))
