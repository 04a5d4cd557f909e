"""The analysts' Admiralty grades: append-only events, source reliability per outlet (publisher,
else document path) and information credibility per claim; the latest event in effect wins."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from claimcheck.errors import NotFoundError
from claimcheck.grading import (
    CREDIBILITY,
    RELIABILITY,
    Axis,
    Credibility,
    Grade,
    GradeEvent,
    Reliability,
    SubjectKind,
    outlet_key,
    outlet_name,
    parse_credibility,
    parse_reliability,
    suggest_credibility,
)
from claimcheck.models import EvidenceView
from claimcheck.store.claims import resolve_claim_id
from claimcheck.store.connection import write_transaction
from claimcheck.store.decisions import now

OutletKey = tuple[SubjectKind, str]


@dataclass(frozen=True)
class GradeOutcome:
    """What one grading did: the event recorded (None when it changed nothing) and a message."""

    subject_kind: SubjectKind
    subject: str
    event: GradeEvent | None
    message: str


def _key(kind: str, subject: str) -> OutletKey:
    """The key an event's subject is matched by: a publisher's name case-insensitively."""
    if kind == "publisher":
        return "publisher", subject.casefold()
    return ("document" if kind == "document" else "claim"), subject


def _events(rows: Iterable[sqlite3.Row]) -> list[GradeEvent]:
    return [GradeEvent.model_validate(dict(row)) for row in rows]


def reliability_events(conn: sqlite3.Connection) -> dict[OutletKey, list[GradeEvent]]:
    """Every outlet's reliability gradings, oldest first (a short table: one row per grading)."""
    rows = conn.execute("SELECT * FROM grades WHERE axis = 'reliability' ORDER BY id")
    found: dict[OutletKey, list[GradeEvent]] = {}
    for event in _events(rows):
        found.setdefault(_key(event.subject_kind, event.subject), []).append(event)
    return found


def credibility_events(
    conn: sqlite3.Connection, claim_ids: Sequence[str]
) -> dict[str, list[GradeEvent]]:
    """Each claim's credibility gradings, oldest first."""
    rows = conn.execute(
        "SELECT * FROM grades WHERE axis = 'credibility' AND subject_kind = 'claim' "
        "AND subject IN (SELECT value FROM json_each(?)) ORDER BY id",
        (json.dumps(list(claim_ids)),),
    )
    found: dict[str, list[GradeEvent]] = {}
    for event in _events(rows):
        found.setdefault(event.subject, []).append(event)
    return found


def checked_claims(conn: sqlite3.Connection, claim_ids: Sequence[str]) -> set[str]:
    """The claims `check` has searched evidence for."""
    rows = conn.execute(
        "SELECT claim_id FROM claim_checks WHERE claim_id IN (SELECT value FROM json_each(?))",
        (json.dumps(list(claim_ids)),),
    )
    return {row[0] for row in rows}


def _record(
    conn: sqlite3.Connection,
    axis: Axis,
    key: OutletKey,
    subject: str,
    grade: str | None,
    analyst: str,
) -> GradeEvent | None:
    """Append a grading unless the grade in effect is already `grade` (inside a transaction)."""
    kind, _ = key
    if axis == "reliability":
        earlier = reliability_events(conn).get(key, [])
    else:
        earlier = credibility_events(conn, [subject]).get(subject, [])
    before = earlier[-1].to_grade if earlier else None
    if before == grade:
        return None
    cursor = conn.execute(
        "INSERT INTO grades (axis, subject_kind, subject, from_grade, to_grade, analyst, at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (axis, kind, subject, before, grade, analyst, now()),
    )
    row = conn.execute("SELECT * FROM grades WHERE id = ?", (cursor.lastrowid,)).fetchone()
    return _events([row])[0]


def _said(grade: str | None, scale: dict[str, str]) -> str:
    return "not graded" if grade is None else f"{grade} ({scale[grade]})"


def _message(event: GradeEvent | None, what: str, grade: str | None, scale: dict[str, str]) -> str:
    """One line saying what a grading did."""
    if event is None:
        return f"no change: {what} is already {_said(grade, scale)}; nothing recorded"
    before, after = _said(event.from_grade, scale), _said(event.to_grade, scale)
    return f"#{event.id} {what}: {before} → {after} by {event.analyst}"


CREDIBILITY_WORDS = {str(digit): words for digit, words in CREDIBILITY.items()}


