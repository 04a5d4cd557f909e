"""The detail pane names where a claim was published: publisher, authors, URL and page."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Static

from claimcheck.ingest import ingest_paths
from claimcheck.store import connect
from claimcheck.store.documents import list_documents
from claimcheck.store.sources import correct_source
from claimcheck.tui.app import ClaimcheckApp
from tests.ingest.makedocs import write_pdf
from tests.tui.test_triage import drive


def test_detail_shows_the_source_of_a_pdf_claim(tmp_path: Path) -> None:
    db = tmp_path / "pdf.db"
    conn = connect(db)
    assert not ingest_paths(conn, [write_pdf(tmp_path / "report.pdf")]).failed
    url = "https://harwood.example/reports/flood.pdf"
    correct_source(conn, list_documents(conn)[0], {"url": url, "publisher": "Harwood"}, "ana")
    conn.close()
    headers: list[str] = []

    async def scenario(app: ClaimcheckApp, pilot: Pilot[None]) -> None:
        for _ in range(200):  # until the detail of the first claim has loaded
            if app.detail_id is not None:
                break
            await pilot.pause(0.05)
        headers.append(str(app.query_one("#detail-header", Static).render()))

    drive(db, scenario)
    assert f"Harwood · Dana Whitfield · {url} · page 1" in " ".join(headers[0].split())
