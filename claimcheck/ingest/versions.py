"""Document versions: a new or changed file stored with its passages, old claims re-anchored."""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Literal

from claimcheck.extract.claims import checkworthiness, extract, sentence_facts
from claimcheck.extract.datecontext import DateContext
from claimcheck.ingest.sources import Source
from claimcheck.models import Claim, Document, Role
from claimcheck.store import documents as docs_store
from claimcheck.store.claims import (
    claims_for_document,
    insert_claims,
    orphans_of_path,
    reanchor_claim,
)
from claimcheck.text.anchor import make_span, reanchor

Outcome = Literal["new", "updated", "unchanged", "skipped", "failed"]


@dataclass
class FileResult:
    """What ingest did with one file."""

    path: str
    outcome: Outcome
    message: str = ""
    document_id: str | None = None
    title: str | None = None
    passages: int = 0
    claims: int = 0
    reanchored: int = 0
    orphaned: int = 0
    role: Role = "source"


def document_id(path: str, sha256: str) -> str:
    """A stable id for one version of one file: same path and bytes, same id."""
    return "d" + hashlib.sha256(f"{path}\0{sha256}".encode()).hexdigest()[:11]


def store_version(
    conn: sqlite3.Connection, source: Source, previous: Document | None, role: Role | None = None
) -> FileResult:
    """Store a new version of `source` with its passages and claims (the path's role unless
    `role` says otherwise); carry `previous`'s claims."""
    at = datetime.now(UTC).isoformat(timespec="seconds")
    stated = date.fromisoformat(source.published) if source.published else None
    extraction = extract(
        document_id(source.path, source.sha256),
        source.text,
        source.sha256,
        published=stated,
        published_from=source.published_from,
    )
    doc = Document(
        id=document_id(source.path, source.sha256),
        path=source.path,
        title=source.title,
        sha256=source.sha256,
        ingested_at=at,
        format=source.format,
        text=source.text,
        version=(previous.version + 1) if previous else 1,
        published=extraction.published.isoformat() if extraction.published else None,
        published_from=extraction.published_from,
        role=role or (previous.role if previous else "source"),
    )
    docs_store.insert_document(conn, doc)
    docs_store.insert_passages(conn, extraction.passages)
    result = FileResult(
        source.path,
        "updated" if previous else "new",
        document_id=doc.id,
        title=doc.title,
        passages=len(extraction.passages),
        role=doc.role,
    )
    new_claims = extraction.claims
    if previous is not None:
        docs_store.supersede(conn, previous.id, doc.id)
        if doc.role != previous.role:
            docs_store.set_role(conn, doc.path, doc.role, "ingest", at)
        carried = _carry_claims(conn, previous, doc, extraction.claims, at)
        result.reanchored, result.orphaned = carried.reanchored, carried.orphaned
        new_claims = [c for c in extraction.claims if not _overlaps(c, carried.spans)]
    insert_claims(conn, new_claims, at)
    result.claims = len(new_claims) + result.reanchored
    return result


@dataclass
class _Carried:
    reanchored: int = 0
    orphaned: int = 0
    spans: list[tuple[int, int]] = field(default_factory=list)


def _carry_claims(
    conn: sqlite3.Connection, previous: Document, doc: Document, extracted: list[Claim], at: str
) -> _Carried:
    """Re-anchor the previous version's claims (and earlier orphans) in the new text."""
    carried = _Carried()
    by_span = {(c.span.start, c.span.end): c for c in extracted}
    old_claims = claims_for_document(conn, previous.id) + orphans_of_path(conn, previous.path)
    for old in old_claims:
        found = reanchor(old.span, doc.text)
        if found is None:
            if not old.orphaned:
                reanchor_claim(conn, old.model_copy(update={"orphaned": True}), "orphaned", at)
            carried.orphaned += 1
            continue
        span, method = found
        carried.spans.append((span.start, span.end))
        carried.reanchored += 1
        reanchor_claim(conn, _moved(old, doc, span.start, span.end, by_span), method, at)
    return carried


def _moved(
    old: Claim, doc: Document, start: int, end: int, by_span: dict[tuple[int, int], Claim]
) -> Claim:
    """The claim anchored at [start, end) of the new version, with facts re-read from there."""
    fresh = by_span.get((start, end))
    if fresh is not None:
        return fresh.model_copy(update={"id": old.id})
    return claim_at(doc, start, end, old.id)


def claim_at(document: Document, start: int, end: int, claim_id: str) -> Claim:
    """A claim anchored at [start, end) of a document version, its facts read from the span."""
    published = date.fromisoformat(document.published) if document.published else None
    context = DateContext(published=published)
    dates, quantities, attribution = sentence_facts(document.text, start, end, context)
    exact = document.text[start:end]
    return Claim(
        id=claim_id,
        document_id=document.id,
        span=make_span(document.text, start, end),
        sha256=document.sha256,
        text=exact,
        quantities=quantities,
        dates=dates,
        attribution=attribution,
        checkworthiness=checkworthiness(exact, quantities, dates, attribution),
    )


def _overlaps(claim: Claim, spans: list[tuple[int, int]]) -> bool:
    return any(claim.span.start < end and start < claim.span.end for start, end in spans)
