"""User rules' regexes (`match: {regex: ...}`), run so that no pattern can hang a scan.

Where `google-re2` is installed (wheels for CPython on Linux, macOS and Windows) a pattern in
RE2 syntax runs in linear time, whatever it is: `(a+)+$` cannot backtrack. A pattern RE2 cannot
take (backreferences, lookaround) or a machine without RE2 falls back to Python's `re` under a
time budget per file: past it the file is skipped with the rule named (`RegexBudgetExceeded`).
Patterns that match the empty string are rejected when the rule is loaded (`matches_empty`),
and a zero-length match is never a finding.
"""

from __future__ import annotations

import re
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any, AnyStr, Generic

BUDGET_SECONDS = 2.0
# Text a pattern that matches "nothing in particular" matches with zero length somewhere.
EMPTY_PROBE = "a A 0 _ - . / \t\n\r sora SORA sora-2 videos"


class RegexBudgetExceeded(ValueError):
    """Python's `re` ran past the time budget on one file."""


def matches_empty(pattern: re.Pattern[str]) -> bool:
    """Whether `pattern` matches a zero-length string (it would report every position)."""
    if pattern.search("") is not None:
        return True
    return any(match.end() == match.start() for match in pattern.finditer(EMPTY_PROBE))


class UserPattern(Generic[AnyStr]):
    """One user regex over str (findings) or bytes (the prefilter)."""

    def __init__(self, rule_id: str, pattern: AnyStr) -> None:
        self.rule_id = rule_id
        self.re2: Any = _re2_compile(pattern)
        self.fallback: re.Pattern[AnyStr] | None = re.compile(pattern) if self.re2 is None else None

    @property
    def linear(self) -> bool:
        """True when RE2 runs the pattern (no budget needed)."""
        return self.re2 is not None

    def spans(self, text: AnyStr) -> list[tuple[int, int]]:
        """Start and end of every non-empty match, in order."""
        if self.re2 is not None:
            return _nonempty(self.re2.finditer(text))
        assert self.fallback is not None
        with self._budget():
            return _nonempty(self.fallback.finditer(text))

    def search(self, data: AnyStr) -> bool:
        """Whether the pattern matches anywhere in `data`."""
        if self.re2 is not None:
            return self.re2.search(data) is not None
        assert self.fallback is not None
        with self._budget():
            return self.fallback.search(data) is not None

    @contextmanager
    def _budget(self) -> Iterator[None]:
        with time_budget(BUDGET_SECONDS, self.rule_id):
            yield


@lru_cache(maxsize=256)
def user_pattern(rule_id: str, pattern: str | bytes) -> UserPattern[Any]:
    """The compiled pattern, once per process."""
    return UserPattern(rule_id, pattern)


@contextmanager
def time_budget(seconds: float, rule_id: str) -> Iterator[None]:
    """Raise RegexBudgetExceeded in the block after `seconds` (SIGALRM: the main thread of a
    POSIX process; elsewhere the block runs unbounded)."""
    if (
        not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return

    def expire(_signum: int, _frame: object) -> None:
        raise RegexBudgetExceeded(
            f"user rule {rule_id!r}: its regex ran past {seconds:g} s on this file "
            "(install google-re2 or simplify the pattern)"
        )

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _nonempty(matches: Iterator[Any]) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in matches if m.end() > m.start()]


def _re2_compile(pattern: str | bytes) -> Any:
    try:
        import re2
    except ImportError:
        return None
    options = re2.Options()
    options.log_errors = False  # an unsupported pattern falls back quietly
    try:
        return re2.compile(pattern, options)
    except Exception:  # re2.error: syntax RE2 does not have
        return None
