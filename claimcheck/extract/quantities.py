"""Figures stated in text, as the interval their wording asserts and the thing they count.

``15,000`` asserts [15000, 15000]; ``over|more than|at least 15,000`` [15000, open];
``up to|fewer than|under 15,000`` [open, 15000]; ``about|some|an estimated 15,000`` ±10%;
``nearly|almost 15,000`` [13500, 15000]; ``10,000 to 12,000`` and ``between 10,000 and 12,000``
[10000, 12000] with no single value. Vague plurals assert only a lower bound and no value:
``dozens`` ≥ 24, ``hundreds`` ≥ 200, ``thousands`` ≥ 2,000, ``tens of thousands`` ≥ 20,000,
``millions`` ≥ 2,000,000 (qualifier ``vague``); ``several|a few thousand`` is [2000, 9000].
Years and other date parts, ordinals (``76th``), model names (``Hwasong-15``), times, list and
page markers and anaphoric word numbers (``the two countries``) are not figures.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

from claimcheck.extract.counted import ATTACHED_UNIT, counted_head, unit_after, unit_before
from claimcheck.extract.dates import looks_like_year
from claimcheck.models import Quantity
from claimcheck.text.spans import SpanSet

__all__ = ["counted_head", "extract_quantities"]

_QUALIFIERS = {  # wording -> family
    "more than": "over", "over": "over", "above": "over", "exceeding": "over",
    "in excess of": "over", "upwards of": "over", "at least": "over", "no fewer than": "over",
    "no less than": "over", "not less than": "over", "up to": "under", "as many as": "under",
    "as much as": "under", "no more than": "under", "not more than": "under",
    "fewer than": "under", "less than": "under", "under": "under", "below": "under",
    "at most": "under", "about": "about", "around": "about", "approximately": "about",
    "approx.": "about", "roughly": "about", "some": "about", "an estimated": "about",
    "estimated": "about", "close to": "about", "circa": "about", "nearly": "nearly",
    "almost": "nearly", "just under": "nearly", "just shy of": "nearly",
}  # fmt: skip
_SUFFIX_QUALIFIERS = {
    "or more": "over", "+": "over", "plus": "over", "or fewer": "under", "or less": "under",
    "or so": "about",
}  # fmt: skip
_UNITS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70}
_TENS |= {"eighty": 80, "ninety": 90}
_SCALES = {"dozen": 12, "hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9}
_SCALES |= {"trillion": 1e12, "k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "tn": 1e12}
_LEADS = {"a": 1.0, "one": 1.0, "half a": 0.5}
_VAGUE = {
    "dozens": 24, "hundreds": 200, "thousands": 2e3, "tens of thousands": 2e4,
    "hundreds of thousands": 2e5, "millions": 2e6, "tens of millions": 2e7, "billions": 2e9,
}  # fmt: skip
_CURRENCIES = {
    "us$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "c$": "CAD", "ca$": "CAD",
    "a$": "AUD", "au$": "AUD", "nz$": "NZD", "hk$": "HKD", "s$": "SGD", "r$": "BRL",
}  # fmt: skip
_CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "yen": "JPY",
    "sterling": "GBP", "pounds sterling": "GBP", "canadian dollars": "CAD",
    "australian dollars": "AUD", "us dollars": "USD", "u.s. dollars": "USD",
}  # fmt: skip
"""Currencies named after the figure ('22.4 million dollars'); 'pounds' alone may be weight."""
_FRACTIONS = {"half": 50.0, "third": 100 / 3, "quarter": 25.0, "fifth": 20.0, "tenth": 10.0}
_FRACTION = re.compile(
    r"(?i:\b(?P<count>a|one|two|three|four)[\s-](?P<part>half|third|quarter|fifth|tenth)s?"
    r"(?=\s+of\b))"
)
"""'a fifth of its value', 'two-thirds of the staff': a share, read as a percentage."""
_MILLION_M = re.compile(
    r"\s+(?:sq\b|square\b|[a-z]+s\b|people\b|children\b|(?:wo)?men\b)", re.IGNORECASE
)
"""'1.5m sq ft', '2m people': after a number, 'm' is million when a unit or plural noun follows."""


def _word_set(words: str) -> frozenset[str]:
    """A table of words written as one whitespace-separated string."""
    return frozenset(words.split())


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of table keys, longest first, with flexible spaces."""
    keys = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in keys)


