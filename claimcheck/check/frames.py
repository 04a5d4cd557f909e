"""Frames for passages and claims stored before frames existed, or read by an older version of
the frame reading: rebuilt from the documents' stored text (with the same extraction ingest
runs) and stored, so an upgrade never judges with stale frames."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date

from claimcheck.extract.claims import extract
from claimcheck.extract.frames import frames_current
from claimcheck.models import Claim, Frames
from claimcheck.search.corpus import CorpusPassage
from claimcheck.store.claims import claims_for_document, set_claim_frames
from claimcheck.store.documents import get_document, set_passage_frames


def ensure_frames(
    conn: sqlite3.Connection, corpus: dict[int, CorpusPassage]
) -> dict[int, CorpusPassage]:
    """The corpus with every passage's frames, building and storing missing and stale ones."""
    missing = sorted(
        {p.passage.document_id for p in corpus.values() if not frames_current(p.passage.frames)}
    )
    if not missing:
        return corpus
    passage_frames: dict[int, Frames] = {}
    claim_frames: dict[str, Frames] = {}
    by_span = {(p.passage.document_id, p.passage.start): pid for pid, p in corpus.items()}
    for document_id in missing:
        document = get_document(conn, document_id)
        published = date.fromisoformat(document.published) if document.published else None
        extraction = extract(document.id, document.text, document.sha256, published=published)
        fresh = {p.start: p.frames for p in extraction.passages if p.frames is not None}
        for start, frames in fresh.items():
            passage_id = by_span.get((document_id, start))
            if passage_id is not None:
                passage_frames[passage_id] = frames
        for claim in claims_for_document(conn, document_id):
            found = _covering(fresh, claim)
            if not frames_current(claim.frames) and found is not None:
                claim_frames[claim.id] = found
    set_passage_frames(conn, passage_frames)
    set_claim_frames(conn, claim_frames)
    return {
        pid: replace(p, passage=p.passage.model_copy(update={"frames": passage_frames[pid]}))
        if pid in passage_frames
        else p
        for pid, p in corpus.items()
    }


def _covering(fresh: dict[int, Frames], claim: Claim) -> Frames | None:
    """The frames of the sentence a claim's quote starts in."""
    starts = [s for s in fresh if s <= claim.span.start]
    return fresh[max(starts)] if starts else None
