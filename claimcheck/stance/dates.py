"""Dates compared as frames: the same event on the same day supports, on a nearby day
contradicts; a "first … of the year" is contradicted by an earlier one."""

from __future__ import annotations

import re
from datetime import date

from claimcheck.extract.frames.lexicon import GENERIC_PARTICIPANTS, OUTCOMES
from claimcheck.extract.labels import date_label
from claimcheck.models import DateFact, DateFrame
from claimcheck.stance.base import Side, Similarity, Stance, Thresholds
from claimcheck.stance.cues import NEGATION, lowercase_terms
from claimcheck.text.words import content_terms, stem

PREDICATE_SIMILARITY = 0.6
"""Two different verbs name one event when their embeddings agree this much."""
SPEECH = frozenset({"say", "tell", "state", "add", "note", "write", "claim", "insist", "warn"})
"""Pure speech: its date supports when it matches but never contradicts (people say things
more than once)."""


def compare_dates(
    claim: Side, passage: Side, similarity: float, t: Thresholds, similar: Similarity
) -> list[Stance]:
    """Same event on the same day supports; on another day within the gap, contradicts —
    unless the event also has a date that matches ('died on 2 and 9 September')."""
    if similarity < t.date_min_similarity:
        return []
    score = round(0.55 + 0.4 * similarity, 3)
    one_sided_negation = bool(NEGATION.search(claim.text)) != bool(NEGATION.search(passage.text))
    supports: list[Stance] = []
    contradictions: list[tuple[str, Stance]] = []
    matched: set[str] = set()
    for dc in _comparable(claim):
        for dp in _comparable(passage):
            if dc.negated != dp.negated:
                continue
            shared = _shared(dc, dp)
            same_verb = _same_predicate(dc, dp, similar)
            verb = dc.predicate or ""
            named = verb if dc.predicate == dp.predicate else dc.event_class or verb
            event = ", ".join([*([named] if same_verb and named else []), *shared][:2])
            if _overlap(dc, dp):
                verbs_differ = not same_verb and bool(dc.predicate and dp.predicate)
                occasion = (
                    _same_occasion(shared, same_verb, similarity, t) or _same_outcome_day(dc, dp)
                ) and (not verbs_differ or _one_occasion(shared, dc, dp, similarity, t))
                if not one_sided_negation and occasion:
                    reason = f"same date: {_label(dc)} ({event or 'same event'})"
                    supports.append(Stance("supports", score, reason, "date"))
                    matched.add(verb)
            elif (
                same_verb
                and _identified(shared, claim, passage)
                and _contradictable(dc, dp, similarity, t)
            ):
                reason = f"date: {_label(dc)} vs {_label(dp)} ({event})"
                contradictions.append((verb, Stance("contradicts", score, reason, "date")))
    return supports + [stance for verb, stance in contradictions if verb not in matched]


def _identified(shared: list[str], claim: Side, passage: Side) -> bool:
    """Enough beyond the verb to call it one event: a shared participant, or (when the parse
    lost the participants) two content words the sentences share."""
    if shared:
        return True
    return len(lowercase_terms(claim.text) & lowercase_terms(passage.text)) >= 2


def _shared(a: DateFrame, b: DateFrame) -> list[str]:
    """The participants two dated events share (generic words left out)."""
    return [p for p in a.participants if p in b.participants and p not in GENERIC_PARTICIPANTS]


def _one_occasion(
    shared: list[str], a: DateFrame, b: DateFrame, similarity: float, t: Thresholds
) -> bool:
    """Two different verbs on one day ('declared', 'alerted') are two events however many people
    and places they share — unless what they share names an occasion ('made a visit' and
    'arrived for a visit'), or the sentences are near paraphrases."""
    if similarity >= t.date_similarity_alone:
        return True
    if a.predicate in b.occasions or b.predicate in a.occasions:
        return True
    return any(p in a.occasions or p in b.occasions for p in shared)


def _same_occasion(shared: list[str], same_verb: bool, similarity: float, t: Thresholds) -> bool:
    """Enough to say two sentences date one occasion: the same event with a shared participant,
    several shared participants in a similar sentence, or a very similar sentence."""
    if same_verb and (shared or similarity >= t.date_similarity_alone):
        return True
    return len(shared) >= 2 and similarity >= t.statement_min_similarity


DATED_OUTCOMES = frozenset(OUTCOMES.values()) - {"increase", "decrease"}
"""What happened to people or things ('fell ill', 'symptom onset', 'found dead'): one such outcome
dated to the same day in two sentences on one topic is one dated fact, however worded."""


def _same_outcome_day(a: DateFrame, b: DateFrame) -> bool:
    """The same outcome class on the same single day ('the first patient fell ill on 19 August'
    and 'the earliest symptom onset was August 19')."""
    same_class = a.event_class is not None and a.event_class == b.event_class
    single_day = a.precision == b.precision == "day" and a.earliest == b.earliest
    return same_class and a.event_class in DATED_OUTCOMES and single_day


