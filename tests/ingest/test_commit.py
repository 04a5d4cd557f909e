"""Writing a version in short transactions: every cut a kill can make is finished later, and
a version planned against a path's old current version is never published over a newer one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from claimcheck.extract.claims import extract
from claimcheck.ingest import commit, ingest_paths
from claimcheck.ingest.commit import Redo, run_steps, version_steps
from claimcheck.ingest.sources import read_source
from claimcheck.ingest.versions import document_id, plan_anchors
from claimcheck.models import Document, Status
from claimcheck.store import connect
from claimcheck.store.decisions import current_state, decide
from claimcheck.store.documents import current_for_path
from tests.ingest.test_reliability import VERSION_A, VERSION_B, claim_with, state


class Killed(BaseException):
    """What kill -9 does to an ingest between two of its transactions."""


def killed_after(transactions: int) -> Iterator[None]:
    """Stop every ingest after `transactions` commits (each commit is atomic, so the database is
    then exactly as kill -9 at that moment leaves it)."""
    batches = commit._batches

    def cut(steps: Iterator[commit.Step]) -> Iterator[list[commit.Step]]:
        for done, batch in enumerate(batches(steps)):
            if done == transactions:
                raise Killed
            yield batch

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(commit, "_batches", cut)
        yield


def interrupted_then_finished(article: Path, db: Path, cut: int) -> set[str]:
    """Version A stored and decided, version B killed after `cut` transactions, then ingested
    again; the unfinished states the kill left (none when B needed fewer transactions)."""
    article.write_text(VERSION_A)
    conn = connect(db)
    ingest_paths(conn, [article])
    decide(conn, claim_with(conn, "troops"), Status.disputed, "ana", note="check the figure")
    article.write_text(VERSION_B)
    try:
        for _ in killed_after(cut):
            ingest_paths(conn, [article])
    except Killed:
        pass
    left = {row[0] for row in conn.execute("SELECT ingest_state FROM documents")} - {None}
    for row in conn.execute(  # every state a kill leaves is consistent
        "SELECT c.span_start, c.span_end, c.exact, d.text FROM claims c "
        "JOIN documents d ON d.id = c.document_id"
    ):
        assert row["text"][row["span_start"] : row["span_end"]] == row["exact"]
    report = ingest_paths(conn, [article])
    assert not report.failed
    conn.close()
    return left


def test_an_ingest_killed_between_any_two_transactions_is_finished_by_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(commit, "CHUNK_ROWS", 2)  # many small transactions for a small file
    monkeypatch.setattr(commit, "MIN_PAUSE", 0.0)
    article = tmp_path / "a.md"
    interrupted_then_finished(article, tmp_path / "whole.db", 10_000)
    expected = state(connect(tmp_path / "whole.db"))
    cut = 0
    seen: set[str] = set()
    while True:
        cut += 1
        left = interrupted_then_finished(article, tmp_path / f"cut{cut}.db", cut)
        seen |= left
        conn = connect(tmp_path / f"cut{cut}.db")
        assert state(conn) == expected, cut
        leftovers = conn.execute("SELECT count(*) FROM documents WHERE ingest_state IS NOT NULL")
        assert leftovers.fetchone()[0] == 0
        assert current_state(conn, claim_with(conn, "troops")) == (
            Status.disputed,
            "check the figure",
        )
        if not left:
            break
    assert seen == {"staged", "anchoring"} and cut > 4  # killed while staging and anchoring


def test_storing_checks_the_version_it_was_planned_against(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(VERSION_A)
    conn = connect(tmp_path / "db.sqlite")
    ingest_paths(conn, [article])
    planned_against = current_for_path(conn, str(article))
    article.write_text(VERSION_B)
    source = read_source(article)
    doc = Document(
        id=document_id(source.path, source.sha256),
        path=source.path,
        title=source.title,
        sha256=source.sha256,
        ingested_at="2026-01-01T00:00:00+00:00",
        format="txt",
        text=source.text,
        version=2,
    )
    extraction = extract(doc.id, doc.text, doc.sha256)
    plan = plan_anchors(conn, doc, extraction.claims, planned_against)
    article.write_text(VERSION_A + "\nA third version arrived meanwhile.\n")
    ingest_paths(conn, [article])  # another ingest stores a version in between
    before = state(conn)
    with pytest.raises(Redo):
        run_steps(conn, version_steps(doc, extraction.passages, plan, planned_against))
    assert state(conn) == before  # nothing a reader sees changed
