"""Turning an HTML page into the plain text that gets stored: visible prose only, one block a line.

What is dropped, with everything inside it:

- never rendered: ``script``, ``style``, ``noscript``, ``template``, ``svg``, ``iframe``,
  ``object``, ``canvas``, and ``head`` (its ``<title>`` is returned separately);
- form controls, whose labels are page furniture: ``button``, ``select``, ``textarea``;
- navigation in the broad sense: ``nav``, ``aside``, ``footer``, and ``header`` unless it sits
  inside ``article`` or ``main`` (there it holds the headline, byline and date of the piece);
- elements marked hidden: ``role="navigation"``, ``aria-hidden="true"``, the ``hidden``
  attribute, and inline ``display: none`` / ``visibility: hidden``;
- all attribute text (``alt``, ``title``, event handlers), comments and declarations.

Block elements end a line; paragraph-like blocks are separated by one blank line. Runs of
whitespace (including no-break spaces) inside a line collapse to one space, except that ``<pre>``
keeps its line breaks. The result never starts or ends with a blank line and never has two blank
lines in a row.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

_DROPPED = frozenset(
    {"script", "style", "noscript", "template", "svg", "iframe", "object", "canvas"}
    | {"button", "select", "textarea"}
    | {"nav", "aside", "footer", "header"}
)
_HEAD_CONTENT = frozenset(
    {"title", "meta", "link", "style", "script", "noscript", "base", "template"}
)
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param"}
    | {"source", "track", "wbr"}
)
_PARAGRAPH = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "ul", "ol", "dl", "table"}
    | {"section", "article", "main", "header", "footer", "figure", "hr", "address", "form"}
    | {"fieldset", "details", "body"}
)
_LINE = frozenset(
    {"div", "li", "dt", "dd", "tr", "caption", "figcaption", "summary", "legend", "center"}
)
_CELL = frozenset({"td", "th"})
_SPACES = re.compile(r"\s+")
_TITLE_END = re.compile(r"</\s*title\s*>", re.IGNORECASE)
_NEWLINES = re.compile(r"\r\n|\r|\n")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_CRUDE_DROP = re.compile(
    r"<(script|style|noscript|template|svg|head|nav|aside|footer)\b.*?</\1\s*>",
    re.IGNORECASE | re.DOTALL,
)
_CRUDE_BLOCK = re.compile(
    r"</?(?:p|div|li|h[1-6]|br|tr|section|article|blockquote|pre)\b[^>]*>", re.IGNORECASE
)
_CRUDE_TAG = re.compile(r"<[^>]*>?")

Attrs = list[tuple[str, str | None]]


def html_to_text(raw: str) -> tuple[str, str | None]:
    """Visible text of an HTML document and its title (<title>, else first <h1>); never raises."""
    parser = _TextParser()
    try:
        parser.feed(raw)
        parser.close()
    except Exception:  # html.parser has undocumented assertion paths; never fail an ingest on them
        return _crude_text(raw), None
    return parser.text(), parser.title()


def _is_hidden(attrs: Attrs) -> bool:
    """Whether an element's attributes mark it as navigation or hidden from readers."""
    for name, value in attrs:
        lowered = (value or "").strip().lower()
        if name == "hidden":
            return True
        if name == "role" and "navigation" in lowered.split():
            return True
        if name == "aria-hidden" and lowered == "true":
            return True
        if name == "style" and _HIDDEN_STYLE.search(lowered):
            return True
    return False


