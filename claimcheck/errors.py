"""One error hierarchy: the CLI turns each into a one-line message and an exit code."""

from __future__ import annotations


class ClaimcheckError(Exception):
    """Base of every error claimcheck raises on purpose."""

    exit_code = 1


class InputError(ClaimcheckError):
    """A source file cannot be ingested (binary, bad encoding, empty, too large, unreadable)."""


class NotFoundError(ClaimcheckError):
    """A claim, document or passage id does not exist."""


class StoreError(ClaimcheckError):
    """The database cannot be opened or migrated."""


class ModelError(ClaimcheckError):
    """A model cannot be loaded or is not installed."""


class EngineError(ClaimcheckError):
    """A check engine cannot run: unknown, not installed, its cluster unreachable or failing."""