_WORD_NUMBER = (
    rf"(?:(?:{_alternation(_TENS)})(?:[-‑](?:one|{_alternation(_UNITS)}))?|{_alternation(_UNITS)})"
)
_SCALE_WORD = r"(?:hundred|thousand|million|billion|trillion|dozen)"
_NUMBER = (
    r"(?:(?:(?:US|CA|C|AU|A|NZ|HK|S|R)?\$|€|£|¥)\s?)?"
    r"(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:(?:k|mn|m|bn|tn)(?!\w)|(?:\s+"
    + _SCALE_WORD
    + r")+)?"
    r"|\b(?:(?:several|a\s+few)\s+(?:hundred|thousand|million)|" + _alternation(_VAGUE) + r")\b"
    r"|\b(?:" + _WORD_NUMBER + r"|a|one|half\s+a)(?:\s+" + _SCALE_WORD + r")+\b"
    r"|\b" + _WORD_NUMBER + r"\b)"
    r"(?:\s?%|\s+(?:percent|per\s+cent)\b)?"
)
_FIGURE = re.compile(
    rf"(?P<qual>\b(?:{_alternation(_QUALIFIERS)})\s+)?"
    rf"(?P<between>\bbetween\s+)?(?<![A-Za-z0-9_./:])(?<![A-Za-z0-9][-,])(?P<n1>{_NUMBER})"
    rf"(?:(?(between)\s+and\s+|\s*(?:[-–—]|\bto\b)\s*)(?P<n2>{_NUMBER}))?"
    r"(?P<suffix>\s+or\s+(?:more|fewer|less|so)\b|\s?\+|-?plus\b)?",
    re.IGNORECASE,
)
_PARTS = re.compile(
    r"^(?P<cur>(?:us|ca|c|au|a|nz|hk|s|r)?\$|€|£|¥)?\s?(?P<body>.*?)"
    r"(?P<pct>\s?%|\s+(?:percent|per\s+cent))?$"
)
_NUMERIC = re.compile(r"^(?P<num>[\d,]+(?:\.\d+)?)(?P<scale>[a-z]*)(?P<words>(?:\s+[a-z]+)*)$")
_ORDINAL = re.compile(r"\s?(st|nd|rd|th)\b", re.IGNORECASE)
_MARKER_BEFORE = re.compile(
    r"(?i:\b(?:no\.|nos\.|number|page|pp?\.|resolution|article|section|chapter|figure|fig\.|"
    r"table|item|flight|route|model|version|grade|level|phase|type|class|stage)\s*|#\s*)$"
)
_LIST_MARKER = re.compile(r"\s*\(?\d{1,3}[.)](?=\s|$)")
_TIME_AFTER = re.compile(r"(?::\d|\s?(?i:a\.?m\.?|p\.?m\.?)(?!\w))")
_ANAPHORIC = re.compile(
    r"(?i:\b(?:the|these|those|all|both|its|their|his|her|our|my|your|each|every|which|whose|"
    r"first|last|next|other)\s+)$"
)
_CHANGE_FROM = re.compile(
    r"(?i:\b(?:rose|risen|rising|grew|grown|growing|increased|increasing|fell|fallen|falling|"
    r"dropped|declined|jumped|climbed|surged|went|soared|doubled|decreased|shrank|cut|raised|"
    r"reduced|revised)\s+(?:\w+\s+)?from\s+)$"
)


@dataclass(frozen=True)
class _Number:
    """One parsed number expression: its value (or vague bounds), currency and percent flag."""

    value: float | None
    low: float | None = None
    high: float | None = None
    currency: str | None = None
    percent: bool = False
    scale: float = 1.0


def extract_quantities(
    text: str, offset: int = 0, *, skip: list[tuple[int, int]] | None = None
) -> list[Quantity]:
    """Figures stated in one sentence; offsets are into the document, `skip` spans are absolute."""
    skipped = SpanSet((s - offset, e - offset) for s, e in skip or [])
    found = [q for match in _FIGURE.finditer(text) for q in _quantities_of(text, match)]
    found += _fractions(text)
    found = _inherit_units(text, sorted(found, key=lambda q: q.start))
    return [
        q.model_copy(update={"start": q.start + offset, "end": q.end + offset})
        for q in found
        if not skipped.overlaps(q.start, q.end)
    ]


