"""Shared fixtures: a fresh database per test, the seed articles, an ingested database."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from claimcheck.ingest import ingest_paths
from claimcheck.store import connect

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
EVIDENCE = ROOT / "evidence"
SEED_MAIN = SEEDS / "000_58787b6ecf2142dc.txt"
SEED_EAF = SEEDS / "003_d8c82678917eee25.txt"

_IMPORTS_SCRIPT = """
import json, sys
from claimcheck.cli import main
for args in json.loads(sys.argv[1]):
    try:
        main(args, standalone_mode=False)
    except SystemExit:
        pass
print(json.dumps(sorted(m for m in json.loads(sys.argv[2]) if m in sys.modules)), file=sys.stderr)
"""


def imported_by(commands: Sequence[Sequence[str]], modules: Sequence[str]) -> tuple[str, list[str]]:
    """Run CLI commands in one fresh interpreter: what they printed, and which of `modules`
    they imported (start-up cost: commands that need no model must not load one)."""
    proc = subprocess.run(
        [sys.executable, "-c", _IMPORTS_SCRIPT, json.dumps(commands), json.dumps(list(modules))],
        capture_output=True,
        text=True,
        check=True,
    )
    imported: list[str] = json.loads(proc.stderr.strip().splitlines()[-1])
    return proc.stdout, imported


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
