"""Sentence spans and document headings for plain text, as code-point offsets.

A line is at least a paragraph (stored documents are not hard-wrapped), so no sentence crosses a
line break: ``\\n``, ``\\r\\n``, a lone ``\\r`` and the other separators `str.splitlines` knows.
Within a line a sentence ends at ``.``, ``!``, ``?``, ``…`` or ``...`` (optionally followed by
closing quotes or brackets) when whitespace and then a capital, a caseless letter (CJK, Arabic,
Hebrew), a digit, or an opening quote or bracket follows; ``。！？`` end a sentence outright.
A full stop does not end a sentence after a known abbreviation (titles, months, ``e.g.``,
``vs.``, ``Inc.``…), a dotted capital acronym (``U.S.``), a single capital initial (``Kim J. Un``)
or a bare list number (``1. First``); ``No.`` only counts as an abbreviation before a digit, and
a lone ``I.`` is the pronoun, not an initial.
A sentence longer than `LONG_SENTENCE` characters is further split after each ``"; "``, and a
piece still longer than `MAX_SENTENCE` is cut at a space (or, in text without spaces, between
two characters) so that no sentence is longer: everything read per sentence then costs time
linear in the document, whatever its lines look like (a 5 MB line without a full stop).
"""

from __future__ import annotations

import re
import unicodedata

LONG_SENTENCE = 1000
"""Sentences longer than this (no terminator found) are split after semicolons as a fallback."""

MAX_SENTENCE = 2000
"""No sentence is longer: longer runs without a sentence end are cut at a space before this."""

_UNBREAKABLE = frozenset("\u200d\ufe0e\ufe0f")

