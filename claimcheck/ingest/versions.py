"""Document versions: ids, and where the claims of earlier versions go in a new one.

Planning only reads the database; `ingest.commit` writes what it plans.
"""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Literal

from claimcheck.extract.claims import Extraction, checkworthiness, sentence_facts
from claimcheck.extract.datecontext import DateContext
from claimcheck.models import Claim, Document, Role
from claimcheck.store.claims import claims_for_document, orphans_of_path
from claimcheck.text.anchor import make_span, reanchor
from claimcheck.text.pages import page_at
from claimcheck.text.spans import SpanSet

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


def document_id(path: str, sha256: str, version: int | None = None) -> str:
    """A stable id for one version of one file: same path and bytes, same id.

    Bytes that come back after a change (A → B → A) become a new version, whose id also
    depends on its version number, since the first A keeps its own id and history.
    """
    key = f"{path}\0{sha256}" if version is None else f"{path}\0{sha256}\0{version}"
    return "d" + hashlib.sha256(key.encode()).hexdigest()[:11]


@dataclass(frozen=True)
class Move:
    """An earlier claim's new anchor in the version being stored (or its orphaning)."""

    claim: Claim
    method: str
    facts_changed: bool = False


@dataclass
class AnchorPlan:
    """The claims of earlier versions moved or orphaned, and the claims new in this version."""

    moves: list[Move] = field(default_factory=list)
    new_claims: list[Claim] = field(default_factory=list)
    still_orphaned: int = 0

    @property
    def reanchored(self) -> int:
        """Earlier claims found again in the new text."""
        return sum(move.method != "orphaned" for move in self.moves)

    @property
    def orphaned(self) -> int:
        """Earlier claims whose quote the new text does not hold."""
        return self.still_orphaned + sum(move.method == "orphaned" for move in self.moves)


def plan_anchors(
    conn: sqlite3.Connection, doc: Document, extracted: list[Claim], previous: Document | None
) -> AnchorPlan:
    """Re-anchor the previous version's claims (and earlier orphans) in `doc`; the rest is new.

    Claims already anchored in `doc` (an interrupted ingest being finished) stay as they are,
    and extracted claims overlapping any anchored claim are not new.
    """
    plan = AnchorPlan()
    by_span = {(c.span.start, c.span.end): c for c in extracted}
    spans = [(c.span.start, c.span.end) for c in claims_for_document(conn, doc.id)]
    for old in _earlier_claims(conn, doc, previous):
        found = reanchor(old.span, doc.text)
        if found is None:
            if old.orphaned:
                plan.still_orphaned += 1
            else:
                plan.moves.append(Move(old.model_copy(update={"orphaned": True}), "orphaned"))
            continue
        span, method = found
        spans.append((span.start, span.end))
        moved = _moved(old, doc, span.start, span.end, by_span)
        changed = method == "fuzzy" and facts_key(old) != facts_key(moved)
        plan.moves.append(Move(moved, method, changed))
    taken = SpanSet(spans)
    plan.new_claims = [c for c in extracted if not taken.overlaps(c.span.start, c.span.end)]
    return plan


def _earlier_claims(
    conn: sqlite3.Connection, doc: Document, previous: Document | None
) -> list[Claim]:
    """The previous version's claims and the path's orphans, each once."""
    found = claims_for_document(conn, previous.id) if previous else []
    found += orphans_of_path(conn, doc.path)
    unique = {claim.id: claim for claim in found if claim.document_id != doc.id}
    return list(unique.values())


def facts_key(claim: Claim) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """What a decision on a claim rests on: its figures' intervals and its dates."""
    figures = sorted(f"{q.value}|{q.low}|{q.high}" for q in claim.quantities)
    dates = sorted(d.value or " ".join(d.text.casefold().split()) for d in claim.dates)
    return tuple(figures), tuple(dates)


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
        page=page_at(document.page_starts, start),
    )


def paginate(extraction: Extraction, page_starts: list[int] | None) -> Extraction:
    """The extraction with the page each passage and claim starts on (a paged source only)."""
    if not page_starts:
        return extraction
    passages = [
        p.model_copy(update={"page": page_at(page_starts, p.start)}) for p in extraction.passages
    ]
    claims = [
        c.model_copy(update={"page": page_at(page_starts, c.span.start)}) for c in extraction.claims
    ]
    return replace(extraction, passages=passages, claims=claims)
