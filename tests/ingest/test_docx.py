"""DOCX ingest: headings, paragraphs and table cells in document order, document properties, a
changed file re-anchored, and a file that is not a Word document."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from claimcheck.ingest import ingest_paths
from claimcheck.store.documents import current_for_path
from tests.ingest.makedocs import (
    DOCX_CELLS,
    DOCX_HEADING,
    DOCX_PARAGRAPHS,
    write_docx,
)
from tests.ingest.test_ingest import assert_spans_exact


def test_docx_paragraphs_headings_and_tables_in_document_order(
    conn: sqlite3.Connection, tmp_path: Path
) -> None:
    path = write_docx(tmp_path / "update.docx")
    result = ingest_paths(conn, [path]).files[0]
    assert result.outcome == "new", result.message
    doc = current_for_path(conn, str(path))
    assert doc is not None and doc.format == "docx"
    last = "Officials expect the last shelter to close by 1 May 2024."
    assert doc.text.split("\n\n") == [DOCX_HEADING, *DOCX_PARAGRAPHS, *DOCX_CELLS, last]
    assert doc.title == "Recovery update, March 2024"
    assert doc.authors == ["Harwood County Press Office"]
    assert (doc.published, doc.published_from) == ("2024-03-12", "docx")
    claims = [r[0] for r in conn.execute("SELECT exact FROM claims ORDER BY span_start")]
    assert DOCX_PARAGRAPHS[0] in claims and "The inspectors counted 140 homes." in claims
    assert all(page is None for (page,) in conn.execute("SELECT page FROM claims"))
    assert_spans_exact(conn)


def test_changed_docx_is_a_new_version_with_claims_reanchored(
    conn: sqlite3.Connection, tmp_path: Path
) -> None:
    path = write_docx(tmp_path / "update.docx")
    ingest_paths(conn, [path])
    ids = {r[0]: r[1] for r in conn.execute("SELECT exact, id FROM claims")}
    write_docx(path, extra="A second shelter in Eastfield closed on 20 March 2024.")
    result = ingest_paths(conn, [path]).files[0]
    assert result.outcome == "updated" and result.reanchored == len(ids) - 1
    after = {r[0]: r[1] for r in conn.execute("SELECT exact, id FROM claims WHERE orphaned = 0")}
    assert after[DOCX_PARAGRAPHS[1]] == ids[DOCX_PARAGRAPHS[1]]
    assert "A second shelter in Eastfield closed on 20 March 2024." in after
    assert_spans_exact(conn)


def test_a_file_that_is_not_a_word_document_is_a_one_line_error(
    conn: sqlite3.Connection, tmp_path: Path
) -> None:
    fake = tmp_path / "memo.docx"
    fake.write_text("just text, not a zip", encoding="utf-8")
    result = ingest_paths(conn, [fake]).files[0]
    assert result.outcome == "failed"
    assert result.message.startswith("is not a readable DOCX file (") and "\n" not in result.message


def test_a_merged_cell_is_read_once(conn: sqlite3.Connection, tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 2))
    merged.text = "The council met 14 times in 2023."
    for column, text in enumerate(["Roads", "Bridges", "Parks"]):
        table.cell(1, column).text = text
    document.save(str(tmp_path / "merged.docx"))
    result = ingest_paths(conn, [tmp_path / "merged.docx"]).files[0]
    assert result.outcome == "new", result.message
    (text,) = conn.execute("SELECT text FROM documents").fetchone()
    assert text.split("\n\n") == ["The council met 14 times in 2023.", "Roads", "Bridges", "Parks"]
