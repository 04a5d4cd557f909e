"""SQLite persistence: the single source of truth for documents, claims and decisions."""

from claimcheck.store.connection import connect, write_transaction

__all__ = ["connect", "write_transaction"]
