"""All database work of the TUI, on threads of its own, so the keyboard never waits on SQLite.

Every call returns a future; the app awaits it in a worker. Reads run in submission order on one
thread and connection; decisions run in submission order on another, so a decision waiting for
the write lock (another process writing) never holds up the list or the detail.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from claimcheck.grading import Axis
from claimcheck.models import Claim, ClaimView, Document, LinkAction, Passage, Status
from claimcheck.store import connect, write_transaction
from claimcheck.store.connection import BUSY_TIMEOUT_MS
from claimcheck.store.decisions import Outcome
from claimcheck.store.documents import get_document, passages_for
from claimcheck.store.grades import GradeOutcome
from claimcheck.store.listing import ClaimRow, claim_row, claim_rows

T = TypeVar("T")


@dataclass(frozen=True)
class ClaimDetail:
    """A claim with everything the detail pane shows, and the text of its document version."""

    claim: ClaimView
    document: Document
    passages: list[Passage]


class _Lane:
    """One thread with its own connection; work submitted to it runs in order."""

    def __init__(self, db_path: Path, name: str) -> None:
        self.db_path = db_path
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self.conn: sqlite3.Connection | None = None

    def submit(self, work: Callable[[sqlite3.Connection], T]) -> Future[T]:
        return self.executor.submit(lambda: work(self._connection()))

    def _connection(self) -> sqlite3.Connection:
        if self.conn is None:
            self.conn = connect(self.db_path)
        return self.conn

    def close(self) -> None:
        def shut() -> None:
            if self.conn is not None:
                self.conn.close()
                self.conn = None

        self.executor.submit(shut).result()
        self.executor.shutdown(wait=True)


class TriageService:
    """Reads on one lane, decisions on another; `write_timeout` is how long a decision waits
    for the write lock before its future fails (the app then keeps it and retries)."""

    def __init__(self, db_path: Path, *, write_timeout: float = BUSY_TIMEOUT_MS / 1000) -> None:
        self.db_path = db_path
        self.write_timeout = write_timeout
        self._reads = _Lane(db_path, "claimcheck-db")
        self._writes = _Lane(db_path, "claimcheck-db-write")

    def _submit(self, work: Callable[[sqlite3.Connection], T]) -> Future[T]:
        return self._reads.submit(work)

    def _write(self, work: Callable[[sqlite3.Connection], T]) -> Future[T]:
        def run(conn: sqlite3.Connection) -> T:
            with write_transaction(conn, timeout=self.write_timeout):
                return work(conn)

        return self._writes.submit(run)

    def rows(self) -> Future[list[ClaimRow]]:
        """Every claim as a list row."""
        return self._submit(claim_rows)

    def row(self, claim_id: str) -> Future[ClaimRow | None]:
        """One claim's list row, fresh from the database."""
        return self._submit(lambda conn: claim_row(conn, claim_id))

    def detail(self, claim_id: str) -> Future[ClaimDetail]:
        """A claim's full view (history, evidence, anchors) and its document's text."""

        def load(conn: sqlite3.Connection) -> ClaimDetail:
            from claimcheck.store.views import claim_view

            claim = claim_view(conn, claim_id)
            document = get_document(conn, claim.document_id)
            return ClaimDetail(claim, document, passages_for(conn, document.id))

        return self._submit(load)

    def document(self, document_id: str) -> Future[Document]:
        """A document version with its text (to show an evidence passage in context)."""
        return self._submit(lambda conn: get_document(conn, document_id))

    def decide(
        self, claim_id: str, status: Status | None, analyst: str, note: str | None = None
    ) -> Future[Outcome]:
        """Append a decision (status and/or note) as one transaction."""
        from claimcheck.store.decisions import decide

        clear = note is not None and not note.strip()
        return self._write(
            lambda conn: decide(conn, claim_id, status, analyst, note=note, clear_note=clear)
        )

    def dismiss(self, claim_id: str, analyst: str, *, restore: bool = False) -> Future[Outcome]:
        """Dismiss a claim as not a claim (or restore it)."""
        from claimcheck.store.decisions import dismiss

        return self._write(lambda conn: dismiss(conn, claim_id, analyst, restore=restore))

    def link(
        self,
        claim_id: str,
        passage_id: int,
        action: LinkAction,
        analyst: str,
        note: str | None = None,
    ) -> Future[Outcome]:
        """Review one evidence link: accept, reject, set its stance, or note it."""
        from claimcheck.store.decisions import link

        return self._write(
            lambda conn: link(conn, claim_id, passage_id, action, analyst, note=note)
        )

    def undo(self, claim_id: str, analyst: str) -> Future[Outcome]:
        """Append an event reverting the analyst's latest decision in effect on the claim."""
        from claimcheck.store.decisions import undo

        return self._write(lambda conn: undo(conn, claim_id, analyst))

    def redo(self, claim_id: str, analyst: str) -> Future[Outcome]:
        """Append an event reverting the analyst's latest undo on the claim."""
        from claimcheck.store.decisions import redo

        return self._write(lambda conn: redo(conn, claim_id, analyst))

    def grade(
        self, claim_id: str, changes: Mapping[Axis, str | None], analyst: str
    ) -> Future[list[GradeOutcome]]:
        """Grade the claim's credibility and/or its outlet's reliability, one transaction."""
        from claimcheck.store.grades import grade_from_claim

        return self._write(lambda conn: grade_from_claim(conn, claim_id, changes, analyst))

    def add_claim(self, document_id: str, start: int, end: int, analyst: str) -> Future[Claim]:
        """Add text[start:end] of a document version as a hand-made claim."""
        from claimcheck.ingest.handmade import add_span

        return self._write(lambda conn: add_span(conn, document_id, start, end, analyst))

    def close(self) -> None:
        """Finish queued work, then close the connections."""
        self._writes.close()
        self._reads.close()
