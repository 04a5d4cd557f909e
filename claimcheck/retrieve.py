"""Retrieval: the passages of other documents most likely to bear on a claim, dense + lexical."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from claimcheck.models import DateFact, Passage
from claimcheck.stance import Side
from claimcheck.stancetext import content_words
from claimcheck.store.documents import document_texts, passage_from_row

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from claimcheck.index import VectorIndex

RRF_K = 10
"""Reciprocal-rank fusion (Cormack et al. 2009): rank r contributes 1 / (RRF_K + r). The usual 60
flattens the top ranks: on the CLIMATE-FEVER tuning slice 5 and 10 beat it by 3 points of
recall@5 (docs/benchmarks.md); 10 also keeps every planted pair of the demo corpus in the top 8."""


@dataclass(frozen=True)
class CorpusPassage:
    """A passage of a current document, with the path that tells which source it belongs to."""

    passage: Passage
    path: str
    scope: list[DateFact]
    title: str = ""
    """The document's title, which the index mixes into the passage's vector."""

    def side(self) -> Side:
        """The passage as one side of a stance comparison."""
        p = self.passage
        return Side(p.text, p.quantities, p.dates, self.scope, p.start)


@dataclass(frozen=True)
class Candidate:
    """A retrieved passage with its dense similarity, lexical score and fused rank score."""

    passage_id: int
    similarity: float
    lexical: float
    fused: float


DATELINE_CHARS = 400
"""A dated sentence this near the top of a document dates the figures of undated paragraphs."""


def load_corpus(conn: sqlite3.Connection) -> dict[int, CorpusPassage]:
    """Every passage of every current document, with its time scope, keyed by passage id.

    A passage's scope is its own dates, else the last dates of its paragraph, else the document's
    date line (the first dated sentence near its top): a report's figures are as of when it was
    written unless it says otherwise.
    """
    rows = conn.execute(
        "SELECT p.*, d.path, d.title FROM passages p "
        "JOIN documents d ON d.id = p.document_id WHERE d.superseded_by IS NULL "
        "ORDER BY p.document_id, p.seq"
    ).fetchall()
    by_document: dict[str, list[sqlite3.Row]] = {}
    for row in rows:
        by_document.setdefault(row["document_id"], []).append(row)
    texts = document_texts(conn, set(by_document))
    corpus: dict[int, CorpusPassage] = {}
    for document_rows in by_document.values():
        passages = [passage_from_row(row) for row in document_rows]
        first = document_rows[0]
        path, title = first["path"], first["title"] or ""
        text = texts[first["document_id"]]
        dateline = next((p.dates for p in passages if p.dates and p.start < DATELINE_CHARS), [])
        scope: list[DateFact] = []
        for previous, passage in zip([None, *passages], passages, strict=False):
            if previous is None or "\n" in text[previous.end : passage.start]:
                scope = []
            if passage.dates:
                scope = passage.dates
            corpus[passage.id] = CorpusPassage(passage, path, list(scope or dateline), title)
    return corpus


_FTS_SAFE = re.compile(r"[^\w]+", re.UNICODE)


def lexical_search(conn: sqlite3.Connection, text: str, limit: int) -> list[tuple[int, float]]:
    """BM25 matches (FTS5) for the content words of `text`, best first (higher is better).

    The words go in unstemmed: the FTS5 porter tokenizer stems query and text alike.
    """
    terms = [_FTS_SAFE.sub("", t) for t in content_words(text)]
    query = " OR ".join(f'"{t}"' for t in terms if t)
    if not query:
        return []
    rows = conn.execute(
        "SELECT rowid, bm25(passages_fts) AS rank FROM passages_fts WHERE passages_fts MATCH ? "
        "ORDER BY rank LIMIT ?",
        (query, limit),
    ).fetchall()
    return [(int(r[0]), -float(r[1])) for r in rows]


def fuse(
    dense: Sequence[tuple[int, float]], lexical: Sequence[tuple[int, float]], k: int
) -> list[Candidate]:
    """Reciprocal rank fusion of dense and lexical rankings; the top `k` candidates."""
    similarity = dict(dense)
    bm25 = dict(lexical)
    fused: dict[int, float] = {}
    for ranking in (dense, lexical):
        for rank, (passage_id, _) in enumerate(ranking):
            fused[passage_id] = fused.get(passage_id, 0.0) + 1.0 / (RRF_K + rank + 1)
    best = sorted(fused, key=lambda pid: (-fused[pid], -similarity.get(pid, 0.0)))[:k]
    return [
        Candidate(pid, similarity.get(pid, 0.0), bm25.get(pid, 0.0), round(fused[pid], 6))
        for pid in best
    ]


@dataclass(frozen=True)
class RetrievalConfig:
    """How many candidates each ranking contributes, how many are kept, and which signals."""

    k: int = 8
    candidates: int = 40
    lexical: bool = True


def retrieve(
    conn: sqlite3.Connection,
    index: VectorIndex,
    corpus: dict[int, CorpusPassage],
    text: str,
    vector: npt.NDArray[np.float32],
    config: RetrievalConfig,
    *,
    exclude_path: str | None = None,
) -> list[Candidate]:
    """The best passages for `text`: dense and BM25 rankings fused, other sources only."""

    def allowed(passage_id: int) -> bool:
        passage = corpus.get(passage_id)
        return passage is not None and passage.path != exclude_path

    depth = min(len(corpus), config.candidates * 3)
    dense: list[tuple[int, float]] = []
    if depth:
        scores, found = index.search(vector.reshape(1, -1), depth)
        dense = [
            (int(pid), float(score))
            for score, pid in zip(scores[0], found[0], strict=True)
            if allowed(int(pid))
        ][: config.candidates]
    lexical: list[tuple[int, float]] = []
    if config.lexical:
        lexical = [
            (pid, score)
            for pid, score in lexical_search(conn, text, config.candidates * 2)
            if allowed(pid)
        ][: config.candidates]
    return fuse(dense, lexical, config.k)
