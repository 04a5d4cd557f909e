"""Stance of a passage towards a claim from structured comparison of figures, dates and denials."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from claimcheck.models import DateFact, Quantity
from claimcheck.quantities import counted_head
from claimcheck.stancetext import (
    DENIAL,
    date_label,
    figure_label,
    scope_label,
    shared_terms,
)

Label = Literal["supports", "contradicts", "related"]
Kind = Literal["figure", "date", "statement", "update"]

UNIT_GROUPS = [
    {"troop", "soldier", "personnel", "serviceman", "servicemen", "force", "fighter", "man"},
    {"shell", "round", "munition", "ammunition"},
    {"worker", "labourer", "laborer"},
]
MAX_SCALE_RATIO = 5.0
"""Figures further apart than this are different facts (1.2 million personnel vs 15,000 troops)."""
ABOUT_TOLERANCE = 0.10


@dataclass(frozen=True)
class Thresholds:
    """Similarity levels that gate each kind of comparison."""

    figure_min_similarity: float = 0.40
    date_min_similarity: float = 0.35
    date_min_shared_terms: int = 2
    date_similarity_alone: float = 0.62
    statement_min_similarity: float = 0.45
    paraphrase_similarity: float = 0.80


@dataclass(frozen=True)
class Side:
    """One side of a comparison: the text, its figures and dates, and its time scope."""

    text: str
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateFact] = field(default_factory=list)
    scope: list[DateFact] = field(default_factory=list)
    """Dates that set the time of the sentence's figures: its own, else the paragraph's last."""


@dataclass(frozen=True)
class Stance:
    """A label with a 0–1 score and a one-line reason an analyst can verify."""

    label: Label
    score: float
    reason: str
    kind: Kind | None = None


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
        if units_match(qc, qp) and same_scale(qc, qp)
    ]
    if not pairs:
        return None
    score = round(0.6 + 0.4 * similarity, 3)
    for qc, qp in pairs:
        if overlaps(interval(qc), interval(qp)):
            same = figure_label(qc) == figure_label(qp)
            reason = (
                f"same figure: {figure_label(qc)}"
                if same
                else f"figure agrees: {figure_label(qc)} vs {figure_label(qp)}"
            )
            return Stance("supports", score, reason, "figure")
    qc, qp = pairs[0]
    update = _update(qc, qp, claim, passage)
    if update is not None:
        return Stance("related", score, update, "update")
    return Stance(
        "contradicts", score, f"figure: {figure_label(qc)} vs {figure_label(qp)}", "figure"
    )


def _update(qc: Quantity, qp: Quantity, claim: Side, passage: Side) -> str | None:
    """A reason when the two figures are the same count at different times, the later one larger."""
    scope_c, scope_p = _span(claim.scope), _span(passage.scope)
    if scope_c is None or scope_p is None or scope_c[1][:7] == scope_p[1][:7]:
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


def _comparable(a: DateFact, b: DateFact) -> bool:
    exact = ("day", "month", "year")
    return a.precision in exact and b.precision in exact


def compare_dates(claim: Side, passage: Side, similarity: float, t: Thresholds) -> Stance | None:
    """Same event, same date: supports; another date at comparable precision: contradicts."""
    shared = shared_terms(claim.text, passage.text)
    same_event = (
        similarity >= t.date_min_similarity and len(shared) >= t.date_min_shared_terms
    ) or similarity >= t.date_similarity_alone
    pairs = [
        (dc, dp)
        for dc in claim.dates
        for dp in passage.dates
        if dc.earliest and dp.earliest and dc.latest and dp.latest
    ]
    if not same_event or not pairs:
        return None
    event = ", ".join(shared[:2]) or "same event"
    score = round(0.55 + 0.4 * similarity, 3)
    for dc, dp in pairs:
        if overlaps((dc.earliest or "", dc.latest or ""), (dp.earliest or "", dp.latest or "")):  # type: ignore[arg-type]
            return Stance("supports", score, f"same date: {date_label(dc)} ({event})", "date")
    for dc, dp in pairs:
        if _comparable(dc, dp):
            reason = f"date: {date_label(dc)} vs {date_label(dp)} ({event})"
            return Stance("contradicts", score, reason, "date")
    return None


def compare_statements(
    claim: Side, passage: Side, similarity: float, t: Thresholds
) -> Stance | None:
    """A denial on one side of an otherwise matching statement contradicts it."""
    if similarity < t.statement_min_similarity or not shared_terms(claim.text, passage.text):
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
    for compare in (compare_figures, compare_dates, compare_statements):
        found = compare(claim, passage, similarity, t)
        if found is not None:
            return found
    if similarity >= t.paraphrase_similarity:
        reason = f"statement: close paraphrase (similarity {similarity:.2f})"
        return Stance("supports", round(similarity, 3), reason, "statement")
    shared = shared_terms(claim.text, passage.text)
    about = f"; shares {', '.join(shared[:3])}" if shared else ""
    return Stance(
        "related", round(max(similarity, 0.0), 3), f"related: similarity {similarity:.2f}{about}"
    )
