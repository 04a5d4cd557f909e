"""Archived web responses: one snapshot per document version read from a fetched page or a WARC."""

from __future__ import annotations

import sqlite3

from claimcheck.models import Snapshot

_COLUMNS = "url, final_url, status, content_type, retrieved_at, sha256, via, body"


def insert_snapshot(
    conn: sqlite3.Connection, document_id: str, snapshot: Snapshot, sha256: str
) -> None:
    """Keep the response a document version was read from."""
    conn.execute(
        f"INSERT INTO snapshots (document_id, {_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            document_id,
            snapshot.url,
            snapshot.final_url,
            snapshot.status,
            snapshot.content_type,
            snapshot.retrieved_at,
            sha256,
            snapshot.via,
            snapshot.body,
        ),
    )


def snapshot_for(conn: sqlite3.Connection, document_id: str) -> Snapshot | None:
    """The response a document version was read from, if it was a web page."""
    row = conn.execute(
        f"SELECT {_COLUMNS} FROM snapshots WHERE document_id = ?", (document_id,)
    ).fetchone()
    if row is None:
        return None
    return Snapshot(
        url=row["url"],
        final_url=row["final_url"],
        status=row["status"],
        content_type=row["content_type"] or "",
        retrieved_at=row["retrieved_at"],
        body=bytes(row["body"]),
        via=row["via"],
    )
