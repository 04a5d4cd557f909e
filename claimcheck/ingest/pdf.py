"""PDF text as a reader reads it: lines in reading order, running headers and footers dropped,
words hyphenated at a line end joined, paragraphs one line each, and where each page starts.

pdfplumber (pdfminer.six, MIT) gives every line with its position on the page, which the layout
rules here need (pypdf gives text in content-stream order: a footer drawn early comes first;
docs/benchmarks.md has the measurement). OCR is out of scope: a PDF with no text layer is an error.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from claimcheck.errors import InputError

EDGE = 0.1
"""Share of the page height at the top and at the bottom where running headers and footers sit."""

PARAGRAPH_GAP = 0.7
"""A gap between two lines taller than this share of a line's height starts a new paragraph."""

_PAGE_NUMBER = re.compile(
    r"^\W*(?:page|p\.|pg\.?)?\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\W*$", re.IGNORECASE
)
_HYPHENATED = re.compile(r"([^\W\d_]+)-$")
_FIRST_WORD = re.compile(r"^([^\W\d_]+)")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_SENTENCE_END = re.compile(r"[.!?:;…\"”’)\]]$")
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st"})
_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})(\d{2})")


@dataclass(frozen=True)
class Line:
    """One line of text on a page, with its top and bottom (points from the page's top)."""

    text: str
    top: float
    bottom: float


@dataclass(frozen=True)
class Page:
    """A page's lines in reading order, and its height in points."""

    lines: list[Line]
    height: float


@dataclass(frozen=True)
class PdfText:
    """What a PDF says: the stored text, each page's first offset, and its document info."""

    text: str
    page_starts: list[int]
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    created: str | None = None


def read_pdf(raw: bytes) -> PdfText:
    """The text of a PDF's bytes; an unreadable, encrypted or image-only PDF is an InputError."""
    pages, info = _parse(raw)
    if not any(line.text.strip() for page in pages for line in page.lines):
        raise InputError(
            "has no text layer (a scanned PDF?); claimcheck does no OCR: run OCR first"
        )
    text, starts = assemble(pages)
    if not text.strip():
        raise InputError("has only running headers and footers, no body text")
    return PdfText(
        text=text,
        page_starts=starts,
        title=_info_text(info.get("Title")),
        authors=split_authors(_info_text(info.get("Author"))),
        created=_info_date(info.get("CreationDate")),
    )


def _parse(raw: bytes) -> tuple[list[Page], dict[str, object]]:
    """Every page's lines and the document info dictionary, read with pdfplumber."""
    import pdfplumber

    try:
        with pdfplumber.open(io.BytesIO(raw)) as pdf:
            pages = [
                Page(
                    lines=[
                        Line(_clean(found["text"]), float(found["top"]), float(found["bottom"]))
                        for found in page.extract_text_lines(return_chars=False)
                    ],
                    height=float(page.height),
                )
                for page in pdf.pages
            ]
            return pages, dict(pdf.metadata or {})
    except InputError:
        raise
    except Exception as exc:  # pdfminer raises many types for damaged or encrypted files
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise InputError(f"is not a readable PDF ({reason[:120]})") from None


def _clean(text: str) -> str:
    """A line without ligature glyphs or control characters, trimmed."""
    text = text.translate(_LIGATURES)
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cc").strip()


def assemble(pages: Sequence[Page]) -> tuple[str, list[int]]:
    """The stored text of a PDF's pages and the offset each page starts at.

    Paragraphs are separated by a blank line; a paragraph that runs on to the next page (no
    sentence end, the next page starts in lower case) is joined across the page boundary.
    """
    furniture = running_lines(pages)
    words = Counter(
        w.casefold() for page in pages for ln in page.lines for w in _WORD.findall(ln.text)
    )
    paragraphs: list[str] = []
    length = 0  # of the text so far: the paragraphs and the blank lines between them
    starts: list[int | None] = []
    for number, page in enumerate(pages):
        body = [ln for i, ln in enumerate(page.lines) if (number, i) not in furniture and ln.text]
        starts.append(None)
        for first, lines in enumerate(_paragraphs(body)):
            joined = _join_lines(lines, words)
            previous = paragraphs[-1] if paragraphs else ""
            if first == 0 and previous and _runs_on(previous, joined):
                merged = join_hyphenated(previous, joined, words)
                paragraphs[-1] = merged
                length += len(merged) - len(previous)
                starts[-1] = length - len(joined)
                continue
            length += 2 if paragraphs else 0
            if first == 0:
                starts[-1] = length
            paragraphs.append(joined)
            length += len(joined)
    return "\n\n".join(paragraphs), _fill_starts(starts, length)


