"""Ingest: exact spans, idempotency, new versions with re-anchoring, and bad input."""

from __future__ import annotations

import hashlib
import sqlite3
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.ingest import ingest_paths
from claimcheck.models import Status
from claimcheck.store import connect
from claimcheck.store.decisions import current_state, decide
from claimcheck.store.views import claim_view
from tests.conftest import SEED_EAF, SEEDS

SEED_NAMES = ["000_58787b6ecf2142dc.txt", "003_d8c82678917eee25.txt"]


def assert_spans_exact(conn: sqlite3.Connection) -> None:
    """Every passage and claim span reproduces its text, in the store and in the file on disk."""
    docs = {r["id"]: r for r in conn.execute("SELECT * FROM documents")}
    for row in conn.execute("SELECT document_id, span_start, span_end, text FROM passages"):
        assert docs[row["document_id"]]["text"][row["span_start"] : row["span_end"]] == row["text"]
    for row in conn.execute(
        "SELECT document_id, span_start, span_end, exact, prefix, suffix FROM claims"
    ):
        text = docs[row["document_id"]]["text"]
        assert text[row["span_start"] : row["span_end"]] == row["exact"]
        assert text[: row["span_start"]].endswith(row["prefix"])
        assert text[row["span_end"] :].startswith(row["suffix"])
        assert len(row["prefix"]) <= 32 and len(row["suffix"]) <= 32
    for doc in docs.values():
        if doc["format"] in ("txt", "md") and doc["superseded_by"] is None:
            on_disk = Path(doc["path"]).read_text(encoding="utf-8-sig")
            assert on_disk == doc["text"]


def test_seeds_are_the_shared_articles_byte_for_byte() -> None:
    shared = SEEDS.parent.parent / "shared" / "seeds"
    names = sorted(p.name for p in SEEDS.iterdir())
    assert names == SEED_NAMES
    if shared.is_dir():
        for name in names:
            assert (SEEDS / name).read_bytes() == (shared / name).read_bytes()


def test_seed_spans_are_exact_and_reingest_is_idempotent(seeded: sqlite3.Connection) -> None:
    assert_spans_exact(seeded)
    before = seeded.execute("SELECT id, sha256 FROM documents ORDER BY id").fetchall()
    claims_before = seeded.execute("SELECT id FROM claims ORDER BY id").fetchall()
    report = ingest_paths(seeded, [SEEDS])
    assert {f.outcome for f in report.files} == {"unchanged"}
    assert [tuple(r) for r in seeded.execute("SELECT id, sha256 FROM documents ORDER BY id")] == [
        tuple(r) for r in before
    ]
    assert seeded.execute("SELECT id FROM claims ORDER BY id").fetchall() == claims_before
    for row in before:
        path = seeded.execute("SELECT path FROM documents WHERE id = ?", (row["id"],)).fetchone()[0]
        assert hashlib.sha256(Path(path).read_bytes()).hexdigest() == row["sha256"]


def _claim_containing(conn: sqlite3.Connection, needle: str) -> str:
    row = conn.execute("SELECT id FROM claims WHERE exact LIKE ?", (f"%{needle}%",)).fetchone()
    assert row is not None, needle
    return str(row["id"])


def test_changed_file_is_a_new_version_with_claims_reanchored(tmp_path: Path) -> None:
    article = tmp_path / "eaf.txt"
    original = SEED_EAF.read_text(encoding="utf-8")
    article.write_text(original, encoding="utf-8")
    conn = connect(tmp_path / "db.sqlite")
    ingest_paths(conn, [article])
    moved = _claim_containing(conn, "over 1000 containers")
    edited = _claim_containing(conn, "launch a satellite for the first time")
    removed = _claim_containing(conn, "Trade with Russia has increased significantly")
    decide(conn, moved, Status.disputed, "ana", note="Kirby said more than 1,000")
    decide(conn, edited, Status.confirmed, "ana")
    decide(conn, removed, Status.confirmed, "ana")

    changed = "Editor's note: updated on 2 January 2024.\n\n" + original
    changed = changed.replace("successfully launch a satellite", "successfully put a satellite")
    changed = changed.replace(
        "Trade with Russia has increased significantly since Kim’s visit. ", ""
    )
    article.write_text(changed, encoding="utf-8")
    report = ingest_paths(conn, [article])
    (result,) = report.files
    assert result.outcome == "updated" and result.orphaned == 1 and result.reanchored >= 3

    versions = conn.execute(
        "SELECT id, version, superseded_by FROM documents ORDER BY version"
    ).fetchall()
    assert [v["version"] for v in versions] == [1, 2]
    assert versions[0]["superseded_by"] == versions[1]["id"]
    for claim_id, method in ((moved, "exact"), (edited, "fuzzy")):
        view = claim_view(conn, claim_id)
        assert view.document_id == versions[1]["id"] and not view.orphaned
        assert changed[view.span.start : view.span.end] == view.span.exact
        assert view.anchors[-1].method == method
    assert "put a satellite" in claim_view(conn, edited).text
    assert current_state(conn, moved) == (Status.disputed, "Kirby said more than 1,000")
    gone = claim_view(conn, removed)
    assert gone.orphaned and gone.document_id == versions[0]["id"]
    assert gone.status == Status.confirmed  # the decision survives the orphaning
    assert_spans_exact(conn)
    # Re-ingesting the same changed file again does nothing.
    assert ingest_paths(conn, [article]).files[0].outcome == "unchanged"


