"""Named, ordered schema migrations; the schema is created and changed only here."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from claimcheck.errors import StoreError
from claimcheck.store.connection import begin_immediate

if TYPE_CHECKING:
    from sqlite_utils import Database

Migration = Callable[["Database"], None]


def m001_initial(db: Database) -> None:
    """Documents, passages, claims with their anchor history, and the append-only decision log."""
    db.table("documents").create(
        {
            "id": str,
            "path": str,
            "title": str,
            "sha256": str,
            "ingested_at": str,
            "format": str,
            "text": str,
            "version": int,
            "superseded_by": str,
        },
        pk="id",
        not_null={"path", "sha256", "text", "version"},
    )
    db.table("documents").create_index(["path"])
    db.table("documents").create_index(["sha256"])
    db.table("passages").create(
        {
            "id": int,
            "document_id": str,
            "seq": int,
            "span_start": int,
            "span_end": int,
            "text": str,
            "content_hash": str,
            "quantities": str,
            "dates": str,
            "attribution": str,
        },
        pk="id",
        foreign_keys=[("document_id", "documents", "id")],
        not_null={"document_id", "span_start", "span_end", "text", "content_hash"},
    )
    db.table("passages").create_index(["document_id", "seq"], unique=True)
    db.table("passages").create_index(["content_hash"])
    db.table("claims").create(
        {
            "id": str,
            "document_id": str,
            "span_start": int,
            "span_end": int,
            "exact": str,
            "prefix": str,
            "suffix": str,
            "sha256": str,
            "text": str,
            "quantities": str,
            "dates": str,
            "attribution": str,
            "checkworthiness": float,
            "orphaned": int,
            "created_at": str,
        },
        pk="id",
        foreign_keys=[("document_id", "documents", "id")],
        not_null={"document_id", "span_start", "span_end", "exact", "sha256", "text"},
        defaults={"orphaned": 0, "quantities": "[]", "dates": "[]"},
    )
    db.table("claims").create_index(["document_id", "span_start"])
    db.table("claim_anchors").create(
        {
            "id": int,
            "claim_id": str,
            "document_id": str,
            "sha256": str,
            "span_start": int,
            "span_end": int,
            "exact": str,
            "method": str,
            "at": str,
        },
        pk="id",
        foreign_keys=[("claim_id", "claims", "id"), ("document_id", "documents", "id")],
    )
    db.table("claim_anchors").create_index(["claim_id"])
    db.table("decisions").create(
        {
            "id": int,
            "claim_id": str,
            "at": str,
            "analyst": str,
            "from_status": str,
            "to_status": str,
            "note": str,
            "reverts": int,
        },
        pk="id",
        foreign_keys=[("claim_id", "claims", "id")],
        not_null={"claim_id", "at", "analyst", "from_status", "to_status"},
    )
    db.table("decisions").create_index(["claim_id", "id"])
    _append_only(db, "decisions")
    db.execute(
        "CREATE VIEW claim_state AS SELECT c.id AS claim_id, "
        "COALESCE(d.to_status, 'unverified') AS status, d.note AS note, d.at AS decided_at "
        "FROM claims c LEFT JOIN decisions d ON d.id = "
        "(SELECT max(id) FROM decisions WHERE claim_id = c.id)"
    )


def _append_only(db: Database, table: str) -> None:
    """Triggers that refuse UPDATE and DELETE on an audit table."""
    for action in ("UPDATE", "DELETE"):
        db.execute(
            f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{table} are append-only'); END"
        )


def m002_search(db: Database) -> None:
    """Passage vectors keyed by (content hash, model), and a full-text index for lexical search."""
    db.table("embeddings").create(
        {"content_hash": str, "model": str, "dim": int, "vector": bytes},
        pk=("content_hash", "model"),
        not_null={"dim", "vector"},
    )
    db.table("passages").enable_fts(
        ["text"], fts_version="FTS5", create_triggers=True, tokenize="porter"
    )


def m003_evidence(db: Database) -> None:
    """Evidence found for each claim with its suggested stance, and what each check run did."""
    db.table("evidence").create(
        {
            "claim_id": str,
            "passage_id": int,
            "rank": int,
            "similarity": float,
            "lexical": float,
            "stance": str,
            "score": float,
            "reason": str,
            "kind": str,
            "embedding_model": str,
            "stance_model": str,
            "created_at": str,
        },
        pk=("claim_id", "passage_id"),
        foreign_keys=[("claim_id", "claims", "id"), ("passage_id", "passages", "id")],
    )
    db.table("evidence").create_index(["stance"])
    db.table("claim_checks").create(
        {"claim_id": str, "claim_hash": str, "fingerprint": str, "config": str, "at": str},
        pk="claim_id",
        foreign_keys=[("claim_id", "claims", "id")],
    )
    db.table("check_runs").create(
        {
            "id": int,
            "at": str,
            "fingerprint": str,
            "config": str,
            "embedding_model": str,
            "stance_model": str,
            "claims_checked": int,
            "passages_embedded": int,
            "seconds": float,
        },
        pk="id",
    )


def m004_document_time(db: Database) -> None:
    """Each document version's publication date, and where it was read from."""
    db.table("documents").add_column("published", str)
    db.table("documents").add_column("published_from", str)


