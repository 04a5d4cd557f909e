"""Stance of a passage towards a claim from structured comparison of figures, dates and denials."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from claimcheck.models import DateFact, Quantity
from claimcheck.quantities import counted_head
from claimcheck.stancetext import (
    COMMON_ACTIONS,
    DENIAL,
    NEGATION,
    content_terms,
    date_label,
    event_terms,
    figure_label,
    is_reporting_date,
    lowercase_terms,
    reporting_verb,
    scope_label,
    shared_terms,
    stem,
)

Label = Literal["supports", "contradicts", "related"]
Kind = Literal["figure", "date", "statement", "update"]

UNIT_GROUPS = [
    {"troop", "soldier", "personnel", "serviceman", "servicemen", "force", "fighter", "man"},
    {"shell", "round", "munition", "ammunition"},
    {"worker", "labourer", "laborer"},
]
_PARTIAL_BEFORE = re.compile(
    r"(?:first\s+group\s+of|another|a\s+further|some|of\s+(?:them|whom|those))\s*$"
)
_PARTIAL_UNIT = re.compile(r"(?:additional|more|extra|further|new|other)\b")
MAX_SCALE_RATIO = 8.0
CLOSE_RATIO = 1.5
"""Overlapping figures further apart than this (over 1,000 vs 6,700) agree only loosely."""
"""Figures further apart than this are different facts (1.2 million personnel vs 15,000 troops)."""
ABOUT_TOLERANCE = 0.10


@dataclass(frozen=True)
class Thresholds:
    """Similarity levels that gate each kind of comparison."""

    figure_min_similarity: float = 0.45
    date_min_similarity: float = 0.40
    date_similarity_alone: float = 0.75
    date_contradiction_similarity: float = 0.50
    date_contradiction_min_shared: int = 2
    year_contradiction_similarity: float = 0.90
    statement_min_similarity: float = 0.55
    statement_min_shared_terms: int = 2
    paraphrase_similarity: float = 0.80
    date_max_gap_days: int = 183
    """Dates further apart are more likely another occurrence than the same event misdated."""


@dataclass(frozen=True)
class Side:
    """One side of a comparison: the text, its figures and dates, and its time scope."""

    text: str
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateFact] = field(default_factory=list)
    scope: list[DateFact] = field(default_factory=list)
    """Dates that set the time of the sentence's figures: its own, else the paragraph's last."""
    offset: int = 0
    """Where `text` starts in its document: fact offsets minus this index into `text`."""

    def window(self, start: int, end: int) -> list[str]:
        """Event terms around a fact at document offsets [start, end)."""
        return event_terms(self.text, start - self.offset, end - self.offset)

    def is_reporting(self, d: DateFact) -> bool:
        """Whether a date is when something was said, not when it happened."""
        return is_reporting_date(self.text, d.start - self.offset, d.end - self.offset)

    def speech_act(self, d: DateFact) -> str | None:
        """The stem of the speech act a date belongs to ('confirm'), if it is one."""
        verb = reporting_verb(self.text, d.start - self.offset, d.end - self.offset)
        return stem(verb) if verb else None

    def is_partial(self, q: Quantity) -> bool:
        """Whether a figure counts only part of something ('3,000 additional troops')."""
        before = self.text[max(0, q.start - self.offset - 24) : q.start - self.offset].lower()
        unit = (q.unit or "").lower()
        return bool(_PARTIAL_BEFORE.search(before) or _PARTIAL_UNIT.match(unit))


@dataclass(frozen=True)
class Stance:
    """A label with a 0–1 score and a one-line reason an analyst can verify."""

    label: Label
    score: float
    reason: str
    kind: Kind | None = None
    structured: bool = True
    """False when only similarity decided (related, or a close paraphrase): a learned head or an
    NLI model may relabel such a pair; a figure, date or denial finding is never overridden."""


def interval(q: Quantity) -> tuple[float, float]:
    """The closed interval a figure asserts, with ±10% around 'about' figures."""
    low = q.low if q.low is not None else float("-inf")
    high = q.high if q.high is not None else float("inf")
    if q.value is not None and q.low is not None and q.high is not None and q.low == q.high:
        low = high = q.value
    return low, high


def _magnitude(q: Quantity) -> float | None:
    for value in (q.value, q.low, q.high):
        if value is not None and value > 0:
            return value
    return None


def units_match(a: Quantity, b: Quantity) -> bool:
    """Whether two figures count the same kind of thing."""
    head_a, head_b = counted_head(a.unit), counted_head(b.unit)
    if head_a is None or head_b is None:
        return False
    if head_a == head_b:
        return True
    return any(head_a in group and head_b in group for group in UNIT_GROUPS)


def same_scale(a: Quantity, b: Quantity) -> bool:
    """Whether two figures are close enough in size to be estimates of the same fact."""
    ma, mb = _magnitude(a), _magnitude(b)
    if ma is None or mb is None:
        return False
    return max(ma, mb) / min(ma, mb) <= MAX_SCALE_RATIO


def overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Whether two closed intervals share a point."""
    return a[0] <= b[1] and b[0] <= a[1]


