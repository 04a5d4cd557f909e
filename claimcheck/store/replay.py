"""The review log's meaning: which events are in effect, and the claim state they add up to.

Pure functions over a claim's events (no SQL): the store records each event with the state this
replay gives after it, and tests replay the stored events to check that state. An undo or redo
reverts one event; an event is in effect unless an event in effect reverts it, so undoing an
undo (a redo) puts the first event back in effect.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from claimcheck.models import EventKind, LinkAction, Status

DECISIONS: frozenset[EventKind] = frozenset({"status", "note", "dismiss", "restore", "link"})
"""Kinds an analyst decides; `undo` and `redo` only revert one of these (or each other)."""
REVERSALS: frozenset[EventKind] = frozenset({"undo", "redo"})
VERDICTS = (Status.confirmed, Status.disputed)
"""Statuses that count as an analyst's verdict; `unverified` withdraws one."""


@dataclass(frozen=True)
class Event:
    """One event of a claim's log, with what it sets (a status event's `status`, a note...)."""

    id: int
    analyst: str
    kind: EventKind
    status: Status | None = None
    note: str | None = None
    sets_note: bool = False
    reverts: int | None = None
    passage_id: int | None = None
    link: LinkAction | None = None
    link_note: str | None = None
    basis: tuple[int, ...] = ()


@dataclass(frozen=True)
class LinkState:
    """An analyst's review of one (claim, passage) link."""

    verdict: str | None = None
    stance: str | None = None
    note: str | None = None
    note_by: str | None = None
    decided_by: str | None = None


@dataclass(frozen=True)
class ReviewState:
    """Everything the analysts' events decide about one claim."""

    status: Status = Status.unverified
    note: str | None = None
    note_by: str | None = None
    dismissed: bool = False
    verdicts: tuple[tuple[str, Status], ...] = ()
    basis: tuple[int, ...] = ()
    links: tuple[tuple[int, LinkState], ...] = field(default=())

    @property
    def verdict_map(self) -> dict[str, Status]:
        """Analyst → latest verdict in effect."""
        return dict(self.verdicts)

    @property
    def link_map(self) -> dict[int, LinkState]:
        """Passage id → the link's review."""
        return dict(self.links)

    @property
    def disagreement(self) -> bool:
        """Whether one analyst's verdict is confirmed and another's disputed."""
        return {Status.confirmed, Status.disputed} <= {s for _, s in self.verdicts}


def in_effect(events: Sequence[Event]) -> set[int]:
    """Ids of the events in effect: those no event in effect reverts."""
    reverted: set[int] = set()
    effective: set[int] = set()
    for event in sorted(events, key=lambda e: e.id, reverse=True):
        if event.id in reverted:
            continue
        effective.add(event.id)
        if event.reverts is not None:
            reverted.add(event.reverts)
    return effective


def replay(events: Sequence[Event]) -> ReviewState:
    """The claim's state: the decisions in effect applied in the order they were made."""
    effective = in_effect(events)
    state = ReviewState()
    for event in sorted(events, key=lambda e: e.id):
        if event.id in effective and event.kind in DECISIONS:
            state = apply(state, event)
    return state


def apply(state: ReviewState, event: Event) -> ReviewState:
    """One decision's effect on the claim's state."""
    if event.kind == "link":
        return _apply_link(state, event)
    if event.kind == "status" and event.status is not None:
        verdicts = dict(state.verdicts)
        verdicts.pop(event.analyst, None)
        if event.status in VERDICTS:
            verdicts[event.analyst] = event.status
        state = replace(
            state, status=event.status, verdicts=tuple(sorted(verdicts.items())), basis=event.basis
        )
    elif event.kind in ("dismiss", "restore"):
        state = replace(state, dismissed=event.kind == "dismiss")
    if event.sets_note or event.kind == "note":
        state = replace(state, note=event.note, note_by=event.analyst if event.note else None)
    return state


def _apply_link(state: ReviewState, event: Event) -> ReviewState:
    assert event.passage_id is not None
    links = dict(state.links)
    link = links.get(event.passage_id, LinkState())
    if event.link == "accept":
        link = replace(link, verdict="accepted", decided_by=event.analyst)
    elif event.link == "reject":
        link = replace(link, verdict="rejected", decided_by=event.analyst)
    elif event.link in ("supports", "contradicts", "related"):
        link = replace(link, verdict="accepted", stance=event.link, decided_by=event.analyst)
    if event.sets_note or event.link == "note":
        note = event.link_note
        link = replace(link, note=note, note_by=event.analyst if note else None)
    if link == LinkState():
        links.pop(event.passage_id, None)
    else:
        links[event.passage_id] = link
    return replace(state, links=tuple(sorted(links.items())))


