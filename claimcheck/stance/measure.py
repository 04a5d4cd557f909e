"""Whether two figure frames measure the same quantity, for the same scope, at comparable times.

Identity comes from structure first: the unit's dimension and currency, the outcome class
(patients hospitalised are not patients who died), the counted noun (same lemma, two nouns for
people with the same outcome, or nouns whose embeddings agree), the verb (same lemma or
embeddings that agree). Scope: a figure marked as a part ('alone', 'further', 'first') is
never the same count as one that is not; named owners that differ ('Harwood's' vs 'Ashby &
Lowe') and places that do not overlap make different quantities; a narrowing modifier on one
side only ('store jobs' vs 'jobs') makes a part. Time: a year bound to one figure that the other
does not share is another event.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from claimcheck.extract.frames.lexicon import DOLLARS, PERSON_NOUNS
from claimcheck.models import FigureFrame, TimeRef
from claimcheck.stance.base import Similarity
from claimcheck.stance.cues import concept
from claimcheck.text.words import stem

NOUN_SIMILARITY = 0.45
"""Two different counted nouns are the same thing when their embeddings agree this much."""
VERB_SIMILARITY = 0.45
"""Two different verbs count the same thing when their embeddings agree this much."""
NEWS_CYCLE_DAYS = 3
"""Figures dated only by their documents' publication, this close, are one news cycle's."""
EVENT_WINDOW_DAYS = 366
CHANGES = frozenset({"increase", "decrease"})
"""Figures of one quantity further apart in time than this belong to different periods."""


@dataclass(frozen=True)
class Identity:
    """How sure two frames measure one quantity (0–1), or why they do not."""

    score: float
    differs: str | None = None
    """Why they are different quantities, when they are."""
    uncertain: str | None = None
    """Why they may be, but identity is not sure enough to contradict or support."""


def identity(a: FigureFrame, b: FigureFrame, similar: Similarity) -> Identity:
    """Whether `a` and `b` measure the same quantity (see the module docstring)."""
    unit = _units(a, b)
    if unit:
        return Identity(0.0, differs=unit)
    if a.outcome and b.outcome and a.outcome != b.outcome:
        return Identity(0.0, differs=f"{a.outcome} vs {b.outcome}")
    noun = _noun_score(a, b, similar)
    if noun < NOUN_SIMILARITY:
        return Identity(noun, differs="different things counted")
    verb = _verb_score(a, b, similar)
    if verb < VERB_SIMILARITY:
        return Identity(verb, differs="different verbs")
    scope = _scope(a, b) or _conditions(a, b)
    if scope:
        return Identity(min(noun, verb), uncertain=scope)
    return Identity(min(noun, verb))


def _units(a: FigureFrame, b: FigureFrame) -> str | None:
    """Why two units cannot measure one quantity, or None when they can."""
    if a.dimension != b.dimension:
        return f"{a.unit or a.dimension} vs {b.unit or b.dimension}"
    if a.dimension in ("symbol", "temperature") and a.unit != b.unit:
        return f"{a.unit} vs {b.unit}"
    if a.dimension == "money" and a.unit != b.unit:
        dollars = {a.unit, b.unit} - {"$"}
        if not (len(dollars) == 1 and dollars <= DOLLARS):
            return f"{a.unit} vs {b.unit}"
    return None


def _noun_score(a: FigureFrame, b: FigureFrame, similar: Similarity) -> float:
    """How alike the counted nouns (counts) or the nouns a sum or share is of (others) are."""
    if a.dimension != "count":
        return _words_score(a, b, similar)
    if a.noun is None or b.noun is None:
        return 0.0
    if a.noun == b.noun:
        return 1.0
    people = {a.noun, b.noun} <= PERSON_NOUNS
    if people and a.outcome and a.outcome == b.outcome:
        return 0.9
    if a.outcome and a.outcome == b.outcome and a.outcome in (a.noun, b.noun):
        return 0.9
    return _known(similar(a.noun_text or a.noun, b.noun_text or b.noun), 0.0)


def _words_score(a: FigureFrame, b: FigureFrame, similar: Similarity) -> float:
    """For sums, shares and measures: how alike what they are of or for are ('losses', 'cost',
    'value'), the verb counting as one of those words; nothing known is not enough."""
    if a.dimension == "age":
        return 1.0  # ages of the people a sentence is about
    nouns_a, nouns_b = set(a.nouns), set(b.nouns)
    if {_root(w) for w in nouns_a or _verb(a)} & {_root(w) for w in nouns_b or _verb(b)}:
        return 1.0  # 'save £100m a year' ~ 'annual savings of £120m'
    if _verb_names_measure(a, b) or _verb_names_measure(b, a):
        return 1.0  # 'the council expects to save £20m' ~ 'savings of £25m'

    if not nouns_a or not nouns_b:
        same_verb = a.predicate is not None and a.predicate == b.predicate
        return 1.0 if same_verb else 0.0  # a number alone, with nothing it is of, says nothing
    return max(_known(similar(x, y), 0.0) for x in nouns_a for y in nouns_b)


def _root(word: str) -> str:
    """A word's stem without a final 'e' or '-ing': 'save', 'saving' and 'savings' share 'sav'
    (the shared stemmer keeps '-ing' on short words)."""
    root = stem(word)
    if root.endswith("ing") and len(root) >= 6:
        root = root[:-3]
    return root.removesuffix("e")


def _verb(frame: FigureFrame) -> set[str]:
    return {frame.predicate} if frame.predicate else set()


CUMULATIVE_OUTCOMES = frozenset({"death", "injury", "illness", "destruction", "damage", "arrest"})
"""Outcome tallies that only grow: people who died, were hurt or fell ill; homes destroyed."""
CUMULATIVE_WORDS = frozenset({"cost", "spend", "loss", "lose", "damage", "burn", "scorch", "char"})
"""Verbs and nouns of totals that only grow: money spent or lost, area burned."""


def cumulative(f: FigureFrame) -> bool:
    """Whether a figure is a running total that cannot fall as time passes (a stock such as
    'employs 12,580' or 'remain in hospital' can)."""
    if f.projected or f.hedged or f.part:
        return False
    if f.dimension == "count":
        return f.outcome in CUMULATIVE_OUTCOMES and not f.modifiers
    words = {f.predicate or "", *f.nouns}
    words |= {stem(w) for w in words}
    return f.dimension in ("money", "area") and bool(words & CUMULATIVE_WORDS)


def _verb_names_measure(a: FigureFrame, b: FigureFrame) -> bool:
    """Whether `a`'s verb is the noun `b`'s sum is of ('save' and 'savings'); a share is of
    something else ('cut 18% of its staff' is not 'rent cuts of 40%')."""
    return a.dimension == "money" and bool(
        {_root(w) for w in _verb(a)} & {_root(w) for w in b.nouns}
    )


def _known(value: float, unknown: float) -> float:
    """A similarity, or `unknown` when it could not be measured (NaN)."""
    return unknown if math.isnan(value) else value


def _verb_score(a: FigureFrame, b: FigureFrame, similar: Similarity) -> float:
    """How alike the verbs are; an outcome both share, a missing verb, or a verb of change
    ('has grown to', 'fell to': how a tally moved, not what it counts) does not count."""
    if a.outcome and a.outcome == b.outcome:
        return 1.0
    if a.outcome in CHANGES or b.outcome in CHANGES or a.dimension == "age":
        return 1.0
    if _verb_names_measure(a, b) or _verb_names_measure(b, a):
        return 1.0  # 'save £100m' ~ 'deliver savings of £120m': the measure, not the verb
    if a.predicate is None or b.predicate is None or a.predicate == b.predicate:
        return 1.0
    if concept(stem(a.predicate)) == concept(stem(b.predicate)):
        return 1.0
    found = similar(a.predicate_text or a.predicate, b.predicate_text or b.predicate)
    return _known(found, VERB_SIMILARITY)


def _scope(a: FigureFrame, b: FigureFrame) -> str | None:
    """Why two figures of one measure may still cover different scopes or events."""
    if bool(a.part) != bool(b.part):
        marked = a if a.part else b
        return f"part vs whole ('{marked.part}' {marked.text})"
    if a.part and b.part and _part_kind(a.part) != _part_kind(b.part):
        return f"different parts ('{a.part}' vs '{b.part}')"
    narrower = set(a.modifiers) ^ set(b.modifiers)
    if narrower:
        return f"narrower count ({', '.join(sorted(narrower))})"
    if a.owner and b.owner and not _names_overlap(a.owner, b.owner):
        return f"different owners ({a.owner} vs {b.owner})"
    if a.places and b.places and not set(a.places) & set(b.places):
        return f"different places ({', '.join(a.places)} vs {', '.join(b.places)})"
    if a.event_year != b.event_year and _year_differs(a, b):
        return f"different years ({_year_label(a)} vs {_year_label(b)})"
    return None


_ADDED = frozenset({"more", "further", "additional", "extra", "another", "new"})


def _part_kind(word: str) -> str:
    """'11 more' and '11 further' both add to a tally; 'first' is its own kind of part."""
    return "added" if word in _ADDED else word


def _conditions(a: FigureFrame, b: FigureFrame) -> str | None:
    """Two counts of one outcome with different causes ('ill with Legionnaires' disease' vs
    'treated for heat-related illness') count different people."""
    if a.dimension != "count" or not (a.outcome and a.nouns and b.nouns):
        return None
    if {stem(w) for w in a.nouns} & {stem(w) for w in b.nouns}:
        return None
    return f"different causes ({', '.join(a.nouns[:2])} vs {', '.join(b.nouns[:2])})"


def _names_overlap(a: str, b: str) -> bool:
    """Whether two names share a word ('Lakeshore Linen' and 'Lakeshore Linen Services')."""
    return bool(_name_words(a) & _name_words(b))


def _name_words(name: str) -> set[str]:
    return {w.strip(".,'’&").lower() for w in name.split() if len(w.strip(".,'’&")) > 2}


def _year_differs(a: FigureFrame, b: FigureFrame) -> bool:
    """A year bound to one figure that the other's time does not fall in."""
    for bound, other in ((a, b), (b, a)):
        if bound.event_year is not None:
            year = _year_of(other.as_of)
            if other.event_year is not None and other.event_year != bound.event_year:
                return True
            if year is not None and year != bound.event_year:
                return True
    return False


