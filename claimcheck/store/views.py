"""Read models: claims joined with their document, derived status and history, as ClaimView."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator

from claimcheck.models import AnchorEvent, BasisPassage, ClaimView, EvidenceView, Scope, Status
from claimcheck.store.claims import (
    CHANGED_SINCE_DECIDED,
    anchor_history,
    claim_from_row,
    resolve_claim_id,
)
from claimcheck.store.events import events_from_rows, history_entries, logs
from claimcheck.store.evidence import evidence_for
from claimcheck.store.grades import (
    checked_claims,
    claim_grade,
    credibility_events,
    reliability_events,
)
from claimcheck.store.links import basis_passages
from claimcheck.store.replay import ReviewState, replay
from claimcheck.store.scope import scope_filter

_SELECT = (
    "SELECT c.id, c.document_id, c.span_start, c.span_end, c.exact, c.prefix, c.suffix, "
    "c.sha256, c.text, c.quantities, c.dates, c.attribution, c.checkworthiness, c.orphaned, "
    "c.frames, c.origin, c.created_by, c.split_from, "
    "c.page, d.url AS document_url, d.publisher AS document_publisher, "
    "d.authors AS document_authors, "
    "d.path AS document_path, d.title AS document_title, d.version AS document_version, "
    "d.published AS document_published, d.role, s.status, s.note, s.dismissed, "
    f"{CHANGED_SINCE_DECIDED} AS changed_since_decided FROM claims c "
    "JOIN documents d ON d.id = c.document_id JOIN claim_state s ON s.claim_id = c.id"
)


def _basis(
    state: ReviewState, evidence: list[EvidenceView], passages: dict[int, BasisPassage]
) -> list[BasisPassage]:
    if not state.basis:
        return []
    stances = {e.passage_id: e.stance for e in evidence}
    links = state.link_map
    return [
        passages[p].model_copy(
            update={"stance": stances.get(p) or (links[p].stance if p in links else None)}
        )
        for p in state.basis
        if p in passages
    ]


def claim_views(
    conn: sqlite3.Connection,
    *,
    status: Status | None = None,
    document_id: str | None = None,
    claim_ids: list[str] | None = None,
    scope: Scope | None = None,
) -> list[ClaimView]:
    """Claims with document, status, note, history and evidence, filtered, in document then
    reading order; `scope` None covers every claim."""
    return list(
        iter_claim_views(
            conn, status=status, document_id=document_id, claim_ids=claim_ids, scope=scope
        )
    )


def iter_claim_views(
    conn: sqlite3.Connection,
    *,
    status: Status | None = None,
    document_id: str | None = None,
    claim_ids: list[str] | None = None,
    scope: Scope | None = None,
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
    scoped, scope_params = scope_filter(scope, document="d")
    sql = _SELECT + " WHERE 1" + "".join(f" AND {w}" for w in where) + scoped
    cursor = conn.execute(sql + " ORDER BY d.path, c.span_start", params + scope_params)
    while rows := cursor.fetchmany(batch):
        yield from _views(conn, rows)


def _views(conn: sqlite3.Connection, rows: list[sqlite3.Row]) -> list[ClaimView]:
    """Claim views for rows of `_SELECT`, with their review logs, anchors and evidence."""
    ids = [row["id"] for row in rows]
    by_claim = logs(conn, ids)
    states = {cid: replay(events_from_rows(log)) for cid, log in by_claim.items() if log}
    passages = basis_passages(conn, (p for s in states.values() for p in s.basis))
    anchors = anchor_history(conn, ids)
    evidence = evidence_for(conn, ids)
    outlets, graded, checked = (
        reliability_events(conn),
        credibility_events(conn, ids),
        (checked_claims(conn, ids)),
    )
    views = []
    for row in rows:
        view = _view(
            row, by_claim[row["id"]], states.get(row["id"], ReviewState()), anchors, evidence,
            passages,
        )  # fmt: skip
        view.grade = claim_grade(
            view.document_publisher,
            view.document_path,
            view.evidence,
            view.id in checked,
            outlets,
            graded.get(view.id, []),
        )
        views.append(view)
    return views


def _view(
    row: sqlite3.Row,
    log: list[sqlite3.Row],
    state: ReviewState,
    anchors: dict[str, list[AnchorEvent]],
    evidence: dict[str, list[EvidenceView]],
    passages: dict[int, BasisPassage],
) -> ClaimView:
    claim = claim_from_row(row)
    return ClaimView(
        id=claim.id,
        document_id=claim.document_id,
        document_path=row["document_path"],
        document_title=row["document_title"],
        document_version=row["document_version"],
        document_published=row["document_published"],
        document_url=row["document_url"],
        document_publisher=row["document_publisher"],
        document_authors=json.loads(row["document_authors"] or "[]"),
        sha256=claim.sha256,
        text=claim.text,
        span=claim.span,
        page=claim.page,
        quantities=claim.quantities,
        dates=claim.dates,
        attribution=claim.attribution,
        checkworthiness=claim.checkworthiness,
        status=Status(row["status"]),
        note=row["note"],
        orphaned=claim.orphaned,
        frames=claim.frames,
        changed_since_decided=bool(row["changed_since_decided"]),
        history=history_entries(log),
        anchors=anchors[claim.id],
        evidence=evidence[claim.id],
        role=row["role"],
        origin=row["origin"],
        hand_made=row["origin"] != "extracted"
        or any(a.method == "edited" for a in anchors[claim.id]),
        created_by=row["created_by"],
        split_from=row["split_from"],
        dismissed=bool(row["dismissed"]),
        verdicts=state.verdict_map,
        disagreement=state.disagreement,
        basis=_basis(state, evidence[claim.id], passages),
    )


def claim_view(conn: sqlite3.Connection, claim_id: str) -> ClaimView:
    """One claim (by id or unique prefix) as a ClaimView."""
    return claim_views(conn, claim_ids=[resolve_claim_id(conn, claim_id)])[0]
