"""A demo database for the TUI tests: seeds and evidence ingested and checked with the fake model.

Snapshot tests need the same paths and ids on every machine, so their database is built from
copies of the sources in a fixed folder.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from claimcheck.check import CheckConfig, check
from claimcheck.ingest import ingest_paths
from claimcheck.store import connect
from tests.conftest import EVIDENCE, SEEDS
from tests.fakes import BagOfWordsEmbedder

FIXED = Path("/tmp/claimcheck-tui-tests")


def build(db_path: Path, sources: list[Path]) -> Path:
    """Ingest `sources` into a new database and fill its evidence with the fake embedder."""
    conn = connect(db_path)
    assert not ingest_paths(conn, sources).failed
    check(conn, db_path, CheckConfig(model="fake-bow"), make_embedder=BagOfWordsEmbedder)
    conn.close()
    return db_path


@pytest.fixture
def triage_db(tmp_path: Path) -> Path:
    """Seeds and evidence, checked, in a fresh database."""
    return build(tmp_path / "triage.db", [SEEDS, EVIDENCE])


@pytest.fixture
def fixed_db() -> Path:
    """The same database at the same absolute paths on every run (for snapshots)."""
    shutil.rmtree(FIXED, ignore_errors=True)
    sources = FIXED / "sources"
    shutil.copytree(SEEDS, sources / "seeds")
    shutil.copytree(EVIDENCE, sources / "evidence")
    return build(FIXED / "snapshot.db", [sources / "seeds", sources / "evidence"])


@pytest.fixture
def empty_db(tmp_path: Path) -> Path:
    """A migrated database with nothing in it."""
    path = tmp_path / "empty.db"
    connect(path).close()
    return path
