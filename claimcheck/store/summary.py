"""A summary of what the database holds: the first thing an analyst looks at after ingest."""

from __future__ import annotations

import sqlite3

from pydantic import Field

from claimcheck.models import Record
from claimcheck.store.documents import counts
from claimcheck.store.evidence import conflicts, count_by_kind


class DocumentSummary(Record):
    """Claims found in one current document."""

    document_id: str
    title: str
    path: str
    version: int
    passages: int
    claims: int
    with_figures: int
    with_dates: int
    orphaned: int


class TopClaim(Record):
    """One of the most check-worthy claims."""

    id: str
    document_title: str
    checkworthiness: float
    status: str
    text: str


class Summary(Record):
    """Counts by status and document, and the claims most worth checking."""

    documents: int
    passages: int
    claims: int
    orphaned: int
    by_status: dict[str, int]
    by_document: list[DocumentSummary]
    top_claims: list[TopClaim]
    checked: int = Field(default=0, description="Claims whose evidence `check` has found.")
    by_stance: dict[str, int] = Field(
        default_factory=dict, description="Evidence rows by suggested stance."
    )
    conflicts_by_kind: dict[str, int] = Field(
        default_factory=dict, description="Contradicting or updating evidence rows by kind."
    )
    claims_with_conflicts: int = 0


def summarize(conn: sqlite3.Connection, *, top: int = 8) -> Summary:
    """Aggregate the database with a handful of SQL queries."""
    totals = counts(conn)
    found = conflicts(conn)
    return Summary(
        checked=conn.execute("SELECT count(DISTINCT claim_id) FROM evidence").fetchone()[0],
        by_stance=dict(conn.execute("SELECT stance, count(*) FROM evidence GROUP BY stance")),
        conflicts_by_kind=count_by_kind(found),
        claims_with_conflicts=len({c.claim_id for c in found}),
        documents=totals["documents"],
        passages=totals["passages"],
        claims=totals["claims"],
        orphaned=totals["orphaned"],
        by_status=_by_status(conn),
        by_document=_by_document(conn),
        top_claims=_top_claims(conn, top),
    )


def _by_status(conn: sqlite3.Connection) -> dict[str, int]:
    by_status = {"unverified": 0, "confirmed": 0, "disputed": 0}
    for row in conn.execute("SELECT status, count(*) AS n FROM claim_state GROUP BY status"):
        by_status[row["status"]] = row["n"]
    return by_status


def _by_document(conn: sqlite3.Connection) -> list[DocumentSummary]:
    rows = conn.execute(
        "SELECT d.id, d.title, d.path, d.version, "
        "(SELECT count(*) FROM passages p WHERE p.document_id = d.id) AS passages, "
        "count(c.id) AS claims, "
        "coalesce(sum(c.quantities != '[]'), 0) AS with_figures, "
        "coalesce(sum(c.dates != '[]'), 0) AS with_dates, "
        "(SELECT count(*) FROM claims o JOIN documents od ON od.id = o.document_id "
        " WHERE od.path = d.path AND o.orphaned = 1) AS orphaned "
        "FROM documents d LEFT JOIN claims c ON c.document_id = d.id "
        "WHERE d.superseded_by IS NULL GROUP BY d.id ORDER BY d.path"
    ).fetchall()
    return [
        DocumentSummary(
            document_id=r["id"],
            title=r["title"],
            path=r["path"],
            version=r["version"],
            passages=r["passages"],
            claims=r["claims"],
            with_figures=r["with_figures"],
            with_dates=r["with_dates"],
            orphaned=r["orphaned"],
        )
        for r in rows
    ]


def _top_claims(conn: sqlite3.Connection, top: int) -> list[TopClaim]:
    rows = conn.execute(
        "SELECT c.id, d.title, c.checkworthiness, s.status, c.text FROM claims c "
        "JOIN documents d ON d.id = c.document_id JOIN claim_state s ON s.claim_id = c.id "
        "WHERE c.orphaned = 0 ORDER BY c.checkworthiness DESC, c.id LIMIT ?",
        (top,),
    ).fetchall()
    return [
        TopClaim(
            id=r["id"],
            document_title=r["title"],
            checkworthiness=r["checkworthiness"],
            status=r["status"],
            text=r["text"],
        )
        for r in rows
    ]
