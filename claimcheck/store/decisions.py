"""The append-only decision log; a claim's status and note are derived from its last event."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime

from claimcheck.errors import ClaimcheckError
from claimcheck.models import HistoryEntry, Status
from claimcheck.store.claims import resolve_claim_id
from claimcheck.store.connection import write_transaction


def now() -> str:
    """The current time as an ISO 8601 UTC timestamp with microseconds, for ordering events."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _entry(row: sqlite3.Row) -> HistoryEntry:
    return HistoryEntry.model_validate(
        {
            "id": row["id"],
            "at": row["at"],
            "analyst": row["analyst"],
            "from": row["from_status"],
            "to": row["to_status"],
            "note": row["note"],
            "reverts": row["reverts"],
        }
    )


def current_state(conn: sqlite3.Connection, claim_id: str) -> tuple[Status, str | None]:
    """A claim's status and note, derived from its latest decision."""
    row = conn.execute(
        "SELECT to_status, note FROM decisions WHERE claim_id = ? ORDER BY id DESC LIMIT 1",
        (claim_id,),
    ).fetchone()
    if row is None:
        return Status.unverified, None
    return Status(row["to_status"]), row["note"]


def _append(
    conn: sqlite3.Connection,
    claim_id: str,
    analyst: str,
    to_status: Status,
    note: str | None,
    reverts: int | None = None,
) -> HistoryEntry:
    from_status, _ = current_state(conn, claim_id)
    cursor = conn.execute(
        "INSERT INTO decisions (claim_id, at, analyst, from_status, to_status, note, reverts) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (claim_id, now(), analyst, from_status.value, to_status.value, note, reverts),
    )
    row = conn.execute("SELECT * FROM decisions WHERE id = ?", (cursor.lastrowid,)).fetchone()
    return _entry(row)


def decide(
    conn: sqlite3.Connection,
    claim_id: str,
    status: Status | None,
    analyst: str,
    *,
    note: str | None = None,
    clear_note: bool = False,
) -> HistoryEntry:
    """Record a decision: a new status and/or note (None keeps the current one), as one event."""
    with write_transaction(conn):
        full = resolve_claim_id(conn, claim_id)
        current_status, current_note = current_state(conn, full)
        new_note = None if clear_note else (note if note is not None else current_note)
        if new_note is not None and not new_note.strip():
            new_note = None
        return _append(conn, full, analyst, status or current_status, new_note)


def undo(conn: sqlite3.Connection, claim_id: str, analyst: str) -> HistoryEntry:
    """Revert the claim's latest decision with an appended event restoring the state before it."""
    with write_transaction(conn):
        full = resolve_claim_id(conn, claim_id)
        events = conn.execute(
            "SELECT * FROM decisions WHERE claim_id = ? ORDER BY id DESC LIMIT 2", (full,)
        ).fetchall()
        if not events:
            raise ClaimcheckError(f"claim {full} has no decision to undo")
        last = events[0]
        previous_note = events[1]["note"] if len(events) > 1 else None
        return _append(
            conn, full, analyst, Status(last["from_status"]), previous_note, reverts=last["id"]
        )


def history(conn: sqlite3.Connection, claim_ids: Sequence[str]) -> dict[str, list[HistoryEntry]]:
    """Every decision on each claim, oldest first."""
    found: dict[str, list[HistoryEntry]] = {cid: [] for cid in claim_ids}
    if not claim_ids:
        return found
    rows = conn.execute(
        "SELECT * FROM decisions WHERE claim_id IN (SELECT value FROM json_each(?)) ORDER BY id",
        (json.dumps(list(claim_ids)),),
    )
    for row in rows:
        found[row["claim_id"]].append(_entry(row))
    return found
