"""A lean read model for long claim lists: one row per claim, no history or evidence bodies."""

from __future__ import annotations

import json
import sqlite3
from typing import cast

from pydantic import Field

from claimcheck.grading import Credibility, GradeEvent, Reliability, outlet_key
from claimcheck.models import Origin, Record, Role, Scope, Status
from claimcheck.store.claims import CHANGED_SINCE_DECIDED
from claimcheck.store.grades import OutletKey, reliability_events
from claimcheck.store.links import KEPT, STANCE, claim_evidence
from claimcheck.store.scope import scope_filter

_COLUMNS = f"""
SELECT c.id, c.document_id, d.title AS document_title, d.path AS document_path, c.text,
       c.span_start, c.checkworthiness, c.orphaned, s.status, s.note, s.dismissed, s.verdicts,
       d.role, c.origin, d.publisher,
       (SELECT g.to_grade FROM grades g WHERE g.axis = 'credibility' AND g.subject_kind = 'claim'
        AND g.subject = c.id ORDER BY g.id DESC LIMIT 1) AS credibility,
       EXISTS (SELECT 1 FROM claim_anchors a WHERE a.claim_id = c.id AND a.method = 'edited')
           AS edited,
       COALESCE(e.supports, 0) AS supports, COALESCE(e.contradicts, 0) AS contradicts,
       COALESCE(e.updates, 0) AS updates, COALESCE(a.analysts, '[]') AS analysts,
       {CHANGED_SINCE_DECIDED} AS changed_since_decided
FROM claims c
JOIN documents d ON d.id = c.document_id
JOIN claim_state s ON s.claim_id = c.id
LEFT JOIN (
    SELECT claim_id,
           sum({KEPT} AND {STANCE} = 'supports') AS supports,
           sum({KEPT} AND {STANCE} = 'contradicts') AS contradicts,
           sum({KEPT} AND analyst_stance IS NULL AND kind = 'update') AS updates
    FROM claim_evidence GROUP BY claim_id
) e ON e.claim_id = c.id
LEFT JOIN (
    SELECT claim_id, json_group_array(DISTINCT analyst) AS analysts FROM decisions GROUP BY claim_id
) a ON a.claim_id = c.id
WHERE 1
"""
_LIST = claim_evidence() + _COLUMNS
_ONE = claim_evidence("SELECT ?") + _COLUMNS + " AND c.id = ?"


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
    role: Role = "source"
    origin: Origin = "extracted"
    hand_made: bool = False
    dismissed: bool = False
    verdicts: dict[str, Status] = Field(default_factory=dict)
    analysts: list[str] = Field(default_factory=list)
    reliability: Reliability | None = Field(default=None, description="Its source's grade.")
    credibility: Credibility | None = Field(default=None, description="An analyst's grade.")

    @property
    def has_conflict(self) -> bool:
        """Whether another source contradicts or updates this claim."""
        return self.contradicts > 0 or self.updates > 0

    @property
    def disagreement(self) -> bool:
        """Whether one analyst confirmed the claim and another disputed it."""
        return {Status.confirmed, Status.disputed} <= set(self.verdicts.values())


def _row(row: sqlite3.Row, outlets: dict[OutletKey, list[GradeEvent]]) -> ClaimRow:
    graded = outlets.get(outlet_key(row["publisher"], row["document_path"]))
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
        role=row["role"],
        origin=row["origin"],
        hand_made=row["origin"] != "extracted" or bool(row["edited"]),
        dismissed=bool(row["dismissed"]),
        verdicts=json.loads(row["verdicts"]) if row["verdicts"] != "{}" else {},
        analysts=sorted(json.loads(row["analysts"])) if row["analysts"] != "[]" else [],
        reliability=cast(Reliability | None, graded[-1].to_grade if graded else None),
        credibility=cast(Credibility | None, int(row["credibility"] or 0) or None),
    )


def claim_rows(conn: sqlite3.Connection, scope: Scope | None = None) -> list[ClaimRow]:
    """Every claim in scope (all of them by default), in document then reading order, with its
    status and evidence counts."""
    where, params = scope_filter(scope, document="d")
    rows = conn.execute(_LIST + where + " ORDER BY d.path, c.span_start, c.id", params)
    outlets = reliability_events(conn)
    return [_row(row, outlets) for row in rows.fetchall()]


def claim_row(conn: sqlite3.Connection, claim_id: str) -> ClaimRow | None:
    """One claim's list row, or None when it no longer exists."""
    row = conn.execute(_ONE, (claim_id, claim_id)).fetchone()
    return _row(row, reliability_events(conn)) if row else None
