"""Documents and their passages: insert, look up, supersede versions."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from claimcheck.errors import NotFoundError
from claimcheck.models import DateFact, Document, Frames, Passage, Quantity
from claimcheck.store.connection import like_prefix, write_in_chunks

_DOC_COLUMNS = (
    "id, path, title, sha256, ingested_at, format, text, version, superseded_by, published, "
    "published_from, role, page_starts, url, publisher, authors"
)


def _document(row: sqlite3.Row) -> Document:
    return Document(
        id=row["id"],
        path=row["path"],
        title=row["title"],
        sha256=row["sha256"],
        ingested_at=row["ingested_at"],
        format=row["format"],
        text=row["text"],
        version=row["version"],
        superseded_by=row["superseded_by"],
        published=row["published"],
        published_from=row["published_from"],
        role=row["role"],
        page_starts=json.loads(row["page_starts"]) if row["page_starts"] else None,
        url=row["url"],
        publisher=row["publisher"],
        authors=json.loads(row["authors"] or "[]"),
    )


def current_for_path(conn: sqlite3.Connection, path: str) -> Document | None:
    """The newest version of the document ingested from `path`, if any."""
    row = conn.execute(
        f"SELECT {_DOC_COLUMNS} FROM documents WHERE path = ? AND superseded_by IS NULL "
        "ORDER BY version DESC LIMIT 1",
        (path,),
    ).fetchone()
    return _document(row) if row else None


CANDIDATES = 5
"""How many candidates an ambiguous id lists."""


def get_document(conn: sqlite3.Connection, document_id: str) -> Document:
    """One document version by id."""
    row = conn.execute(
        f"SELECT {_DOC_COLUMNS} FROM documents WHERE id = ?", (document_id,)
    ).fetchone()
    if row is None:
        raise NotFoundError(f"no document with id {document_id!r}")
    return _document(row)


def list_documents(conn: sqlite3.Connection, *, current_only: bool = True) -> list[Document]:
    """Documents by path; only the newest version of each unless `current_only` is False."""
    where = "WHERE superseded_by IS NULL" if current_only else ""
    rows = conn.execute(f"SELECT {_DOC_COLUMNS} FROM documents {where} ORDER BY path, version")
    return [_document(row) for row in rows]


def insert_document(conn: sqlite3.Connection, document: Document) -> None:
    """Store a new document version."""
    conn.execute(
        f"INSERT INTO documents ({_DOC_COLUMNS}) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            document.id,
            document.path,
            document.title,
            document.sha256,
            document.ingested_at,
            document.format,
            document.text,
            document.version,
            document.superseded_by,
            document.published,
            document.published_from,
            document.role,
            json.dumps(document.page_starts) if document.page_starts is not None else None,
            document.url,
            document.publisher,
            json.dumps(document.authors),
        ),
    )


def find_document(conn: sqlite3.Connection, given: str) -> Document:
    """The current version of a document named by a version's id, a unique id prefix, or its
    path; an id prefix several documents share is an error naming them."""
    row = conn.execute(
        "SELECT path FROM documents WHERE id = ? OR path = ? LIMIT 1", (given, given)
    ).fetchone()
    if row is None and given.strip():
        row = _by_id_prefix(conn, given.strip())
    found = current_for_path(conn, row["path"]) if row else None
    if found is None:
        raise NotFoundError(f"no document with id or path {given!r}")
    return found


def _by_id_prefix(conn: sqlite3.Connection, prefix: str) -> sqlite3.Row | None:
    """The path of the one document whose version ids start with `prefix`."""
    rows = conn.execute(
        "SELECT path, min(id) AS id FROM documents WHERE id LIKE ? ESCAPE '\\' "
        "AND ingest_state IS NOT 'staged' GROUP BY path ORDER BY path LIMIT ?",
        (like_prefix(prefix), CANDIDATES + 1),
    ).fetchall()
    if len(rows) > 1:
        listed = "; ".join(f"{r['id']} {r['path']}" for r in rows[:CANDIDATES])
        more = " …" if len(rows) > CANDIDATES else ""
        raise NotFoundError(
            f"document id {prefix!r} is ambiguous: {listed}{more} (give more characters)"
        )
    return rows[0] if rows else None


def set_role(conn: sqlite3.Connection, path: str, role: str, analyst: str, at: str) -> str | None:
    """Give every version of the document at `path` a role, logged in `role_changes`; the role
    its current version had (a version being staged is not current yet), or None when it already
    had this one (nothing is written then)."""
    row = conn.execute(
        "SELECT role FROM documents WHERE path = ? "
        "ORDER BY superseded_by IS NULL DESC, version DESC LIMIT 1",
        (path,),
    ).fetchone()
    if row is None:
        raise NotFoundError(f"no document with path {path!r}")
    if row["role"] == role:
        return None
    conn.execute("UPDATE documents SET role = ? WHERE path = ?", (role, path))
    conn.execute(
        "INSERT INTO role_changes (path, at, analyst, from_role, to_role) VALUES (?, ?, ?, ?, ?)",
        (path, at, analyst, row["role"], role),
    )
    return str(row["role"])


def supersede(conn: sqlite3.Connection, old_id: str, new_id: str) -> None:
    """Mark `old_id` as replaced by the newer version `new_id`."""
    conn.execute("UPDATE documents SET superseded_by = ? WHERE id = ?", (new_id, old_id))


def document_taken(conn: sqlite3.Connection, document_id: str) -> bool:
    """Whether a stored version (current or superseded, not a staging leftover) has this id."""
    row = conn.execute(
        "SELECT 1 FROM documents WHERE id = ? AND ingest_state IS NOT 'staged'", (document_id,)
    ).fetchone()
    return row is not None


def version_counts(conn: sqlite3.Connection, document_id: str) -> tuple[int, int]:
    """How many passages and claims one document version holds."""
    row = conn.execute(
        "SELECT (SELECT count(*) FROM passages WHERE document_id = ?), "
        "(SELECT count(*) FROM claims WHERE document_id = ?)",
        (document_id, document_id),
    ).fetchone()
    return int(row[0]), int(row[1])


def stage_document(conn: sqlite3.Connection, document: Document) -> None:
    """Store a version that is not current yet: superseded by itself, so no reader lists it."""
    insert_document(conn, document.model_copy(update={"superseded_by": document.id}))
    conn.execute("UPDATE documents SET ingest_state = 'staged' WHERE id = ?", (document.id,))


def publish_document(
    conn: sqlite3.Connection, document_id: str, version: int, previous_id: str | None
) -> None:
    """Make a staged version current (claims still moving into it) and supersede the previous."""
    conn.execute(
        "UPDATE documents SET superseded_by = NULL, version = ?, ingest_state = 'anchoring' "
        "WHERE id = ?",
        (version, document_id),
    )
    if previous_id is not None:
        supersede(conn, previous_id, document_id)


def finish_document(conn: sqlite3.Connection, document_id: str) -> None:
    """Record that every claim of a version is in place."""
    conn.execute("UPDATE documents SET ingest_state = NULL WHERE id = ?", (document_id,))


def ingest_state(conn: sqlite3.Connection, document_id: str) -> str | None:
    """'staged', 'anchoring', or None when the version is complete."""
    row = conn.execute("SELECT ingest_state FROM documents WHERE id = ?", (document_id,)).fetchone()
    return None if row is None else row[0]


def staged_for_path(conn: sqlite3.Connection, path: str) -> list[str]:
    """Ids of versions of `path` whose staging never finished (an ingest was killed)."""
    rows = conn.execute(
        "SELECT id FROM documents WHERE path = ? AND ingest_state = 'staged'", (path,)
    )
    return [row[0] for row in rows]


def delete_staged(conn: sqlite3.Connection, document_id: str, limit: int) -> bool:
    """Delete up to `limit` passages of a staged version, then the version; True when gone."""
    if ingest_state(conn, document_id) != "staged":
        raise ValueError(f"document {document_id} is not staged; stored versions are kept")
    cursor = conn.execute(
        "DELETE FROM passages WHERE id IN (SELECT id FROM passages WHERE document_id = ? LIMIT ?)",
        (document_id, limit),
    )
    if cursor.rowcount < limit:
        conn.execute("DELETE FROM snapshots WHERE document_id = ?", (document_id,))
        conn.execute("DELETE FROM documents WHERE id = ?", (document_id,))
        return True
    return False


def predecessor(conn: sqlite3.Connection, document_id: str) -> Document | None:
    """The version that `document_id` superseded, if any."""
    row = conn.execute(
        f"SELECT {_DOC_COLUMNS} FROM documents WHERE superseded_by = ? AND id != ?",
        (document_id, document_id),
    ).fetchone()
    return _document(row) if row else None


PassageRow = tuple[str, int, int, int, str, str, str, str, str | None, str | None, int | None]


def passage_rows(passages: Sequence[Passage]) -> list[PassageRow]:
    """Passages as the rows `insert_passage_rows` writes, built before any transaction starts."""
    return [
        (
            p.document_id,
            p.seq,
            p.start,
            p.end,
            p.text,
            p.content_hash,
            json.dumps([q.model_dump(mode="json") for q in p.quantities]),
            json.dumps([d.model_dump(mode="json") for d in p.dates]),
            p.attribution,
            p.frames.model_dump_json() if p.frames is not None else None,
            p.page,
        )
        for p in passages
    ]


def insert_passage_rows(conn: sqlite3.Connection, rows: Sequence[PassageRow]) -> None:
    """Store passages already turned into rows by `passage_rows`."""
    conn.executemany(
        "INSERT INTO passages (document_id, seq, span_start, span_end, text, content_hash, "
        "quantities, dates, attribution, frames, page) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )


def passages_for(conn: sqlite3.Connection, document_id: str) -> list[Passage]:
    """The passages of one document version, in reading order."""
    rows = conn.execute("SELECT * FROM passages WHERE document_id = ? ORDER BY seq", (document_id,))
    return [passage_from_row(r) for r in rows]


def passage_from_row(r: sqlite3.Row) -> Passage:
    """Rebuild a Passage from its stored row."""
    return Passage(
        id=r["id"],
        document_id=r["document_id"],
        seq=r["seq"],
        start=r["span_start"],
        end=r["span_end"],
        text=r["text"],
        content_hash=r["content_hash"],
        quantities=[Quantity.model_validate(q) for q in json.loads(r["quantities"] or "[]")],
        dates=[DateFact.model_validate(d) for d in json.loads(r["dates"] or "[]")],
        attribution=r["attribution"],
        frames=Frames.model_validate_json(r["frames"]) if r["frames"] else None,
        page=r["page"],
    )


def document_texts(conn: sqlite3.Connection, document_ids: set[str]) -> dict[str, str]:
    """The stored text of each document, read once (never once per joined row: a document's
    text copied into every evidence row cost seconds and gigabytes at 10,000 claims)."""
    rows = conn.execute(
        "SELECT id, text FROM documents WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps(sorted(document_ids)),),
    )
    return {row["id"]: row["text"] for row in rows}


def current_passage_rows(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """Every passage of every current document with the document's path and title, in order."""
    return conn.execute(
        "SELECT p.*, d.path, d.title FROM passages p "
        "JOIN documents d ON d.id = p.document_id WHERE d.superseded_by IS NULL "
        "ORDER BY p.document_id, p.seq"
    ).fetchall()


def passage_positions(conn: sqlite3.Connection) -> list[tuple[int, int, str]]:
    """(passage id, start offset, document path) of every stored passage."""
    rows = conn.execute(
        "SELECT p.id, p.span_start, d.path FROM passages p JOIN documents d ON d.id = p.document_id"
    )
    return [(int(r[0]), int(r[1]), str(r[2])) for r in rows]


def set_passage_frames(conn: sqlite3.Connection, frames: dict[int, Frames]) -> None:
    """Store frames built for passages that had none (ingested before frames existed)."""
    rows = [(f.model_dump_json(), passage_id) for passage_id, f in frames.items()]
    write_in_chunks(conn, "UPDATE passages SET frames = ? WHERE id = ?", rows)
