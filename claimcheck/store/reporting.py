"""What the report reads besides claim views: models used, documents it quotes, check runs."""

from __future__ import annotations

import json
import sqlite3


def models_used(conn: sqlite3.Connection) -> tuple[list[str], list[str]]:
    """The embedding models and the stance models any stored evidence or check run used."""
    rows = conn.execute(
        "SELECT DISTINCT embedding_model, stance_model FROM evidence "
        "UNION SELECT DISTINCT embedding_model, stance_model FROM check_runs"
    ).fetchall()
    return sorted({r[0] for r in rows if r[0]}), sorted({r[1] for r in rows if r[1]})


def report_documents(conn: sqlite3.Connection, ids: set[str]) -> list[sqlite3.Row]:
    """Current document versions, and the versions in `ids`, with their text, by path."""
    return conn.execute(
        "SELECT id, path, title, d.sha256, ingested_at, version, "
        "superseded_by IS NULL AS current, published, published_from, role, format, d.url, "
        "publisher, authors, page_starts, text, s.sha256 AS snapshot_sha256, "
        "s.retrieved_at, s.final_url "
        "FROM documents d LEFT JOIN snapshots s ON s.document_id = d.id "
        "WHERE superseded_by IS NULL OR id IN (SELECT value FROM json_each(?)) "
        "ORDER BY path, version",
        (json.dumps(sorted(ids)),),
    ).fetchall()


def check_run_rows(conn: sqlite3.Connection) -> list[dict[str, object]]:
    """Every check run: id, time, models and how many claims it checked."""
    rows = conn.execute(
        "SELECT id, at, embedding_model, stance_model, claims_checked FROM check_runs ORDER BY id"
    )
    return [dict(row) for row in rows]


def review_counts(conn: sqlite3.Connection, include_reference: bool) -> dict[str, int]:
    """Dismissed claims (of sources, or of every document), and reference documents and claims."""
    role = "" if include_reference else " AND d.role = 'source'"
    row = conn.execute(
        "SELECT (SELECT count(*) FROM claims c JOIN documents d ON d.id = c.document_id "
        f"JOIN claim_state s ON s.claim_id = c.id WHERE s.dismissed = 1{role}) AS dismissed, "
        "(SELECT count(*) FROM documents WHERE superseded_by IS NULL AND role = 'reference') "
        "AS reference_documents, (SELECT count(*) FROM claims c JOIN documents d "
        "ON d.id = c.document_id WHERE d.role = 'reference') AS reference_claims"
    ).fetchone()
    return {key: int(row[key]) for key in ("dismissed", "reference_documents", "reference_claims")}