def _span(dates: list[DateFact]) -> tuple[str, str] | None:
    known = [d for d in dates if d.earliest and d.latest]
    if not known:
        return None
    return min(d.earliest or "" for d in known), max(d.latest or "" for d in known)


def compare_figures(claim: Side, passage: Side, similarity: float, t: Thresholds) -> Stance | None:
    """Agreeing figures support, disjoint ones contradict, a later larger count is an update."""
    if similarity < t.figure_min_similarity:
        return None
    pairs = [
        (qc, qp)
        for qc in claim.quantities
        for qp in passage.quantities
        if units_match(qc, qp)
        and same_scale(qc, qp)
        and not claim.is_partial(qc)
        and not passage.is_partial(qp)
    ]
    if not pairs:
        return None
    score = round(0.6 + 0.4 * similarity, 3)
    for qc, qp in pairs:
        if overlaps(interval(qc), interval(qp)) and _close(qc, qp):
            same = figure_label(qc) == figure_label(qp)
            reason = (
                f"same figure: {figure_label(qc)}"
                if same
                else f"figure agrees: {figure_label(qc)} vs {figure_label(qp)}"
            )
            return Stance("supports", score, reason, "figure")
    qc, qp = pairs[0]
    if overlaps(interval(qc), interval(qp)):
        # An open bound is consistent with a much larger figure: a later count, or loose support.
        update = _update(qc, qp, claim, passage)
        if update is not None:
            return Stance("related", score, update, "update")
        reason = f"figure consistent: {figure_label(qc)} vs {figure_label(qp)}"
        return Stance("supports", round(score * 0.8, 3), reason, "figure")
    update = _update(qc, qp, claim, passage)
    if update is not None:
        return Stance("related", score, update, "update")
    return Stance(
        "contradicts", score, f"figure: {figure_label(qc)} vs {figure_label(qp)}", "figure"
    )


def _close(a: Quantity, b: Quantity) -> bool:
    """Whether two overlapping figures are near enough to be the same estimate."""
    ma, mb = _magnitude(a), _magnitude(b)
    return ma is not None and mb is not None and max(ma, mb) / min(ma, mb) <= CLOSE_RATIO


def _update(qc: Quantity, qp: Quantity, claim: Side, passage: Side) -> str | None:
    """A reason when the two figures are the same count at different times, the later one larger."""
    scope_c, scope_p = _span(claim.scope), _span(passage.scope)
    if scope_c is None or scope_p is None or scope_c[1] == scope_p[1]:
        return None
    later_is_passage = scope_p[1] > scope_c[1]
    mc, mp = _magnitude(qc) or 0.0, _magnitude(qp) or 0.0
    if (mp > mc) != later_is_passage:
        return None
    first, second = (qc, claim.scope), (qp, passage.scope)
    if not later_is_passage:
        first, second = second, first
    return (
        f"update: {figure_label(first[0])} ({scope_label(first[1])}) → "
        f"{figure_label(second[0])} ({scope_label(second[1])})"
    )


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


def compare_statements(
    claim: Side, passage: Side, similarity: float, t: Thresholds
) -> Stance | None:
    """A denial on one side of an otherwise matching statement contradicts it."""
    if similarity < t.statement_min_similarity:
        return None
    shared = lowercase_terms(claim.text) & lowercase_terms(passage.text)
    if len(shared) < t.statement_min_shared_terms:
        return None
    denial_c, denial_p = DENIAL.search(claim.text), DENIAL.search(passage.text)
    if bool(denial_c) == bool(denial_p):
        return None
    cue = denial_p or denial_c
    assert cue is not None
    side = "passage" if denial_p else "claim"
    reason = f'statement: the {side} denies it ("{cue.group(0)}")'
    return Stance("contradicts", round(0.5 + 0.4 * similarity, 3), reason, "statement")


def classify(claim: Side, passage: Side, similarity: float, t: Thresholds | None = None) -> Stance:
    """Label a (claim, passage) pair from its figures, dates, denials and similarity."""
    t = t or Thresholds()
    for compare in (compare_figures, compare_dates, compare_firsts, compare_statements):
        found = compare(claim, passage, similarity, t)
        if found is not None:
            return found
    if similarity >= t.paraphrase_similarity:
        reason = f"statement: close paraphrase (similarity {similarity:.2f})"
        return Stance("supports", round(similarity, 3), reason, "statement", structured=False)
    shared = shared_terms(claim.text, passage.text)
    about = f"; shares {', '.join(shared[:3])}" if shared else ""
    reason = f"related: similarity {similarity:.2f}{about}"
    return Stance("related", round(max(similarity, 0.0), 3), reason, structured=False)
