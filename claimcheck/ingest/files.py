"""Ingest files and folders: each readable file becomes a document version; bad ones reported.

Per file: read and extract with no lock held; then, holding the database's ingest lock (one
ingest process writes at a time; decisions never wait on it), finish whatever a killed ingest
left of this path, plan where earlier claims go, and write the version in short transactions
(`ingest.commit`). An error in one file is reported with its path and the others go on.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path

from claimcheck.errors import ClaimcheckError, StoreError
from claimcheck.extract.claims import Extraction, extract
from claimcheck.ingest.commit import Redo, anchor_steps, discard_staged, run_steps, version_steps
from claimcheck.ingest.sources import Source, absolute, find_sources, read_source
from claimcheck.ingest.versions import AnchorPlan, FileResult, Outcome, document_id, plan_anchors
from claimcheck.models import Document, Role
from claimcheck.store import documents as docs_store
from claimcheck.store import write_transaction
from claimcheck.store.connection import job_lock
from claimcheck.store.decisions import now

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
) -> IngestReport:
    """Ingest files and folders (recursively); bad files are reported, the rest still ingested.

    `role` sets the documents' role; None makes new documents sources and keeps known ones'."""
    report = IngestReport()
    candidates = list(find_sources(paths))
    for done, candidate in enumerate(candidates, 1):
        if candidate.skip_reason:
            result = FileResult(absolute(candidate.path), "skipped", candidate.skip_reason)
        else:
            result = ingest_file(conn, candidate.path, role)
        report.files.append(result)
        if on_progress:
            on_progress(result, done, len(candidates))
    return report


def ingest_file(conn: sqlite3.Connection, path: Path, role: Role | None = None) -> FileResult:
    """Ingest one file: new, a new version of a changed file, or unchanged (whose role still
    changes when `role` names another); never raises for a problem with this file or its
    storing, so the files after it are still ingested."""
    try:
        return _ingest_source(conn, read_source(path), role)
    except ClaimcheckError as exc:
        return FileResult(absolute(path), "failed", str(exc))
    except Exception as exc:  # a fault storing one file (disk full, a bug) must not stop the rest
        return FileResult(absolute(path), "failed", f"{type(exc).__name__}: {exc}")


def _ingest_source(conn: sqlite3.Connection, source: Source, role: Role | None) -> FileResult:
    previous = docs_store.current_for_path(conn, source.path)
    if previous is not None and previous.sha256 == source.sha256:
        with job_lock(conn, "ingest"):
            finished = finish_interrupted(conn, source.path)
            return _unchanged(conn, source.path, role, finished)
    for _ in range(MAX_ATTEMPTS):
        doc = _new_version(conn, source, previous, role)
        extraction = _extract(doc, source.published, source.published_from)
        doc = _dated(doc, extraction)
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
                run_steps(conn, version_steps(doc, extraction.passages, plan, previous))
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
    )


def _extract(doc: Document, published: str | None, published_from: str | None) -> Extraction:
    """Passages and claims of a version; `published` is the date its file's markup states."""
    try:
        stated = date.fromisoformat(published) if published else None
    except ValueError:
        stated = None
    return extract(doc.id, doc.text, doc.sha256, published=stated, published_from=published_from)


def _dated(doc: Document, extraction: Extraction) -> Document:
    """The version with the publication date its markup or its dateline states."""
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
