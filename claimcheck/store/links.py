"""Evidence as the analyst sees it: the check's suggestions joined with the link decisions.

`check` replaces a claim's `evidence` rows; the analysts' reviews live apart, in the append-only
`link_decisions` (one row per change of a (claim, passage) link, the latest one current), and are
joined here. So a rejected link stays rejected whenever `check` finds it again, and a link an
analyst accepted stays listed even when `check` no longer suggests it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable

from claimcheck.models import BasisPassage
from claimcheck.store.documents import document_texts
from claimcheck.store.replay import LinkState
from claimcheck.text.anchor import make_span

LINK_STATE = (
    "link_state AS (SELECT * FROM link_decisions WHERE id IN "
    "(SELECT max(id) FROM link_decisions GROUP BY claim_id, passage_id))"
)
"""The current review of every reviewed link."""


def claim_evidence(wanted: str | None = None) -> str:
    """A `WITH` clause defining `claim_evidence`: the check's suggestions with their review, plus
    accepted links `check` did not suggest (no score, `suggested_stance` NULL).

    `wanted` is an SQL query of the claim ids to cover (with its own parameter, bound once);
    without it every claim is covered. Filtering inside the clause keeps one claim's evidence a
    search of the indexes rather than a pass over every claim's.
    """
    if wanted is None:
        within, within_links, head = "", "", "WITH "
    else:
        within = " WHERE e.claim_id IN (SELECT id FROM wanted)"
        within_links = " AND l.claim_id IN (SELECT id FROM wanted)"
        head = f"WITH wanted(id) AS ({wanted}), "
    return (
        head + LINK_STATE + ", claim_evidence AS ("
        "SELECT e.claim_id, e.passage_id, e.rank, e.similarity, e.lexical, "
        "e.stance AS suggested_stance, e.score, e.reason, e.kind, e.embedding_model, "
        "e.stance_model, e.created_at, l.verdict, l.stance AS analyst_stance, "
        "l.note AS link_note, l.decided_by AS link_analyst, l.at AS link_at "
        "FROM evidence e LEFT JOIN link_state l "
        f"ON l.claim_id = e.claim_id AND l.passage_id = e.passage_id{within} "
        "UNION ALL "
        "SELECT l.claim_id, l.passage_id, 0, 0.0, 0.0, NULL, 0.0, '', NULL, '', 'analyst', "
        "l.at, l.verdict, l.stance, l.note, l.decided_by, l.at FROM link_state l "
        f"WHERE l.verdict = 'accepted'{within_links} AND NOT EXISTS (SELECT 1 FROM evidence x "
        "WHERE x.claim_id = l.claim_id AND x.passage_id = l.passage_id)) "
    )


STANCE = "COALESCE(analyst_stance, suggested_stance, 'related')"
"""The stance shown: the analyst's, else the model's."""

KEPT = "verdict IS NOT 'rejected'"
"""A link that counts: not rejected by an analyst."""

CONFLICT = (
    f"({KEPT} AND (analyst_stance = 'contradicts' OR (analyst_stance IS NULL "
    "AND (suggested_stance = 'contradicts' OR kind = 'update') AND kind IS NOT NULL)))"
)
"""A passage that puts its claim in conflict (`EvidenceView.is_conflict` in SQL)."""


def basis_passages(conn: sqlite3.Connection, passage_ids: Iterable[int]) -> dict[int, BasisPassage]:
    """The passages decisions rest on, quoted with their document (stance left unset)."""
    ids = sorted(set(passage_ids))
    if not ids:
        return {}
    rows = conn.execute(
        "SELECT p.id, p.document_id, p.span_start, p.span_end, p.text, d.path, d.title "
        "FROM passages p JOIN documents d ON d.id = p.document_id "
        "WHERE p.id IN (SELECT value FROM json_each(?))",
        (json.dumps(ids),),
    ).fetchall()
    texts = document_texts(conn, {r["document_id"] for r in rows})
    return {
        r["id"]: BasisPassage(
            passage_id=r["id"],
            document_id=r["document_id"],
            document_path=r["path"],
            document_title=r["title"],
            text=r["text"],
            span=make_span(texts[r["document_id"]], r["span_start"], r["span_end"]),
            stance=None,
        )
        for r in rows
    }


def link_states(conn: sqlite3.Connection, claim_id: str) -> dict[int, LinkState]:
    """The current review of each link of one claim an analyst reviewed (and whose review
    was not undone), by passage id."""
    rows = conn.execute(
        "WITH " + LINK_STATE + " SELECT * FROM link_state WHERE claim_id = ? AND "
        "(verdict IS NOT NULL OR stance IS NOT NULL OR note IS NOT NULL)",
        (claim_id,),
    )
    return {
        row["passage_id"]: LinkState(
            verdict=row["verdict"],
            stance=row["stance"],
            note=row["note"],
            note_by=row["note_by"],
            decided_by=row["decided_by"],
        )
        for row in rows
    }
