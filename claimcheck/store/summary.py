"""A summary of what the database holds: the first thing an analyst looks at after ingest."""

from __future__ import annotations

import json
import sqlite3

from pydantic import Field

from claimcheck.models import Record, Scope, Status
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
    include_reference: bool = Field(
        default=False, description="Whether reference material's claims are counted."
    )
    reference_documents: int = Field(default=0, description="Current reference documents.")
    reference_claims: int = Field(default=0, description="Claims in reference documents.")
    dismissed: int = Field(default=0, description="Claims dismissed as 'not a claim'.")
    hand_made: int = Field(default=0, description="Claims added, split or edited by an analyst.")
    links: dict[str, int] = Field(
        default_factory=dict, description="Evidence links by the analysts' verdict."
    )
    disagreements: list[str] = Field(
        default_factory=list,
        description="Claims whose analysts' latest verdicts disagree (confirmed vs disputed).",
    )


def _scoped(scope: Scope) -> str:
    """A `WITH` clause: `scoped`, the claims of the documents in scope with their state."""
    role = "" if scope.include_reference else " AND d.role = 'source'"
    dismissed = "" if scope.include_dismissed else " AND s.dismissed = 0"
    return (
        "WITH scoped AS (SELECT c.*, s.status, s.dismissed, s.verdicts, d.title AS title, "
        "d.role FROM claims c JOIN documents d ON d.id = c.document_id "
        f"JOIN claim_state s ON s.claim_id = c.id WHERE 1{role}{dismissed}) "
    )


def summarize(conn: sqlite3.Connection, *, top: int = 8, scope: Scope | None = None) -> Summary:
    """Aggregate the claims in scope (sources under review by default) with a few queries."""
    scope = scope or Scope()
    within = _scoped(scope)
    found = conflicts(conn, scope)
    totals = _totals(conn, within, scope)
    return Summary(
        checked=_one(conn, within + "SELECT count(DISTINCT e.claim_id) FROM evidence e "
                     "JOIN scoped c ON c.id = e.claim_id"),
        by_stance=dict(conn.execute(
            within + "SELECT e.stance, count(*) FROM evidence e JOIN scoped c "
            "ON c.id = e.claim_id GROUP BY e.stance"
        ).fetchall()),
        conflicts_by_kind=count_by_kind(found),
        claims_with_conflicts=len({c.claim_id for c in found}),
        by_status=_by_status(conn, within),
        by_document=_by_document(conn, within, scope),
        top_claims=_top_claims(conn, within, top),
        links=dict(conn.execute(
            within + "SELECT l.verdict, count(*) FROM link_decisions l JOIN scoped c "
            "ON c.id = l.claim_id WHERE l.verdict IS NOT NULL AND l.id IN (SELECT max(id) "
            "FROM link_decisions GROUP BY claim_id, passage_id) GROUP BY l.verdict"
        ).fetchall()),
        disagreements=_disagreements(conn, within),
        include_reference=scope.include_reference,
        **totals,
    )  # fmt: skip


def _one(conn: sqlite3.Connection, sql: str) -> int:
    return int(conn.execute(sql).fetchone()[0])


def _totals(conn: sqlite3.Connection, within: str, scope: Scope) -> dict[str, int]:
    role = "" if scope.include_reference else " AND role = 'source'"
    everywhere = _scoped(Scope(scope.include_reference, include_dismissed=True))
    return {
        "documents": _one(
            conn, f"SELECT count(*) FROM documents WHERE superseded_by IS NULL{role}"
        ),
        "passages": _one(
            conn,
            "SELECT count(*) FROM passages p JOIN documents d ON d.id = p.document_id "
            f"WHERE d.superseded_by IS NULL{role.replace('role', 'd.role')}",
        ),
        "claims": _one(conn, within + "SELECT count(*) FROM scoped"),
        "orphaned": _one(conn, within + "SELECT count(*) FROM scoped WHERE orphaned = 1"),
        "dismissed": _one(conn, everywhere + "SELECT count(*) FROM scoped WHERE dismissed = 1"),
        "hand_made": _one(
            conn,
            within + "SELECT count(*) FROM scoped c WHERE c.origin != 'extracted' OR EXISTS "
            "(SELECT 1 FROM claim_anchors a WHERE a.claim_id = c.id AND a.method = 'edited')",
        ),
        "reference_documents": _one(
            conn,
            "SELECT count(*) FROM documents WHERE superseded_by IS NULL AND role = 'reference'",
        ),
        "reference_claims": _one(
            conn,
            "SELECT count(*) FROM claims c JOIN documents d ON d.id = c.document_id "
            "WHERE d.role = 'reference'",
        ),
    }


def _disagreements(conn: sqlite3.Connection, within: str) -> list[str]:
    rows = conn.execute(
        within + "SELECT id, verdicts FROM scoped WHERE verdicts != '{}' ORDER BY id"
    )
    both = {Status.confirmed.value, Status.disputed.value}
    return [r["id"] for r in rows if both <= set(json.loads(r["verdicts"]).values())]


def _by_status(conn: sqlite3.Connection, within: str) -> dict[str, int]:
    by_status = {"unverified": 0, "confirmed": 0, "disputed": 0}
    for row in conn.execute(within + "SELECT status, count(*) AS n FROM scoped GROUP BY status"):
        by_status[row["status"]] = row["n"]
    return by_status


def _by_document(conn: sqlite3.Connection, within: str, scope: Scope) -> list[DocumentSummary]:
    role = "" if scope.include_reference else " AND d.role = 'source'"
    rows = conn.execute(
        within + "SELECT d.id, d.title, d.path, d.version, "
        "(SELECT count(*) FROM passages p WHERE p.document_id = d.id) AS passages, "
        "count(c.id) AS claims, "
        "coalesce(sum(c.quantities != '[]'), 0) AS with_figures, "
        "coalesce(sum(c.dates != '[]'), 0) AS with_dates, "
        "(SELECT count(*) FROM scoped o JOIN documents od ON od.id = o.document_id "
        " WHERE od.path = d.path AND o.orphaned = 1) AS orphaned "
        "FROM documents d LEFT JOIN scoped c ON c.document_id = d.id "
        f"WHERE d.superseded_by IS NULL{role} GROUP BY d.id ORDER BY d.path"
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


def _top_claims(conn: sqlite3.Connection, within: str, top: int) -> list[TopClaim]:
    rows = conn.execute(
        within + "SELECT c.id, c.title, c.checkworthiness, c.status, c.text FROM scoped c "
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