_LINE = re.compile(r"[^\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")
_BOUNDARY = re.compile(
    r"(?P<term>[.!?…]+)[’”'\")\]»›]*\s+(?=\S)"
    r"|(?P<cjk>[。！？]+)[」』）”’]*\s*(?=\S)"
)
_OPENERS = frozenset("‘“'\"([{«‹¿¡")
_LEADING_PUNCT = "([{\"'‘“«‹"
_ABBREVIATIONS = frozenset(
    {"dr", "mr", "mrs", "ms", "mx", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt"}
    | {"adm", "cmdr", "gov", "sen", "rep", "pres", "rev", "hon", "st", "jr", "sr", "mt"}
    | {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
    | {"e.g", "i.e", "cf", "vs", "approx", "inc", "ltd", "co", "corp", "dept", "est", "fig"}
)
_TIME_CONTINUES = re.compile(
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    r"April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|"
    r"Jul|Aug|Sept?|Oct|Nov|Dec|ET|EST|EDT|PT|PST|PDT|GMT|UTC|BST|CET)\b"
)
"""'As of 7 a.m. Thursday, …': after a time, a weekday, month or zone continues the sentence."""
_DOTTED_CAPITALS = re.compile(r"(?:[A-Z]\.)*[A-Z]")
_LIST_NUMBER = re.compile(r"\(?\d{1,3}")
_SEMICOLON = re.compile(r";\s+")
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_TITLE = re.compile(r"^title:[ \t]*(.+?)[ \t]*$", re.MULTILINE)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each sentence: trimmed, non-empty, in order, never across a line."""
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        for start, end in _line_sentences(line.group(), line.start()):
            if end - start > LONG_SENTENCE:
                for piece_start, piece_end in _split_semicolons(text, start, end):
                    spans += _split_long(text, piece_start, piece_end)
            else:
                spans.append((start, end))
    return spans


def _line_sentences(line: str, offset: int) -> list[tuple[int, int]]:
    """Trimmed sentence spans of one line, shifted by the line's offset in the document."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(line):
        if match.group("term") and not _ends_sentence(line, start, match):
            continue
        end = match.start() + len(match.group().rstrip())
        spans += _trimmed(line, start, end, offset)
        start = match.end()
    spans += _trimmed(line, start, len(line), offset)
    return spans


def _ends_sentence(line: str, start: int, match: re.Match[str]) -> bool:
    """Whether a Western terminator ends the sentence, judged by what precedes and follows it."""
    following = line[match.end()]
    if not (following.isdigit() or following in _OPENERS or _capital_or_caseless(following)):
        return False
    if match.group("term") != ".":
        return True
    token_start = match.start()
    while token_start > start and not line[token_start - 1].isspace():
        token_start -= 1
    token = line[token_start : match.start()].lstrip(_LEADING_PUNCT)
    if line[start:token_start].strip() == "" and _LIST_NUMBER.fullmatch(token):
        return False
    if token.lower() in ("a.m", "p.m") and _TIME_CONTINUES.match(line, match.end()):
        return False
    return not _is_abbreviation(token, following)


def _capital_or_caseless(char: str) -> bool:
    """True for an uppercase or titlecase letter, or a letter of a script without case."""
    return char.isalpha() and not char.islower()


def _is_abbreviation(token: str, following: str) -> bool:
    """Whether `token` followed by a full stop is an abbreviation rather than a sentence end."""
    if not token:
        return False
    if _DOTTED_CAPITALS.fullmatch(token):
        return token != "I"  # the pronoun ends sentences far more often than an initial I. does
    lowered = token.lower()
    if lowered == "no":
        return following.isdigit()
    return lowered in _ABBREVIATIONS


def _trimmed(line: str, start: int, end: int, offset: int) -> list[tuple[int, int]]:
    """The span line[start:end] without surrounding whitespace, or nothing if it is blank."""
    while start < end and line[start].isspace():
        start += 1
    while end > start and line[end - 1].isspace():
        end -= 1
    return [(offset + start, offset + end)] if start < end else []


def _split_semicolons(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """An overlong sentence cut after each "; " (the semicolon stays with the left part)."""
    spans: list[tuple[int, int]] = []
    piece_start = start
    for match in _SEMICOLON.finditer(text, start, end):
        spans += _trimmed(text, piece_start, match.start() + 1, 0)
        piece_start = match.end()
    spans += _trimmed(text, piece_start, end, 0)
    return spans


def _split_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """text[start:end] in pieces of at most MAX_SENTENCE characters, cut at spaces if any."""
    spans: list[tuple[int, int]] = []
    while end - start > MAX_SENTENCE:
        cut = _cut_point(text, start, start + MAX_SENTENCE)
        spans += _trimmed(text, start, cut, 0)
        start = cut
    return spans + _trimmed(text, start, end, 0)


def _cut_point(text: str, start: int, limit: int) -> int:
    """The last space in the second half of text[start:limit], else the last offset there that
    does not split a character from its combining marks or joiners."""
    for index in range(limit, start + (limit - start) // 2, -1):
        if text[index - 1].isspace():
            return index
    cut = limit
    while cut > start + 1 and (
        unicodedata.category(text[cut]).startswith("M")
        or text[cut] in _UNBREAKABLE
        or text[cut - 1] in _UNBREAKABLE
    ):
        cut -= 1
    return cut


def first_heading(text: str) -> str | None:
    """The title of a Markdown text: front-matter `title:`, else the first H1, else any heading."""
    front = _FRONT_MATTER.match(text)
    if front:
        title = _FRONT_TITLE.search(front.group(1))
        if title and title.group(1).strip("\"' "):
            return title.group(1).strip("\"' ")
        text = text[front.end() :]
    headings = _headings(text.splitlines())
    for level, heading in headings:
        if level == 1:
            return heading
    return headings[0][1] if headings else None


def _headings(lines: list[str]) -> list[tuple[int, str]]:
    """(level, text) of every ATX or setext heading outside fenced code blocks."""
    found: list[tuple[int, str]] = []
    fence: str | None = None
    for index, line in enumerate(lines):
        opened = _FENCE.match(line)
        if opened:
            fence = None if fence == opened.group(1) else fence or opened.group(1)
            continue
        if fence:
            continue
        atx = _ATX.match(line)
        if atx and atx.group(2) and atx.group(2).strip():
            found.append((len(atx.group(1)), _plain(atx.group(2))))
            continue
        underline = _SETEXT.match(lines[index + 1]) if index + 1 < len(lines) else None
        if underline and line.strip() and not _SETEXT.match(line):
            found.append((1 if underline.group(1)[0] == "=" else 2, _plain(line)))
    return found


def _plain(heading: str) -> str:
    """Heading text without surrounding whitespace or emphasis markers."""
    return heading.strip().strip("*_").strip()
