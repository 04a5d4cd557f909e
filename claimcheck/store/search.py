"""Full-text search over passages (FTS5, porter-stemmed), ranked by BM25."""

from __future__ import annotations

import sqlite3


def bm25_search(conn: sqlite3.Connection, query: str, limit: int) -> list[tuple[int, float]]:
    """(passage id, score) for an FTS5 MATCH query, best first; higher scores are better."""
    rows = conn.execute(
        "SELECT rowid, bm25(passages_fts) AS rank FROM passages_fts WHERE passages_fts MATCH ? "
        "ORDER BY rank LIMIT ?",
        (query, limit),
    ).fetchall()
    return [(int(r[0]), -float(r[1])) for r in rows]


def lexical_snapshot(conn: sqlite3.Connection) -> bytes:
    """Every row of the passage full-text index as a small database image, for workers elsewhere.

    It holds the same rows under the same tokenizer, so its BM25 scores equal the database's.
    """
    copy = sqlite3.connect(":memory:")
    try:
        copy.execute("CREATE VIRTUAL TABLE passages_fts USING fts5(text, tokenize='porter')")
        rows = conn.execute("SELECT rowid, text FROM passages_fts ORDER BY rowid")
        copy.executemany("INSERT INTO passages_fts (rowid, text) VALUES (?, ?)", rows)
        copy.commit()
        return copy.serialize()
    finally:
        copy.close()


def open_lexical_snapshot(image: bytes) -> sqlite3.Connection:
    """A read-only in-memory connection over an image made by `lexical_snapshot`."""
    conn = sqlite3.connect(":memory:", check_same_thread=False)
    conn.deserialize(image)
    conn.execute("PRAGMA query_only = ON")
    return conn
