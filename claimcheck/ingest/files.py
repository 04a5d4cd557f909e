"""Ingest files and folders: each readable file becomes a document version; bad ones reported.

Per file: read and extract with no lock held; then, holding the database's ingest lock (one
ingest process writes at a time; decisions never wait on it), finish whatever a killed ingest
left of this path, plan where earlier claims go, and write the version in short transactions
(`ingest.commit`). An error in one file is reported with its path and the others go on.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from functools import partial
from pathlib import Path

from claimcheck.errors import ClaimcheckError, StoreError
from claimcheck.extract.claims import Extraction, extract
from claimcheck.ingest.commit import Redo, anchor_steps, discard_staged, run_steps, version_steps
from claimcheck.ingest.sources import Source, SourcePath, absolute, find_sources, read_source
from claimcheck.ingest.versions import (
    AnchorPlan,
    FileResult,
    Outcome,
    document_id,
    paginate,
    plan_anchors,
)
from claimcheck.ingest.warc import warc_records
from claimcheck.ingest.web import FetchLimits, fetch, web_source
from claimcheck.models import Document, Role, Snapshot
from claimcheck.store import documents as docs_store
from claimcheck.store import write_transaction
from claimcheck.store.connection import job_lock
from claimcheck.store.decisions import now
from claimcheck.store.sources import apply_corrections

MAX_ATTEMPTS = 3
"""Times a file is planned again when another ingest changed its path meanwhile."""


@dataclass
class IngestReport:
    """What ingest did with every file it was given."""

    files: list[FileResult] = field(default_factory=list)

    @property
    def failed(self) -> list[FileResult]:
        """Files that could not be ingested."""
        return [f for f in self.files if f.outcome == "failed"]


def ingest_paths(
    conn: sqlite3.Connection,
    paths: Sequence[Path | str],
    *,
    role: Role | None = None,
    on_progress: Callable[[FileResult, int, int], None] | None = None,
    limits: FetchLimits | None = None,
) -> IngestReport:
    """Ingest files, folders (recursively), web archives and URLs (str); bad ones are reported,
    the rest still ingested.

    `role` sets the documents' role; None makes new documents sources and keeps known ones'."""
    report = IngestReport()
    candidates = list(find_sources(paths))
    for done, candidate in enumerate(candidates, 1):
        for result in _ingest_candidate(conn, candidate, limits, role):
            report.files.append(result)
            if on_progress:
                on_progress(result, done, len(candidates))
    return report


def _ingest_candidate(
    conn: sqlite3.Connection,
    candidate: SourcePath,
    limits: FetchLimits | None,
    role: Role | None,
) -> Iterator[FileResult]:
    """What ingesting one file, URL or web archive did (an archive holds many pages)."""
    if candidate.url is not None:
        yield _guarded(candidate.url, partial(_ingest_url, conn, candidate.url, limits, role))
    elif candidate.skip_reason:
        yield FileResult(absolute(candidate.path), "skipped", candidate.skip_reason)
    elif candidate.warc:
        yield from ingest_warc(conn, candidate.path, role)
    else:
        yield ingest_file(conn, candidate.path, role)


def ingest_file(conn: sqlite3.Connection, path: Path, role: Role | None = None) -> FileResult:
    """Ingest one file: new, a new version of a changed file, or unchanged (whose role still
    changes when `role` names another); never raises for a problem with this file or its
    storing, so the files after it are still ingested."""
    return _guarded(absolute(path), lambda: _ingest_source(conn, read_source(path), role))


def ingest_warc(
    conn: sqlite3.Connection, path: Path, role: Role | None = None
) -> Iterator[FileResult]:
    """Ingest every HTML or PDF response a web archive holds, as versions of its URL."""
    try:
        for record in warc_records(path):
            if record.skip_reason is not None or record.snapshot is None:
                yield FileResult(record.uri, "skipped", record.skip_reason or "")
                continue
            ingest = partial(_ingest_web, conn, record.snapshot, record.uri, role)
            yield _guarded(record.uri, ingest)
    except ClaimcheckError as exc:
        yield FileResult(absolute(path), "failed", str(exc))


def _ingest_url(
    conn: sqlite3.Connection, url: str, limits: FetchLimits | None, role: Role | None
) -> FileResult:
    return _ingest_web(conn, fetch(url, limits), url, role)


def _ingest_web(
    conn: sqlite3.Connection, snapshot: Snapshot, key: str, role: Role | None
) -> FileResult:
    return _ingest_source(conn, web_source(snapshot, key), role)


def _guarded(key: str, ingest: Callable[[], FileResult]) -> FileResult:
    """The result of ingesting one source, or its failure: never raises, so the rest go on."""
    try:
        return ingest()
    except ClaimcheckError as exc:
        return FileResult(key, "failed", str(exc))
    except Exception as exc:  # a fault storing one file (disk full, a bug) must not stop the rest
        return FileResult(key, "failed", f"{type(exc).__name__}: {exc}")


def _ingest_source(conn: sqlite3.Connection, source: Source, role: Role | None) -> FileResult:
    previous = docs_store.current_for_path(conn, source.path)
    if previous is not None and previous.sha256 == source.sha256:
        with job_lock(conn, "ingest"):
            finished = finish_interrupted(conn, source.path)
            return _unchanged(conn, source.path, role, finished)
    for _ in range(MAX_ATTEMPTS):
        doc = apply_corrections(conn, _new_version(conn, source, previous, role))
        extraction = _extract(doc, *_stated_date(doc, source))
        doc = _dated(doc, extraction, source.created)
        with job_lock(conn, "ingest"):
            finish_interrupted(conn, source.path)
            previous = docs_store.current_for_path(conn, source.path)
            if previous is not None and previous.sha256 == source.sha256:
                return _unchanged(conn, source.path, role)
            again = _new_version(conn, source, previous, role)
            if again.id != doc.id:
                continue  # these bytes became an earlier version meanwhile: extract again
            doc = doc.model_copy(update={"version": again.version})  # after what was stored
            plan = plan_anchors(conn, doc, extraction.claims, previous)
            try:
                steps = version_steps(doc, extraction.passages, plan, previous, source.snapshot)
                run_steps(conn, steps)
            except Redo:
                _discard(conn, doc.id)
                continue
            outcome: Outcome = "updated" if previous else "new"
            return _result(doc, outcome, plan, len(extraction.passages))
    raise StoreError("another ingest kept changing this file's versions; try again")


def _new_version(
    conn: sqlite3.Connection, source: Source, previous: Document | None, role: Role | None
) -> Document:
    """The version `source` becomes after `previous`, with an id no stored version has, in the
    path's role unless `role` names another."""
    version = previous.version + 1 if previous else 1
    new_id = document_id(source.path, source.sha256)
    if docs_store.document_taken(conn, new_id):  # these bytes were an earlier version (A→B→A)
        new_id = document_id(source.path, source.sha256, version)
    return Document(
        id=new_id,
        path=source.path,
        title=source.title,
        sha256=source.sha256,
        ingested_at=datetime.now(UTC).isoformat(timespec="seconds"),
        format=source.format,
        text=source.text,
        version=version,
        role=role or (previous.role if previous else "source"),
        page_starts=source.page_starts,
        url=source.url,
        authors=source.authors,
        publisher=source.publisher,
    )


