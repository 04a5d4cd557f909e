"""Stance cues: denial and negation, event terms around a fact, speech acts and datelines."""

from __future__ import annotations

import re

from claimcheck.text.words import STOPWORDS, WORD, stem

DENIAL = re.compile(
    r"(?<!not\s)(?<!n't\s)(?<!n’t\s)(?<!never\s)(?<!refused\sto\s)(?<!declined\sto\s)"
    r"\b(?:den(?:y|ies|ied|ying|ial)|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|refut(?:e|es|ed|ing)"
    r"|absurd|groundless|baseless|fake|false|fabricat(?:ed|ion)|never\s+(?:sent|supplied|sold)"
    r"|no\s+evidence|not\s+true|nonsense)\b",
    re.IGNORECASE,
)
NEGATION = re.compile(r"\b(?:not|never|no\s+longer)\b|n[’']t\b", re.IGNORECASE)
"""Words that deny what a sentence says happened."""
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
        for w in WORD.findall(text)
        if w.islower() and len(w) >= 3 and w not in STOPWORDS
    } - GENERIC_EVENT_WORDS