def test_bad_inputs_fail_alone_and_change_nothing(tmp_path: Path) -> None:
    good = tmp_path / "good.md"
    good.write_text("# Report\n\nThe ministry said 4,000 troops arrived on 3 March 2024.\n")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 au lait costs 3 euros.".encode("latin-1"))
    (tmp_path / "empty.md").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("   \n\n\t\n")
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "missing-target.txt")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "notes.odt").write_bytes(b"PK\x03\x04")
    conn = connect(tmp_path / "db.sqlite")
    ingest_paths(conn, [good])
    snapshot = conn.execute("SELECT * FROM claims ORDER BY id").fetchall()

    report = ingest_paths(conn, [tmp_path, tmp_path / "nope.txt"])
    outcomes = {Path(f.path).name: (f.outcome, f.message) for f in report.files}
    assert outcomes["good.md"][0] == "unchanged"
    assert outcomes["notes.odt"][0] == "skipped"
    expected = {
        "binary.txt": "binary",
        "latin1.txt": "not valid UTF-8",
        "empty.md": "empty",
        "blank.txt": "empty",
        "huge.txt": "limit",
        "dangling.txt": "broken link",
        "nope.txt": "does not exist",
        "notes.pdf": "is not a readable PDF",
    }
    for name, reason in expected.items():
        outcome, message = outcomes[name]
        assert outcome == "failed" and reason in message, (name, message)
        assert "\n" not in message
    assert conn.execute("SELECT * FROM claims ORDER BY id").fetchall() == snapshot
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 1


def test_html_is_stored_as_visible_text(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Wire copy</title><style>p{color:red}</style></head><body>"
        "<nav><a href='/'>Home</a></nav><script>alert('x')</script>"
        "<h1>Troops</h1><p>Officials said 12,000 soldiers arrived in Kursk in November 2024.</p>"
        "</body></html>",
        encoding="utf-8",
    )
    conn = connect(tmp_path / "db.sqlite")
    ingest_paths(conn, [page])
    doc = conn.execute("SELECT title, text FROM documents").fetchone()
    assert doc["title"] == "Wire copy"
    assert (
        "alert" not in doc["text"] and "color:red" not in doc["text"] and "Home" not in doc["text"]
    )
    assert_spans_exact(conn)
    assert conn.execute(
        "SELECT count(*) FROM claims WHERE exact LIKE '%12,000 soldiers%'"
    ).fetchone()[0]


_ALPHABET = st.sampled_from(
    [
        "Troops",
        "arrived",
        "on",
        "3",
        "March",
        "2024",
        "over",
        "15,000",
        "said",
        "KCNA",
        ".",
        "!",
        "?",
        " ",
        " ",
        "\t",
        "\r\n",
        "\n",
        "\r",
        "😀",
        "👩‍👩‍👧",
        "🇰🇷",
        "北朝鮮",
        "한국군",
        "العربية",
        "עברית",
        "e\u0301",
        "ñ",
        "\u00a0",
        "Mr.",
        "U.S.",
        "1.2",
        "“",
        "”",
        "’",
    ]
)


@settings(max_examples=40, deadline=None)
@given(tokens=st.lists(_ALPHABET, min_size=1, max_size=80), bom=st.booleans())
def test_property_every_span_reproduces_its_text(tokens: list[str], bom: bool) -> None:
    body = " ".join(tokens)
    if not body.strip():
        body += " x"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.txt"
        path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + body.encode("utf-8"))
        conn = connect(Path(folder) / "db.sqlite")
        report = ingest_paths(conn, [path])
        assert report.files[0].outcome == "new", report.files[0].message
        assert_spans_exact(conn)
        conn.close()