def _comparable(side: Side) -> list[DateFrame]:
    return [d for d in side.frames.dates if d.role in ("event", "spoken")]


def _same_predicate(a: DateFrame, b: DateFrame, similar: Similarity) -> bool:
    """The same verb (and particle: 'declared' is not 'declared over'), the same class of
    event ('broke out' and 'started'), or verbs whose embeddings agree."""
    verb_a, _, particle_a = (a.predicate or "").partition(" ")
    verb_b, _, particle_b = (b.predicate or "").partition(" ")
    if particle_a != particle_b and not (
        a.event_class and a.event_class == b.event_class and verb_a != verb_b
    ):
        return False
    if verb_a == verb_b or (a.event_class and a.event_class == b.event_class):
        return True
    found = similar(a.predicate_text or verb_a, b.predicate_text or verb_b)
    return found >= PREDICATE_SIMILARITY  # NaN (unknown) is never >=


def _contradictable(a: DateFrame, b: DateFrame, similarity: float, t: Thresholds) -> bool:
    """Dates of one event that differ: precise enough, close enough, not merely speech."""
    if (a.predicate or "").split(" ")[0] in SPEECH or "spoken" in (a.role, b.role):
        return False  # a statement's date: the same words may be said again another day
    fine = ("day", "month")
    if a.precision not in fine or b.precision not in fine:
        return similarity >= t.year_contradiction_similarity and a.precision == b.precision
    return _gap(a, b) <= t.date_max_gap_days


def _overlap(a: DateFrame, b: DateFrame) -> bool:
    return a.earliest <= b.latest and b.earliest <= a.latest


def _gap(a: DateFrame, b: DateFrame) -> int:
    a0, a1 = date.fromisoformat(a.earliest), date.fromisoformat(a.latest)
    b0, b1 = date.fromisoformat(b.earliest), date.fromisoformat(b.latest)
    return max(0, (b0 - a1).days, (a0 - b1).days)


def _label(d: DateFrame) -> str:
    fact = DateFact(
        text=d.text, value=_value(d), precision=d.precision, earliest=d.earliest,
        latest=d.latest, start=d.start, end=d.end,
    )  # fmt: skip
    return date_label(fact)


def _value(d: DateFrame) -> str | None:
    if d.precision == "day":
        return d.earliest
    if d.precision == "month":
        return d.earliest[:7]
    if d.precision == "year":
        return d.earliest[:4]
    return None


def _event_dates(side: Side) -> list[tuple[DateFact, list[str]]]:
    return [
        (d, side.window(d.start, d.end))
        for d in side.dates
        if d.earliest and d.latest and not side.is_reporting(d)
    ]


_FIRST_OF_YEAR = re.compile(
    r"\bfirst\s+(?P<what>(?:[\w-]+\s+){0,3}?[\w-]+)\s+(?:of|this|in)\s+(?:the|that)\s+year\b",
    re.IGNORECASE,
)


_NOT_FIRST = re.compile(r"\b(?:not|never)\s+(?:[\w'’-]+\s+){0,3}first\b", re.IGNORECASE)


def _first_of_year(side: Side) -> tuple[DateFact, list[str], str] | None:
    """'… ten days later conducted its first missile test of the year': its date and what."""
    match = _FIRST_OF_YEAR.search(side.text)
    if match is None:
        return None
    before = [
        d
        for d in side.dates
        if d.earliest and d.precision in ("day", "month") and d.end - side.offset <= match.start()
    ]
    if not before or side.is_reporting(before[-1]):
        return None
    what = match["what"]
    return before[-1], [stem(w) for w in re.findall(r"[^\W\d_]+", what) if len(w) >= 3], what


def compare_firsts(
    claim: Side, passage: Side, similarity: float, t: Thresholds, similar: Similarity
) -> list[Stance]:
    """'The first missile test of the year on 18 Feb' is contradicted by a missile on 1 Jan."""
    if similarity < t.date_min_similarity:
        return []
    for first_side, other in ((claim, passage), (passage, claim)):
        found = _first_of_year(first_side)
        if found is None:
            continue
        first_date, what_terms, what = found
        year = (first_date.earliest or "")[:4]
        denied = _NOT_FIRST.search(other.text)
        if denied and set(what_terms) & set(content_terms(other.text[denied.end() :])):
            reason = f"statement: first {what} of {year} vs “{denied.group(0)}…”"
            return [Stance("contradicts", round(0.5 + 0.4 * similarity, 3), reason, "statement")]
        for d, terms in _event_dates(other):
            earlier = (d.latest or "") < (first_date.earliest or "")
            if earlier and (d.earliest or "")[:4] == year and set(what_terms) & set(terms):
                reason = f"date: first {what} of {year} on {date_label(first_date)}"
                reason += f", but one on {date_label(d)}"
                return [Stance("contradicts", round(0.55 + 0.4 * similarity, 3), reason, "date")]
    return []
