"""When a fact holds: the time a sentence's dates, its paragraph or its dateline give it.

A figure holds as of, in this order: a date its clause states as a cut-off ("as of 7 a.m.
Thursday", "by early Thursday"); a date on its own verb ("were injured on Tuesday"); a year bound
to it ("in 2009", "the 2018 fire"); the date of the statement reporting it ("said Wednesday that
…"); the paragraph's last date; the document's publication date. Dates that only open a period
("since 1998") or sit in the dateline never date a figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from claimcheck.extract.frames.tree import clause_verb, reporting_ancestor, span_root, tokens_in
from claimcheck.extract.published import DATELINE_PREFIX
from claimcheck.models import DateFact, TimeRef, TimeSource

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

TIME_NOUNS = frozenset(
    {"year", "season", "quarter", "period", "half", "term", "session", "month", "week", "decade"}
)
"""'the 2026/27 financial year' is a time, not a thing named by its year."""
_CUTOFF_BEFORE = re.compile(
    r"(?i:\b(?:as\s+of|as\s+at|by|through|until|up\s+to|at\s+the\s+end\s+of)\s+"
    r"(?:\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?m\.?,?\s*)?(?:(?:on|early|late)\s+)?)$"
)
_SINCE_BEFORE = re.compile(r"(?i:\b(?:since|from|after)\s+(?:the\s+)?(?:early|late)?\s*)$")


@dataclass(frozen=True)
class SentenceTime:
    """The time context a sentence is read in: its document's date and its paragraph's dates."""

    published: date | None = None
    paragraph: list[DateFact] = field(default_factory=list)
    dateline: tuple[int, int] | None = None
    """Document offsets of the dateline: its date dates the document, not a sentence's facts."""


@dataclass(frozen=True)
class PlacedDate:
    """A date of the sentence with where it attaches in the parse and what it does there."""

    fact: DateFact
    root: Token | None
    verb: Token | None
    role: str
    """event, cutoff, since, spoken, dateline or name (a year naming a thing: 'the 2018 fire')."""


def place_dates(
    doc: Doc, offset: int, dates: list[DateFact], time: SentenceTime
) -> list[PlacedDate]:
    """Each resolved date of the sentence, attached to its clause and given a role."""
    placed = []
    for fact in dates:
        if not (fact.earliest and fact.latest):
            continue
        root = span_root(tokens_in(doc, fact.start - offset, fact.end - offset))
        preposition = _preposition_before(doc, fact.start - offset)
        anchor = preposition if preposition is not None else root
        verb = clause_verb(anchor) if anchor is not None else None
        if verb is not None and _reduced_passive(verb):
            verb = clause_verb(verb.head) or verb  # 'missiles supplied by X … on 2 May': the firing
        before = doc.text[max(0, fact.start - offset - 24) : fact.start - offset]
        placed.append(PlacedDate(fact, root, verb, _role(fact, before, root, time)))
    return placed


def _role(fact: DateFact, before: str, root: Token | None, time: SentenceTime) -> str:
    if time.dateline and time.dateline[0] <= fact.start < time.dateline[1]:
        return "dateline"
    if root is not None and _in_dateline_prefix(root):
        return "dateline"
    if _SINCE_BEFORE.search(before):
        return "since"
    naming = root is not None and root.dep_ in ("compound", "nummod", "amod", "nmod", "poss")
    timeish = root is not None and root.head.lemma_.lower() in TIME_NOUNS
    if (
        naming
        and not timeish
        and root is not None
        and root.head.pos_ in ("NOUN", "PROPN")
        and root.head.i > root.i
    ):
        return "name"  # 'the 2018 Ridge Complex', 'the 2019 Hanoi Summit'

    if _CUTOFF_BEFORE.search(before):
        return "cutoff"
    if root is not None:
        speaking, verb = reporting_ancestor(root), clause_verb(root)
        if speaking is not None and verb is not None and speaking.i == verb.i:
            reports = any(c.dep_ in ("ccomp", "parataxis") for c in verb.children)
            if reports or verb.lemma_.lower() in ("say", "tell", "state", "add", "write", "note"):
                return "spoken"  # 'said on Friday that …'; 'announced its plan on …' is an event
    return "event"


_DATE_PREPOSITIONS = frozenset(
    {"on", "in", "by", "since", "until", "from", "during", "before", "after"}
)


def _reduced_passive(verb: Token) -> bool:
    """'missiles supplied by Pyongyang': a participle describing a noun, with its agent."""
    agent = any(c.dep_ == "agent" or c.lower_ == "by" for c in verb.children)
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and agent and verb.head.i != verb.i


def _preposition_before(doc: Doc, start: int) -> Token | None:
    """'on' in 'reopened on Wednesday, Aug. 20': what the date hangs on, whatever the parser
    made of the weekday and commas in between."""
    before = [t for t in doc if t.idx < start][-4:]
    for token in reversed(before):
        if token.lower_ in _DATE_PREPOSITIONS and token.pos_ == "ADP":
            return token
        if not (token.is_punct or token.ent_type_ in ("DATE", "TIME") or token.like_num):
            return None
    return None


