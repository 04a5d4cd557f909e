"""Words and labels for stance: shared event terms, denial cues, and short figure/date labels."""

from __future__ import annotations

import re
from datetime import date

from claimcheck.models import DateFact, Quantity

DENIAL = re.compile(
    r"(?<!not\s)(?<!n't\s)(?<!n’t\s)(?<!never\s)(?<!refused\sto\s)(?<!declined\sto\s)"
    r"\b(?:den(?:y|ies|ied|ying|ial)|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|refut(?:e|es|ed|ing)"
    r"|absurd|groundless|baseless|fake|false|fabricat(?:ed|ion)|never\s+(?:sent|supplied|sold)"
    r"|no\s+evidence|not\s+true|nonsense)\b",
    re.IGNORECASE,
)
NEGATION = re.compile(r"\b(?:not|never|no\s+longer)\b|n[’']t\b", re.IGNORECASE)
"""Words that deny what a sentence says happened."""
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
_SUFFIXES = (
    ("ations", ""),
    ("ation", ""),
    ("sions", "d"),
    ("sion", "d"),
    ("ments", ""),
    ("ment", ""),
    ("ings", ""),
    ("ing", ""),
    ("ies", "y"),
    ("ied", "y"),
    ("es", ""),
    ("ed", ""),
    ("s", ""),
)
_IRREGULAR = {
    "met": "meet",
    "sent": "send",
    "fought": "fight",
    "held": "hold",
    "made": "make",
    "took": "take",
    "began": "begin",
    "begun": "begin",
    "flew": "fly",
    "flown": "fly",
    "gave": "give",
    "given": "give",
    "told": "tell",
    "sold": "sell",
    "shot": "shoot",
    "struck": "strike",
    "won": "win",
    "led": "lead",
    "went": "go",
    "gone": "go",
    "fell": "fall",
    "fallen": "fall",
    "brought": "bring",
    "built": "build",
    "paid": "pay",
}


def stem(word: str) -> str:
    """A crude stem: 'launched' → 'launch', 'met' → 'meet', 'suspension' → 'suspend'."""
    word = word.lower().replace("’", "'").removesuffix("'s")
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)] + replacement
    return word


_CONCEPT_TEXT = """
supply: sell trad trade suppl supply shipp ship provid provide export transferr transfer deliver
deploy: deploy send dispatch
arms: arms weapon weaponry munition ammunition equip armament
"""
_CONCEPTS = {
    word: concept
    for line in _CONCEPT_TEXT.strip().splitlines()
    for concept, words in [line.split(":")]
    for word in words.split()
}
"""Stems that name one kind of act in news about arms and troops: sold ~ supplied ~ shipped."""


def concept(term: str) -> str:
    """A stem's concept for matching events across wordings ('sell' and 'shipp' → 'supply')."""
    return _CONCEPTS.get(term, term)


def content_words(text: str) -> list[str]:
    """Distinct lowercase content words of a text (stopwords and short words left out), in order."""
    seen: dict[str, None] = {}
    for match in _WORD.finditer(text):
        word = match.group(0).lower().replace("’", "'").removesuffix("'s")
        if len(word) >= 3 and word not in STOPWORDS:
            seen.setdefault(word, None)
    return list(seen)


def content_terms(text: str) -> list[str]:
    """Distinct stems of the content words of a text, in order of appearance."""
    return list(dict.fromkeys(stem(word) for word in content_words(text)))


_REPORTING_TEXT = """
said told announced reported stated added noted wrote called according statement carried
news agency media spokesman spokeswoman minister ministry president leader people number total
also including later since local first between after before during against among within
"""
_ACTION_TEXT = """
meet meeting visit visited sign signed arrive arrived hold confirm confirmed travel talks talk
cooperation military condemn region agree agreed expand continue grow support relations ties make
"""
GENERIC_EVENT_WORDS = frozenset(stem(w) for w in _REPORTING_TEXT.split())
"""Words about reporting and offices: they say nothing about which event a date belongs to."""
COMMON_ACTIONS = frozenset(stem(w) for w in _ACTION_TEXT.split())
"""Actions many different events share: enough to confirm a matching date, not to contradict one."""
_REPORTING_VERBS = (
    r"said|says|told|announced|reported|stated|added|noted|wrote|published|released|briefed|"
    r"briefing|confirmed|confirms|denied|denies|admitted|acknowledged|claimed|warned|estimated|"
    r"assessed|revealed|disclosed|insisted|alleged"
)
_REPORTING_BEFORE = re.compile(
    rf"\b(?P<verb>{_REPORTING_VERBS})(?:\s+[\w'’-]+){{0,3}}?\s+(?:on|in)\s*$", re.IGNORECASE
)
_REPORTING_AFTER = re.compile(
    rf"^\s*,\s*(?:[\w'’.-]+\s+){{1,6}}?(?P<verb>{_REPORTING_VERBS})\b", re.IGNORECASE
)
"""'In January 2024, Kirby said …': a date opening a sentence whose subject then speaks."""
_DATELINE_AFTER = re.compile(r"^\s*(?:\([^)]*\)\s*)?[—–-]")
_WINDOW_WORDS = 16


def reporting_verb(text: str, start: int, end: int) -> str | None:
    """The speech act a date belongs to ('said', 'confirmed', or 'dateline'), if it is one."""
    before = _REPORTING_BEFORE.search(text[max(0, start - 60) : start])
    if before:
        return before["verb"].lower()
    opening = text[:start].strip(" \t\n\"'“‘").lower() in ("", "in", "on")
    after = _REPORTING_AFTER.match(text[end : end + 80]) if opening else None
    if after:
        return after["verb"].lower()
    if start < 80 and _DATELINE_AFTER.match(text[end : end + 12]):
        return "dateline"
    return None


def is_reporting_date(text: str, start: int, end: int) -> bool:
    """A date that says when something was said or filed (a dateline), not when the event was."""
    return reporting_verb(text, start, end) is not None


def event_terms(text: str, start: int, end: int) -> list[str]:
    """Content stems within a dozen words of text[start:end]: what happened then."""
    before = text[:start].split()[-_WINDOW_WORDS:]
    after = text[end:].split()[:_WINDOW_WORDS]
    words = [w.strip(".,;:!?()[]'\"‘’“”—–-") for w in [*before, *after]]
    terms: dict[str, None] = {}
    for word in words:
        if len(word) < 3 or word.lower() in STOPWORDS:
            continue
        stemmed = concept(stem(word))
        if stemmed not in GENERIC_EVENT_WORDS:
            terms.setdefault(stemmed, None)
    return list(terms)


def lowercase_terms(text: str) -> set[str]:
    """Stems of the lowercase, non-generic content words of a text (names left out)."""
    return {
        concept(stem(w))
        for w in _WORD.findall(text)
        if w.islower() and len(w) >= 3 and w not in STOPWORDS
    } - GENERIC_EVENT_WORDS


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
