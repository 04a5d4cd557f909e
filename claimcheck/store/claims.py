"""Claims with their current anchor, and the history of where each was anchored."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from claimcheck.errors import NotFoundError
from claimcheck.models import AnchorEvent, Claim, DateFact, Frames, Quantity, Span
from claimcheck.store.connection import like_prefix, write_in_chunks

_CLAIM_COLUMNS = (
    "id, document_id, span_start, span_end, exact, prefix, suffix, sha256, text, quantities, "
    "dates, attribution, checkworthiness, orphaned, frames, page"
)


CHANGED_SINCE_DECIDED = (
    "(c.facts_changed_at IS NOT NULL AND s.decided_at IS NOT NULL "
    "AND c.facts_changed_at > s.decided_at)"
)
"""SQL over claims `c` joined with claim_state `s`: a re-anchor changed the claim's figures or
dates after its latest decision, so the analyst decided on facts the source no longer states."""


def claim_from_row(row: sqlite3.Row) -> Claim:
    """Rebuild a Claim from its stored row."""
    return Claim(
        id=row["id"],
        document_id=row["document_id"],
        span=Span(
            start=row["span_start"],
            end=row["span_end"],
            exact=row["exact"],
            prefix=row["prefix"] or "",
            suffix=row["suffix"] or "",
        ),
        sha256=row["sha256"],
        text=row["text"],
        quantities=[Quantity.model_validate(q) for q in json.loads(row["quantities"] or "[]")],
        dates=[DateFact.model_validate(d) for d in json.loads(row["dates"] or "[]")],
        attribution=row["attribution"],
        checkworthiness=row["checkworthiness"],
        orphaned=bool(row["orphaned"]),
        frames=Frames.model_validate_json(row["frames"]) if row["frames"] else None,
        page=row["page"],
    )


def _values(claim: Claim) -> tuple[object, ...]:
    return (
        claim.document_id,
        claim.span.start,
        claim.span.end,
        claim.span.exact,
        claim.span.prefix,
        claim.span.suffix,
        claim.sha256,
        claim.text,
        json.dumps([q.model_dump(mode="json") for q in claim.quantities]),
        json.dumps([d.model_dump(mode="json") for d in claim.dates]),
        claim.attribution,
        claim.checkworthiness,
        int(claim.orphaned),
        claim.frames.model_dump_json() if claim.frames is not None else None,
        claim.page,
    )


def _record_anchor(
    conn: sqlite3.Connection, claim: Claim, method: str, at: str, analyst: str | None = None
) -> None:
    conn.execute(
        "INSERT INTO claim_anchors (claim_id, document_id, sha256, span_start, span_end, exact, "
        "method, at, analyst) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            claim.id,
            claim.document_id,
            claim.sha256,
            claim.span.start,
            claim.span.end,
            claim.span.exact,
            method,
            at,
            analyst,
        ),
    )


def insert_claims(conn: sqlite3.Connection, claims: Sequence[Claim], at: str) -> None:
    """Store newly extracted claims and their first anchor."""
    for claim in claims:
        conn.execute(
            f"INSERT INTO claims ({_CLAIM_COLUMNS}, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (claim.id, *_values(claim), at),
        )
        _record_anchor(conn, claim, "extracted", at)


def insert_hand_claim(
    conn: sqlite3.Connection,
    claim: Claim,
    *,
    origin: str,
    analyst: str,
    at: str,
    split_from: str | None = None,
) -> None:
    """Store a claim an analyst added (or split from another) and its first anchor."""
    conn.execute(
        f"INSERT INTO claims ({_CLAIM_COLUMNS}, created_at, origin, created_by, split_from) "
        f"VALUES ({', '.join('?' * (len(_values(claim)) + 5))})",
        (claim.id, *_values(claim), at, origin, analyst, split_from),
    )
    _record_anchor(conn, claim, origin, at, analyst)


def reanchor_claim(
    conn: sqlite3.Connection,
    claim: Claim,
    method: str,
    at: str,
    analyst: str | None = None,
    *,
    facts_changed_at: str | None = None,
) -> None:
    """Move a claim to a new anchor (a new version, orphaned, or edited by an analyst), keeping
    its id and history (every earlier anchor stays in `claim_anchors`); `facts_changed_at`
    records that the move changed the claim's figures or dates."""
    conn.execute(
        "UPDATE claims SET document_id = ?, span_start = ?, span_end = ?, exact = ?, prefix = ?, "
        "suffix = ?, sha256 = ?, text = ?, quantities = ?, dates = ?, attribution = ?, "
        "checkworthiness = ?, orphaned = ?, frames = ?, page = ?, "
        "facts_changed_at = coalesce(?, facts_changed_at) WHERE id = ?",
        (*_values(claim), facts_changed_at, claim.id),
    )
    _record_anchor(conn, claim, method, at, analyst)


