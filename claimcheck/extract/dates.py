"""Dates stated in text, normalised to ISO form with a precision and the days they can mean.

Explicit dates (``23 November 2023``, ``Nov. 23, 2023``, ``2023-11-23``) are ``day``; ``June 2024``
is ``month``; ``in 1961`` or ``the 2019 Hanoi Summit`` is ``year``. ``late 2024`` (Sep–Dec), ``early
2024`` (Jan–Apr), ``mid-2024`` (May–Aug), ``the end of 2024`` (as late), decades (``the 1990s``,
value ``1990/1999``), year ranges (``1950-53``, value ``1950/1953``) and centuries are
``approximate``; named holidays (``Labour Day``, ``the Easter weekend``) are read by
`claimcheck.extract.holidays`. Dates without a year (``8 February``, ``in April``) take the latest
explicit year the `DateContext` has seen, else its reference year. Shifts (``ten days later``, ``the
next day``) resolve from the previous resolved date when its precision allows; otherwise, and for
spans such as ``weeks ago`` or ``the past five months``, the precision is ``relative`` with no
value. ``recently`` and bare durations (``after 24 years``) are not dates.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from claimcheck.extract.datecontext import (
    UNRESOLVED,
    DateContext,
    Resolved,
    day_reading,
    weekday_date,
)
from claimcheck.extract.holidays import PATTERN as _HOLIDAY
from claimcheck.extract.holidays import resolve_holiday, stated_as_date
from claimcheck.models import DateFact

__all__ = ["DateContext", "extract_dates", "looks_like_year"]

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}  # fmt: skip
_COUNT_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "twenty": 20, "thirty": 30,
}  # fmt: skip
_YEAR_MODIFIERS = {  # first and last month a modified year can mean
    "early": (1, 4), "beginning of": (1, 4), "start of": (1, 4), "mid": (5, 8),
    "middle of": (5, 8), "late": (9, 12), "end of": (9, 12), "first half of": (1, 6),
    "second half of": (7, 12),
}  # fmt: skip
_DECADE_MODIFIERS = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}

_FULL_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_MONTH = rf"(?:{_FULL_MONTH}\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|\b))"
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
_COUNT = r"(?:\d{1,3}|" + "|".join(_COUNT_WORDS) + r")"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("ymd", re.compile(r"(?<![\d-])(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d-])")),
    ("dmy", re.compile(rf"\b{_DAY}\s+(?:of\s+)?(?P<mon>{_MONTH})\s*,?\s+(?P<y>\d{{4}})\b")),
    ("dmy", re.compile(rf"\b(?P<mon>{_MONTH})\s+{_DAY}\b\s*,?\s+(?P<y>\d{{4}})\b")),
    ("dmy", re.compile(rf"\b{_DAY}\s+(?:of\s+)?(?P<mon>{_MONTH})")),
    ("dmy", re.compile(rf"\b(?P<mon>{_MONTH})\s+{_DAY}\b(?![\d%,.]\d)")),
    ("my", re.compile(rf"\b(?P<mon>{_MONTH})\s*,?\s+(?P<y>\d{{4}})\b")),
    (
        "my",
        re.compile(
            r"(?i:\b(?:in|since|by|until|till|from|during|through|before|after|early|late)\s+"
            rf"|\bmid-)(?P<date>(?P<mon>{_FULL_MONTH}))\b(?!\s*\d)"
        ),
    ),
    (
        "year_mod",
        re.compile(
            r"(?i:\b(?:the\s+)?(?P<mod>early|late|mid|end\s+of|beginning\s+of|start\s+of|"
            r"middle\s+of|first\s+half\s+of|second\s+half\s+of))[\s-]+(?P<y>\d{4})\b(?!['’]?s)"
        ),
    ),
    (
        "decade",
        re.compile(r"(?:\b(?P<mod>(?i:early|mid|late))[\s-]+)?(?<!\d)(?P<y>\d{3}0)['’]?s\b"),
    ),
    (
        "range",
        re.compile(
            r"(?:\b(?i:between|from)\s+)?(?<![\d,.$])(?P<y>\d{4})(?:\s*[-–—/]\s*(?P<y2>\d{4}|\d{2})"
            r"|\s+(?i:and|to|until|through)\s+(?P<y3>\d{4}))(?![\d%,.-])"
        ),
    ),
    ("year", re.compile(r"(?<![\d,.$€£¥/:-])(?P<y>\d{4})(?![\d%]|[.,]\d|['’]?s\b)")),
    ("holiday", _HOLIDAY),
    ("century", re.compile(r"(?i:\b(?P<c>\d{1,2})\s?(?:st|nd|rd|th)\s+century\b)")),
    (
        "shift",
        re.compile(
            rf"(?i:\b(?P<n>{_COUNT})\s+(?P<unit>day|week|month|year)s?\s+"
            r"(?P<dir>later|afterwards|after|earlier|before))\b"
        ),
    ),
    (
        "next",
        re.compile(
            r"(?i:\bthe\s+(?:(?P<dir>next|following|previous|preceding)\s+(?P<unit>day|month|year)"
            r"|day\s+(?P<dir2>after|before)))\b"
        ),
    ),
    (
        "weekday",
        re.compile(
            r"(?:\b(?P<rel>(?i:last|this|next|early|late))\s+)?"
            r"(?P<date>\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
            r"(?:\s+(?P<part>morning|afternoon|evening|night))?)\b"
            rf"(?![’']s\b)(?!,?\s+(?:the\s+)?(?:\d|{_MONTH}))"
        ),
    ),
    (
        "deictic",
        re.compile(
            r"(?i:\b(?P<date>(?P<deixis>today|yesterday|tomorrow|tonight)|this\s+(?:morning|"
            r"afternoon|evening)|(?P<lastnight>last\s+night))\b)(?![’']s\b)"
        ),
    ),
    (
        "span",
        re.compile(
            rf"(?i:\b(?:(?:(?:{_COUNT}|a\s+few|few|several|many)\s+)?(?:days|weeks|months|years|decades)"
            r"\s+ago|(?:the\s+)?(?:past|last|previous|next|coming)\s+(?:(?:\d{1,3}|few|several|"
            + "|".join(_COUNT_WORDS)
            + r")\s+)?(?:days|weeks|months|years|decades)|(?:this|last|next)\s+year))\b"
        ),
    ),
]
_NOT_YEAR_BEFORE = re.compile(
    r"(?i:(?:\b(?:over|above|under|about|around|approximately|roughly|nearly|almost|some|than|"
    r"at\s+least|exceeding|estimated|no\.|number|page|pp?\.|resolution|article|section|chapter|"
    r"flight|route|model|total\s+of)|[#$€£¥])\s*)$"
)
_YEAR_BEFORE = re.compile(
    rf"(?i:\b(?:in|since|by|until|till|during|year|circa|c\.|early|late|"
    rf"mid|spring|summer|autumn|fall|winter)\s+|©\s*|{_FULL_MONTH}\s+)$"
)
_NUMBER_AFTER = re.compile(r"\s*(?:%|(?i:per\s*cent|percent|hundred|thousand|million|billion)\b)")
_NEXT_WORDS = re.compile(r"\s+([a-z][a-z-]*)(?:\s+([a-z][a-z-]*))?")
_NOT_PLURAL = frozenset(
    {"was", "has", "is", "as", "this", "its", "his", "us", "does", "plus", "less", "thus"}
    | {"across", "unless", "always", "perhaps", "whereas", "besides", "towards", "news"}
)


@dataclass(frozen=True)
class _Candidate:
    """A pattern match in a sentence, before resolution."""

    kind: str
    start: int
    end: int
    match: re.Match[str]


def looks_like_year(text: str, start: int, end: int) -> bool:
    """Whether the 4-digit number at text[start:end] reads as a year rather than a count."""
    token = text[start:end]
    if len(token) != 4 or not token.isdigit() or not 1000 <= int(token) <= 2099:
        return False
    before, after = text[max(0, start - 24) : start], text[end : end + 40]
    if _NOT_YEAR_BEFORE.search(before) or _NUMBER_AFTER.match(after):
        return False
    if _YEAR_BEFORE.search(before) and int(token) >= 1900:
        return True
    if int(token) < 1900 and not _YEAR_BEFORE.search(before):
        return False
    return not _counted_noun_follows(after)


def _counted_noun_follows(after: str) -> bool:
    """Whether a lowercase plural noun follows within two words, as in '2000 troops'."""
    words = _NEXT_WORDS.match(after)
    if words is None:
        return False
    return any(
        word and word.endswith("s") and not word.endswith(("ss", "us", "is"))
        and word not in _NOT_PLURAL
        for word in words.groups()
    )  # fmt: skip


def extract_dates(text: str, offset: int = 0, context: DateContext | None = None) -> list[DateFact]:
    """Dates stated in one sentence, resolved against and recorded into the document context."""
    context = context if context is not None else DateContext()
    facts: list[DateFact] = []
    chosen = _select(_candidates(text))
    for candidate in chosen:
        resolved = _resolve(candidate, context, _sentence_year(text, chosen, candidate))
        if resolved is None:
            continue
        _remember(candidate, resolved, context)
        facts.append(
            DateFact(
                text=text[candidate.start : candidate.end],
                value=resolved.value,
                precision=resolved.precision,
                earliest=resolved.earliest.isoformat() if resolved.earliest else None,
                latest=resolved.latest.isoformat() if resolved.latest else None,
                start=offset + candidate.start,
                end=offset + candidate.end,
            )
        )
    return facts


_YEAR_KINDS = ("ymd", "dmy", "my", "year", "year_mod")
_COMPARED_YEAR = re.compile(r"(?i:\b(?:since|before|until|till|than|from)\s+(?:the\s+)?)$")
"""'the first time since 1998': a year a sentence compares with, not the time it speaks of."""


def _sentence_year(text: str, chosen: list[_Candidate], date_at: _Candidate) -> int | None:
    """The explicit year nearest a year-less date in its own sentence, if the sentence has one."""
    years = [
        (c.start, int(c.match["y"]))
        for c in chosen
        if c.kind in _YEAR_KINDS
        and c.match.groupdict().get("y")
        and not _COMPARED_YEAR.search(text[max(0, c.start - 16) : c.start])
    ]
    if not years:
        return None
    before = [year for start, year in years if start < date_at.start]
    return before[-1] if before else years[0][1]


def _candidates(text: str) -> list[_Candidate]:
    """Every pattern match in text, overlapping ones included."""
    found: list[_Candidate] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span("date") if "date" in pattern.groupindex else match.span()
            if kind == "year" and not looks_like_year(text, start, end):
                continue
            if kind == "range" and _counted_noun_follows(text[end : end + 40]):
                continue
            if kind == "holiday" and not stated_as_date(match, text):
                continue
            found.append(_Candidate(kind, start, end, match))
    return found


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """Non-overlapping candidates, preferring the earliest start and then the longest match."""
    chosen: list[_Candidate] = []
    for candidate in sorted(candidates, key=lambda c: (c.start, c.start - c.end)):
        if not chosen or candidate.start >= chosen[-1].end:
            chosen.append(candidate)
    return chosen


def _resolve(
    candidate: _Candidate, context: DateContext, sentence_year: int | None
) -> Resolved | None:
    """The reading of one candidate, or None when it is not a valid date after all."""
    groups = candidate.match.groupdict()
    kind = candidate.kind
    if kind in ("ymd", "dmy", "my"):
        month = int(groups["m"]) if groups.get("m") else _MONTHS[_month_key(groups["mon"])]
        day = int(groups["d"]) if groups.get("d") else None
        year = int(groups["y"]) if groups.get("y") else context.year_for(month, day, sentence_year)
        return _calendar_date(year, month, day)
    if kind == "year_mod":
        return _modified_year(
            int(groups["y"]), _YEAR_MODIFIERS[" ".join(groups["mod"].lower().split())]
        )
    if kind == "decade":
        return _decade(int(groups["y"]), groups["mod"])
    if kind == "range":
        return _year_range(groups["y"], groups["y2"] or groups["y3"] or "")
    if kind == "year":
        return _year(int(groups["y"]))
    if kind == "century":
        return _century(int(groups["c"]))
    if kind in ("shift", "next"):
        return _shift(groups, context.last)
    if kind == "weekday":
        return _weekday(candidate, context)
    if kind == "deictic":
        return _deictic(groups, context)
    if kind == "holiday":
        return resolve_holiday(groups, context, sentence_year)
    return UNRESOLVED


_FUTURE_BEFORE = re.compile(
    r"(?i:\b(?:will|would|shall|due|next|scheduled|expected|set\s+to|plans?\s+to|planned|until|"
    r"till|going\s+to)\b)[^,;:]*$"
)


def _weekday(candidate: _Candidate, context: DateContext) -> Resolved:
    """A weekday from the document's date: the last such day, or the next in a future clause."""
    anchor = context.day_anchor()
    if anchor is None:
        return UNRESOLVED
    relation = (candidate.match["rel"] or "").lower()
    before = candidate.match.string[max(0, candidate.start - 80) : candidate.start]
    future = relation in ("next", "this") or (
        relation != "last" and _FUTURE_BEFORE.search(before) is not None
    )
    day = weekday_date(
        anchor, candidate.match["wd"], future=future, strictly_past=relation == "last"
    )
    return day_reading(day)


