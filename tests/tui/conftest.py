"""A demo database for the TUI tests: seeds and evidence ingested and checked with the fake model.

Snapshot tests need the same paths and ids on every machine, so their database is built from
copies of the sources in a fixed folder; a lock held for the whole session keeps two test runs on
one machine (two clones) from rebuilding it under each other.
"""

from __future__ import annotations

import fcntl
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimcheck.check import CheckConfig, check
from claimcheck.ingest import ingest_paths
from claimcheck.store import connect
from tests.conftest import EVIDENCE, SEEDS
from tests.fakes import BagOfWordsEmbedder

FIXED = Path("/tmp/claimcheck-tui-tests")
LOCK = Path("/tmp/claimcheck-tui-tests.lock")


@pytest.fixture(scope="session")
def fixed_folder() -> Iterator[Path]:
    """The fixed folder, locked against other test runs for the whole session."""
    with LOCK.open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield FIXED
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def build(db_path: Path, sources: list[Path], reference: list[Path] | None = None) -> Path:
    """Ingest `sources` (and `reference` material) into a new database and fill its evidence
    with the fake embedder."""
    conn = connect(db_path)
    assert not ingest_paths(conn, sources).failed
    assert not ingest_paths(conn, reference or [], role="reference").failed
    check(conn, db_path, CheckConfig(model="fake-bow"), make_embedder=BagOfWordsEmbedder)
    conn.close()
    return db_path


@pytest.fixture
def triage_db(tmp_path: Path) -> Path:
    """Seeds and evidence, checked, in a fresh database."""
    return build(tmp_path / "triage.db", [SEEDS, EVIDENCE])


@pytest.fixture
def case_db(tmp_path: Path) -> Path:
    """As `make run` builds it: the seed articles under review, the evidence as reference."""
    return build(tmp_path / "case.db", [SEEDS], [EVIDENCE])


@pytest.fixture
def fixed_case_db(fixed_folder: Path) -> Path:
    """`case_db` at the same absolute paths on every run (for snapshots)."""
    folder = fixed_folder / "case"
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(SEEDS, folder / "seeds")
    shutil.copytree(EVIDENCE, folder / "evidence")
    return build(folder / "case.db", [folder / "seeds"], [folder / "evidence"])


@pytest.fixture
def fixed_db(fixed_folder: Path) -> Path:
    """The same database at the same absolute paths on every run (for snapshots)."""
    shutil.rmtree(fixed_folder / "sources", ignore_errors=True)
    sources = fixed_folder / "sources"
    shutil.copytree(SEEDS, sources / "seeds")
    shutil.copytree(EVIDENCE, sources / "evidence")
    for stale in fixed_folder.glob("snapshot.db*"):
        stale.unlink()
    return build(fixed_folder / "snapshot.db", [sources / "seeds", sources / "evidence"])


@pytest.fixture
def empty_db(tmp_path: Path) -> Path:
    """A migrated database with nothing in it."""
    path = tmp_path / "empty.db"
    connect(path).close()
    return path