def _runs_on(previous: str, following: str) -> bool:
    """Whether a page's first paragraph continues the previous page's last one: no sentence end
    there, and a lower-case start here."""
    return not _SENTENCE_END.search(previous) and following[:1].islower()


def _fill_starts(starts: list[int | None], end: int) -> list[int]:
    """A page without text starts where the next page with text does."""
    filled: list[int] = []
    following = end
    for start in reversed(starts):
        following = start if start is not None else following
        filled.append(following)
    filled.reverse()
    return filled


def running_lines(pages: Sequence[Page]) -> set[tuple[int, int]]:
    """(page, line) of each running header or footer: a line at the top or bottom edge of its
    page that is a page number or recurs, digits aside, at an edge of another page."""
    edges: dict[tuple[int, int], str] = {}
    for number, page in enumerate(pages):
        lines = page.lines
        for i, line in enumerate(lines):
            at_top = i < 2 and line.top < EDGE * page.height
            at_bottom = i >= len(lines) - 2 and line.bottom > (1 - EDGE) * page.height
            if at_top or at_bottom:
                edges[(number, i)] = _shape(line.text)
    recurring = Counter(shape for _, shape in {(n, s) for (n, _), s in edges.items()})
    return {
        key
        for key, shape in edges.items()
        if _PAGE_NUMBER.match(shape) or (len(pages) > 1 and recurring[shape] > 1)
    }


def _shape(text: str) -> str:
    """A line with its numbers blanked, so 'Page 1 of 9' and 'Page 2 of 9' match."""
    return re.sub(r"\d+", "0", " ".join(text.casefold().split()))


def _paragraphs(lines: Sequence[Line]) -> list[list[Line]]:
    """Lines grouped into paragraphs at gaps taller than PARAGRAPH_GAP of a line's height."""
    paragraphs: list[list[Line]] = []
    for line in lines:
        if paragraphs:
            previous = paragraphs[-1][-1]
            height = max(previous.bottom - previous.top, 1.0)
            if line.top - previous.bottom <= PARAGRAPH_GAP * height:
                paragraphs[-1].append(line)
                continue
        paragraphs.append([line])
    return paragraphs


def _join_lines(lines: Sequence[Line], words: Counter[str]) -> str:
    """One paragraph's lines as one line: a space between lines, a line-end hyphen dropped."""
    joined = lines[0].text
    for line in lines[1:]:
        joined = join_hyphenated(joined, line.text, words)
    return joined


def join_hyphenated(left: str, right: str, words: Counter[str]) -> str:
    """Two consecutive lines as one: 'emer-' + 'gency' is 'emergency' unless the document
    writes the word with its hyphen elsewhere ('well-known'), '2023-' + '24' is '2023-24';
    otherwise a space between."""
    head, tail = _HYPHENATED.search(left), _FIRST_WORD.match(right)
    if head and tail and right[:1].islower():
        whole = (head[1] + tail[1]).casefold()
        compound = f"{head[1]}-{tail[1]}".casefold()
        if words[compound] == 0 or words[whole] > 0:
            return left[:-1] + right
        return left + right
    if left.endswith("-") and left[-2:-1].isdigit() and right[:1].isdigit():
        return left + right  # a range broken at its hyphen: '2023-' + '24'
    return f"{left} {right}"


def _info_text(value: object) -> str | None:
    """A document info string (pdfminer gives bytes for some encodings), or None if blank."""
    if isinstance(value, bytes):
        value = value.decode("utf-8", errors="replace")
    if not isinstance(value, str):
        return None
    return " ".join(_clean(value).split()) or None


def split_authors(value: str | None) -> list[str]:
    """'A; B', 'A and B' or 'A & B' (a document property's author field) as a list of names."""
    if not value:
        return []
    return [name.strip() for name in re.split(r";| and |&", value) if name.strip()]


def _info_date(value: object) -> str | None:
    """The ISO day of a PDF date string (D:YYYYMMDDHHmmSS…), if it is a valid day."""
    from claimcheck.ingest.htmlmeta import iso_day

    return iso_day(_info_text(value) or "", _PDF_DATE)
