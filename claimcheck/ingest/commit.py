"""Storing a planned document version in short transactions, so no decision waits on an ingest.

A version is written as a list of steps, packed into transactions of at most `CHUNK_ROWS` rows
with a pause between them in which a waiting writer (a `mark`, a TUI decision) takes the lock:

1. the version is *staged*: its row, superseded by itself so no reader lists it, and its
   passages, in chunks;
2. it is *published* in one tiny transaction that first checks the path's current version is
   still the one the plan was made against (else `Redo`), then makes it current;
3. earlier claims move into it and new claims are added, in chunks; the version is then complete.

A small document fits one transaction, so readers never see it half-stored. A killed ingest
leaves either a staged version (deleted by the next ingest of that path) or a current one still
`anchoring` (finished by the next ingest): every state in between is consistent — each claim is
anchored in the stored text of some version, and no decision is touched.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from typing import TypeVar

from claimcheck.ingest.versions import AnchorPlan, Move
from claimcheck.models import Document, Passage, Snapshot
from claimcheck.store import documents as docs_store
from claimcheck.store.claims import insert_claims, reanchor_claim
from claimcheck.store.connection import write_transaction
from claimcheck.store.decisions import now
from claimcheck.store.snapshots import insert_snapshot

CHUNK_ROWS = 500
"""Rows written per transaction: tens of milliseconds of holding the write lock."""

MIN_PAUSE = 0.005
"""Seconds between two transactions of one ingest, so a waiting writer gets the lock."""

PAUSE_SHARE = 0.25
"""The pause also grows with the time the last transaction held the lock (a slow disk)."""

T = TypeVar("T")
Step = tuple[int, Callable[[sqlite3.Connection], None]]
"""A write of a number of rows; steps run in order, several to a transaction."""


class Redo(Exception):
    """The path's current version changed after the write was planned; plan again."""


def run_steps(conn: sqlite3.Connection, steps: Iterable[Step]) -> int:
    """Run write steps in order in transactions of at most CHUNK_ROWS rows; the count of them."""
    transactions = 0
    pause = MIN_PAUSE
    for batch in _batches(steps):
        if transactions:
            time.sleep(pause)
        started = time.perf_counter()
        with write_transaction(conn):
            for _, write in batch:
                write(conn)
        pause = max(MIN_PAUSE, (time.perf_counter() - started) * PAUSE_SHARE)
        transactions += 1
    return transactions


def _batches(steps: Iterable[Step]) -> Iterator[list[Step]]:
    """Consecutive steps grouped so that each group writes at most CHUNK_ROWS rows (or one step)."""
    batch: list[Step] = []
    rows = 0
    for step in steps:
        if batch and rows + step[0] > CHUNK_ROWS:
            yield batch
            batch, rows = [], 0
        batch.append(step)
        rows += step[0]
    if batch:
        yield batch


def _chunks(items: Sequence[T], size: int = CHUNK_ROWS) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def version_steps(
    doc: Document,
    passages: Sequence[Passage],
    plan: AnchorPlan,
    previous: Document | None,
    snapshot: Snapshot | None = None,
) -> Iterator[Step]:
    """Every write that stores a new version: stage (with the web response it was read from),
    passages, publish, claims, finish.

    Steps are made as they are taken, before their transaction starts, so passages become rows
    (their facts as JSON) a chunk at a time and never with the lock held."""
    yield 1, partial(_stage, doc=doc, snapshot=snapshot)
    for chunk in _chunks(passages):
        rows = docs_store.passage_rows(chunk)
        yield len(rows), partial(docs_store.insert_passage_rows, rows=rows)
    yield 1, partial(_publish, doc=doc, previous=previous)
    yield from anchor_steps(doc, plan)


def anchor_steps(doc: Document, plan: AnchorPlan) -> Iterator[Step]:
    """The writes that move earlier claims into a current version, add its new claims and mark
    it complete."""
    at = now()
    for moves in _chunks(plan.moves):
        yield len(moves), partial(_move_claims, moves=moves, at=at)
    for claims in _chunks(plan.new_claims):
        yield len(claims), partial(insert_claims, claims=claims, at=at)
    yield 1, partial(docs_store.finish_document, document_id=doc.id)


def discard_staged(conn: sqlite3.Connection, document_id: str) -> None:
    """Delete a staged version left by an ingest that did not finish, a chunk at a time."""
    done = False
    while not done:
        with write_transaction(conn):
            done = docs_store.delete_staged(conn, document_id, CHUNK_ROWS)
        if not done:
            time.sleep(MIN_PAUSE)


def _stage(conn: sqlite3.Connection, doc: Document, snapshot: Snapshot | None) -> None:
    if docs_store.document_taken(conn, doc.id):
        raise Redo(f"version {doc.id} was stored meanwhile")
    docs_store.stage_document(conn, doc)
    if snapshot is not None:
        insert_snapshot(conn, doc.id, snapshot, doc.sha256)


def _publish(conn: sqlite3.Connection, doc: Document, previous: Document | None) -> None:
    current = docs_store.current_for_path(conn, doc.path)
    if (current.id if current else None) != (previous.id if previous else None):
        raise Redo(f"{doc.path} got a new version meanwhile")
    if previous is not None and doc.role != previous.role:  # before it is current: logs the change
        docs_store.set_role(conn, doc.path, doc.role, "ingest", now())
    docs_store.publish_document(conn, doc.id, doc.version, previous.id if previous else None)


def _move_claims(conn: sqlite3.Connection, moves: Sequence[Move], at: str) -> None:
    for move in moves:
        changed_at = at if move.facts_changed else None
        reanchor_claim(conn, move.claim, move.method, at, facts_changed_at=changed_at)
