"""Dates compared: the same event on the same day supports, on another day contradicts."""

from __future__ import annotations

import re
from datetime import date

from claimcheck.extract.labels import date_label
from claimcheck.models import DateFact
from claimcheck.stance.base import Side, Stance, Thresholds
from claimcheck.stance.cues import COMMON_ACTIONS, NEGATION, lowercase_terms
from claimcheck.text.words import content_terms, stem


def _comparable(a: DateFact, b: DateFact, similarity: float, t: Thresholds) -> bool:
    """Two dates precise enough, and close enough, that differing means a disagreement."""
    if similarity >= t.year_contradiction_similarity:
        return a.precision == b.precision or {a.precision, b.precision} <= {"day", "month"}
    fine = ("day", "month")
    return a.precision in fine and b.precision in fine and _gap_days(a, b) <= t.date_max_gap_days


def _gap_days(a: DateFact, b: DateFact) -> int:
    """Days between two dates' intervals (0 when they overlap)."""
    a0, a1 = date.fromisoformat(a.earliest or ""), date.fromisoformat(a.latest or "")
    b0, b1 = date.fromisoformat(b.earliest or ""), date.fromisoformat(b.latest or "")
    return max(0, (b0 - a1).days, (a0 - b1).days)


def _dates_overlap(a: DateFact, b: DateFact) -> bool:
    """Whether two dates can mean the same day (ISO strings compare in time order)."""
    return (a.earliest or "") <= (b.latest or "") and (b.earliest or "") <= (a.latest or "")


def _event_dates(side: Side) -> list[tuple[DateFact, list[str]]]:
    return [
        (d, side.window(d.start, d.end))
        for d in side.dates
        if d.earliest and d.latest and not side.is_reporting(d)
    ]


def _spoken_dates(side: Side) -> list[tuple[DateFact, list[str], str]]:
    """Dates of speech acts ('confirmed on 28 April 2025'), with the act's stem."""
    spoken = []
    for d in side.dates:
        act = side.speech_act(d) if d.earliest and d.latest else None
        if act is not None and act != "dateline":
            spoken.append((d, side.window(d.start, d.end), act))
    return spoken


def _same_act(claim: Side, passage: Side) -> list[tuple[DateFact, DateFact, list[str]]]:
    """Date pairs where one side dates a speech act that is the other side's event ('confirmed')."""
    pairs = []
    for spoken_side, other in ((claim, passage), (passage, claim)):
        for ds, terms_s, act in _spoken_dates(spoken_side):
            for do, terms_o in _event_dates(other):
                if act in terms_o:
                    shared = [act, *[t for t in terms_o if t in terms_s and t != act]]
                    pairs.append((ds, do, shared) if spoken_side is claim else (do, ds, shared))
    return pairs


def compare_dates(claim: Side, passage: Side, similarity: float, t: Thresholds) -> Stance | None:
    """Same event, same date: supports; another date at comparable precision: contradicts."""
    if similarity < t.date_min_similarity:
        return None
    # Words written lowercase somewhere are things and actions; names (Putin, Kim) never are, and
    # two sentences naming the same people on different dates are usually different events.
    common = lowercase_terms(claim.text) | lowercase_terms(passage.text)
    pairs = []
    for dc, terms_c in _event_dates(claim):
        for dp, terms_p in _event_dates(passage):
            shared = [term for term in terms_c if term in terms_p and term in common]
            if shared or similarity >= t.date_similarity_alone:
                pairs.append((dc, dp, shared))
    score = round(0.55 + 0.4 * similarity, 3)
    # "The February test was not the first launch" shares a date with the claim but denies it.
    one_sided_negation = bool(NEGATION.search(claim.text)) != bool(NEGATION.search(passage.text))
    for dc, dp, shared in [*pairs, *_same_act(claim, passage)]:
        if _dates_overlap(dc, dp) and not one_sided_negation:
            event = ", ".join(shared[:2]) or "same event"
            return Stance("supports", score, f"same date: {date_label(dc)} ({event})", "date")
    if similarity < t.date_contradiction_similarity:
        return None
    for dc, dp, shared in pairs:
        identifying = [term for term in shared if term not in COMMON_ACTIONS]
        if len(identifying) >= t.date_contradiction_min_shared and _comparable(
            dc, dp, similarity, t
        ):
            event = ", ".join(shared[:2]) or "same event"
            reason = f"date: {date_label(dc)} vs {date_label(dp)} ({event})"
            return Stance("contradicts", score, reason, "date")
    return None


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


def compare_firsts(claim: Side, passage: Side, similarity: float, t: Thresholds) -> Stance | None:
    """'The first missile test of the year on 18 Feb' is contradicted by a missile on 1 Jan."""
    if similarity < t.date_min_similarity:
        return None
    for first_side, other in ((claim, passage), (passage, claim)):
        found = _first_of_year(first_side)
        if found is None:
            continue
        first_date, what_terms, what = found
        year = (first_date.earliest or "")[:4]
        denied = _NOT_FIRST.search(other.text)
        if denied and set(what_terms) & set(content_terms(other.text[denied.end() :])):
            reason = f"statement: first {what} of {year} vs “{denied.group(0)}…”"
            return Stance("contradicts", round(0.5 + 0.4 * similarity, 3), reason, "statement")
        for d, terms in _event_dates(other):
            earlier = (d.latest or "") < (first_date.earliest or "")
            if earlier and (d.earliest or "")[:4] == year and set(what_terms) & set(terms):
                reason = f"date: first {what} of {year} on {date_label(first_date)}"
                reason += f", but one on {date_label(d)}"
                return Stance("contradicts", round(0.55 + 0.4 * similarity, 3), reason, "date")
    return None
