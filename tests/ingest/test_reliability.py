"""Ingest never holds up a decision, survives being killed, and fails one file at a time."""

from __future__ import annotations

import csv
import io
import itertools
import json
import sqlite3
import time
from pathlib import Path

from click.testing import CliRunner

from claimcheck.cli import main
from claimcheck.ingest import document_id, ingest_paths
from claimcheck.ingest.sources import read_source
from claimcheck.models import Status
from claimcheck.store import connect
from claimcheck.store.decisions import decide
from claimcheck.store.documents import current_for_path
from claimcheck.store.views import claim_views
from tests.ingest.test_ingest import assert_spans_exact
from tests.longtext import long_article, start_cli

VERSION_A = (
    "# Border report\n\nThe ministry said on 3 March 2024 that 1,000 troops had crossed.\n\n"
    "KCNA reported that 500 missiles were fired from the coast.\n"
)
VERSION_B = (
    "# Border report\n\nThe ministry said on 3 March 2024 that 2,000 troops had crossed.\n\n"
    "A new paragraph: the Pentagon said 40 drones were seen on 5 May 2024.\n\n"
    "KCNA reported that 500 missiles were fired from the coast.\n"
)


def claim_with(conn: sqlite3.Connection, needle: str) -> str:
    return next(view.id for view in claim_views(conn) if needle in view.text)


def state(conn: sqlite3.Connection) -> list[tuple[object, ...]]:
    """What readers see: current documents, and every claim with its anchor and status."""
    docs = conn.execute(
        "SELECT path, sha256, version, text FROM documents WHERE superseded_by IS NULL "
        "ORDER BY path"
    ).fetchall()
    claims = conn.execute(
        "SELECT c.id, d.sha256, c.span_start, c.span_end, c.exact, c.orphaned, s.status "
        "FROM claims c JOIN documents d ON d.id = c.document_id "
        "JOIN claim_state s ON s.claim_id = c.id ORDER BY c.id"
    ).fetchall()
    return [tuple(row) for row in docs] + [tuple(row) for row in claims]


def test_a_file_put_back_to_an_earlier_version_is_current_again(tmp_path: Path) -> None:
    folder = tmp_path / "src"
    folder.mkdir()
    article = folder / "a.txt"
    article.write_text(VERSION_A)
    conn = connect(tmp_path / "db.sqlite")
    ingest_paths(conn, [folder])
    troops = claim_with(conn, "troops")
    decide(conn, troops, Status.confirmed, "ana")
    first_id = document_id(str(article), read_source(article).sha256)
    article.write_text(VERSION_B)
    ingest_paths(conn, [folder])
    article.write_text(VERSION_A)
    (folder / "z.txt").write_text("KCNA said on 2 May 2025 that 2,000 troops returned home.\n")
    report = ingest_paths(conn, [folder])
    assert not report.failed, report.failed
    assert [f.outcome for f in report.files] == ["updated", "new"]
    current = current_for_path(conn, str(article))
    assert current is not None and current.text == VERSION_A and current.version == 3
    assert current.id != first_id  # a new version: the first keeps its own id and history
    assert_spans_exact(conn)
    view = next(v for v in claim_views(conn) if v.id == troops)
    assert view.document_id == current.id and "1,000 troops" in view.text
    assert view.status == Status.confirmed and [a.method for a in view.anchors][-1] == "fuzzy"
    orphans = [v.text for v in claim_views(conn) if v.orphaned]
    assert orphans == ["A new paragraph: the Pentagon said 40 drones were seen on 5 May 2024."]
    again = ingest_paths(conn, [folder])
    assert [f.outcome for f in again.files] == ["unchanged", "unchanged"]


def test_an_error_storing_one_file_names_it_and_the_others_are_ingested(tmp_path: Path) -> None:
    folder = tmp_path / "src"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (folder / name).write_text(f"The ministry said that 1,000 troops reached {name}.\n")
    db = tmp_path / "db.sqlite"
    conn = connect(db)
    conn.execute(  # a store that refuses one file, as a full disk or a bad sector would
        "CREATE TRIGGER refuse BEFORE INSERT ON documents WHEN NEW.path LIKE '%b.txt' "
        "BEGIN SELECT RAISE(ABORT, 'the disk refused it'); END"
    )
    conn.close()
    result = CliRunner().invoke(main, ["--db", str(db), "ingest", str(folder)])
    assert result.exit_code == 1
    (line,) = result.stderr.strip().splitlines()
    assert line == f"error: {folder / 'b.txt'}: IntegrityError: the disk refused it"
    conn = connect(db)
    stored = [row[0] for row in conn.execute("SELECT path FROM documents ORDER BY path")]
    assert stored == [str(folder / "a.txt"), str(folder / "c.txt")]


