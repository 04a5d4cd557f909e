"""A small database for report tests: four evidence files and a hostile source.

Built at a fixed path, because document and claim ids hash the path, so the Markdown golden file
is the same on every machine; a lock held for the whole session keeps two test runs on one
machine from rebuilding it under each other.
"""

from __future__ import annotations

import fcntl
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimcheck.check import CheckConfig, check
from claimcheck.ingest import ingest_paths
from claimcheck.models import Status
from claimcheck.report.build import ReportInput, build_report
from claimcheck.store import connect
from claimcheck.store.decisions import decide, undo
from claimcheck.store.grades import grade_claim, grade_source
from claimcheck.store.views import claim_views
from tests.conftest import EVIDENCE
from tests.fakes import BagOfWordsEmbedder
from tests.report.bridges import build_bridges

FIXED = Path("/tmp/claimcheck-report-tests")
LOCK = Path("/tmp/claimcheck-report-tests.lock")
HOSTILE = (
    "# Hostile wire copy\n\n"
    "KCNA said on 2 May 2025 that <script>window.__pwned=1</script> 2,000 troops returned "
    '<img src=x onerror="window.__pwned=2">.\n\n'
    "The Pentagon said on 28 October 2024 that North Korea had sent about 10,000 soldiers "
    "to train in eastern Russia | a [link](javascript:alert(1)) **bold**.\n"
)
HOSTILE_NOTE = 'See <img src=x onerror="window.__pwned=3"> and <script>window.__pwned=4</script>'
GENERATED_AT = "2026-01-02T03:04:05+00:00"


def build(folder: Path) -> Path:
    """Sources, ingest, fake check, decisions on three claims (a hostile note, an undo)."""
    shutil.rmtree(folder, ignore_errors=True)
    sources = folder / "sources"
    sources.mkdir(parents=True)
    names = ("e01_kirby_containers_2023.md", "e02_shin_containers_2024.md",
             "e03_nis_troops_2024.html", "e04_pentagon_troops_2024.md")  # fmt: skip
    for name in names:
        shutil.copy(EVIDENCE / name, sources / name)
    (sources / "hostile.md").write_text(HOSTILE, encoding="utf-8")
    db = folder / "report.db"
    conn = connect(db)
    assert not ingest_paths(conn, [sources]).failed
    check(conn, db, CheckConfig(model="fake-bow"), make_embedder=BagOfWordsEmbedder)
    views = claim_views(conn)
    hostile = next(v for v in views if "__pwned=1" in v.text)
    decide(conn, hostile.id, None, "eve", note=HOSTILE_NOTE)
    decide(conn, hostile.id, Status.disputed, "eve")
    kirby = next(v for v in views if "more than 1,000 containers" in v.text)
    decide(conn, kirby.id, Status.disputed, "ana", note="Seoul later said 6,700")
    decide(conn, kirby.id, Status.confirmed, "ana", note="Kirby said it")
    grade_source(conn, "document", kirby.document_path, "B", "ana")
    grade_claim(conn, kirby.id, 3, "ana")
    grade_claim(conn, kirby.id, 2, "bo")
    pentagon = next(v for v in views if v.text.startswith("Pentagon spokeswoman Sabrina Singh"))
    decide(conn, pentagon.id, Status.confirmed, "bo")
    undo(conn, pentagon.id, "bo")
    conn.close()
    return db


@pytest.fixture(scope="session")
def report_db() -> Iterator[Path]:
    """The report database at its fixed path, locked for the whole session."""
    with LOCK.open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield build(FIXED)
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


@pytest.fixture
def report_input(report_db: Path) -> ReportInput:
    """The report read from it, with a fixed generation time."""
    conn = connect(report_db)
    try:
        return build_report(conn, report_db, generated_at=GENERATED_AT)
    finally:
        conn.close()


@pytest.fixture
def bridges_db(tmp_path: Path) -> Path:
    """tests/report/bridges.py's case: one claim, three sources disagreeing, one update."""
    return build_bridges(tmp_path)