def _fractions(text: str) -> list[Quantity]:
    """Shares written as fractions ('a fifth of', 'two-thirds of'), as approximate percentages."""
    found = []
    for match in _FRACTION.finditer(text):
        count = 1 if match["count"].lower() in ("a", "one") else _UNITS[match["count"].lower()]
        value = round(count * _FRACTIONS[match["part"].lower()], 4)
        low, high = _bounds("about", value, value)
        found.append(
            Quantity(
                text=match[0], value=value, low=low, high=high, qualifier=match[0].lower(),
                unit="percent", start=match.start(), end=match.end(),
            )
        )  # fmt: skip
    return found


_TOTAL_BEFORE = re.compile(
    r"(?i:\b(?:the\s+)?(?:total|tally|count|overall\s+number|number)\s+(?:\w+\s+)?(?:to|at|of)\s*)$"
)
_ELLIPSIS_GAP = re.compile(r"(?i:^[\w\s,.'’-]{0,40}\b(?:and|or|to|from|versus|vs|against)\s+$)")
"""'1,900 staff in 2019 and 2,100 …': the second figure follows the first across a conjunction."""


def _inherit_units(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """A figure with no noun of its own counts what the figure before it counts, when it is the
    total of it ('11 further stores, bringing the total to 53') or an elliptical second figure
    ('1,900 staff in 2019 and 2,100 in 2020')."""
    result: list[Quantity] = []
    for quantity in quantities:
        previous = result[-1] if result else None
        gap = text[previous.end : quantity.start] if previous else ""
        total = _TOTAL_BEFORE.search(text[max(0, quantity.start - 40) : quantity.start])
        if (
            quantity.unit is None
            and previous is not None
            and previous.unit is not None
            and (total or _ELLIPSIS_GAP.match(gap))
            and previous.unit != "percent"
        ):
            quantity = quantity.model_copy(update={"unit": _whole(previous.unit)})
        result.append(quantity)
    return result


def _whole(unit: str) -> str:
    """A counted noun without a word that marks a part ('further stores' -> 'stores')."""
    return re.sub(r"(?i)^(?:further|additional|more|extra|other|new)\s+", "", unit)


def _quantities_of(text: str, match: re.Match[str]) -> list[Quantity]:
    """The quantities one regex match states: none, one, or two for 'rose from A to B'."""
    if match["between"] and not match["n2"]:
        return []
    if any(match[g] and _is_false_figure(text, match, g) for g in ("n1", "n2")):
        return []
    million_m = bool(_MILLION_M.match(text, match.end()))
    low = _parse_number(match["n1"], million_m=million_m)
    if low is None:
        return []
    if not match["n2"]:
        return [_build(text, match, low, None)]
    high = _parse_number(match["n2"], million_m=million_m)
    if high is None or low.value is None or high.value is None:
        return []
    if low.percent and not high.percent:  # 'rose 4% to 2.1 million tonnes': a change and a level
        return _split_change(text, match, low, high)
    low = _shared_scale(low, high)
    if _CHANGE_FROM.search(text[max(0, match.start() - 60) : match.start()]):
        return _split_change(text, match, low, high)
    ascending = low.value is not None and low.value <= high.value
    return [_build(text, match, low, high)] if ascending else []


def _build(text: str, match: re.Match[str], low: _Number, high: _Number | None) -> Quantity:
    """The Quantity for a single figure (high None) or a range match."""
    qualifier = " ".join((match["qual"] or "").lower().split()) or None
    suffix = " ".join((match["suffix"] or "").lower().split()) or None
    family = _QUALIFIERS.get(qualifier or "") or _SUFFIX_QUALIFIERS.get(suffix or "")
    qualifier = qualifier or ("or more" if family == "over" else suffix)
    value = low.value if high is None else None
    if high is not None and low.value is not None and high.value is not None:
        lo, hi = _bounds(family, low.value, high.value)
        qualifier = qualifier or ("between" if match["between"] else "range")
        currency, percent = high.currency or low.currency, high.percent or low.percent
        low = _Number(low.value, currency=currency, percent=percent)
    elif low.value is None:
        lo, hi, qualifier = low.low, low.high, qualifier or "vague"
    else:
        lo, hi = _bounds(family, low.value, low.value)
    unit = unit_after(text, match.end()) or unit_before(text, match.start())
    return Quantity(
        text=match[0], value=value, low=lo, high=hi, qualifier=qualifier,
        unit=_unit_for(low, unit), start=match.start(), end=match.end(),
    )  # fmt: skip


def _split_change(text: str, match: re.Match[str], old: _Number, new: _Number) -> list[Quantity]:
    """Two plain figures for a change ('rose from 10,000 to 15,000'), not a range."""
    unit = unit_after(text, match.end("n2")) or unit_before(text, match.start())
    return [
        Quantity(
            text=text[start:end], value=number.value, low=number.value, high=number.value,
            qualifier=None, unit=_unit_for(number, unit), start=start, end=end,
        )
        for (start, end), number in ((match.span("n1"), old), (match.span("n2"), new))
    ]  # fmt: skip


def _bounds(family: str | None, low: float, high: float) -> tuple[float | None, float | None]:
    """The interval a qualifier family asserts around [low, high]."""
    if family == "over":
        return low, None
    if family == "under":
        return None, high
    if family in ("about", "nearly"):
        return low * 9 / 10, (high * 11 / 10 if family == "about" else high)
    return low, high


def _shared_scale(low: _Number, high: _Number) -> _Number:
    """The range start scaled like its end when only the end names a scale ('10-12k')."""
    if low.value is None or high.value is None or low.scale != 1.0 or high.scale == 1.0:
        return low
    scaled = low.value * high.scale
    return low if scaled > high.value else _Number(scaled, currency=low.currency, scale=high.scale)


def _unit_for(number: _Number, noun_phrase: str | None) -> str | None:
    """The counted thing: 'percent', a currency code, or the noun phrase found around it."""
    if number.percent:
        return "percent"
    named = _CURRENCY_WORDS.get(" ".join((noun_phrase or "").lower().split()))
    return number.currency or named or noun_phrase


def _parse_number(text: str, *, million_m: bool = False) -> _Number | None:
    """The number a matched expression states, or None when it is not a figure after all."""
    parts = _PARTS.match(" ".join(text.lower().split()))
    if parts is None or not parts["body"]:
        return None
    currency = _CURRENCIES.get(parts["cur"] or "")
    body, percent = parts["body"], parts["pct"] is not None
    words = body.split()
    if body in _VAGUE:
        return _Number(None, _VAGUE[body], None, currency, percent)
    if body.startswith(("several ", "a few ")):
        return _Number(None, 2 * _SCALES[words[-1]], 9 * _SCALES[words[-1]], currency, percent)
    numeric = _NUMERIC.match(body)
    if numeric is None:
        lead_length = 2 if words[:2] == ["half", "a"] else 1
        value = _word_value(" ".join(words[:lead_length]))
        scale = math.prod(_SCALES[word] for word in words[lead_length:])
    elif numeric["scale"] == "m" and currency is None and not million_m:
        return None  # metres, not millions: left to the attached-unit check
    else:
        value = float(numeric["num"].replace(",", ""))
        scale = math.prod(_SCALES[w] for w in [numeric["scale"], *numeric["words"].split()] if w)
    if value is None:
        return None
    # rounded: 4.1 × 1e9 is 4099999999.9999995 in binary floating point
    return _Number(round(value * scale, 6), currency=currency, percent=percent, scale=scale)


def _word_value(word: str) -> float | None:
    """The value of a spelled number: 'four', 'twenty-five', 'a', 'half a'."""
    tens, _, unit = word.replace("‑", "-").partition("-")
    ones = 1 if unit == "one" else _UNITS.get(unit, 0)
    value = _LEADS.get(word) or _UNITS.get(word) or _TENS.get(tens, 0) + ones
    return float(value) if value else None


def _is_false_figure(text: str, match: re.Match[str], number: str) -> bool:
    """Whether a match is a year, ordinal, model name, time, marker or anaphoric word number."""
    start, end = match.span(number)
    following, before = text[end : end + 12], text[max(0, start - 40) : start]
    spelled = match[number][:1].isalpha()
    if not match["qual"] and looks_like_year(text, start, end):
        return True
    if _TIME_AFTER.match(following) or _MARKER_BEFORE.search(before[-20:]):
        return True
    marker = _LIST_MARKER.match(text)
    if marker and end <= marker.end() and not match["qual"]:
        return True
    if following[:1].isalpha() and not ATTACHED_UNIT.match(following):
        return True  # 76th, 5G, 2010s
    ordinal = _ORDINAL.match(following)
    if ordinal and match[number].isdigit() and ordinal[1].lower() == _ordinal(match[number]):
        return True  # '21 st century'
    if spelled and following.startswith(("-", "‑")):
        return True  # two-way, three-party
    return spelled and not match["qual"] and _ANAPHORIC.search(before) is not None


def _ordinal(digits: str) -> str:
    """The English ordinal suffix of a whole number ('21' -> 'st', '11' -> 'th')."""
    number = int(digits)
    return "th" if 11 <= number % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
