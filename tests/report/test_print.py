"""The HTML report on paper: headless Chromium prints it to an A4 PDF and lays it out with print
media; the section links, both conflict tables (status, note, every source's passage whole) and the
claim cards are printed, and nothing is wider than the page."""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from pypdf import PdfReader

from claimcheck.models import Status
from claimcheck.report.build import ReportInput, build_report
from claimcheck.report.formats import render
from claimcheck.store import connect
from claimcheck.store.decisions import decide
from claimcheck.store.differing import group_conflicts
from tests.report.cdp import Browser
from tests.report.test_browser import BINARY

MARGIN = 0.4
PAPER = (8.27, 11.69)
PRINT_WIDTH = round((PAPER[0] - 2 * MARGIN) * 96)
"""CSS pixels across an A4 page inside its margins (96 per inch)."""
NOTE = "two sources say 25"
LAYOUT = """(() => {
  const shown = e => !!e && e.getClientRects().length > 0
    && getComputedStyle(e).visibility === 'visible';
  const cells = [...document.querySelectorAll('table.conflicts td')];
  const others = [...document.querySelectorAll('table.conflicts td.c-other')];
  const boxes = [...document.querySelectorAll('table.conflicts, article.claim, nav.contents')];
  return {
    print: matchMedia('print').matches,
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
    tables: [...document.querySelectorAll('table.conflicts')].filter(shown).length,
    cells: cells.length,
    shown_cells: cells.filter(shown).length,
    cut: cells.filter(td => td.scrollWidth > td.clientWidth + 1
      || td.scrollHeight > td.clientHeight + 1).map(td => td.textContent.slice(0, 60)),
    narrowest: Math.min(...others.map(td => td.getBoundingClientRect().width)),
    right: Math.max(...boxes.map(e => e.getBoundingClientRect().right)),
    contents: shown(document.querySelector('nav.contents')),
    cards: [...document.querySelectorAll('article.claim')].filter(shown).length,
    headers: [...document.querySelectorAll('thead')]
      .map(t => t.innerText.replace(/\\s+/g, ' ').trim()),
  };
})()"""


@dataclass(frozen=True)
class Printed:
    """The report, its layout under print media, and the text and page geometry of its PDF."""

    data: ReportInput
    layout: dict[str, Any]
    text: str
    overflowing_chars: int
    pages: int


def flat(text: str) -> str:
    """Text without any white space: a line break or wrap in the PDF changes nothing."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def pdf_text(pdf: bytes, headers: list[str]) -> str:
    """Every page's text in drawing order (cell by cell), without the table headings Chromium
    repeats at the top of each page a table continues on."""
    reader = PdfReader(io.BytesIO(pdf))
    lines = "\n".join(page.extract_text() for page in reader.pages).splitlines()
    repeated = {" ".join(h.split()) for h in headers}
    return "\n".join(line for line in lines if " ".join(line.split()) not in repeated)


def outside_the_page(pdf: bytes) -> int:
    """Characters drawn (even partly) beyond a page's left or right edge."""
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return sum(
            1
            for page in document.pages
            for char in page.chars
            if char["x0"] < 0 or char["x1"] > page.width
        )


@pytest.fixture
def printed(bridges_db: Path, tmp_path: Path) -> Printed:
    assert BINARY is not None, "Debian's chromium is not installed: run `make browser`"
    conn = connect(bridges_db)
    claim_id = conn.execute("SELECT id FROM claims WHERE text LIKE '%40 bridges%'").fetchone()[0]
    decide(conn, claim_id, Status.disputed, "ana", note=NOTE)
    data = build_report(conn, bridges_db, generated_at="2026-01-01T00:00:00+00:00")
    conn.close()
    page = tmp_path / "report.html"
    page.write_text(render(data, "html"), encoding="utf-8")
    with Browser(BINARY) as browser:
        browser.open(page)
        browser.send("Emulation.setEmulatedMedia", media="print")
        browser.send(
            "Emulation.setDeviceMetricsOverride",
            width=PRINT_WIDTH,
            height=1100,
            deviceScaleFactor=1,
            mobile=False,
        )
        layout = browser.evaluate(LAYOUT)
        browser.send("Emulation.clearDeviceMetricsOverride")
        browser.send("Emulation.setEmulatedMedia", media="")
        pdf = browser.print_pdf(paper=PAPER, margin=MARGIN)
    (tmp_path / "report.pdf").write_bytes(pdf)
    return Printed(
        data=data,
        layout=layout,
        text=pdf_text(pdf, layout["headers"]),
        overflowing_chars=outside_the_page(pdf),
        pages=len(PdfReader(io.BytesIO(pdf)).pages),
    )


def test_print_layout_keeps_the_conflict_tables_whole_within_the_page(printed: Printed) -> None:
    layout = printed.layout
    assert layout["print"], layout  # laid out with the print stylesheet
    assert layout["tables"] == 2 and layout["shown_cells"] == layout["cells"] > 0, layout
    assert layout["cut"] == [], layout["cut"]  # no cell clips or overflows its text
    assert layout["scroll"] <= layout["inner"] == PRINT_WIDTH, layout
    assert layout["right"] <= PRINT_WIDTH, layout
    assert layout["narrowest"] >= 280, layout  # the other sources' passages get room to read
    assert layout["contents"] and layout["cards"] == len(printed.data.report.claims)


def test_the_pdf_holds_every_section_and_each_conflict_whole(printed: Printed) -> None:
    report = printed.data.report
    text = flat(printed.text)
    assert printed.pages >= 2 and printed.overflowing_chars == 0
    for section in ("Summary", "Conflicts (3 passages)", "Updates (1 passages)", "Claims (1)"):
        assert flat(section) in text, section  # the section links at the top
    assert flat("Updates (a later count or date)") in text
    claim = report.claims[0]
    row = flat(f"disputed {claim.id} {claim.text} note: {NOTE}")
    assert text.count(row) == 2  # the claim with its status and note heads both tables
    for group in group_conflicts(report.conflicts):
        first = group.first
        assert flat(f"{first.kind} {first.reason}") in text, first.reason
        if len(group.sources) > 1:
            assert flat(f"{len(group.passages)} passages in 2 sources report this") in text
        for c in group.passages:
            span = c.evidence_span
            passage = f"“{c.evidence_text}” {c.evidence_document_path} [{span.start}–{span.end}]"
            assert flat(passage) in text, passage  # whole, as the conflict table prints it
    card = flat(f"source {claim.document_title} (version {claim.document_version})")
    assert card in text  # the claim's card, with its facts
