"""All database work of the TUI, on one thread of its own, so the keyboard never waits on SQLite.

Every call returns a future; the app awaits it in a worker. Calls run in submission order, so a
decision made before a refresh is visible to that refresh.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from claimcheck.models import ClaimView, Document, HistoryEntry, Status
from claimcheck.store import connect
from claimcheck.store.documents import get_document
from claimcheck.store.listing import ClaimRow, claim_row, claim_rows

T = TypeVar("T")


@dataclass(frozen=True)
class ClaimDetail:
    """A claim with everything the detail pane shows, and the text of its document version."""

    claim: ClaimView
    document: Document


class TriageService:
    """A connection owned by one worker thread; methods queue work on it."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="claimcheck-db")
        self._conn: sqlite3.Connection | None = None

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            self._conn = connect(self.db_path)
        return self._conn

    def _submit(self, work: Callable[[sqlite3.Connection], T]) -> Future[T]:
        return self._executor.submit(lambda: work(self._connection()))

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
            return ClaimDetail(claim, get_document(conn, claim.document_id))

        return self._submit(load)

    def document(self, document_id: str) -> Future[Document]:
        """A document version with its text (to show an evidence passage in context)."""
        return self._submit(lambda conn: get_document(conn, document_id))

    def decide(
        self, claim_id: str, status: Status | None, analyst: str, note: str | None = None
    ) -> Future[HistoryEntry]:
        """Append a decision (status and/or note) as one transaction."""
        from claimcheck.store.decisions import decide

        clear = note is not None and not note.strip()
        return self._submit(
            lambda conn: decide(conn, claim_id, status, analyst, note=note, clear_note=clear)
        )

    def undo(self, claim_id: str, analyst: str) -> Future[HistoryEntry]:
        """Append an event reverting the claim's latest decision."""
        from claimcheck.store.decisions import undo

        return self._submit(lambda conn: undo(conn, claim_id, analyst))

    def close(self) -> None:
        """Finish queued work, then close the connection."""

        def shut() -> None:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

        self._executor.submit(shut).result()
        self._executor.shutdown(wait=True)