def claims_at(conn: sqlite3.Connection, document_id: str, start: int, end: int) -> list[str]:
    """Ids of the claims anchored exactly at [start, end) of a document version."""
    rows = conn.execute(
        "SELECT id FROM claims WHERE document_id = ? AND span_start = ? AND span_end = ?",
        (document_id, start, end),
    )
    return [row["id"] for row in rows]


def claims_for_document(conn: sqlite3.Connection, document_id: str) -> list[Claim]:
    """Every claim anchored in one document version, in reading order."""
    rows = conn.execute(
        f"SELECT {_CLAIM_COLUMNS} FROM claims WHERE document_id = ? ORDER BY span_start",
        (document_id,),
    )
    return [claim_from_row(row) for row in rows]


CANDIDATES = 5
"""How many candidates an ambiguous id lists."""


def resolve_claim_id(conn: sqlite3.Connection, given: str) -> str:
    """The full id of a claim from its id or a unique prefix of it."""
    given = given.strip()
    if not given:
        raise NotFoundError("no claim id given (an empty id matches no claim)")
    if conn.execute("SELECT 1 FROM claims WHERE id = ?", (given,)).fetchone():
        return given
    rows = conn.execute(
        "SELECT c.id, d.path FROM claims c JOIN documents d ON d.id = c.document_id "
        "WHERE c.id LIKE ? ESCAPE '\\' ORDER BY c.id LIMIT ?",
        (like_prefix(given), CANDIDATES + 1),
    ).fetchall()
    if len(rows) == 1:
        return str(rows[0]["id"])
    if len(rows) > 1:
        listed = "; ".join(f"{r['id']} in {r['path']}" for r in rows[:CANDIDATES])
        more = " …" if len(rows) > CANDIDATES else ""
        raise NotFoundError(
            f"claim id {given!r} is ambiguous: {listed}{more} (give more characters)"
        )
    raise NotFoundError(f"no claim with id {given!r}")


def get_claim(conn: sqlite3.Connection, claim_id: str) -> Claim:
    """One claim by id (or unique id prefix)."""
    full = resolve_claim_id(conn, claim_id)
    row = conn.execute(f"SELECT {_CLAIM_COLUMNS} FROM claims WHERE id = ?", (full,)).fetchone()
    return claim_from_row(row)


def anchor_history(
    conn: sqlite3.Connection, claim_ids: Sequence[str]
) -> dict[str, list[AnchorEvent]]:
    """Where each claim has been anchored, oldest first."""
    found: dict[str, list[AnchorEvent]] = {cid: [] for cid in claim_ids}
    if not claim_ids:
        return found
    rows = conn.execute(
        "SELECT claim_id, document_id, sha256, span_start, span_end, method, at, analyst, exact "
        "FROM claim_anchors WHERE claim_id IN (SELECT value FROM json_each(?)) ORDER BY id",
        (json.dumps(list(claim_ids)),),
    )
    for r in rows:
        found[r["claim_id"]].append(
            AnchorEvent(
                document_id=r["document_id"],
                sha256=r["sha256"],
                start=r["span_start"],
                end=r["span_end"],
                method=r["method"],
                at=r["at"],
                analyst=r["analyst"],
                exact=r["exact"],
            )
        )
    return found


def orphans_of_path(conn: sqlite3.Connection, path: str) -> list[Claim]:
    """Claims orphaned in an earlier version of the document at `path`."""
    rows = conn.execute(
        f"SELECT {', '.join('c.' + c for c in _CLAIM_COLUMNS.split(', '))} FROM claims c "
        "JOIN documents d ON d.id = c.document_id "
        "WHERE d.path = ? AND c.orphaned = 1 AND d.superseded_by IS NOT NULL ORDER BY c.id",
        (path,),
    )
    return [claim_from_row(row) for row in rows]


def set_claim_frames(conn: sqlite3.Connection, frames: dict[str, Frames]) -> None:
    """Store frames built for claims that had none (ingested before frames existed)."""
    rows = [(f.model_dump_json(), claim_id) for claim_id, f in frames.items()]
    write_in_chunks(conn, "UPDATE claims SET frames = ? WHERE id = ?", rows)