def carried_note(note: str | None, note_by: str | None, analyst: str) -> bool:
    """Whether a decision made without a note keeps the current one: only the analyst's own."""
    return note is None or note_by == analyst


def undo_target(events: Sequence[Event], analyst: str) -> Event | None:
    """The analyst's most recent decision in effect: what an undo reverts."""
    effective = in_effect(events)
    own = [e for e in events if e.analyst == analyst and e.id in effective and e.kind in DECISIONS]
    return max(own, key=lambda e: e.id, default=None)


def redo_target(events: Sequence[Event], analyst: str) -> Event | None:
    """The analyst's most recent undo in effect with no newer decision of theirs: what a redo
    reverts (a new decision ends what can be redone, as in an editor)."""
    effective = in_effect(events)
    own = [e for e in events if e.analyst == analyst and e.id in effective]
    undos = [e for e in own if e.kind == "undo"]
    latest_undo = max(undos, key=lambda e: e.id, default=None)
    if latest_undo is None:
        return None
    newer = [e for e in own if e.kind in DECISIONS and e.id > latest_undo.id]
    return None if newer else latest_undo


def describe_event(event: Event) -> str:
    """A short label for an event: 'disputed', 'note “…”', 'link 212: reject'."""
    if event.kind == "status":
        return f"mark {event.status.value if event.status else '?'}"
    if event.kind == "note":
        return f"note {_quoted(event.note)}" if event.note else "note cleared"
    if event.kind == "link":
        return f"passage {event.passage_id}: {event.link}"
    if event.kind in REVERSALS:
        return f"{event.kind} of #{event.reverts}"
    return event.kind


def describe_change(before: ReviewState, after: ReviewState) -> str:
    """What changed between two states, in words; 'nothing visible' when only history did."""
    parts: list[str] = []
    if before.status != after.status:
        parts.append(f"status {before.status.value} → {after.status.value}")
    if before.note != after.note:
        parts.append(_note_change(before.note, after.note))
    if before.dismissed != after.dismissed:
        parts.append("dismissed" if after.dismissed else "restored (no longer dismissed)")
    parts += _verdict_changes(before.verdict_map, after.verdict_map)
    parts += _link_changes(before.link_map, after.link_map)
    return "; ".join(parts) if parts else "nothing visible changed"


def _quoted(text: str | None, width: int = 40) -> str:
    flat = " ".join((text or "").split())
    return f"“{flat if len(flat) <= width else flat[: width - 1] + '…'}”"


def _note_change(before: str | None, after: str | None) -> str:
    if after is None:
        return f"note {_quoted(before)} removed"
    if before is None:
        return f"note {_quoted(after)} added"
    return f"note {_quoted(before)} → {_quoted(after)}"


def _verdict_changes(before: dict[str, Status], after: dict[str, Status]) -> list[str]:
    changes = []
    for analyst in sorted(set(before) | set(after)):
        old, new = before.get(analyst), after.get(analyst)
        if old != new:
            was, now = (old.value if old else "none"), (new.value if new else "none")
            changes.append(f"{analyst}'s verdict {was} → {now}")
    return changes


def _link_changes(before: dict[int, LinkState], after: dict[int, LinkState]) -> list[str]:
    changes = []
    for passage in sorted(set(before) | set(after)):
        old, new = before.get(passage, LinkState()), after.get(passage, LinkState())
        if old.verdict != new.verdict:
            changes.append(f"passage {passage}: {old.verdict or 'none'} → {new.verdict or 'none'}")
        if old.stance != new.stance:
            changes.append(
                f"passage {passage}: stance {old.stance or 'none'} → {new.stance or 'none'}"
            )
        if old.note != new.note:
            changes.append(f"passage {passage}: {_note_change(old.note, new.note)}")
    return changes


def states(events: Iterable[Event]) -> list[ReviewState]:
    """The state after each event, in order (used to fill in the snapshots of older logs)."""
    seen: list[Event] = []
    found = []
    for event in sorted(events, key=lambda e: e.id):
        seen.append(event)
        found.append(replay(seen))
    return found
