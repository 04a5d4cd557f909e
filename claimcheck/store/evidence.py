"""Evidence: storing each claim's suggestions, reading them per claim and as conflicts."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from claimcheck.models import ClaimView, ConflictView, EvidenceView, Scope
from claimcheck.store.connection import write_transaction
from claimcheck.store.differing import group_label
from claimcheck.store.documents import document_texts
from claimcheck.store.links import CONFLICT, STANCE, claim_evidence
from claimcheck.store.scope import scope_filter
from claimcheck.text.anchor import make_span

_SELECT = (
    claim_evidence("SELECT value FROM json_each(?)")
    + f"SELECT e.*, {STANCE} AS stance, p.span_start, p.span_end, "
    "p.text AS passage_text, p.document_id, p.page, d.path, d.title, d.publisher "
    "FROM claim_evidence e JOIN passages p ON p.id = e.passage_id "
    "JOIN documents d ON d.id = p.document_id"
)


@dataclass(frozen=True)
class NewEvidence:
    """One suggestion `check` stores: a passage's rank, scores, stance and why."""

    passage_id: int
    rank: int
    similarity: float
    lexical: float
    stance: str
    score: float
    reason: str
    kind: str | None


@dataclass(frozen=True)
class CheckedClaim:
    """What a claim was checked against: its text hash, the corpus fingerprint, the config."""

    claim_id: str
    claim_hash: str
    fingerprint: str
    config: str


def replace_evidence(
    conn: sqlite3.Connection,
    checked: CheckedClaim,
    rows: Sequence[NewEvidence],
    *,
    embedding_model: str,
    stance_model: str,
    at: str,
) -> None:
    """Replace a claim's evidence and record what it was checked against, in one transaction."""
    with write_transaction(conn):
        conn.execute("DELETE FROM evidence WHERE claim_id = ?", (checked.claim_id,))
        conn.executemany(
            "INSERT INTO evidence (claim_id, passage_id, rank, similarity, lexical, stance, score, "
            "reason, kind, embedding_model, stance_model, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    checked.claim_id,
                    row.passage_id,
                    row.rank,
                    round(row.similarity, 4),
                    round(row.lexical, 4),
                    row.stance,
                    row.score,
                    row.reason,
                    row.kind,
                    embedding_model,
                    stance_model,
                    at,
                )
                for row in rows
            ],
        )
        conn.execute(
            "INSERT OR REPLACE INTO claim_checks (claim_id, claim_hash, fingerprint, config, at) "
            "VALUES (?, ?, ?, ?, ?)",
            (checked.claim_id, checked.claim_hash, checked.fingerprint, checked.config, at),
        )


def _view(row: sqlite3.Row, texts: dict[str, str]) -> EvidenceView:
    suggested = row["suggested_stance"]
    review = {}  # most links are unreviewed: leaving their fields to the defaults is faster
    if row["link_at"] is not None:
        review = {
            "analyst_stance": row["analyst_stance"],
            "link": row["verdict"],
            "link_note": row["link_note"],
            "link_analyst": row["link_analyst"],
            "link_at": row["link_at"],
        }
    return EvidenceView(
        document_id=row["document_id"],
        document_path=row["path"],
        document_title=row["title"],
        document_publisher=row["publisher"],
        passage_id=row["passage_id"],
        text=row["passage_text"],
        span=make_span(texts[row["document_id"]], row["span_start"], row["span_end"]),
        stance=row["stance"],
        score=row["score"],
        reason=row["reason"] if suggested else f"linked by {row['link_analyst']}",
        kind=row["kind"],
        similarity=row["similarity"],
        rank=row["rank"],
        embedding_model=row["embedding_model"],
        stance_model=row["stance_model"],
        created_at=row["created_at"],
        suggested_stance=suggested,
        **review,
        page=row["page"],
    )


def evidence_for(
    conn: sqlite3.Connection, claim_ids: Sequence[str]
) -> dict[str, list[EvidenceView]]:
    """Evidence per claim: contradictions first, then support, then related, best score first."""
    found: dict[str, list[EvidenceView]] = {cid: [] for cid in claim_ids}
    if not claim_ids:
        return found
    rows = conn.execute(
        _SELECT + " ORDER BY e.claim_id, "
        f"CASE {STANCE} WHEN 'contradicts' THEN 0 WHEN 'supports' THEN 1 ELSE 2 END, "
        "e.score DESC, e.rank, e.passage_id",
        (json.dumps(list(claim_ids)),),
    ).fetchall()
    texts = document_texts(conn, {row["document_id"] for row in rows})
    for row in rows:
        found[row["claim_id"]].append(_view(row, texts))
    return found


