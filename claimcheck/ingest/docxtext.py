"""Word documents (.docx) as text: paragraphs and headings in document order, each table cell's
text as a paragraph of its own, and the document properties (title, author, creation date)."""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from claimcheck.errors import InputError

if TYPE_CHECKING:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

_HEADING_STYLES = ("Title", "Heading 1")


@dataclass(frozen=True)
class DocxText:
    """What a Word document says: its text (paragraphs separated by a blank line) and properties."""

    text: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    created: str | None = None


def read_docx(raw: bytes) -> DocxText:
    """The text of a .docx file's bytes; a file that is not a Word document is an InputError."""
    import docx

    try:
        document = docx.Document(io.BytesIO(raw))
        blocks = list(_blocks(document.iter_inner_content()))
        properties = document.core_properties
        title, author, created = properties.title, properties.author, properties.created
    except Exception as exc:  # python-docx raises zip, XML and key errors for damaged files
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise InputError(f"is not a readable DOCX file ({reason[:120]})") from None
    from claimcheck.ingest.pdf import split_authors

    headings = [text for text, heading in blocks if heading]
    return DocxText(
        text="\n\n".join(text for text, _ in blocks),
        title=(title or "").strip() or (headings[0] if headings else None),
        authors=split_authors(author),
        created=created.date().isoformat() if created else None,
    )


def _blocks(content: Iterator[Paragraph | Table]) -> Iterator[tuple[str, bool]]:
    """(text, is a title or top heading) of each non-empty paragraph, tables' cells included."""
    from docx.text.paragraph import Paragraph

    for block in content:
        if isinstance(block, Paragraph):
            text = _clean(block.text)
            if text:
                style = block.style.name if block.style is not None else ""
                yield text, style in _HEADING_STYLES
            continue
        seen: list[object] = []  # kept alive: lxml gives a live node the same proxy object
        for row in block.rows:
            for cell in row.cells:
                if any(cell._tc is other for other in seen):  # a merged cell, once per column
                    continue
                seen.append(cell._tc)
                yield from _blocks(cell.iter_inner_content())


def _clean(text: str) -> str:
    """A paragraph's text on one line: breaks inside it become spaces, control characters go."""
    text = text.replace("\n", " ").replace("\r", " ")
    return "".join(ch for ch in text if ch == "\t" or unicodedata.category(ch) != "Cc").strip()