class _LineWriter:
    """Collects inline text into lines, with at most one blank line between blocks."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self._inline: list[str] = []
        self._pending = 0

    def add(self, data: str) -> None:
        """Append inline text to the current line."""
        self._inline.append(data)

    def end_line(self, level: int, *, additive: bool = False) -> None:
        """Finish the current line; level 1 asks for a newline, level 2 for a blank line."""
        line = _SPACES.sub(" ", "".join(self._inline)).strip()
        self._inline.clear()
        if line:
            if self.lines:
                self.lines.append("\n" * self._pending)
            self.lines.append(line)
            self._pending = 0
        self._pending = min(2, self._pending + level if additive else max(self._pending, level))

    def text(self) -> str:
        """Everything collected, as the stored text."""
        self.end_line(0)
        return "".join(self.lines)


class _TextParser(HTMLParser):
    """Streams visible text into lines while tracking which open elements hide their content."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._out = _LineWriter()
        self._stack: list[tuple[str, bool]] = []
        self._hidden_depth = 0
        self._in_head = False
        self._pre_depth = 0
        self._title: list[str] | None = None
        self._title_done = False
        self._title_raw = False
        self._in_title = False
        self._line_starts: list[int] | None = None
        self._h1: list[str] | None = None
        self._h1_done = False

    def handle_starttag(self, tag: str, attrs: Attrs) -> None:
        """Open an element: note whether it hides its content and whether it breaks the line."""
        if tag == "head":
            self._in_head = True
            return
        if self._in_head and tag not in _HEAD_CONTENT:
            self._in_head = False
        if self._in_title and tag != "title":
            self._end_title()  # a tag inside a <title> without </title>: it was never closed
        if tag == "title":
            self._in_title = True
            closes = self._title_closes()
            if closes:  # as browsers do: everything up to </title> is its text, tags included
                self.set_cdata_mode("title")
            if self._title is None:
                self._title, self._title_raw = [], closes
        if tag == "h1" and not self._h1_done:
            self._h1 = []
        self._break(tag, start=True)
        if tag in _VOID:
            return
        dropped = _is_hidden(attrs) or (tag in _DROPPED and not self._kept_header(tag))
        self._stack.append((tag, dropped))
        self._hidden_depth += dropped
        self._pre_depth += tag == "pre"

    def _end_title(self) -> None:
        self._in_title = False
        self._title_done = True

    def _title_closes(self) -> bool:
        """Whether a </title> follows the <title> being opened (the whole page is fed at once,
        so `rawdata` still holds it; `getpos` is where the tag starts)."""
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.rawdata)]
        line, column = self.getpos()
        start = self._line_starts[line - 1] + column if line <= len(self._line_starts) else 0
        return _TITLE_END.search(self.rawdata, start) is not None

    def handle_startendtag(self, tag: str, attrs: Attrs) -> None:
        """A self-closed element is closed at once, so `<nav/>` cannot hide the rest of the page."""
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        """Close the nearest open element of this name and anything left open inside it."""
        if tag == "head":
            self._in_head = False
        elif tag == "title" and self._in_title:
            self._end_title()
        elif tag == "h1" and self._h1 is not None:
            self._h1_done = bool("".join(self._h1).strip())
        names = [name for name, _ in self._stack]
        if tag in names:
            index = len(names) - 1 - names[::-1].index(tag)
            for name, dropped in self._stack[index:]:
                self._hidden_depth -= dropped
                self._pre_depth -= name == "pre"
            del self._stack[index:]
        self._break(tag, start=False)

    def handle_data(self, data: str) -> None:
        """Route text to the title, the first heading and the visible lines as appropriate."""
        if self._in_title:
            if self._title is not None and not self._title_done:
                self._title.append(data)  # a later <title> is ignored, as browsers do
            return
        if self._in_head:
            if not data.strip():
                return
            self._in_head = False  # text in <head> means the head has ended, as browsers do
        if self._hidden_depth:
            return
        if self._h1 is not None and not self._h1_done:
            self._h1.append(data)
        if not self._pre_depth:
            self._out.add(data)
            return
        for index, piece in enumerate(_NEWLINES.split(data)):
            if index:
                self._out.end_line(1, additive=True)
            self._out.add(piece)

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        """Skip an unknown `<![...]>` section like a bogus comment instead of raising."""
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            end = self.rawdata.find(">", i + 3)
            return len(self.rawdata) if end < 0 else end + 1

    def _break(self, tag: str, *, start: bool) -> None:
        """End the current line when a block element opens or closes."""
        if self._hidden_depth or self._in_head:
            return
        if tag == "br" and start:
            self._out.end_line(1, additive=True)
        elif tag in _PARAGRAPH:
            self._out.end_line(2)
        elif tag in _LINE:
            self._out.end_line(1)
        elif tag in _CELL:
            self._out.add(" ")

    def _kept_header(self, tag: str) -> bool:
        """A `<header>` inside an article or main holds the piece's headline, so it is kept."""
        return tag == "header" and any(name in ("article", "main") for name, _ in self._stack)

    def text(self) -> str:
        """The visible text collected so far."""
        return self._out.text()

    def title(self) -> str | None:
        """The `<title>` text, else the first `<h1>` text, else None."""
        for parts in (self._title, self._h1):
            if parts is not None:
                joined = "".join(parts)
                if parts is self._title and self._title_raw:
                    joined = html.unescape(joined)
                found = _SPACES.sub(" ", joined).strip()
                if found:
                    return found
        return None


def _crude_text(raw: str) -> str:
    """Regex fallback used only if the parser fails: drop hidden blocks and tags, keep the words."""
    body = _CRUDE_DROP.sub(" ", raw)
    body = _CRUDE_BLOCK.sub("\n", body)
    body = html.unescape(_CRUDE_TAG.sub(" ", body))
    lines = (_SPACES.sub(" ", line).strip() for line in _NEWLINES.split(body))
    return "\n".join(line for line in lines if line)
