"""A source's publication date corrected by hand becomes the document time claimcheck reasons
with: the current version's dates and frames are read again against it, and every claim is
checked again by the next `check`."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from datetime import date

from claimcheck.extract.claims import extract
from claimcheck.ingest.versions import claim_at
from claimcheck.models import Claim, Document, Frames, Passage
from claimcheck.store.claims import claims_for_document
from claimcheck.store.sources import Redated, correct_source, store_redated


def correct_and_redate(
    conn: sqlite3.Connection,
    document: Document,
    changes: Mapping[str, str | list[str] | None],
    analyst: str,
) -> Document:
    """Record an analyst's corrections; when they change the publication date, re-read the
    version's time against the new one (outside any transaction) and store it."""
    corrected = correct_source(conn, document, changes, analyst)
    if corrected.published != document.published:
        store_redated(conn, redated(corrected, claims_for_document(conn, corrected.id)))
    return corrected


def redated(document: Document, claims: list[Claim]) -> Redated:
    """The version's passages' and claims' dates and frames as ingest reads them with the
    document's publication date as it now stands; a claim no extraction finds (hand-made) gets
    the dates of its own span and the frames of the sentence it starts in."""
    published = date.fromisoformat(document.published) if document.published else None
    extraction = extract(document.id, document.text, document.sha256, published=published)
    passages = {p.start: p for p in extraction.passages}
    extracted = {(c.span.start, c.span.end): c for c in extraction.claims}
    found: dict[str, Claim] = {}
    for claim in claims:
        span = (claim.span.start, claim.span.end)
        if span in extracted:
            found[claim.id] = extracted[span]
        else:
            fresh = claim_at(document, *span, claim.id)
            found[claim.id] = fresh.model_copy(update={"frames": _covering(passages, span[0])})
    return Redated(
        document_id=document.id,
        passages={start: (p.dates, p.frames) for start, p in passages.items()},
        claims={claim_id: (c.dates, c.frames) for claim_id, c in found.items()},
    )


def _covering(passages: dict[int, Passage], start: int) -> Frames | None:
    """The frames of the sentence an offset falls in."""
    starts = [s for s in passages if s <= start]
    return passages[max(starts)].frames if starts else None