def m005_reliability(db: Database) -> None:
    """Where an ingest stands with a document version, and when a claim's facts last changed."""
    # NULL once a version is complete; 'staged' while its passages are written (the row is then
    # hidden as superseded by itself), 'anchoring' while claims move into it after it went current
    db.table("documents").add_column("ingest_state", str)
    # set when a re-anchor changes a claim's figures or dates; later than the claim's latest
    # decision means the analyst decided on different facts ("changed since decided")
    db.table("claims").add_column("facts_changed_at", str)


def m006_frames(db: Database) -> None:
    """Fact frames per passage and claim (JSON), built at ingest or, for older rows, by check."""
    db.table("passages").add_column("frames", str)
    db.table("claims").add_column("frames", str)


def m007_review(db: Database) -> None:
    """Document roles, hand-made claims, link decisions, and the review log's new event kinds
    (each event row also records the claim's dismissal, note author and verdicts after it)."""
    from claimcheck.store.events import backfill_decisions

    db.table("documents").add_column("role", str, not_null_default="source")
    db.table("role_changes").create(
        {"id": int, "path": str, "at": str, "analyst": str, "from_role": str, "to_role": str},
        pk="id",
        not_null={"path", "at", "analyst", "from_role", "to_role"},
    )
    _append_only(db, "role_changes")
    db.table("claims").add_column("origin", str, not_null_default="extracted")
    db.table("claims").add_column("created_by", str)
    db.table("claims").add_column("split_from", str)
    db.table("claim_anchors").add_column("analyst", str)
    for column, kind in (
        ("kind", str), ("sets_note", int), ("passage_id", int), ("link", str), ("link_note", str),
        ("basis", str), ("dismissed", int), ("note_by", str), ("verdicts", str),
    ):  # fmt: skip
        db.table("decisions").add_column(column, kind)
    db.table("link_decisions").create(
        {
            "id": int,
            "claim_id": str,
            "passage_id": int,
            "decision_id": int,
            "at": str,
            "analyst": str,
            "verdict": str,
            "stance": str,
            "note": str,
            "note_by": str,
            "decided_by": str,
        },
        pk="id",
        foreign_keys=[
            ("claim_id", "claims", "id"),
            ("passage_id", "passages", "id"),
            ("decision_id", "decisions", "id"),
        ],
        not_null={"claim_id", "passage_id", "decision_id", "at", "analyst"},
    )
    db.table("link_decisions").create_index(["claim_id", "passage_id", "id"])
    _append_only(db, "link_decisions")
    backfill_decisions(db.conn)
    db.execute("DROP VIEW claim_state")
    db.execute(
        "CREATE VIEW claim_state AS SELECT c.id AS claim_id, "
        "COALESCE(d.to_status, 'unverified') AS status, d.note AS note, d.at AS decided_at, "
        "COALESCE(d.dismissed, 0) AS dismissed, d.note_by AS note_by, "
        "COALESCE(d.verdicts, '{}') AS verdicts "
        "FROM claims c LEFT JOIN decisions d ON d.id = "
        "(SELECT max(id) FROM decisions WHERE claim_id = c.id)"
    )


