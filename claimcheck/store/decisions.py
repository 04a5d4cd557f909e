"""The append-only review log: every analyst event on a claim, each one transaction.

A claim's status, note, dismissal, verdicts and link reviews are the replay of its events in
effect (`store.replay`); each row also stores the state after it, so reads need no replay. An
event that would change nothing is not recorded. Undo reverts the analyst's own most recent
decision in effect; redo reverts their most recent undo; both are new events naming what they
revert, so no event is ever removed or rewritten.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from claimcheck.errors import ClaimcheckError, NotFoundError
from claimcheck.models import EventKind, HistoryEntry, LinkAction, Status
from claimcheck.store.claims import resolve_claim_id
from claimcheck.store.connection import write_transaction
from claimcheck.store.events import (
    history_entries,
    history_entry,
    load_events,
    logs,
    snapshot_columns,
)
from claimcheck.store.replay import (
    VERDICTS,
    Event,
    LinkState,
    ReviewState,
    carried_note,
    describe_change,
    describe_event,
    redo_target,
    replay,
    undo_target,
)

Maker = Callable[[Sequence[Event], ReviewState], tuple[Event, Event | None]]
"""Builds the event to record (and the event it reverts) from a claim's events and state."""


def now() -> str:
    """The current time as an ISO 8601 UTC timestamp with microseconds, for ordering events."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


@dataclass(frozen=True)
class Outcome:
    """What one request did: the event recorded (None when it would change nothing), the
    claim's state before and after, and for an undo or redo the event it reverted."""

    claim_id: str
    entry: HistoryEntry | None
    before: ReviewState
    after: ReviewState
    reverted: Event | None = None

    @property
    def change(self) -> str:
        """What changed, in words."""
        return describe_change(self.before, self.after)

    @property
    def message(self) -> str:
        """One line for a toast or the terminal, saying exactly what happened."""
        if self.entry is None:
            return f"no change on {self.claim_id}: nothing recorded"
        head = f"#{self.entry.id}"
        if self.reverted is not None and self.entry.kind == "undo":
            head += (
                f" undoes #{self.reverted.id} ({describe_event(self.reverted)} by "
                f"{self.reverted.analyst})"
            )
        elif self.reverted is not None:
            head += f" redoes #{self.reverted.reverts} (reverting undo #{self.reverted.id})"
        return f"{head} on {self.claim_id}: {self.change}"


def current_state(conn: sqlite3.Connection, claim_id: str) -> tuple[Status, str | None]:
    """A claim's status and note, as stored with its latest event."""
    row = conn.execute(
        "SELECT to_status, note FROM decisions WHERE claim_id = ? ORDER BY id DESC LIMIT 1",
        (claim_id,),
    ).fetchone()
    if row is None:
        return Status.unverified, None
    return Status(row["to_status"]), row["note"]


def _insert(
    conn: sqlite3.Connection, claim_id: str, event: Event, before: ReviewState, after: ReviewState
) -> HistoryEntry:
    at = now()
    cursor = conn.execute(
        "INSERT INTO decisions (claim_id, at, analyst, from_status, to_status, note, reverts, "
        "kind, sets_note, passage_id, link, link_note, basis, dismissed, note_by, verdicts) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            claim_id, at, event.analyst, before.status.value, after.status.value, after.note,
            event.reverts, event.kind, int(event.sets_note), event.passage_id, event.link,
            event.link_note, json.dumps(list(event.basis)), *snapshot_columns(after),
        ),
    )  # fmt: skip
    decision_id = cursor.lastrowid
    old_links, new_links = before.link_map, after.link_map
    for passage_id in sorted(set(old_links) | set(new_links)):
        state = new_links.get(passage_id, LinkState())
        if old_links.get(passage_id, LinkState()) != state:
            conn.execute(
                "INSERT INTO link_decisions (claim_id, passage_id, decision_id, at, analyst, "
                "verdict, stance, note, note_by, decided_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    claim_id, passage_id, decision_id, at, event.analyst, state.verdict,
                    state.stance, state.note, state.note_by, state.decided_by,
                ),
            )  # fmt: skip
    row = conn.execute("SELECT * FROM decisions WHERE id = ?", (decision_id,)).fetchone()
    return history_entry(row)


def _record(conn: sqlite3.Connection, claim_id: str, make: Maker) -> Outcome:
    """Append the event `make` builds from the claim's events, unless it changes nothing."""
    with write_transaction(conn):
        full = resolve_claim_id(conn, claim_id)
        events = load_events(conn, full)
        before = replay(events)
        event, reverted = make(events, before)
        event = replace(event, id=(events[-1].id if events else 0) + 1)
        after = replay([*events, event])
        if reverted is None and after == before:
            return Outcome(full, None, before, after)
        entry = _insert(conn, full, event, before, after)
        return Outcome(full, entry, before, after, reverted)


