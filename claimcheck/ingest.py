"""Ingest: source files become document versions with passages and claims, one transaction each."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from claimcheck.anchor import make_span, reanchor
from claimcheck.dates import DateContext
from claimcheck.errors import InputError
from claimcheck.extract import checkworthiness, extract, sentence_facts
from claimcheck.models import Claim, Document
from claimcheck.sources import Source, absolute, find_sources, read_source
from claimcheck.store import documents as docs_store
from claimcheck.store import write_transaction
from claimcheck.store.claims import claims_for_document, insert_claims, reanchor_claim

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


@dataclass
class IngestReport:
    """What ingest did with every file it was given."""

    files: list[FileResult] = field(default_factory=list)

    @property
    def failed(self) -> list[FileResult]:
        """Files that could not be ingested."""
        return [f for f in self.files if f.outcome == "failed"]


def document_id(path: str, sha256: str) -> str:
    """A stable id for one version of one file: same path and bytes, same id."""
    return "d" + hashlib.sha256(f"{path}\0{sha256}".encode()).hexdigest()[:11]


def ingest_paths(
    conn: sqlite3.Connection,
    paths: Sequence[Path | str],
    *,
    on_progress: Callable[[FileResult, int, int], None] | None = None,
) -> IngestReport:
    """Ingest files and folders (recursively); bad files are reported, the rest still ingested."""
    report = IngestReport()
    candidates = list(find_sources(paths))
    for done, candidate in enumerate(candidates, 1):
        if candidate.skip_reason:
            result = FileResult(absolute(candidate.path), "skipped", candidate.skip_reason)
        else:
            result = ingest_file(conn, candidate.path)
        report.files.append(result)
        if on_progress:
            on_progress(result, done, len(candidates))
    return report


def ingest_file(conn: sqlite3.Connection, path: Path) -> FileResult:
    """Ingest one file as one transaction: new, a new version of a changed file, or unchanged."""
    try:
        source = read_source(path)
    except InputError as exc:
        return FileResult(absolute(path), "failed", str(exc))
    with write_transaction(conn):
        previous = docs_store.current_for_path(conn, source.path)
        if previous is not None and previous.sha256 == source.sha256:
            return FileResult(
                source.path,
                "unchanged",
                document_id=previous.id,
                title=previous.title,
                passages=len(docs_store.passages_for(conn, previous.id)),
                claims=len(claims_for_document(conn, previous.id)),
            )
        return _store_version(conn, source, previous)


def _store_version(
    conn: sqlite3.Connection, source: Source, previous: Document | None
) -> FileResult:
    at = datetime.now(UTC).isoformat(timespec="seconds")
    doc = Document(
        id=document_id(source.path, source.sha256),
        path=source.path,
        title=source.title,
        sha256=source.sha256,
        ingested_at=at,
        format=source.format,
        text=source.text,
        version=(previous.version + 1) if previous else 1,
    )
    extraction = extract(doc.id, doc.text, doc.sha256)
    docs_store.insert_document(conn, doc)
    docs_store.insert_passages(conn, extraction.passages)
    result = FileResult(
        source.path,
        "updated" if previous else "new",
        document_id=doc.id,
        title=doc.title,
        passages=len(extraction.passages),
    )
    new_claims = extraction.claims
    if previous is not None:
        docs_store.supersede(conn, previous.id, doc.id)
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
    old_claims = claims_for_document(conn, previous.id) + _orphans_of(conn, previous.path)
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
    dates, quantities, attribution = sentence_facts(doc.text, start, end, DateContext())
    exact = doc.text[start:end]
    return Claim(
        id=old.id,
        document_id=doc.id,
        span=make_span(doc.text, start, end),
        sha256=doc.sha256,
        text=exact,
        quantities=quantities,
        dates=dates,
        attribution=attribution,
        checkworthiness=checkworthiness(exact, quantities, dates, attribution),
    )


def _orphans_of(conn: sqlite3.Connection, path: str) -> list[Claim]:
    rows = conn.execute(
        "SELECT c.id FROM claims c JOIN documents d ON d.id = c.document_id "
        "WHERE d.path = ? AND c.orphaned = 1 AND d.superseded_by IS NOT NULL",
        (path,),
    ).fetchall()
    from claimcheck.store.claims import get_claim

    return [get_claim(conn, row["id"]) for row in rows]


def _overlaps(claim: Claim, spans: list[tuple[int, int]]) -> bool:
    return any(claim.span.start < end and start < claim.span.end for start, end in spans)
