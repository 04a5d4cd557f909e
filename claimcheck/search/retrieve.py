"""Retrieval: the passages of other documents most likely to bear on a claim, dense + lexical."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from claimcheck.search.corpus import CorpusPassage
from claimcheck.store.search import bm25_search
from claimcheck.text.words import content_words

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from claimcheck.search.vectorindex import VectorIndex

RRF_K = 10
"""Reciprocal-rank fusion (Cormack et al. 2009): rank r contributes 1 / (RRF_K + r). The usual 60
flattens the top ranks: on the CLIMATE-FEVER tuning slice 5 and 10 beat it by 3 points of
recall@5 (docs/benchmarks.md); 10 also keeps every planted pair of the demo corpus in the top 8."""


@dataclass(frozen=True)
class Candidate:
    """A retrieved passage with its dense similarity, lexical score and fused rank score."""

    passage_id: int
    similarity: float
    lexical: float
    fused: float


_FTS_SAFE = re.compile(r"[^\w]+", re.UNICODE)


def lexical_search(conn: sqlite3.Connection, text: str, limit: int) -> list[tuple[int, float]]:
    """BM25 matches (FTS5) for the content words of `text`, best first (higher is better).

    The words go in unstemmed: the FTS5 porter tokenizer stems query and text alike.
    """
    terms = [_FTS_SAFE.sub("", t) for t in content_words(text)]
    query = " OR ".join(f'"{t}"' for t in terms if t)
    if not query:
        return []
    return bm25_search(conn, query, limit)


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
