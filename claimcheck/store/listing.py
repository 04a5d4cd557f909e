"""A lean read model for long claim lists: one row per claim, no history or evidence bodies."""

from __future__ import annotations

import sqlite3

from claimcheck.models import Record, Status
from claimcheck.store.claims import CHANGED_SINCE_DECIDED

_LIST = f"""
SELECT c.id, c.document_id, d.title AS document_title, d.path AS document_path, c.text,
       c.span_start, c.checkworthiness, c.orphaned, s.status, s.note,
       COALESCE(e.supports, 0) AS supports, COALESCE(e.contradicts, 0) AS contradicts,
       COALESCE(e.updates, 0) AS updates, {CHANGED_SINCE_DECIDED} AS changed_since_decided
FROM claims c
JOIN documents d ON d.id = c.document_id
JOIN claim_state s ON s.claim_id = c.id
LEFT JOIN (
    SELECT claim_id,
           sum(stance = 'supports') AS supports,
           sum(stance = 'contradicts') AS contradicts,
           sum(kind = 'update') AS updates
    FROM evidence GROUP BY claim_id
) e ON e.claim_id = c.id
"""


class ClaimRow(Record):
    """What a claims list shows of one claim."""

    id: str
    document_id: str
    document_title: str
    document_path: str
    text: str
    span_start: int
    checkworthiness: float
    orphaned: bool
    status: Status
    note: str | None
    supports: int
    contradicts: int
    updates: int
    changed_since_decided: bool = False

    @property
    def has_conflict(self) -> bool:
        """Whether another source contradicts or updates this claim."""
        return self.contradicts > 0 or self.updates > 0


def _row(row: sqlite3.Row) -> ClaimRow:
    return ClaimRow(
        id=row["id"],
        document_id=row["document_id"],
        document_title=row["document_title"] or "",
        document_path=row["document_path"],
        text=row["text"],
        span_start=row["span_start"],
        checkworthiness=row["checkworthiness"],
        orphaned=bool(row["orphaned"]),
        status=Status(row["status"]),
        note=row["note"],
        supports=row["supports"],
        contradicts=row["contradicts"],
        updates=row["updates"],
        changed_since_decided=bool(row["changed_since_decided"]),
    )


def claim_rows(conn: sqlite3.Connection) -> list[ClaimRow]:
    """Every claim, in document then reading order, with its status and evidence counts."""
    rows = conn.execute(_LIST + " ORDER BY d.path, c.span_start, c.id").fetchall()
    return [_row(row) for row in rows]


def claim_row(conn: sqlite3.Connection, claim_id: str) -> ClaimRow | None:
    """One claim's list row, or None when it no longer exists."""
    row = conn.execute(_LIST + " WHERE c.id = ?", (claim_id,)).fetchone()
    return _row(row) if row else None
