"""The store: migrations from empty, WAL, append-only decisions, derived status."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from claimcheck.errors import ClaimcheckError, NotFoundError, StoreError
from claimcheck.models import Status
from claimcheck.store import connect
from claimcheck.store.decisions import current_state, decide, history, undo
from claimcheck.store.migrations import MIGRATIONS, applied, ensure_migrated


def test_migrations_from_empty_database(db_path: Path) -> None:
    conn = connect(db_path)
    assert applied(conn) == [name for name, _ in MIGRATIONS]
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"documents", "passages", "claims", "claim_anchors", "decisions"} <= tables
    assert ensure_migrated(conn) == []  # idempotent
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_unknown_migration_is_refused(db_path: Path) -> None:
    conn = connect(db_path)
    conn.execute("INSERT INTO _migrations (name, applied_at) VALUES ('m999_future', 'x')")
    with pytest.raises(StoreError, match="m999_future"):
        ensure_migrated(conn)


def test_not_a_database_is_a_clean_error(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError):
        connect(bogus)


def test_decisions_derive_status_and_are_append_only(seeded: sqlite3.Connection) -> None:
    claim_id = seeded.execute("SELECT id FROM claims ORDER BY id LIMIT 1").fetchone()[0]
    assert current_state(seeded, claim_id) == (Status.unverified, None)
    decide(seeded, claim_id, Status.confirmed, "ana", note="two sources agree")
    decide(seeded, claim_id, Status.disputed, "bo")
    # issue 12: a status change without a note does not carry another analyst's note forward
    assert current_state(seeded, claim_id) == (Status.disputed, None)
    reverted = undo(seeded, claim_id, "bo").entry
    assert reverted is not None
    assert reverted.to == Status.confirmed and reverted.reverts is not None
    assert current_state(seeded, claim_id) == (Status.confirmed, "two sources agree")
    events = history(seeded, [claim_id])[claim_id]
    assert [(e.from_, e.to) for e in events] == [
        (Status.unverified, Status.confirmed),
        (Status.confirmed, Status.disputed),
        (Status.disputed, Status.confirmed),
    ]
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        seeded.execute("UPDATE decisions SET analyst = 'mallory'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        seeded.execute("DELETE FROM decisions")


def test_note_can_be_cleared_and_undo_needs_history(seeded: sqlite3.Connection) -> None:
    claim_id = seeded.execute("SELECT id FROM claims ORDER BY id LIMIT 1").fetchone()[0]
    with pytest.raises(ClaimcheckError, match="no decision"):
        undo(seeded, claim_id, "ana")
    decide(seeded, claim_id, None, "ana", note="check KCNA original")
    assert current_state(seeded, claim_id) == (Status.unverified, "check KCNA original")
    decide(seeded, claim_id, None, "ana", clear_note=True)
    assert current_state(seeded, claim_id) == (Status.unverified, None)


def test_claim_id_prefix_and_unknown_ids(seeded: sqlite3.Connection) -> None:
    claim_id = seeded.execute("SELECT id FROM claims ORDER BY id LIMIT 1").fetchone()[0]
    entry = decide(seeded, claim_id[:9], Status.confirmed, "ana").entry
    assert entry is not None and entry.to == Status.confirmed
    with pytest.raises(NotFoundError):
        decide(seeded, "cnothere", Status.confirmed, "ana")
    with pytest.raises(NotFoundError, match="ambiguous"):
        decide(seeded, "c", Status.confirmed, "ana")


def test_second_connection_reads_and_writes_while_first_is_open(
    seeded: sqlite3.Connection, db_path: Path
) -> None:
    other = connect(db_path)
    claim_id = seeded.execute("SELECT id FROM claims LIMIT 1").fetchone()[0]
    reader = seeded.execute("SELECT count(*) FROM claims")
    decide(other, claim_id, Status.disputed, "bo")
    assert reader.fetchone()[0] > 0
    assert current_state(seeded, claim_id)[0] == Status.disputed
    other.close()