def conflicts(conn: sqlite3.Connection, scope: Scope | None = None) -> list[ConflictView]:
    """Every claim in scope with contradicting or updating evidence, both sides anchored."""
    where, params = scope_filter(scope)
    rows = conn.execute(
        claim_evidence() + "SELECT e.claim_id, e.score, e.reason, e.passage_id, e.link_analyst, "
        "e.link_note, e.suggested_stance, e.analyst_stance, "
        f"{_CONFLICT_KIND} AS kind, "
        "p.span_start, p.span_end, p.text AS passage_text, p.document_id, d.path, "
        "c.text AS claim_text, c.document_id AS claim_document_id, "
        "c.span_start AS c_start, c.span_end AS c_end, cd.path AS claim_path "
        "FROM claim_evidence e "
        "JOIN passages p ON p.id = e.passage_id JOIN documents d ON d.id = p.document_id "
        "JOIN claims c ON c.id = e.claim_id JOIN documents cd ON cd.id = c.document_id "
        "JOIN claim_state s ON s.claim_id = c.id "
        f"WHERE {CONFLICT} AND c.orphaned = 0 AND d.superseded_by IS NULL{where} "
        "ORDER BY cd.path, c.span_start, c.id, kind, e.score DESC, e.passage_id",
        params,
    ).fetchall()
    ids = {r["document_id"] for r in rows} | {r["claim_document_id"] for r in rows}
    texts = document_texts(conn, ids)
    return [
        ConflictView(
            claim_id=r["claim_id"],
            claim_text=r["claim_text"],
            claim_document_id=r["claim_document_id"],
            claim_document_path=r["claim_path"],
            claim_span=make_span(texts[r["claim_document_id"]], r["c_start"], r["c_end"]),
            evidence_document_id=r["document_id"],
            evidence_document_path=r["path"],
            evidence_text=r["passage_text"],
            evidence_span=make_span(texts[r["document_id"]], r["span_start"], r["span_end"]),
            kind=r["kind"],
            reason=_conflict_reason(r["reason"], r["analyst_stance"], r["link_analyst"]),
            score=r["score"],
            group=group_label(r["kind"], r["reason"], r["claim_text"], r["passage_text"]),
        )
        for r in rows
    ]


_CONFLICT_KIND = (
    "CASE WHEN e.analyst_stance IS NULL THEN e.kind ELSE COALESCE(e.kind, 'statement') END"
)
"""A conflict an analyst declared on a passage the rules gave no kind counts as a statement."""


def _conflict_reason(reason: str, analyst_stance: str | None, analyst: str | None) -> str:
    """The rules' reason, or who said the passage contradicts the claim when an analyst did."""
    if analyst_stance is None:
        return reason
    said = f"{analyst} says it contradicts"
    return f"{said} ({reason})" if reason else said


def conflicts_in(views: Sequence[ClaimView], current: set[str]) -> list[ConflictView]:
    """What `conflicts` returns, from claim views already loaded with their evidence.

    `current` holds the ids of current document versions. The report uses this instead of a
    second query: at 10,000 claims it saves seconds and, by sharing the views' spans, hundreds of
    megabytes (tests/test_check.py checks that both give the same list).
    """
    found = [
        (claim, e)
        for claim in views
        if not claim.orphaned
        for e in claim.evidence
        if e.is_conflict and e.document_id in current
    ]
    found.sort(
        key=lambda pair: (
            pair[0].document_path,
            pair[0].span.start,
            pair[0].id,
            _kind(pair[1]),
            -pair[1].score,
            pair[1].passage_id,
        )
    )
    return [
        ConflictView(
            claim_id=claim.id,
            claim_text=claim.text,
            claim_document_id=claim.document_id,
            claim_document_path=claim.document_path,
            claim_span=claim.span,
            evidence_document_id=e.document_id,
            evidence_document_path=e.document_path,
            evidence_text=e.text,
            evidence_span=e.span,
            kind=_kind(e),
            reason=_conflict_reason(
                "" if e.suggested_stance is None else e.reason, e.analyst_stance, e.link_analyst
            ),
            score=e.score,
            group=group_label(
                _kind(e), "" if e.suggested_stance is None else e.reason, claim.text, e.text
            ),
        )
        for claim, e in found
    ]


def _kind(e: EvidenceView) -> Literal["figure", "date", "statement", "update"]:
    return e.kind or "statement"


def count_by_kind(found: Sequence[ConflictView]) -> dict[str, int]:
    """Conflicting passages per kind (`figure`, `date`, …), in the order kinds first appear."""
    kinds: dict[str, int] = {}
    for conflict in found:
        kinds[conflict.kind] = kinds.get(conflict.kind, 0) + 1
    return kinds