def _in_dateline_prefix(token: Token) -> bool:
    """'Seoul, 24 November 2023 — North Korea …': a date in the sentence's own dateline."""
    prefix = DATELINE_PREFIX.match(token.doc.text)
    return prefix is not None and token.idx < prefix.end()


def ref(fact: DateFact, source: TimeSource) -> TimeRef:
    """A date as the time a fact holds."""
    return TimeRef(earliest=fact.earliest, latest=fact.latest, source=source, text=fact.text)


ANCHOR_NOUNS = frozenset(
    {"peak", "height", "valuation", "start", "outset", "beginning", "end", "close", "launch"}
    | {"announcement", "cut", "closure", "merger", "takeover", "restructuring", "census"}
    | {"audit", "review", "deadline", "election", "count"}
)
"""Events a figure can be stated relative to: 'at the peak', 'at the last valuation', 'before
the cuts'; and 'on the day' (of an event told before). Two figures relative to the same one hold
at the same time."""


def relative_anchor(token: Token | None) -> tuple[str, str] | None:
    """(anchor lemma, phrase) of an 'at the peak' / 'before the cuts' on the figure's clause."""
    verb = clause_verb(token) if token is not None else None
    if verb is None:
        return None
    for prep in verb.subtree:
        if prep.dep_ != "prep" or prep.lower_ not in ("at", "before", "after", "on"):
            continue
        for noun in prep.children:
            if noun.dep_ != "pobj":
                continue
            on_the_day = prep.lower_ == "on" and noun.lower_ == "day" and _definite(noun)
            if on_the_day or (prep.lower_ != "on" and noun.lemma_.lower() in ANCHOR_NOUNS):
                words = [t.text for t in prep.subtree]
                return f"{prep.lower_} {noun.lemma_.lower()}", " ".join(words[:8])
    return None


def _definite(noun: Token) -> bool:
    """'the day' or 'that day' (of an event told before), not 'on a day' or 'on day two'."""
    return any(c.dep_ == "det" and c.lower_ in ("the", "that") for c in noun.children) and not any(
        c.dep_ in ("nummod", "compound", "prep") for c in noun.children
    )


def as_of(anchor: Token | None, placed: list[PlacedDate], time: SentenceTime) -> TimeRef:
    """When a fact anchored at `anchor` holds (see the module docstring for the order)."""
    found = _dated(anchor, placed, time)
    relative = relative_anchor(anchor)
    if relative is None:
        return found
    return found.model_copy(update={"anchor": relative[0], "text": relative[1]})


def _dated(anchor: Token | None, placed: list[PlacedDate], time: SentenceTime) -> TimeRef:
    usable = [p for p in placed if p.role not in ("since", "dateline", "name")]
    cutoffs = [p for p in usable if p.role == "cutoff"]
    if cutoffs:
        return ref(cutoffs[0].fact, "stated")
    verb = clause_verb(anchor) if anchor is not None else None
    own = [p for p in usable if verb is not None and p.verb is not None and p.verb.i == verb.i]
    if own:  # 'died on 2 September and 9 September': a tally holds as of its last date
        last = ref(max(own, key=lambda p: p.fact.latest or "").fact, "event")
        first = min(p.fact.earliest or "" for p in own)
        return last.model_copy(update={"first": first}) if len(own) > 1 else last
    speaking = reporting_ancestor(anchor) if anchor is not None else None
    spoken = [p for p in usable if speaking is not None and p.verb is not None]
    spoken = [p for p in spoken if p.verb is not None and speaking and p.verb.i == speaking.i]
    if spoken:
        return ref(spoken[0].fact, "spoken")
    events = [p for p in usable if p.role == "event"]
    if len(events) == 1 and _narrow(events[0].fact):
        return ref(events[0].fact, "event")
    found = default_time(time)
    since = [p for p in placed if p.role == "since"]
    if found.source in ("unknown", "paragraph") and since:
        return ref(since[-1].fact, "since")  # 'since 2024, … deployed 15,000': holds after it
    return found


NARROW_DAYS = 31
"""An approximate date this short ('over the Labour Day weekend') dates a sentence's facts like
a day or a month does; 'late 2024' or 'the 1990s' do not."""


def _narrow(fact: DateFact) -> bool:
    if fact.precision in ("day", "month"):
        return True
    if fact.precision != "approximate" or not (fact.earliest and fact.latest):
        return False
    days = date.fromisoformat(fact.latest) - date.fromisoformat(fact.earliest)
    return days.days <= NARROW_DAYS


def default_time(time: SentenceTime) -> TimeRef:
    """The paragraph's last date, else the publication date, else unknown."""
    dated = [d for d in time.paragraph if d.earliest and d.latest]
    if dated:
        return ref(dated[-1], "paragraph")
    if time.published is not None:
        day = time.published.isoformat()
        return TimeRef(earliest=day, latest=day, source="published", text=f"published {day}")
    return TimeRef()
