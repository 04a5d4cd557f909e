"""Reports on a PDF source: annotations carry a page FragmentSelector refined by the quote and the
position within the page, and every selector matches the stored text."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from claimcheck.ingest import ingest_paths
from claimcheck.models import Status
from claimcheck.report.annotations import PDF_FRAGMENT
from claimcheck.report.build import build_report
from claimcheck.report.formats import render
from claimcheck.store.decisions import decide
from claimcheck.store.documents import list_documents
from claimcheck.store.views import claim_views
from tests.ingest.makedocs import write_pdf


def _pdf_report(conn: sqlite3.Connection, tmp_path: Path) -> tuple[list[dict[str, Any]], str]:
    ingest_paths(conn, [write_pdf(tmp_path / "report.pdf")])
    for view in claim_views(conn):
        decide(conn, view.id, Status.confirmed, "ana")
    data = build_report(conn, tmp_path / "db.sqlite", generated_at="2026-01-01T00:00:00+00:00")
    annotations = json.loads(render(data, "annotations"))["first"]["items"]
    return annotations, list_documents(conn)[0].text


def test_pdf_annotations_select_the_page_and_the_quote_within_it(
    conn: sqlite3.Connection, tmp_path: Path
) -> None:
    items, text = _pdf_report(conn, tmp_path)
    starts = list_documents(conn)[0].page_starts
    assert starts is not None
    pages = set()
    for annotation in items:
        target = annotation["target"]
        assert target["source"]["format"] == "application/pdf"
        assert target["source"]["id"] == (tmp_path / "report.pdf").as_uri()
        quote, position, fragment = target["selector"]
        assert text[position["start"] : position["end"]] == quote["exact"]
        assert fragment["type"] == "FragmentSelector" and fragment["conformsTo"] == PDF_FRAGMENT
        page = int(fragment["value"].removeprefix("page="))
        refined_quote, within = fragment["refinedBy"]
        assert refined_quote == quote
        page_text = text[starts[page - 1] :]
        assert page_text[within["start"] : within["end"]] == quote["exact"]
        assert within["start"] < [*starts, len(text)][page] - starts[page - 1]
        pages.add(page)
    assert pages == {1, 2}


def test_claimreview_names_the_pdf_and_its_document_properties(
    conn: sqlite3.Connection, tmp_path: Path
) -> None:
    _pdf_report(conn, tmp_path)
    data = build_report(conn, tmp_path / "db.sqlite")
    reviews = json.loads(render(data, "claimreview"))["@graph"]
    appearance = reviews[0]["itemReviewed"]["appearance"]
    assert appearance["url"] == (tmp_path / "report.pdf").as_uri()
    assert appearance["author"] == [{"name": "Dana Whitfield"}]
    assert appearance["datePublished"] == "2024-03-06"
    assert len(appearance["sha256"]) == 64