def grade_source(
    conn: sqlite3.Connection,
    kind: SubjectKind,
    subject: str,
    grade: Reliability | None,
    analyst: str,
) -> GradeOutcome:
    """Set (None: clear) the reliability of an outlet: a publisher, or a document by path."""
    with write_transaction(conn):
        event = _record(conn, "reliability", _key(kind, subject), subject, grade, analyst)
    what = f"reliability of {kind} {subject!r}"
    return GradeOutcome(kind, subject, event, _message(event, what, grade, RELIABILITY))


def grade_claim(
    conn: sqlite3.Connection, claim_id: str, grade: Credibility | None, analyst: str
) -> GradeOutcome:
    """Set (None: clear) the credibility of a claim (by id or unique prefix)."""
    value = None if grade is None else str(grade)
    with write_transaction(conn):
        full = resolve_claim_id(conn, claim_id)
        event = _record(conn, "credibility", ("claim", full), full, value, analyst)
    what = f"credibility of claim {full}"
    return GradeOutcome("claim", full, event, _message(event, what, value, CREDIBILITY_WORDS))


def find_publisher(conn: sqlite3.Connection, given: str) -> str:
    """The publisher of current documents that `given` names (case-insensitive), or
    NotFoundError."""
    wanted = outlet_name(given)
    rows = conn.execute(
        "SELECT DISTINCT publisher FROM documents WHERE superseded_by IS NULL "
        "AND publisher IS NOT NULL"
    )
    for (publisher,) in rows:
        name = outlet_name(publisher)
        if name and wanted and name.casefold() == wanted.casefold():
            return name
    raise NotFoundError(f"no document or publisher named {given!r}")


def claim_grade(
    publisher: str | None,
    path: str,
    evidence: Sequence[EvidenceView],
    checked: bool,
    outlets: dict[OutletKey, list[GradeEvent]],
    claim_events: list[GradeEvent],
) -> Grade:
    """A claim's grade from its outlet's and its own gradings and its evidence: independent
    outlets (not the claim's own) whose passages support or contradict it, rejected links aside."""
    own = outlet_key(publisher, path)
    corroborating: dict[OutletKey, str] = {}
    contradicting: dict[OutletKey, str] = {}
    for e in evidence:
        key = outlet_key(e.document_publisher, e.document_path)
        if key == own or e.link == "rejected" or e.label not in ("supports", "contradicts"):
            continue
        side = corroborating if e.label == "supports" else contradicting
        side.setdefault(key, outlet_name(e.document_publisher) or e.document_title)
    source_events = outlets.get(own, [])
    reliability = source_events[-1] if source_events and source_events[-1].to_grade else None
    credibility = claim_events[-1] if claim_events and claim_events[-1].to_grade else None
    return Grade.model_validate(
        {
            "source": outlet_name(publisher) or path,
            "source_kind": own[0],
            "reliability": reliability.to_grade if reliability else None,
            "reliability_by": reliability.analyst if reliability else None,
            "reliability_at": reliability.at if reliability else None,
            "credibility": int(credibility.to_grade or 0) if credibility else None,
            "credibility_by": credibility.analyst if credibility else None,
            "credibility_at": credibility.at if credibility else None,
            "suggested_credibility": suggest_credibility(
                checked, len(corroborating), len(contradicting)
            ),
            "corroborating_sources": sorted(corroborating.values()),
            "contradicting_sources": sorted(contradicting.values()),
            "history": sorted([*source_events, *claim_events], key=lambda e: e.id),
        }
    )


def claim_outlet(conn: sqlite3.Connection, claim_id: str) -> tuple[SubjectKind, str]:
    """The outlet a claim's source belongs to: its document's publisher, else its path."""
    row = conn.execute(
        "SELECT d.publisher, d.path FROM claims c JOIN documents d ON d.id = c.document_id "
        "WHERE c.id = ?",
        (resolve_claim_id(conn, claim_id),),
    ).fetchone()
    kind, _ = outlet_key(row["publisher"], row["path"])
    return kind, outlet_name(row["publisher"]) or row["path"]


def grade_from_claim(
    conn: sqlite3.Connection,
    claim_id: str,
    changes: Mapping[Axis, str | None],
    analyst: str,
) -> list[GradeOutcome]:
    """Set the reliability of a claim's outlet and/or the claim's credibility (as the TUI's
    grade dialog does), in one transaction; None clears an axis."""
    outcomes = []
    with write_transaction(conn):
        if "reliability" in changes:
            kind, subject = claim_outlet(conn, claim_id)
            letter = changes["reliability"]
            outcomes.append(
                grade_source(
                    conn, kind, subject, parse_reliability(letter) if letter else None, analyst
                )
            )
        if "credibility" in changes:
            digit = changes["credibility"]
            outcomes.append(
                grade_claim(conn, claim_id, parse_credibility(digit) if digit else None, analyst)
            )
    return outcomes
