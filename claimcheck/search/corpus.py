"""The corpus searched for evidence: every passage of every current document, with its scope."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from claimcheck.models import DateFact, Passage
from claimcheck.store.documents import current_passage_rows, document_texts, passage_from_row
from claimcheck.text.hashing import content_hash


@dataclass(frozen=True)
class CorpusPassage:
    """A passage of a current document, with the path that tells which source it belongs to."""

    passage: Passage
    path: str
    scope: list[DateFact]
    title: str = ""
    """The document's title, which the index mixes into the passage's vector."""


DATELINE_CHARS = 400
"""A dated sentence this near the top of a document dates the figures of undated paragraphs."""


def load_corpus(conn: sqlite3.Connection) -> dict[int, CorpusPassage]:
    """Every passage of every current document, with its time scope, keyed by passage id.

    A passage's scope is its own dates, else the last dates of its paragraph, else the document's
    date line (the first dated sentence near its top): a report's figures are as of when it was
    written unless it says otherwise.
    """
    rows = current_passage_rows(conn)
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


def texts_to_embed(corpus: dict[int, CorpusPassage]) -> dict[str, str]:
    """Every text the index needs a vector for (passages and document titles), by content hash."""
    texts = {p.passage.content_hash: p.passage.text for p in corpus.values()}
    texts.update({content_hash(p.title): p.title for p in corpus.values() if p.title})
    return texts
