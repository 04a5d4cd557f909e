"""Claims by hand: an analyst adds a sentence the extractor missed, moves a claim's span, or
splits a compound claim. Each is anchored like an extracted claim (code-point offsets, quote
with prefix and suffix, facts read from the span) and marked with who made it."""

from __future__ import annotations

import hashlib
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from claimcheck.errors import ClaimcheckError
from claimcheck.ingest.versions import claim_at
from claimcheck.models import Claim, Document
from claimcheck.store import write_transaction
from claimcheck.store.claims import claims_at, get_claim, insert_hand_claim, reanchor_claim
from claimcheck.store.decisions import Outcome, dismiss, now
from claimcheck.store.documents import current_for_path, find_document, get_document


def find_quote(
    text: str, quote: str, occurrence: int | None = None, *, within: tuple[int, int] | None = None
) -> tuple[int, int]:
    """Where `quote` occurs in `text` (runs of white space match any white space), as code-point
    offsets; `occurrence` (from 1) picks one when it occurs more than once."""
    words = quote.split()
    if not words:
        raise ClaimcheckError("the quote is empty")
    pattern = re.compile(r"\s+".join(re.escape(word) for word in words))
    low, high = within or (0, len(text))
    found = [(m.start(), m.end()) for m in pattern.finditer(text, low, high)]
    where = " in the claim" if within else ""
    if not found:
        raise ClaimcheckError(f"the quote does not occur{where}: {quote[:60]!r}")
    if occurrence is None:
        if len(found) > 1:
            raise ClaimcheckError(
                f"the quote occurs {len(found)} times{where}; pass --occurrence 1..{len(found)}"
            )
        return found[0]
    if not 1 <= occurrence <= len(found):
        raise ClaimcheckError(f"--occurrence {occurrence}: the quote occurs {len(found)} times")
    return found[occurrence - 1]


def _hand_id(document_id: str, start: int, end: int) -> str:
    return "c" + hashlib.sha1(f"{document_id}:{start}:{end}:hand".encode()).hexdigest()[:11]


def _new_claim(
    conn: sqlite3.Connection,
    document: Document,
    span: tuple[int, int],
    analyst: str,
    *,
    origin: str = "added",
    split_from: str | None = None,
) -> Claim:
    existing = claims_at(conn, document.id, *span)
    if existing:
        raise ClaimcheckError(f"that span is already claim {existing[0]}")
    claim = claim_at(document, *span, _hand_id(document.id, *span))
    insert_hand_claim(conn, claim, origin=origin, analyst=analyst, at=now(), split_from=split_from)
    return claim


def add_claim(
    conn: sqlite3.Connection,
    document: str,
    quote: str,
    analyst: str,
    *,
    occurrence: int | None = None,
) -> Claim:
    """Add the quote, found in the current version of a document (id or path), as a claim."""
    with write_transaction(conn):
        found = find_document(conn, document)
        span = find_quote(found.text, quote, occurrence)
        return _new_claim(conn, found, span, analyst)


def add_span(
    conn: sqlite3.Connection, document_id: str, start: int, end: int, analyst: str
) -> Claim:
    """Add text[start:end] of a document version (a sentence the analyst picked) as a claim."""
    with write_transaction(conn):
        return _new_claim(conn, get_document(conn, document_id), (start, end), analyst)


def edit_claim(
    conn: sqlite3.Connection,
    claim_id: str,
    quote: str,
    analyst: str,
    *,
    occurrence: int | None = None,
) -> tuple[Claim, Claim]:
    """Move a claim's span to the quote in its document's current version; the claim keeps its
    id and decisions, and its old span stays in its anchor history. Returns (old, new)."""
    with write_transaction(conn):
        old = get_claim(conn, claim_id)
        document = current_for_path(conn, get_document(conn, old.document_id).path)
        assert document is not None
        span = find_quote(document.text, quote, occurrence)
        if (document.id, *span) == (old.document_id, old.span.start, old.span.end):
            raise ClaimcheckError(f"claim {old.id} already has that span")
        others = [c for c in claims_at(conn, document.id, *span) if c != old.id]
        if others:
            raise ClaimcheckError(f"that span is already claim {others[0]}")
        new = claim_at(document, *span, old.id)
        reanchor_claim(conn, new, "edited", now(), analyst)
        return old, new


@dataclass(frozen=True)
class Split:
    """The claims a split made, and the dismissal of the claim they replace."""

    parts: list[Claim]
    dismissed: Outcome


def split_claim(
    conn: sqlite3.Connection, claim_id: str, quotes: Sequence[str], analyst: str
) -> Split:
    """Replace a compound claim by claims for its parts (each quote must lie inside it); the
    original is dismissed with a note naming its parts, which undo or `restore` reverses."""
    if len(quotes) < 2:
        raise ClaimcheckError("a split needs at least two --quote parts")
    with write_transaction(conn):
        whole = get_claim(conn, claim_id)
        document = get_document(conn, whole.document_id)
        within = (whole.span.start, whole.span.end)
        spans = [find_quote(document.text, q, 1, within=within) for q in quotes]
        if within in spans:
            raise ClaimcheckError("a part is the whole claim; quote the parts")
        parts = [
            _new_claim(conn, document, span, analyst, origin="split", split_from=whole.id)
            for span in spans
        ]
        note = "split into " + ", ".join(part.id for part in parts)
        outcome = dismiss(conn, whole.id, analyst, note=note)
        return Split(parts, outcome)
