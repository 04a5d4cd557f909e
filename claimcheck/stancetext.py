"""Words and labels for stance: shared event terms, denial cues, and short figure/date labels."""

from __future__ import annotations

import re
from datetime import date

from claimcheck.models import DateFact, Quantity

DENIAL = re.compile(
    r"\b(?:den(?:y|ies|ied|ying|ial)|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|refut(?:e|es|ed|ing)"
    r"|absurd|groundless|baseless|fake|false|fabricat(?:ed|ion)|never\s+(?:sent|supplied|sold)"
    r"|no\s+evidence|not\s+true|nonsense)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
_MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
STOPWORDS = frozenset(
    (
        "the a an and or but of in on at to for from by with as is are was were be been being has "
        "have had do does did its it this that these those their there they them he she his her "
        "we our you your not no nor so than then also into over under about after before since "
        "until while when where which who whom whose what why how all any both each more most "
        "other some such only own same very can will would could should may might must just "
        "said says say told according reported report reports officials official year years "
        "north south korea korean koreans russia russian russians pyongyang moscow seoul "
        "country countries government state states united week weeks month months day days "
        "time late early later earlier first last new one two three four five ten " + _MONTHS
    ).split()
)
_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "es", "ed", "s")


def stem(word: str) -> str:
    """A crude stem, enough to match 'launch'/'launched' and 'troops'/'troop'."""
    word = word.lower().replace("’", "'").removesuffix("'s")
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def content_terms(text: str) -> list[str]:
    """Distinct stems of the content words of a text, in order of appearance."""
    seen: dict[str, None] = {}
    for match in _WORD.finditer(text):
        word = match.group(0).lower()
        if len(word) < 3 or word in STOPWORDS:
            continue
        seen.setdefault(stem(word), None)
    return list(seen)


def shared_terms(a: str, b: str) -> list[str]:
    """Content stems two texts share, in the order they appear in `a`."""
    other = set(content_terms(b))
    return [term for term in content_terms(a) if term in other]


def _number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.6g}"


def unit_word(unit: str | None) -> str:
    """The counted noun as written, without trailing 'of …' detail: 'containers'."""
    if not unit:
        return ""
    head = re.split(r"\s+(?:of|in|to|from|for|on|at|by|with|that|who|which)\s+", unit)[0]
    return head.strip()


def figure_label(q: Quantity) -> str:
    """'over 15,000 troops', 'about 6,700 containers', '11,000–12,000 troops'."""
    if q.value is None and q.low is not None and q.high is not None:
        number = f"{_number(q.low)}–{_number(q.high)}"
    elif q.value is not None:
        number = _number(q.value)
        if q.qualifier and q.qualifier not in ("range", "between"):
            number = f"{q.qualifier} {number}"
    else:
        number = q.text
    return f"{number} {unit_word(q.unit)}".strip()


def date_label(d: DateFact) -> str:
    """'23 Nov 2023', 'Jun 2024', '1961', 'late 2024'."""
    if d.value and d.precision == "day":
        day = date.fromisoformat(d.value)
        return f"{day.day} {day:%b %Y}"
    if d.value and d.precision == "month":
        month = date.fromisoformat(d.value + "-01")
        return f"{month:%b %Y}"
    return d.value if d.value and d.precision == "year" else d.text


def scope_label(dates: list[DateFact]) -> str:
    """A time scope as short text: one date, or 'Jul 2023–27 Feb 2024'."""
    labelled = sorted(dates, key=lambda d: d.earliest or "")
    if not labelled:
        return "undated"
    if len(labelled) == 1:
        return date_label(labelled[0])
    return f"{date_label(labelled[0])}–{date_label(labelled[-1])}"
