"""Words of a text: content words, crude stems and stopwords, shared by search and stance."""

from __future__ import annotations

import re

WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
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


def content_words(text: str) -> list[str]:
    """Distinct lowercase content words of a text (stopwords and short words left out), in order."""
    seen: dict[str, None] = {}
    for match in WORD.finditer(text):
        word = match.group(0).lower().replace("’", "'").removesuffix("'s")
        if len(word) >= 3 and word not in STOPWORDS:
            seen.setdefault(word, None)
    return list(seen)


def content_terms(text: str) -> list[str]:
    """Distinct stems of the content words of a text, in order of appearance."""
    return list(dict.fromkeys(stem(word) for word in content_words(text)))


def shared_words(a: str, b: str) -> list[str]:
    """The words of `a` whose stems `b` shares, as `a` writes them ('denied', not 'deni'), one per
    stem, in order."""
    other = set(content_terms(b))
    shared: dict[str, str] = {}
    for word in content_words(a):
        term = stem(word)
        if term in other:
            shared.setdefault(term, word)
    return list(shared.values())
