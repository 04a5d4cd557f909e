"""What each claim was last checked against, and what each `check` run did."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from claimcheck.models import Claim
from claimcheck.store.claims import claim_from_row
from claimcheck.store.connection import write_transaction
from claimcheck.text.hashing import content_hash


def pending_claims(conn: sqlite3.Connection, fingerprint: str, config: str) -> list[Claim]:
    """Current claims whose text hash, corpus fingerprint or config differ from their last check."""
    rows = conn.execute(
        "SELECT c.*, k.claim_hash AS checked_hash, k.fingerprint AS checked_fp, "
        "k.config AS checked_config FROM claims c JOIN documents d ON d.id = c.document_id "
        "LEFT JOIN claim_checks k ON k.claim_id = c.id "
        "WHERE c.orphaned = 0 AND d.superseded_by IS NULL ORDER BY c.id"
    ).fetchall()
    return [
        claim_from_row(r)
        for r in rows
        if (r["checked_hash"], r["checked_fp"], r["checked_config"])
        != (content_hash(r["text"]), fingerprint, config)
    ]


def count_claims(conn: sqlite3.Connection) -> int:
    """Claims that are anchored (not orphaned)."""
    return int(conn.execute("SELECT count(*) FROM claims WHERE orphaned = 0").fetchone()[0])


@dataclass(frozen=True)
class CheckRun:
    """One row of `check_runs`."""

    at: str
    fingerprint: str
    config: str
    embedding_model: str
    stance_model: str
    claims_checked: int
    passages_embedded: int
    seconds: float


def record_run(conn: sqlite3.Connection, run: CheckRun) -> None:
    """Append what one `check` run did."""
    with write_transaction(conn):
        conn.execute(
            "INSERT INTO check_runs (at, fingerprint, config, embedding_model, stance_model, "
            "claims_checked, passages_embedded, seconds) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                run.at,
                run.fingerprint,
                run.config,
                run.embedding_model,
                run.stance_model,
                run.claims_checked,
                run.passages_embedded,
                run.seconds,
            ),
        )
