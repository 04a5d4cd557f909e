"""When a document was published: its dateline, a labelled date line near the top of the text.

News pages, releases and bulletins state their date in the head: a line of its own ("Thursday,
Aug. 14, 2025, 7:00 a.m."), a labelled one ("Published …", "Issued …", "Posted …"), a metadata
line joined by separators ("Press statement | 13 March 2025"), or a dateline in brackets before
the first dash ("LONDON (3 March 2025) — …"). The first such full date (day, month and year) in
the first lines is the publication date; a "Published"-like label beats an "Updated" one. Body
sentences ("On 3 April 2025, the company confirmed …") are never taken: they end like sentences
or run long. Unknown is None, never the ingest time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from claimcheck.extract.datecontext import DateContext
from claimcheck.extract.dates import extract_dates

HEAD_LINES = 12
"""Non-empty lines at the top of a document searched for its date."""
HEAD_CHARS = 2000
MAX_WORDS = 24
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
"""A date line is short: longer lines are prose that happens to mention a date."""

_MARKUP = re.compile(r"^[\s#>*_~•-]+|[\s*_~]+$")
_PUBLISHED_LABEL = re.compile(
    r"(?i:\b(?:published|posted|issued|released|dated|filed|first\s+published|news\s+release|"
    r"press\s+release|press\s+statement|public\s+notice|statement|bulletin|announcement)\b)"
)
_UPDATED_LABEL = re.compile(r"(?i:\b(?:updated|last\s+updated|modified|revised)\b)")
_TIME_TAIL = re.compile(
    r"(?i:,?\s*(?<![\d.:])\d{1,2}(?:[:.]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)|,?\s*\d{1,2}:\d{2})\s*$"
)
DATELINE_PREFIX = re.compile(
    rf"^[\s*_#]*[A-Z][^\n!?—–]{{0,40}}?,?\s*\(?(?:{_WEEKDAY}\s*,?\s*)?[^\n.!?—–()]{{0,24}}\d{{4}}\)?"
    r"\s*[—–]\s*"
)
"""'Washington, 13 October 2023 — The White House said …': the dateline before the story."""


@dataclass(frozen=True)
class Dateline:
    """A publication date read from the text, and the span of the line it was read from."""

    published: date
    start: int
    end: int
    source: str = "dateline"


def find_dateline(text: str) -> Dateline | None:
    """The publication date stated in the head of `text`, or None when it states none."""
    found: Dateline | None = None
    for start, end in _head_lines(text):
        line = text[start:end]
        day = _full_date(line, start)
        length = _date_line_length(line) if day is not None else None
        if day is None or length is None:
            continue
        dateline = Dateline(day, start, start + length)
        if _UPDATED_LABEL.search(line) and not _PUBLISHED_LABEL.search(line):
            found = found or dateline
            continue
        return dateline
    return found


def _head_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of the first non-empty lines, within the head of the text."""
    lines: list[tuple[int, int]] = []
    offset = 0
    for raw in text[:HEAD_CHARS].split("\n"):
        if raw.strip():
            lines.append((offset, offset + len(raw)))
        offset += len(raw) + 1
        if len(lines) >= HEAD_LINES:
            break
    return lines


def _full_date(line: str, offset: int) -> date | None:
    """The first date in the line written with its day, month and year."""
    for fact in extract_dates(line, offset, DateContext()):
        if fact.precision == "day" and fact.value and re.search(r"\d{4}", fact.text):
            return date.fromisoformat(fact.value)
    return None


def _date_line_length(line: str) -> int | None:
    """How much of a line is a date line or metadata (all of it, or a "CITY, date —" prefix),
    or None when it reads as a sentence of prose."""
    prefix = DATELINE_PREFIX.match(line)
    if prefix:
        return prefix.end()
    plain = _MARKUP.sub("", line).strip()
    if len(plain.split()) > MAX_WORDS:
        return None
    if _PUBLISHED_LABEL.search(plain) or _UPDATED_LABEL.search(plain):
        return len(line)
    untimed = _TIME_TAIL.sub("", plain).rstrip()
    return None if untimed.endswith((".", "!", "?", ":", ";")) else len(line)
