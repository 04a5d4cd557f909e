"""PDF ingest: reading order, page boundaries, hyphenation, running headers and footers, pages on
passages and claims, a new version re-anchored, and PDFs that cannot be read."""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.cli import main
from claimcheck.extract.claims import extract
from claimcheck.ingest import ingest_paths
from claimcheck.ingest.pdf import Line, Page, assemble, join_hyphenated
from claimcheck.ingest.versions import paginate
from claimcheck.store.documents import current_for_path
from claimcheck.text.pages import page_at
from tests.ingest.makedocs import (
    EXPECTED_SENTENCES,
    HEADER,
    PAGE_ONE,
    PAGE_TWO,
    PdfSpec,
    write_pdf,
    write_scanned_pdf,
)
from tests.ingest.test_ingest import assert_spans_exact


def _claims(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT c.exact, c.page, c.span_start, d.page_starts FROM claims c "
        "JOIN documents d ON d.id = c.document_id ORDER BY c.span_start"
    ).fetchall()


def test_two_page_pdf_reads_as_a_reader_reads_it(conn: sqlite3.Connection, tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "report.pdf")
    report = ingest_paths(conn, [path])
    assert report.files[0].outcome == "new", report.files[0].message
    doc = current_for_path(conn, str(path))
    assert doc is not None and doc.format == "pdf"
    passages = [r[0] for r in conn.execute("SELECT text FROM passages ORDER BY seq")]
    assert passages == ["Flood Damage in Harwood County", *EXPECTED_SENTENCES]
    assert HEADER not in doc.text and "Page 1" not in doc.text and "emer-" not in doc.text
    assert doc.page_starts == [0, doc.text.index("two years, according")]
    assert (doc.title, doc.authors) == ("Flood Damage in Harwood County", ["Dana Whitfield"])
    assert (doc.published, doc.published_from) == ("2024-03-06", "pdf")
    assert_spans_exact(conn)


def test_claims_and_passages_record_the_page_they_start_on(
    conn: sqlite3.Connection, tmp_path: Path
) -> None:
    ingest_paths(conn, [write_pdf(tmp_path / "report.pdf")])
    pages = {exact[:20]: page for exact, page, _, _ in _claims(conn)}
    assert pages["The county council a"] == 1
    assert pages["The sheriff's office"] == 1  # starts on page 1, ends on page 2
    assert pages["State inspectors cou"] == 2
    assert pages["Nguyen said the coun"] == 2
    seqs = conn.execute("SELECT text, page FROM passages ORDER BY seq").fetchall()
    assert [page for _, page in seqs] == [1, 1, 1, 1, 2, 2]


def test_changed_pdf_is_a_new_version_and_claims_move_pages(
    conn: sqlite3.Connection, tmp_path: Path
) -> None:
    path = write_pdf(tmp_path / "report.pdf")
    ingest_paths(conn, [path])
    before = {r[0][:20]: r[0] for r in _claims(conn)}
    # a paragraph added at the top of page one pushes its end to page two, where "emer-" (the
    # last line of page one now) goes on as "gency"
    added = ["A storm warning was issued for 11 districts on Monday, forecasters said.", ""]
    write_pdf(path, PdfSpec(pages=[added + PAGE_ONE[:6], PAGE_ONE[6:] + PAGE_TWO]))
    result = ingest_paths(conn, [path]).files[0]
    assert (result.outcome, result.orphaned) == ("updated", 0), result.message
    rows = {r[0][:20]: r for r in _claims(conn) if r[0][:20] in before}
    assert set(rows) == set(before)
    assert rows["The county council a"]["page"] == 1
    assert rows["Officials said 1,200"]["page"] == 1
    assert rows["The sheriff's office"]["page"] == 2
    assert "emergency shelters" in rows["Officials said 1,200"]["exact"]
    for exact, page, start, starts in rows.values():
        assert page == page_at([int(s) for s in starts[1:-1].split(",")], start), exact
    assert_spans_exact(conn)


def test_pdf_without_text_layer_is_a_one_line_error(tmp_path: Path) -> None:
    scanned = write_scanned_pdf(tmp_path / "scan.pdf")
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n")
    db = str(tmp_path / "db.sqlite")
    proc = CliRunner().invoke(main, ["--db", db, "ingest", str(scanned), str(broken)])
    assert proc.exit_code == 1
    errors = proc.stderr.strip().splitlines()
    assert len(errors) == 2, proc.stderr
    assert errors[
        0
    ] == f"error: {scanned}: has no text layer (a scanned PDF?); claimcheck does " + (
        "no OCR: run OCR first"
    )
    assert errors[1].startswith(f"error: {broken}: is not a readable PDF (")
    assert "Traceback" not in proc.stderr


def test_line_end_hyphen_is_dropped_unless_the_document_writes_the_compound() -> None:
    words = {"well-known": 1}
    assert join_hyphenated("moved to emer-", "gency shelters", Counter()) == (
        "moved to emergency shelters"
    )
    assert join_hyphenated("a well-", "known figure", Counter(words)) == "a well-known figure"
    assert join_hyphenated("the 2023-", "24 budget", Counter()) == "the 2023-24 budget"
    assert join_hyphenated("ends here", "next line", Counter()) == "ends here next line"


_WORDS = ["Troops", "arrived", "on", "3", "March", "2024", "said", "KCNA", "emer-", "gency"]
_TOKEN = st.sampled_from(
    [
        *_WORDS,
        ".",
        "?",
        "😀",
        "👩‍👩‍👧",
        "北朝鮮",
        "한국군",
        "العربية",
        "עברית",
        "e\u0301",
        "\u00a0",
        "Mr.",
        "“",
        "”",
    ]
)
_LINE = st.lists(_TOKEN, min_size=1, max_size=12).map(" ".join)
_PAGE = st.lists(st.tuples(_LINE, st.booleans()), min_size=0, max_size=8)


def _page(lines: list[tuple[str, bool]], number: int, header: bool) -> Page:
    """Lines set 14 points apart (a blank line's worth more where the flag says), with a running
    header (when `header`) and a page number at the edges of an 800-point page."""
    placed = [Line("Harwood Courier", 20.0, 30.0)] if header else []
    top = 100.0
    for text, gap in lines:
        top += 20.0 if gap else 0.0
        placed.append(Line(text.strip(), top, top + 10.0))
        top += 14.0
    placed.append(Line(f"- {number} -", 770.0, 780.0))
    return Page(placed, 800.0)


@settings(max_examples=40, deadline=None)
@given(pages=st.lists(_PAGE, min_size=1, max_size=4))
def test_property_pdf_page_text_spans_and_pages_agree(pages: list[list[tuple[str, bool]]]) -> None:
    header = len(pages) > 1  # a running header is told by recurring on another page
    text, starts = assemble([_page(lines, n, header) for n, lines in enumerate(pages, 1)])
    assert len(starts) == len(pages) and starts == sorted(starts)
    assert "Harwood Courier" not in text
    for number, lines in enumerate(pages):
        body = [t.strip() for t, _ in lines if t.strip()]
        if body and not text[: starts[number]].endswith("-"):
            assert text.startswith(body[0].removesuffix("-"), starts[number])
    if not text.strip():
        return
    found = paginate(extract("d1", text, "0" * 64), starts)
    for passage in found.passages:
        assert text[passage.start : passage.end] == passage.text
        assert passage.page == page_at(starts, passage.start)
    for claim in found.claims:
        assert text[claim.span.start : claim.span.end] == claim.span.exact
        assert claim.page == page_at(starts, claim.span.start)
