"""Source files the tests write themselves: a two-page PDF with running header and footer and a
word hyphenated at a line end, a PDF without a text layer, and a DOCX with a heading and a table.

The article text is invented for these tests (test data written for claimcheck, not a case file).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

HEADER = "The Valley Courier - Special Report"
FOOTER = "Page {page} of {pages}"

# Lines as they are set on each page; "" starts a new paragraph. "emer-" / "gency" is a word
# hyphenated at a line end; the first page ends mid-sentence, continued on page two.
PAGE_ONE = [
    "Flood Damage in Harwood County",
    "",
    "The county council approved 45 new housing units on Tuesday, said",
    "Mayor Carla Nguyen, after the river rose 3.2 metres above its normal level.",
    "",
    "Officials said 1,200 residents were moved to emer-",
    "gency shelters in the first week of March 2024.",
    "",
    "The sheriff's office said on 4 March 2024 that 17 roads remained closed",
    "and that repairs would cost at least $4.5 million over the next",
]
PAGE_TWO = [
    "two years, according to the county's own estimate.",
    "",
    "State inspectors counted 312 damaged homes, of which 41 were declared",
    "unsafe to enter, the agency said in a statement.",
    "",
    "Nguyen said the council would vote on a recovery plan by 30 April 2024.",
]

EXPECTED_SENTENCES = [
    "The county council approved 45 new housing units on Tuesday, said Mayor Carla Nguyen, "
    "after the river rose 3.2 metres above its normal level.",
    "Officials said 1,200 residents were moved to emergency shelters in the first week of "
    "March 2024.",
    "The sheriff's office said on 4 March 2024 that 17 roads remained closed and that repairs "
    "would cost at least $4.5 million over the next two years, according to the county's own "
    "estimate.",
    "State inspectors counted 312 damaged homes, of which 41 were declared unsafe to enter, the "
    "agency said in a statement.",
    "Nguyen said the council would vote on a recovery plan by 30 April 2024.",
]
"""What a reader of the PDF reads: every sentence whole, no header, footer or hyphen."""


@dataclass
class PdfSpec:
    """What `write_pdf` sets: lines per page, running header and footer, document info."""

    pages: list[list[str]] = field(default_factory=lambda: [PAGE_ONE, PAGE_TWO])
    header: str | None = HEADER
    footer: str | None = FOOTER
    title: str | None = "Flood Damage in Harwood County"
    author: str | None = "Dana Whitfield"
    created: datetime | None = datetime(2024, 3, 6, 9, 30, tzinfo=UTC)


def write_pdf(path: Path, spec: PdfSpec | None = None) -> Path:
    """A PDF with a text layer: each line set where the spec puts it (core font Helvetica)."""
    from fpdf import FPDF

    spec = spec or PdfSpec()
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    if spec.title:
        pdf.set_title(spec.title)
    if spec.author:
        pdf.set_author(spec.author)
    if spec.created:
        pdf.set_creation_date(spec.created)
    for number, lines in enumerate(spec.pages, 1):
        pdf.add_page()
        pdf.set_font("Helvetica", size=9)
        if spec.header:
            pdf.text(20, 15, spec.header)
        if spec.footer:
            pdf.text(95, 285, spec.footer.format(page=number, pages=len(spec.pages)))
        pdf.set_font("Helvetica", size=11)
        y = 35.0
        for line in lines:
            if line:
                pdf.text(20, y, line)
            y += 6.0
    pdf.output(str(path))
    return path


def write_scanned_pdf(path: Path) -> Path:
    """A PDF whose only page content is a picture: no text layer, as a scanner makes."""
    from fpdf import FPDF
    from PIL import Image

    picture = path.with_suffix(".png")
    Image.new("RGB", (200, 100), "white").save(picture)
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.image(str(picture), x=20, y=20, w=160)
    pdf.output(str(path))
    picture.unlink()
    return path


DOCX_HEADING = "Harwood County Recovery Update"
DOCX_PARAGRAPHS = [
    "The county said on 12 March 2024 that 96 families were still in temporary housing.",
    "Repairs to the Mill Street bridge will cost $2.1 million, the engineer's report said.",
]
DOCX_CELLS = ["District", "Homes damaged", "North Harwood", "The inspectors counted 140 homes."]


def write_docx(path: Path, *, extra: str | None = None) -> Path:
    """A Word document: a heading, two paragraphs, a 2×2 table and one more paragraph (or
    `extra` in its place), with title, author and creation date set in its properties."""
    import docx

    document = docx.Document()
    document.add_heading(DOCX_HEADING, level=1)
    for text in DOCX_PARAGRAPHS:
        document.add_paragraph(text)
    table = document.add_table(rows=2, cols=2)
    for cell, text in zip((c for row in table.rows for c in row.cells), DOCX_CELLS, strict=True):
        cell.text = text
    document.add_paragraph(extra or "Officials expect the last shelter to close by 1 May 2024.")
    properties = document.core_properties
    properties.title = "Recovery update, March 2024"
    properties.author = "Harwood County Press Office"
    properties.created = datetime(2024, 3, 12, 16, 0, tzinfo=UTC)
    document.save(str(path))
    return path