def _stated_date(doc: Document, source: Source) -> tuple[str | None, str | None]:
    """The publication date extraction resolves dates against: the analyst's correction, else
    the one the source's markup states."""
    if doc.published_from == "analyst":
        return doc.published, doc.published_from
    return source.published, source.published_from


def _extract(doc: Document, published: str | None, published_from: str | None) -> Extraction:
    """Passages and claims of a version, with their pages; `published` is the date its file's
    markup states."""
    try:
        stated = date.fromisoformat(published) if published else None
    except ValueError:
        stated = None
    found = extract(doc.id, doc.text, doc.sha256, published=stated, published_from=published_from)
    return paginate(found, doc.page_starts)


def _dated(doc: Document, extraction: Extraction, created: tuple[str, str] | None) -> Document:
    """The version with the publication date its markup or its dateline states, else the date
    its document properties give (a PDF's creation date)."""
    if extraction.published is None and created is not None:
        return doc.model_copy(update={"published": created[0], "published_from": created[1]})
    published = extraction.published.isoformat() if extraction.published else None
    return doc.model_copy(
        update={"published": published, "published_from": extraction.published_from}
    )


def finish_interrupted(conn: sqlite3.Connection, path: str) -> FileResult | None:
    """Delete what a killed ingest staged for `path`, and finish a version it left anchoring;
    the result of finishing it, or None when there was nothing to finish."""
    for staged in docs_store.staged_for_path(conn, path):
        _discard(conn, staged)
    current = docs_store.current_for_path(conn, path)
    if current is None or docs_store.ingest_state(conn, current.id) != "anchoring":
        return None
    extraction = _extract(current, current.published, current.published_from)
    previous = docs_store.predecessor(conn, current.id)
    plan = plan_anchors(conn, current, extraction.claims, previous)
    run_steps(conn, anchor_steps(current, plan))
    return _result(current, "updated" if previous else "new", plan, len(extraction.passages))


def _discard(conn: sqlite3.Connection, staged_id: str) -> None:
    if docs_store.ingest_state(conn, staged_id) == "staged":
        discard_staged(conn, staged_id)


def _unchanged(
    conn: sqlite3.Connection, path: str, role: Role | None, finished: FileResult | None = None
) -> FileResult:
    """An unchanged file (or one whose killed ingest was just finished), given `role` if it
    names another."""
    current = docs_store.current_for_path(conn, path)
    if current is None:
        raise StoreError("its stored version vanished while being read")
    if role is not None and role != current.role:
        with write_transaction(conn):
            docs_store.set_role(conn, path, role, "ingest", now())
    if finished is not None:
        return replace(finished, role=role or current.role)
    passages, claims = docs_store.version_counts(conn, current.id)
    return FileResult(
        path,
        "unchanged",
        document_id=current.id,
        title=current.title,
        passages=passages,
        claims=claims,
        role=role or current.role,
    )


def _result(doc: Document, outcome: Outcome, plan: AnchorPlan, passages: int) -> FileResult:
    return FileResult(
        doc.path,
        outcome,
        document_id=doc.id,
        title=doc.title,
        passages=passages,
        claims=len(plan.new_claims) + plan.reanchored,
        reanchored=plan.reanchored,
        orphaned=plan.orphaned,
        role=doc.role,
    )
