"""Shared fixtures: a fresh database per test, the seed articles, an ingested database."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimcheck.ingest import ingest_paths
from claimcheck.store import connect

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
EVIDENCE = ROOT / "evidence"
SEED_MAIN = SEEDS / "000_58787b6ecf2142dc.txt"
SEED_EAF = SEEDS / "003_d8c82678917eee25.txt"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A database file that does not exist yet."""
    return tmp_path / "test.db"


@pytest.fixture
def conn(db_path: Path) -> Iterator[sqlite3.Connection]:
    """A fresh, migrated database."""
    connection = connect(db_path)
    yield connection
    connection.close()


@pytest.fixture
def seeded(conn: sqlite3.Connection) -> sqlite3.Connection:
    """A database with both seed articles ingested."""
    report = ingest_paths(conn, [SEEDS])
    assert not report.failed
    return conn
