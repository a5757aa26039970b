"""A google-auth Credentials object that mints tokens without a network: each refresh makes
`tok-1`, `tok-2`, ... valid for an hour, so tests can watch the shim refresh an expired one."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from google.auth import credentials


def utc_now() -> datetime:
    """Now, as google-auth compares expiry times (naive UTC)."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


class MintingCredentials(credentials.Credentials):  # type: ignore[misc]
    """Credentials whose refresh() mints the next token."""

    def __init__(self, quota_project_id: str | None = None, prefix: str = "tok") -> None:
        super().__init__()
        self._quota_project_id = quota_project_id
        self.prefix = prefix
        self.refreshes = 0

    def refresh(self, request: Any) -> None:
        self.refreshes += 1
        self.token = f"{self.prefix}-{self.refreshes}"
        self.expiry = utc_now() + timedelta(hours=1)

    def expire(self) -> None:
        """Make the current token expired, as an hour later."""
        self.expiry = utc_now() - timedelta(minutes=1)