def _year_of(time: TimeRef) -> int | None:
    return int(time.earliest[:4]) if time.earliest else None


def _year_label(frame: FigureFrame) -> str:
    if frame.event_year is not None:
        return str(frame.event_year)
    return (frame.as_of.earliest or "undated")[:4]


Relation = str
"""'same', 'earlier' (a before b), 'later' (a after b), 'apart' or 'unknown'."""


def _since_relation(a: TimeRef, b: TimeRef) -> Relation:
    """A figure held 'since 2024' is a tally after that start: later than a dated figure on or
    after the start, unknown against one before it."""
    since, other = (a, b) if a.source == "since" else (b, a)
    if not (since.earliest and other.earliest):
        return "unknown"
    if other.earliest < since.earliest:
        return "unknown"
    return "later" if since is a else "earlier"


def _undated_anchor(time: TimeRef) -> bool:
    """Relative to an event, with no date of its own stated ('before the cuts', not 'at the
    peak on 15 Aug')."""
    return time.anchor is not None and time.source not in ("stated", "event", "spoken")


def _one_time(relative: TimeRef, dated: TimeRef) -> bool:
    """'On the day' of an event against a figure dated to a day its document gives an event
    with the same participants, or 'before the cuts' against a figure from a document where
    they are still to come: both hold at one time."""
    if relative.anchor is None or dated.anchor or dated.earliest != dated.latest:
        return False
    return bool(set(relative.events) & set(dated.events))