def _deictic(groups: dict[str, str | None], context: DateContext) -> Resolved:
    """'today', 'tonight', 'this morning' are the publication day; 'yesterday' the day before."""
    if context.published is None:
        return UNRESOLVED
    word = (groups.get("deixis") or "").lower()
    shift = {"yesterday": -1, "tomorrow": 1}.get(word, -1 if groups.get("lastnight") else 0)
    return day_reading(context.published + timedelta(days=shift))


def _month_key(name: str) -> str:
    """The lowercase month table key of a month name or abbreviation."""
    return name.rstrip(".").lower()


def _calendar_date(year: int | None, month: int, day: int | None) -> Resolved | None:
    """A day or month reading, relative when no year is known, None when the day is invalid."""
    if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
        return None
    if year is None:
        return UNRESOLVED
    last_day = calendar.monthrange(year, month)[1]
    if day is None:
        return Resolved(
            f"{year:04d}-{month:02d}", "month", date(year, month, 1), date(year, month, last_day)
        )
    if day > last_day:
        return None
    exact = date(year, month, day)
    return Resolved(exact.isoformat(), "day", exact, exact)


def _year(year: int) -> Resolved:
    """A whole-year reading."""
    return Resolved(f"{year:04d}", "year", date(year, 1, 1), date(year, 12, 31))