def _note_fields(
    state_note: str | None, note_by: str | None, analyst: str, note: str | None, clear: bool
) -> tuple[str | None, bool]:
    """The note an event sets and whether it sets one: a given note, a cleared one, or, with
    neither, another analyst's note removed rather than carried forward."""
    if clear:
        return None, True
    if note is not None:
        return note.strip() or None, True
    if carried_note(state_note, note_by, analyst):
        return None, False
    return None, True


def decide(
    conn: sqlite3.Connection,
    claim_id: str,
    status: Status | None,
    analyst: str,
    *,
    note: str | None = None,
    clear_note: bool = False,
) -> Outcome:
    """A status decision (resting on the passages accepted so far) and/or a note, as one event;
    without a status it is a note. Without a note, another analyst's note is not kept."""

    def make(events: Sequence[Event], state: ReviewState) -> tuple[Event, Event | None]:
        if status is None:
            text = None if clear_note else (note or "").strip() or None
            return Event(0, analyst, "note", note=text, sets_note=True), None
        text, sets = _note_fields(state.note, state.note_by, analyst, note, clear_note)
        accepted = tuple(p for p, s in state.links if s.verdict == "accepted")
        basis = accepted if status in VERDICTS else ()
        return Event(0, analyst, "status", status, text, sets, basis=basis), None

    return _record(conn, claim_id, make)


def dismiss(
    conn: sqlite3.Connection,
    claim_id: str,
    analyst: str,
    *,
    restore: bool = False,
    note: str | None = None,
) -> Outcome:
    """Mark a claim 'not a claim' (or restore it), optionally with a note saying why."""
    kind: EventKind = "restore" if restore else "dismiss"

    def make(events: Sequence[Event], state: ReviewState) -> tuple[Event, Event | None]:
        text, sets = (note.strip() or None, True) if note is not None else (None, False)
        return Event(0, analyst, kind, note=text, sets_note=sets), None

    return _record(conn, claim_id, make)


def link(
    conn: sqlite3.Connection,
    claim_id: str,
    passage_id: int,
    action: LinkAction,
    analyst: str,
    *,
    note: str | None = None,
) -> Outcome:
    """Accept or reject a (claim, passage) link, set its stance, or note it."""
    if conn.execute("SELECT 1 FROM passages WHERE id = ?", (passage_id,)).fetchone() is None:
        raise NotFoundError(f"no passage with id {passage_id}")
    if action == "note" and note is None:
        raise ClaimcheckError("a note on a link needs --note TEXT")

    def make(events: Sequence[Event], state: ReviewState) -> tuple[Event, Event | None]:
        current = state.link_map.get(passage_id)
        held = (current.note, current.note_by) if current else (None, None)
        text, sets = _note_fields(*held, analyst, note, clear=False)
        return (
            Event(
                0, analyst, "link", passage_id=passage_id, link=action, link_note=text,
                sets_note=sets,
            ),
            None,
        )  # fmt: skip

    return _record(conn, claim_id, make)


def undo(conn: sqlite3.Connection, claim_id: str, analyst: str) -> Outcome:
    """Revert the analyst's own most recent decision in effect on the claim."""
    return _reverse(conn, claim_id, analyst, "undo")


def redo(conn: sqlite3.Connection, claim_id: str, analyst: str) -> Outcome:
    """Revert the analyst's most recent undo in effect (an undo of an undo), if no decision of
    theirs came after it."""
    return _reverse(conn, claim_id, analyst, "redo")


def _reverse(conn: sqlite3.Connection, claim_id: str, analyst: str, kind: EventKind) -> Outcome:
    """Append an undo or redo naming the event it reverts."""
    find, nothing = (
        (undo_target, f"no decision of {analyst}'s to undo on this claim")
        if kind == "undo"
        else (redo_target, f"nothing of {analyst}'s to redo on this claim")
    )

    def make(events: Sequence[Event], state: ReviewState) -> tuple[Event, Event | None]:
        target = find(events, analyst)
        if target is None:
            raise ClaimcheckError(nothing)
        return Event(0, analyst, kind, reverts=target.id, passage_id=target.passage_id), target

    return _record(conn, claim_id, make)


def history(conn: sqlite3.Connection, claim_ids: Sequence[str]) -> dict[str, list[HistoryEntry]]:
    """Every event on each claim, oldest first."""
    return {cid: history_entries(log) for cid, log in logs(conn, claim_ids).items()}
