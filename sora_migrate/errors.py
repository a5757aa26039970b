"""The one catalogue of user-facing failures: each is one line, mapped to exit code 2."""

from __future__ import annotations


class UserError(Exception):
    """A failure caused by the user's input: printed as one line, never as a traceback."""

    exit_code = 2

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message if not self.hint else f"{self.message} ({self.hint})"


class ConfigError(UserError):
    """Malformed configuration: pyproject table, .sora-migrate.toml or a rule file."""


class RuleError(ConfigError):
    """A rule file that does not validate."""