def _modified_year(year: int, months: tuple[int, int]) -> Resolved:
    """An approximate part of a year, such as 'late 2024' (value is the year)."""
    first, last = months
    end = date(year, last, calendar.monthrange(year, last)[1])
    return Resolved(f"{year:04d}", "approximate", date(year, first, 1), end)


def _decade(decade: int, modifier: str | None) -> Resolved | None:
    """A decade such as 'the 1990s' or 'early 2010s', as an ISO year interval."""
    first, last = _DECADE_MODIFIERS[modifier.lower()] if modifier else (0, 9)
    if not 1000 <= decade <= 2090:
        return None
    return _span_of_years(decade + first, decade + last)


def _year_range(first_text: str, last_text: str) -> Resolved | None:
    """A year range such as '1950-53', or None when it does not run forward."""
    first = int(first_text)
    last = int(first_text[:2] + last_text) if len(last_text) == 2 else int(last_text)
    if not 1000 <= first < last <= 2099:
        return None
    return _span_of_years(first, last)


def _century(ordinal: int) -> Resolved | None:
    """A century such as 'the 21st century'."""
    if not 1 <= ordinal <= 21:
        return None
    return _span_of_years(ordinal * 100 - 99, ordinal * 100)


def _span_of_years(first: int, last: int) -> Resolved:
    """An approximate reading covering whole years first..last, valued as an ISO interval."""
    return Resolved(f"{first:04d}/{last:04d}", "approximate", date(first, 1, 1), date(last, 12, 31))


