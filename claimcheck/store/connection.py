"""Opening the database: WAL, busy timeout, foreign keys, and migrations applied on open."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from claimcheck.errors import StoreError
from claimcheck.text.printable import printable

BUSY_TIMEOUT_MS = 30_000

WRITE_POLL_SECONDS = 0.001
"""How often a writer waiting for the write lock tries again.

SQLite's own busy handler backs off to one try every 100 ms, so a writer waiting behind a long
series of short transactions (an ingest writing in chunks) could keep missing the gaps between
them; trying every millisecond it gets the lock within the first gap."""


def connect(path: Path | str, *, migrate: bool = True) -> sqlite3.Connection:
    """Open or create the database at `path`, ready for concurrent readers and writers."""
    target = Path(path)
    shown = printable(str(target))
    if target.is_dir():
        raise StoreError(f"{shown}: is a folder, not a database file")
    if not target.parent.exists():
        raise StoreError(f"{shown}: folder {printable(str(target.parent))} does not exist")
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
        raise StoreError(f"{shown}: cannot open database ({exc})") from exc
    if migrate:
        from claimcheck.store.migrations import ensure_migrated

        ensure_migrated(conn)
    return conn


@contextmanager
def write_transaction(
    conn: sqlite3.Connection, *, timeout: float = BUSY_TIMEOUT_MS / 1000
) -> Iterator[sqlite3.Connection]:
    """Run a block as one IMMEDIATE transaction, so writers queue instead of failing 'locked';
    StoreError when another connection keeps the write lock for `timeout` seconds."""
    if conn.in_transaction:
        yield conn
        return
    begin_immediate(conn, timeout)
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def write_in_chunks(
    conn: sqlite3.Connection, sql: str, rows: Sequence[tuple[object, ...]], size: int = 500
) -> None:
    """Run `sql` for every row, `size` rows to a transaction, so no other writer waits long."""
    for start in range(0, len(rows), size):
        with write_transaction(conn):
            conn.executemany(sql, rows[start : start + size])


def begin_immediate(conn: sqlite3.Connection, timeout: float = BUSY_TIMEOUT_MS / 1000) -> None:
    """Take the write lock, trying every millisecond for up to `timeout` seconds."""
    deadline = time.monotonic() + timeout
    conn.execute("PRAGMA busy_timeout = 0")
    try:
        while True:
            try:
                conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if not _is_busy(exc):
                    raise
                if time.monotonic() >= deadline:
                    raise StoreError(
                        f"database is locked: another process kept it busy for {timeout:.0f} s"
                    ) from exc
            time.sleep(WRITE_POLL_SECONDS)
    finally:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    """Whether an error means another connection holds a lock (try again), not a real failure."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return int(code) & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return "locked" in str(exc) or "busy" in str(exc)


def database_file(conn: sqlite3.Connection) -> str:
    """The file behind a connection's main database ('' for an in-memory one)."""
    return str(conn.execute("PRAGMA database_list").fetchone()[2] or "")


@contextmanager
def job_lock(conn: sqlite3.Connection, job: str) -> Iterator[None]:
    """Hold an exclusive OS lock named for `job` beside the database, so one process at a time
    runs a job that spans several transactions; the kernel releases it if the process dies."""
    import fcntl

    database = database_file(conn)
    if not database:
        yield
        return
    lock_path = f"{database}.{job}-lock"
    try:
        handle = open(lock_path, "a+b")  # noqa: SIM115 - held across the yield
    except OSError as exc:
        raise StoreError(f"{lock_path}: cannot create lock file ({exc.strerror})") from exc
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def like_prefix(given: str) -> str:
    """A LIKE pattern (with ESCAPE '\\') matching strings that start with `given` literally."""
    return given.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
