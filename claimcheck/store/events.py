"""Reading the review log: stored rows as replayable events and as history entries.

Rows written before `m007_review` have no `kind`; they are read by what they did: an event
naming one it reverts is an undo, one that changed the status a status decision, one that kept
the status but changed the note a note, and every such row set the note it carries.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import cast

from claimcheck.models import EventKind, HistoryEntry, LinkAction, Status
from claimcheck.store.replay import Event, ReviewState, states


def _legacy_kind(row: sqlite3.Row, previous_note: str | None) -> EventKind:
    if row["reverts"] is not None:
        return "undo"
    if row["from_status"] == row["to_status"] and row["note"] != previous_note:
        return "note"
    return "status"


def event_from_row(row: sqlite3.Row, previous_note: str | None = None) -> Event:
    """One stored row as an event; `previous_note` is the note of the row before it (old rows)."""
    kind = cast(EventKind, row["kind"]) if row["kind"] else _legacy_kind(row, previous_note)
    legacy = row["kind"] is None
    return Event(
        id=row["id"],
        analyst=row["analyst"],
        kind=kind,
        status=Status(row["to_status"]) if kind == "status" else None,
        note=row["note"],
        sets_note=legacy or bool(row["sets_note"]),
        reverts=row["reverts"],
        passage_id=row["passage_id"],
        link=cast(LinkAction | None, row["link"]),
        link_note=row["link_note"],
        basis=tuple(json.loads(row["basis"] or "[]")),
    )


def events_from_rows(rows: Sequence[sqlite3.Row]) -> list[Event]:
    """A claim's rows, oldest first, as events."""
    found = []
    previous_note = None
    for row in rows:
        found.append(event_from_row(row, previous_note))
        previous_note = row["note"]
    return found


def load_events(conn: sqlite3.Connection, claim_id: str) -> list[Event]:
    """Every event on one claim, oldest first."""
    rows = conn.execute(
        "SELECT * FROM decisions WHERE claim_id = ? ORDER BY id", (claim_id,)
    ).fetchall()
    return events_from_rows(rows)


def history_entry(row: sqlite3.Row, previous_note: str | None = None) -> HistoryEntry:
    """A stored row as the history entry of `claims --json`."""
    event = event_from_row(row, previous_note)
    return HistoryEntry.model_validate(
        {
            "id": row["id"],
            "at": row["at"],
            "analyst": row["analyst"],
            "from": row["from_status"],
            "to": row["to_status"],
            "note": row["note"],
            "reverts": row["reverts"],
            "kind": event.kind,
            "passage_id": row["passage_id"],
            "link": row["link"],
            "link_note": row["link_note"],
            "basis": list(event.basis),
            "dismissed": bool(row["dismissed"]),
        }
    )


def history_entries(log: Sequence[sqlite3.Row]) -> list[HistoryEntry]:
    """One claim's stored rows, oldest first, as history entries."""
    return [history_entry(row, log[i - 1]["note"] if i else None) for i, row in enumerate(log)]


def logs(conn: sqlite3.Connection, claim_ids: Sequence[str]) -> dict[str, list[sqlite3.Row]]:
    """Each claim's stored events, oldest first."""
    found: dict[str, list[sqlite3.Row]] = {cid: [] for cid in claim_ids}
    if not claim_ids:
        return found
    rows = conn.execute(
        "SELECT * FROM decisions WHERE claim_id IN (SELECT value FROM json_each(?)) "
        "ORDER BY claim_id, id",
        (json.dumps(list(claim_ids)),),
    )
    for row in rows:
        found[row["claim_id"]].append(row)
    return found


def snapshot_columns(state: ReviewState) -> tuple[int, str | None, str]:
    """The state after an event as stored on its row: dismissed, note author, verdicts."""
    verdicts = json.dumps({analyst: status.value for analyst, status in state.verdicts})
    return int(state.dismissed), state.note_by, verdicts


def backfill_decisions(conn: sqlite3.Connection) -> None:
    """Give rows written before m007 their kind and the state after them (migration only).

    The append-only triggers are lifted for this one statement per row and restored at once;
    only the new columns are written, never a value an analyst recorded.
    """
    rows = conn.execute("SELECT * FROM decisions ORDER BY claim_id, id").fetchall()
    by_claim: dict[str, list[sqlite3.Row]] = {}
    for row in rows:
        by_claim.setdefault(row["claim_id"], []).append(row)
    conn.execute("DROP TRIGGER decisions_no_update")
    for claim_rows in by_claim.values():
        events = events_from_rows(claim_rows)
        for event, state in zip(events, states(events), strict=True):
            conn.execute(
                "UPDATE decisions SET kind = ?, sets_note = 1, dismissed = ?, note_by = ?, "
                "verdicts = ? WHERE id = ?",
                (event.kind, *snapshot_columns(state), event.id),
            )
    conn.execute(
        "CREATE TRIGGER decisions_no_update BEFORE UPDATE ON decisions "
        "BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END"
    )
