"""Quote anchors with context, and finding a quote again after its document changed.

`reanchor` tries, in order:

1. ``exact``: the quote occurs once in the new text.
2. ``context``: the quote occurs several times; the occurrence whose surrounding text is most
   like the old prefix and suffix wins, ties going to the one nearest the old position.
3. ``fuzzy``: the quote no longer occurs verbatim. rapidfuzz's partial-ratio alignment finds the
   most similar window, first within 512 characters of the old position, then in the whole text
   (the best window plus the best on either side of it). Each window edge is snapped to nearby
   word boundaries (whitespace-delimited; any character in scripts written without spaces), and
   of the snapped windows the one closest in Levenshtein similarity wins, because it counts a
   changed word once rather than preferring to drop it. Windows within two points of each other
   are ranked by context (prefix and suffix, nearest characters weighing most), then by whether
   the first and last characters agree, then by nearness to the old position. The window is
   accepted when its rapidfuzz ``ratio`` (0–100) reaches ``min_score``.

Otherwise the quote is orphaned (None). An empty quote is always orphaned.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from claimcheck.models import Span

CONTEXT = 32
"""Characters of prefix and suffix kept around a quote."""

_NEAR = 512
"""Characters either side of the old position searched before the whole text."""

_CONTEXT_WIDTHS = (8, 16, CONTEXT)
"""Context is compared over these widths, so characters next to the quote weigh the most."""

_NEAR_EQUAL = 2.0
"""Fuzzy windows within this many points of the best fit are told apart by context."""

_WINDOW_SLACK = 15.0
"""A raw window scores lower than the same quote once snapped, so it is kept from this far below."""

_MAX_SPACE_BOUNDARIES = 8
"""Whitespace word boundaries tried around each raw fuzzy window edge."""

_MAX_CHAR_BOUNDARIES = 4
"""Character boundaries in scripts written without spaces tried around each raw edge."""

_JOINERS = frozenset("\u200d\ufe0e\ufe0f")

_UNSPACED = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff"
    "\uff00-\uffef\U00020000-\U0002ffff]"
)
"""Characters of scripts written without spaces (Thai, Lao, Myanmar, Khmer, CJK, kana)."""

_WORD_START = re.compile(r"(?<!\S)\S")
_WORD_END = re.compile(r"\S(?!\S)")


@dataclass(frozen=True)
class _Candidate:
    """A possible new position of a quote: `fit` picks boundaries, `score` decides acceptance."""

    start: int
    end: int
    fit: float
    score: float


def make_span(text: str, start: int, end: int) -> Span:
    """The span text[start:end] with up to CONTEXT characters of prefix and suffix."""
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span {start}–{end} is outside a text of length {len(text)}")
    return Span(
        start=start,
        end=end,
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT) : start],
        suffix=text[end : end + CONTEXT],
    )


def reanchor(span: Span, new_text: str, *, min_score: float = 85.0) -> tuple[Span, str] | None:
    """The span found again in `new_text` and how ("exact", "context", "fuzzy"), or None."""
    if not span.exact:
        return None
    starts = _occurrences(span.exact, new_text)
    if len(starts) == 1:
        return make_span(new_text, starts[0], starts[0] + len(span.exact)), "exact"
    if starts:
        best = max(
            starts,
            key=lambda s: (_context(span, new_text, s, s + len(span.exact)), -abs(s - span.start)),
        )
        return make_span(new_text, best, best + len(span.exact)), "context"
    found = _fuzzy(span, new_text, min_score)
    return None if found is None else (make_span(new_text, found.start, found.end), "fuzzy")


def _occurrences(needle: str, haystack: str) -> list[int]:
    """Every start offset of `needle` in `haystack`, overlapping ones included."""
    starts: list[int] = []
    index = haystack.find(needle)
    while index >= 0:
        starts.append(index)
        index = haystack.find(needle, index + 1)
    return starts


def _similarity(old: str, new: str) -> float:
    """0–100 similarity of two strings; two empty strings are identical."""
    return 100.0 if old == new else float(fuzz.ratio(old, new))


def _context(span: Span, text: str, start: int, end: int) -> float:
    """How alike the text around [start, end) is to the old context, nearest characters most."""
    before = text[max(0, start - len(span.prefix)) : start]
    after = text[end : end + len(span.suffix)]
    return sum(
        _similarity(span.prefix[-width:], before[-width:])
        + _similarity(span.suffix[:width], after[:width])
        for width in _CONTEXT_WIDTHS
    )


def _fuzzy(span: Span, text: str, min_score: float) -> _Candidate | None:
    """The best window at least `min_score` similar to the quote, near the old position first."""
    low, high = max(0, span.start - _NEAR), min(len(text), span.end + _NEAR)
    candidates = _windows(span, text, low, high, min_score)
    if not candidates and (low, high) != (0, len(text)):
        candidates = _windows(span, text, 0, len(text), min_score)
    return _choose(span, text, candidates)


def _windows(span: Span, text: str, low: int, high: int, min_score: float) -> list[_Candidate]:
    """The best window in text[low:high] and the best either side of it, if similar enough."""
    best = _best_window(span, text, low, high, min_score)
    if best is None:
        return []
    sides = (
        _best_window(span, text, *side, min_score) for side in ((low, best.start), (best.end, high))
    )
    return [best, *(other for other in sides if other is not None)]


def _best_window(span: Span, text: str, low: int, high: int, min_score: float) -> _Candidate | None:
    """The window of text[low:high] most like the quote, snapped to word boundaries."""
    if high <= low:
        return None
    cutoff = max(0.0, min_score - _WINDOW_SLACK)
    alignment = fuzz.partial_ratio_alignment(span.exact, text[low:high], score_cutoff=cutoff)
    if alignment is None:
        return None
    raw_start, raw_end = low + alignment.dest_start, low + alignment.dest_end
    radius = 12 + len(span.exact) // 6
    windows = [
        _candidate(span.exact, text, start, end)
        for start in _snap(text, raw_start, max(low, raw_start - radius), raw_start + radius, True)
        for end in _snap(text, raw_end, raw_end - radius, min(high, raw_end + radius), False)
        if start < end
    ]
    return _choose(span, text, [w for w in windows if w.score >= min_score])


def _candidate(exact: str, text: str, start: int, end: int) -> _Candidate:
    """The window text[start:end] with its fit and score against the quote."""
    window = text[start:end]
    fit = 100.0 * Levenshtein.normalized_similarity(exact, window)
    return _Candidate(start, end, fit, _similarity(exact, window))


def _snap(text: str, raw: int, low: int, high: int, at_start: bool) -> list[int]:
    """Word boundaries in [low, high] nearest a raw window edge; the edge itself if none."""
    low, high = max(0, low), min(len(text), high)
    nearest = sorted(_spaced(text, low, high, at_start), key=lambda index: abs(index - raw))
    nearest = nearest[:_MAX_SPACE_BOUNDARIES]
    if _UNSPACED.search(text, max(0, low - 1), high + 1):
        unspaced = [i for i in range(low, high + 1) if _unspaced_boundary(text, i, at_start)]
        nearest += sorted(unspaced, key=lambda index: abs(index - raw))[:_MAX_CHAR_BOUNDARIES]
    return nearest or [_grapheme_edge(text, raw)]


def _spaced(text: str, low: int, high: int, at_start: bool) -> list[int]:
    """Where whitespace-delimited words start (or end) within [low, high]."""
    if at_start:
        return [match.start() for match in _WORD_START.finditer(text, low, high + 1)]
    ends = (match.end() for match in _WORD_END.finditer(text, max(0, low - 1), high + 1))
    return [end for end in ends if low <= end <= high]


def _unspaced_boundary(text: str, index: int, at_start: bool) -> bool:
    """Whether `index` falls between characters of a script written without spaces."""
    inside = index if at_start else index - 1
    outside = index - 1 if at_start else index
    if not (0 <= inside < len(text) and 0 <= outside < len(text)):
        return False
    if text[inside].isspace() or text[outside].isspace():
        return False
    unspaced = _UNSPACED.match(text[inside]) or _UNSPACED.match(text[outside])
    return bool(unspaced) and _grapheme_edge(text, index) == index


def _grapheme_edge(text: str, index: int) -> int:
    """`index` moved left off combining marks and joiners so a character is not cut in two."""
    while 0 < index < len(text) and (
        unicodedata.category(text[index]).startswith("M")
        or text[index] in _JOINERS
        or text[index - 1] == "\u200d"
    ):
        index -= 1
    return index


def _choose(span: Span, text: str, candidates: list[_Candidate]) -> _Candidate | None:
    """The best-fitting window, near-equal ones being ranked by `_rank`."""
    if not candidates:
        return None
    top = max(candidate.fit for candidate in candidates)
    close = [c for c in candidates if c.fit >= top - _NEAR_EQUAL]
    return max(close, key=lambda c: _rank(span, text, c))


def _rank(span: Span, text: str, candidate: _Candidate) -> tuple[float, int, float, int]:
    """Sort key: context similarity, whether first and last characters agree, fit, nearness."""
    start, end = candidate.start, candidate.end
    edges = (text[start] == span.exact[0]) + (text[end - 1] == span.exact[-1])
    context = _context(span, text, start, end)
    return context, edges, candidate.fit, -abs(start - span.start)
