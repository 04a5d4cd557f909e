"""Opening the database: WAL, busy timeout, foreign keys, and migrations applied on open."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from claimcheck.errors import StoreError

BUSY_TIMEOUT_MS = 30_000


def connect(path: Path | str, *, migrate: bool = True) -> sqlite3.Connection:
    """Open or create the database at `path`, ready for concurrent readers and writers."""
    target = Path(path)
    if target.is_dir():
        raise StoreError(f"{target}: is a folder, not a database file")
    if not target.parent.exists():
        raise StoreError(f"{target}: folder {target.parent} does not exist")
    try:
        conn = sqlite3.connect(
            str(target),
            isolation_level=None,
            check_same_thread=False,
            timeout=BUSY_TIMEOUT_MS / 1000,
        )
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{target}: cannot open database ({exc})") from exc
    if migrate:
        from claimcheck.store.migrations import ensure_migrated

        ensure_migrated(conn)
    return conn


@contextmanager
def write_transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Run a block as one IMMEDIATE transaction, so writers queue instead of failing 'locked'."""
    if conn.in_transaction:
        yield conn
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
