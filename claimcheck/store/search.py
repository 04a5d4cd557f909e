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
