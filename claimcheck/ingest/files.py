"""Ingest files and folders: each readable file becomes a document version; bad ones reported."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from claimcheck.errors import InputError
from claimcheck.ingest.sources import absolute, find_sources, read_source
from claimcheck.ingest.versions import FileResult, store_version
from claimcheck.models import Role
from claimcheck.store import documents as docs_store
from claimcheck.store import write_transaction
from claimcheck.store.claims import claims_for_document
from claimcheck.store.decisions import now


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
    """Ingest one file as one transaction: new, a new version of a changed file, or unchanged
    (whose role still changes when `role` names another)."""
    try:
        source = read_source(path)
    except InputError as exc:
        return FileResult(absolute(path), "failed", str(exc))
    with write_transaction(conn):
        previous = docs_store.current_for_path(conn, source.path)
        if previous is not None and previous.sha256 == source.sha256:
            if role is not None and role != previous.role:
                docs_store.set_role(conn, previous.path, role, "ingest", now())
            return FileResult(
                source.path,
                "unchanged",
                document_id=previous.id,
                title=previous.title,
                passages=len(docs_store.passages_for(conn, previous.id)),
                claims=len(claims_for_document(conn, previous.id)),
                role=role or previous.role,
            )
        return store_version(conn, source, previous, role)