def time_relation(a: TimeRef, b: TimeRef) -> Relation:
    """How `a`'s time stands to `b`'s: the same, earlier, later, too far apart, or unknown
    (relative to different events). A figure from a document with no date at all is read as
    stated of the other's time: nothing says it is older or newer."""
    if _one_time(a, b) or _one_time(b, a):
        return "same"  # 'on the day' the plan was unveiled: dated the day it was announced
    if a.anchor and b.anchor:
        return "same" if a.anchor == b.anchor else "unknown"
    if _undated_anchor(a) or _undated_anchor(b):  # 'before the cuts': not the dateline's day
        return "unknown"
    if (a.source == "since") != (b.source == "since"):
        return _since_relation(a, b)
    if not (a.earliest and a.latest and b.earliest and b.latest):
        return "same"  # an undated figure is stated without a time: read as of the other's
    a0, a1 = date.fromisoformat(a.earliest), date.fromisoformat(a.latest)
    b0, b1 = date.fromisoformat(b.earliest), date.fromisoformat(b.latest)
    if a0 <= b1 and b0 <= a1:
        return "same"
    if (a.final and b0 > a1) or (b.final and a0 > b1):
        return "same"  # a final count stated later still stands: a different one contradicts it
    gap = (b0 - a1).days if a1 < b0 else (a0 - b1).days
    if gap > EVENT_WINDOW_DAYS:
        return "apart"
    if a.source == b.source == "published" and gap <= NEWS_CYCLE_DAYS:
        return "same"
    return "earlier" if a1 < b0 else "later"
