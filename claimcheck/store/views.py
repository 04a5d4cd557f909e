"""Read models: claims joined with their document, derived status and history, as ClaimView."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator

from claimcheck.models import ClaimView, Status
from claimcheck.store.claims import (
    CHANGED_SINCE_DECIDED,
    anchor_history,
    claim_from_row,
    resolve_claim_id,
)
from claimcheck.store.decisions import history
from claimcheck.store.evidence import evidence_for

_SELECT = (
    "SELECT c.id, c.document_id, c.span_start, c.span_end, c.exact, c.prefix, c.suffix, "
    "c.sha256, c.text, c.quantities, c.dates, c.attribution, c.checkworthiness, c.orphaned, "
    "c.frames, "
    "d.path AS document_path, d.title AS document_title, d.version AS document_version, "
    "d.published AS document_published, "
    f"s.status, s.note, {CHANGED_SINCE_DECIDED} AS changed_since_decided "
    "FROM claims c JOIN documents d ON d.id = c.document_id "
    "JOIN claim_state s ON s.claim_id = c.id"
)


def claim_views(
    conn: sqlite3.Connection,
    *,
    status: Status | None = None,
    document_id: str | None = None,
    claim_ids: list[str] | None = None,
) -> list[ClaimView]:
    """Claims with document, status, note and history, filtered, in document then reading order."""
    return list(iter_claim_views(conn, status=status, document_id=document_id, claim_ids=claim_ids))


def iter_claim_views(
    conn: sqlite3.Connection,
    *,
    status: Status | None = None,
    document_id: str | None = None,
    claim_ids: list[str] | None = None,
    batch: int = 500,
) -> Iterator[ClaimView]:
    """`claim_views` a batch at a time: memory stays that of one batch however many claims."""
    where: list[str] = []
    params: list[object] = []
    if status is not None:
        where.append("s.status = ?")
        params.append(status.value)
    if document_id is not None:
        where.append("(c.document_id = ? OR d.path = ?)")
        params.extend([document_id, document_id])
    if claim_ids is not None:
        where.append("c.id IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(claim_ids))
    sql = _SELECT + (" WHERE " + " AND ".join(where) if where else "")
    cursor = conn.execute(sql + " ORDER BY d.path, c.span_start", params)
    while rows := cursor.fetchmany(batch):
        yield from _views(conn, rows)


def _views(conn: sqlite3.Connection, rows: list[sqlite3.Row]) -> list[ClaimView]:
    """Claim views for rows of `_SELECT`, with their histories, anchors and evidence."""
    ids = [row["id"] for row in rows]
    histories = history(conn, ids)
    anchors = anchor_history(conn, ids)
    evidence = evidence_for(conn, ids)
    views = []
    for row in rows:
        claim = claim_from_row(row)
        views.append(
            ClaimView(
                id=claim.id,
                document_id=claim.document_id,
                document_path=row["document_path"],
                document_title=row["document_title"],
                document_version=row["document_version"],
                document_published=row["document_published"],
                sha256=claim.sha256,
                text=claim.text,
                span=claim.span,
                quantities=claim.quantities,
                dates=claim.dates,
                attribution=claim.attribution,
                checkworthiness=claim.checkworthiness,
                status=Status(row["status"]),
                note=row["note"],
                orphaned=claim.orphaned,
                frames=claim.frames,
                changed_since_decided=bool(row["changed_since_decided"]),
                history=histories[claim.id],
                anchors=anchors[claim.id],
                evidence=evidence[claim.id],
            )
        )
    return views


def claim_view(conn: sqlite3.Connection, claim_id: str) -> ClaimView:
    """One claim (by id or unique prefix) as a ClaimView."""
    return claim_views(conn, claim_ids=[resolve_claim_id(conn, claim_id)])[0]