def m008_sources(db: Database) -> None:
    """Source metadata and pages per document version, pages of passages and claims, archived
    web snapshots, and the analysts' corrections to a source's metadata."""
    documents = db.table("documents")
    documents.add_column("page_starts", str)  # JSON list of each page's first offset (PDF)
    documents.add_column("url", str)
    documents.add_column("publisher", str)
    documents.add_column("authors", str)  # JSON list of names
    db.table("passages").add_column("page", int)
    db.table("claims").add_column("page", int)
    # the bytes a fetched page or a WARC response had, one snapshot per document version
    db.table("snapshots").create(
        {
            "document_id": str,
            "url": str,
            "final_url": str,
            "status": int,
            "content_type": str,
            "retrieved_at": str,
            "sha256": str,
            "via": str,
            "body": bytes,
        },
        pk="document_id",
        foreign_keys=[("document_id", "documents", "id")],
        not_null={"url", "final_url", "retrieved_at", "sha256", "via", "body"},
    )
    # append-only: an analyst's correction of one metadata field of the source at `path`
    db.table("source_events").create(
        {"id": int, "path": str, "field": str, "value": str, "analyst": str, "at": str},
        pk="id",
        not_null={"path", "field", "analyst", "at"},
    )
    db.table("source_events").create_index(["path", "id"])
    _append_only(db, "source_events")


def m009_grades(db: Database) -> None:
    """The analysts' Admiralty grades: source reliability per outlet (publisher, else document
    path) and information credibility per claim, append-only with the grade before and after."""
    db.table("grades").create(
        {
            "id": int,
            "axis": str,  # 'reliability' or 'credibility'
            "subject_kind": str,  # 'publisher', 'document' (by path) or 'claim'
            "subject": str,
            "from_grade": str,
            "to_grade": str,  # NULL: the grade was cleared
            "analyst": str,
            "at": str,
        },
        pk="id",
        not_null={"axis", "subject_kind", "subject", "analyst", "at"},
    )
    db.table("grades").create_index(["subject_kind", "subject", "id"])
    _append_only(db, "grades")


MIGRATIONS: list[tuple[str, Migration]] = [
    ("m001_initial", m001_initial),
    ("m002_search", m002_search),
    ("m003_evidence", m003_evidence),
    ("m004_document_time", m004_document_time),
    ("m005_reliability", m005_reliability),
    ("m006_frames", m006_frames),
    ("m007_review", m007_review),
    ("m008_sources", m008_sources),
    ("m009_grades", m009_grades),
]


def applied(conn: sqlite3.Connection) -> list[str]:
    """Names of migrations already applied to this database, in order."""
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_migrations'"
    ).fetchone()
    if not exists:
        return []
    return [row[0] for row in conn.execute("SELECT name FROM _migrations ORDER BY rowid")]


def ensure_migrated(conn: sqlite3.Connection) -> list[str]:
    """Apply every pending migration, each in its own transaction; return the names applied."""
    known = {name for name, _ in MIGRATIONS}
    done = applied(conn)
    unknown = [name for name in done if name not in known]
    if unknown:
        raise StoreError(f"database has migrations this claimcheck does not know: {unknown}")
    pending = [(name, fn) for name, fn in MIGRATIONS if name not in done]
    if not pending:
        return []
    from sqlite_utils import Database

    db = Database(conn)
    newly: list[str] = []
    for name, fn in pending:
        begin_immediate(conn)
        try:
            if name in applied(conn):  # another process got there first
                conn.execute("ROLLBACK")
                continue
            conn.execute(
                "CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT)"
            )
            fn(db)
            conn.execute(
                "INSERT INTO _migrations (name, applied_at) VALUES (?, ?)",
                (name, datetime.now(UTC).isoformat(timespec="seconds")),
            )
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        newly.append(name)
    return newly