def test_a_nul_byte_anywhere_is_refused(tmp_path: Path) -> None:
    late = tmp_path / "late.txt"
    late.write_bytes(b"The ministry said 1,000 troops left. " * 3000 + b"\x00 tail\n")
    assert late.stat().st_size > 65536
    conn = connect(tmp_path / "db.sqlite")
    (result,) = ingest_paths(conn, [late]).files
    assert result.outcome == "failed" and "NUL byte at offset 111000" in result.message
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 0


def test_decisions_are_stored_throughout_an_ingest_in_another_process(tmp_path: Path) -> None:
    """A decision never queues behind an ingest: one is stored in every part of its run."""
    db = tmp_path / "db.sqlite"
    (tmp_path / "small.txt").write_text(VERSION_A)
    conn = connect(db)
    ingest_paths(conn, [tmp_path / "small.txt"])
    claims = [view.id for view in claim_views(conn)]
    big = tmp_path / "big.md"
    big.write_text(long_article(150_000))
    ingest = start_cli("--db", db, "ingest", big)
    stored_at: list[float] = []
    made: list[tuple[str, Status, str]] = []
    started = time.monotonic()
    while ingest.poll() is None:
        claim, status = (
            claims[len(made) % 2],
            (Status.confirmed, Status.disputed)[len(made) % 3 % 2],
        )
        note = f"decision {len(made)}"
        decide(conn, claim, status, "ana", note=note)
        made.append((claim, status, note))
        stored_at.append(time.monotonic())
    finished = time.monotonic()
    _, errors = ingest.communicate()
    assert ingest.returncode == 0, errors
    history = conn.execute("SELECT claim_id, to_status, note FROM decisions ORDER BY id")
    assert [(r[0], Status(r[1]), r[2]) for r in history] == made  # every one stored, in order
    points = [started, *stored_at, finished]
    longest_wait = max(b - a for a, b in itertools.pairwise(points))
    assert longest_wait < (finished - started) / 4, (longest_wait, finished - started)


def test_a_reanchor_that_changes_a_figure_is_flagged_changed_since_decided(
    tmp_path: Path,
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(VERSION_A)
    db = tmp_path / "db.sqlite"
    conn = connect(db)
    ingest_paths(conn, [article])
    troops, missiles = claim_with(conn, "troops"), claim_with(conn, "missiles")
    decide(conn, troops, Status.confirmed, "ana")
    decide(conn, missiles, Status.confirmed, "ana")
    article.write_text(VERSION_B.replace("KCNA reported that", "KCNA then reported that"))
    ingest_paths(conn, [article])
    views = {v.id: v for v in claim_views(conn)}
    assert "2,000 troops" in views[troops].text and views[troops].changed_since_decided
    assert views[missiles].anchors[-1].method == "fuzzy"  # reworded, same figure: not flagged
    assert not views[missiles].changed_since_decided
    runner = CliRunner()
    shown = runner.invoke(main, ["--db", str(db), "show", troops, "--json"])
    assert json.loads(shown.stdout)["changed_since_decided"] is True
    listed = json.loads(runner.invoke(main, ["--db", str(db), "claims", "--json"]).stdout)
    assert {c["id"]: c["changed_since_decided"] for c in listed}[troops] is True
    assert "CHANGED SINCE DECIDED" in runner.invoke(main, ["--db", str(db), "show", troops]).stdout
    for fmt, marker in (("md", "changed since decided"), ("html", "changed since decided")):
        report = runner.invoke(main, ["--db", str(db), "report", "--format", fmt]).stdout
        assert report.count(marker) == 1, fmt
    rows = list(
        csv.DictReader(
            io.StringIO(runner.invoke(main, ["--db", str(db), "report", "--format", "csv"]).stdout)
        )
    )
    assert [r["id"] for r in rows if r["changed_since_decided"] == "yes"] == [troops]
    decide(conn, troops, Status.disputed, "ana", note="now 2,000")  # decided again: reviewed
    assert not next(v for v in claim_views(conn) if v.id == troops).changed_since_decided


def test_every_new_version_keeps_its_publication_date(tmp_path: Path) -> None:
    article = tmp_path / "dispatch.md"
    article.write_text("Seoul, 27 February 2024 — The ministry said 6,700 containers were sent.\n")
    conn = connect(tmp_path / "db.sqlite")
    ingest_paths(conn, [article])
    article.write_text(article.read_text() + "\nKCNA denied it on 28 February 2024.\n")
    ingest_paths(conn, [article])
    current = current_for_path(conn, str(article))
    assert current is not None and current.version == 2
    assert (current.published, current.published_from) == ("2024-02-27", "dateline")
