"""Figures compared: agreeing intervals support, disjoint ones contradict, later counts update."""

from __future__ import annotations

from claimcheck.extract.labels import figure_label, scope_label
from claimcheck.extract.quantities import counted_head
from claimcheck.models import DateFact, Quantity
from claimcheck.stance.base import Side, Stance, Thresholds

UNIT_GROUPS = [
    {"troop", "soldier", "personnel", "serviceman", "servicemen", "force", "fighter", "man"},
    {"shell", "round", "munition", "ammunition"},
    {"worker", "labourer", "laborer"},
]
"""Counted nouns that name the same kind of thing."""
MAX_SCALE_RATIO = 8.0
"""Figures further apart than this are different facts (1.2 million personnel vs 15,000 troops)."""
CLOSE_RATIO = 1.5
"""Overlapping figures further apart than this (over 1,000 vs 6,700) agree only loosely."""


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
