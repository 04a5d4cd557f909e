"""Analysts' corrections to a source's metadata: append-only events per source (path or URL),
applied to its current version at once and to every later version when it is stored."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from claimcheck.errors import InputError
from claimcheck.models import DateFact, Document, Frames, Record
from claimcheck.store.connection import write_transaction
from claimcheck.store.decisions import now
from claimcheck.store.documents import get_document

SOURCE_FIELDS = ("title", "publisher", "url", "published", "authors")
"""Metadata an analyst can correct; `authors` is stored as a JSON list."""


class SourceEvent(Record):
    """One correction: which field of which source was set to what, by whom, when."""

    id: int
    path: str
    field: str
    value: str | None
    analyst: str
    at: str


def record_corrections(
    conn: sqlite3.Connection,
    document: Document,
    changes: Mapping[str, str | list[str] | None],
    analyst: str,
    at: str,
) -> None:
    """Append one event per changed field and set it on the source's current version (inside the
    caller's transaction); a publication date set by hand reads as from 'analyst'."""
    for name, value in changes.items():
        if name not in SOURCE_FIELDS:
            raise ValueError(f"{name} is not a source field")
        stored = json.dumps(value) if isinstance(value, list) else value
        conn.execute(
            "INSERT INTO source_events (path, field, value, analyst, at) VALUES (?, ?, ?, ?, ?)",
            (document.path, name, stored, analyst, at),
        )
    corrected = apply_corrections(conn, document)
    conn.execute(
        "UPDATE documents SET title = ?, publisher = ?, url = ?, published = ?, "
        "published_from = ?, authors = ? WHERE id = ?",
        (
            corrected.title,
            corrected.publisher,
            corrected.url,
            corrected.published,
            corrected.published_from,
            json.dumps(corrected.authors),
            document.id,
        ),
    )


def source_events(conn: sqlite3.Connection, path: str) -> list[SourceEvent]:
    """Every correction to the source at `path`, oldest first."""
    rows = conn.execute(
        "SELECT id, path, field, value, analyst, at FROM source_events WHERE path = ? ORDER BY id",
        (path,),
    )
    return [SourceEvent.model_validate(dict(row)) for row in rows]


def apply_corrections(conn: sqlite3.Connection, document: Document) -> Document:
    """The version with the latest correction of each field its source has had (none: as is)."""
    latest = {event.field: event.value for event in source_events(conn, document.path)}
    if not latest:
        return document
    update: dict[str, object] = {}
    for name, value in latest.items():
        if name == "authors":
            update[name] = json.loads(value) if value else []
        elif name != "title" or value:  # a title cannot be emptied: the document keeps its own
            update[name] = value
    if "published" in latest:
        update["published_from"] = "analyst" if latest["published"] else None
    return document.model_copy(update=update)


def correct_source(
    conn: sqlite3.Connection,
    document: Document,
    changes: Mapping[str, str | list[str] | None],
    analyst: str,
) -> Document:
    """Validate and record an analyst's corrections in one transaction; the corrected version.

    An empty value clears a field (a title cannot be cleared); `published` is an ISO day."""
    cleaned = {name: _checked(name, value) for name, value in changes.items()}
    with write_transaction(conn):
        record_corrections(conn, document, cleaned, analyst, now())
    return get_document(conn, document.id)


def _checked(name: str, value: str | list[str] | None) -> str | list[str] | None:
    """A field's new value, or InputError saying what is wrong with it."""
    if isinstance(value, list):
        return [v.strip() for v in value if v.strip()]
    value = (value or "").strip() or None
    if value is None and name == "title":
        raise InputError("--title cannot be empty")
    if value is not None and name == "published":
        try:
            value = date.fromisoformat(value).isoformat()
        except ValueError:
            raise InputError(f"--published {value!r} is not a date (YYYY-MM-DD)") from None
    if value is not None and name == "url" and not value.startswith(("http://", "https://")):
        raise InputError(f"--url {value!r} is not an http:// or https:// URL")
    return value


@dataclass(frozen=True)
class Redated:
    """A document version's dates and frames read again: passages by start offset, claims by
    id."""

    document_id: str
    passages: dict[int, tuple[list[DateFact], Frames | None]]
    claims: dict[str, tuple[list[DateFact], Frames | None]]


def store_redated(conn: sqlite3.Connection, redated: Redated) -> None:
    """Store a version's re-read dates and frames and forget what every claim was checked
    against (another source's time bears on it too), in one transaction: the next `check`
    judges every claim again."""

    def dumped(dates: list[DateFact], frames: Frames | None) -> tuple[str, str | None]:
        facts = json.dumps([d.model_dump(mode="json") for d in dates])
        return facts, frames.model_dump_json() if frames is not None else None

    with write_transaction(conn):
        conn.executemany(
            "UPDATE passages SET dates = ?, frames = ? WHERE document_id = ? AND span_start = ?",
            [(*dumped(*v), redated.document_id, s) for s, v in redated.passages.items()],
        )
        conn.executemany(
            "UPDATE claims SET dates = ?, frames = ? WHERE id = ?",
            [(*dumped(*v), claim_id) for claim_id, v in redated.claims.items()],
        )
        conn.execute("DELETE FROM claim_checks")