def _shift(groups: dict[str, str | None], anchor: Resolved | None) -> Resolved:
    """A date offset from the previous one ('ten days later'), relative when it cannot resolve."""
    unit = (groups["unit"] or "day").lower()
    direction = (groups["dir"] or groups.get("dir2") or "").lower()
    count_text = (groups.get("n") or "1").lower()
    count = int(count_text) if count_text.isdigit() else _COUNT_WORDS[count_text]
    sign = -1 if direction in ("earlier", "before", "previous", "preceding") else 1
    if (
        anchor is None
        or anchor.earliest is None
        or anchor.precision not in ("day", "month", "year")
    ):
        return UNRESOLVED
    if unit in ("day", "week"):
        if anchor.precision != "day":
            return UNRESOLVED
        moved = anchor.earliest + timedelta(days=sign * count * (7 if unit == "week" else 1))
        return Resolved(moved.isoformat(), "day", moved, moved)
    months = sign * count * (12 if unit == "year" else 1)
    if unit == "month" and anchor.precision == "year":
        return UNRESOLVED
    return _moved_by_months(anchor, months)


def _moved_by_months(anchor: Resolved, months: int) -> Resolved:
    """The anchor moved by whole months, keeping its precision (days clamp to month ends)."""
    assert anchor.earliest is not None
    index = anchor.earliest.year * 12 + anchor.earliest.month - 1 + months
    year, month = divmod(index, 12)
    if anchor.precision == "year":
        return _year(year)
    if anchor.precision == "month":
        moved = _calendar_date(year, month + 1, None)
        return moved if moved is not None else UNRESOLVED
    day = min(anchor.earliest.day, calendar.monthrange(year, month + 1)[1])
    moved_day = _calendar_date(year, month + 1, day)
    return moved_day if moved_day is not None else UNRESOLVED


def _remember(candidate: _Candidate, resolved: Resolved, context: DateContext) -> None:
    """Record an explicit year, a paragraph's full date and the latest date for later dates."""
    year = candidate.match.groupdict().get("y")
    if candidate.kind in ("ymd", "dmy", "my", "year_mod", "year") and year:
        context.year = int(year)
        if candidate.kind != "year" and resolved.precision in ("day", "month"):
            context.paragraph_anchor = resolved.earliest
    if candidate.kind == "span":
        return
    if resolved.value is not None or candidate.kind in ("shift", "next"):
        context.last = resolved if resolved.value is not None else None
