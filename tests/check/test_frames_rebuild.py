"""Frames stored by an older frame reading (or none at all) are rebuilt by check, so an upgrade
never judges with stale frames; current ones are left alone."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from claimcheck.check.frames import ensure_frames
from claimcheck.extract.frames import FRAMES_VERSION
from claimcheck.ingest import ingest_paths
from claimcheck.models import Frames
from claimcheck.search.corpus import load_corpus
from claimcheck.store import connect

TEXT = (
    "Harwick, 4 March 2024 — The council closed 12 of its 40 libraries on 1 March 2024.\n\n"
    "The mayor said the branches would reopen in May.\n"
)


def stored_versions(conn: sqlite3.Connection) -> tuple[set[int], set[int]]:
    """The frame versions stored for passages and for claims."""

    def versions(table: str) -> set[int]:
        rows = conn.execute(f"SELECT frames FROM {table}").fetchall()
        return {Frames.model_validate_json(r[0]).version if r[0] else -1 for r in rows}

    return versions("passages"), versions("claims")


def test_stale_and_missing_frames_are_rebuilt(tmp_path: Path) -> None:
    source = tmp_path / "libraries.md"
    source.write_text(TEXT, "utf-8")
    conn = connect(tmp_path / "cc.db")
    ingest_paths(conn, [source])
    assert stored_versions(conn) == ({FRAMES_VERSION}, {FRAMES_VERSION})
    stale = Frames(version=FRAMES_VERSION - 1).model_dump_json()
    with conn:
        conn.execute("UPDATE passages SET frames = ?", (stale,))
        conn.execute("UPDATE claims SET frames = NULL")
    corpus = ensure_frames(conn, load_corpus(conn))
    assert {p.passage.frames.version for p in corpus.values() if p.passage.frames} == {
        FRAMES_VERSION
    }
    assert stored_versions(conn) == ({FRAMES_VERSION}, {FRAMES_VERSION})
    figures = [f for p in corpus.values() if p.passage.frames for f in p.passage.frames.figures]
    assert any(f.value == 12 for f in figures), figures
