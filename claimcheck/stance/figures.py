"""Figures compared as frames: same measure, scope and time with disjoint values contradicts;
a later time is an update; agreeing values support; anything unsure is only related."""

from __future__ import annotations

from datetime import date

from claimcheck.extract.frames.lexicon import DIMENSIONS
from claimcheck.extract.labels import frame_context, frame_label, time_label
from claimcheck.models import FigureFrame, Quantity
from claimcheck.stance.base import Side, Similarity, Stance, Thresholds
from claimcheck.stance.measure import Identity, cumulative, identity, time_relation

CLOSE_RATIO = 1.5
"""Overlapping figures further apart than this (over 1,000 vs 6,700) agree only loosely."""
MAX_DISCREPANCY = 2.5
"""Two estimates of one quantity rarely differ by more than this factor: past it, a
disagreement is more likely two different quantities than a contradiction."""
SMALL_DIFFERENCE = 3
"""Small counts may differ by a few (one death vs three) whatever the ratio."""


def interval(f: FigureFrame | Quantity) -> tuple[float, float]:
    """The closed interval a figure asserts (±10% around 'about' figures), in its dimension's
    base unit ('10 feet' and '3 m' in kilometres)."""
    factor = _factor(f)
    low = f.low * factor if f.low is not None else float("-inf")
    high = f.high * factor if f.high is not None else float("inf")
    return low, high


def _factor(f: FigureFrame | Quantity) -> float:
    """What one of a frame's units is in its dimension's base unit ('foot' → 0.0003048 km)."""
    if not isinstance(f, FigureFrame) or f.dimension in ("count", "money", "percent", "symbol"):
        return 1.0
    return DIMENSIONS.get(f.unit, ("", 1.0))[1]


def _magnitude(f: FigureFrame) -> float | None:
    for value in (f.value, f.low, f.high):
        if value is not None and value >= 0:
            return value * _factor(f)
    return None


CONVERSION_TOLERANCE = 0.05
"""A figure converted from another unit is rounded ('10 feet (3 m)'): values this close agree."""


def _overlaps(a: FigureFrame, b: FigureFrame) -> bool:
    (a0, a1), (b0, b1) = interval(a), interval(b)
    if a.unit != b.unit and a.dimension == b.dimension and _factor(a) != _factor(b):
        a0, a1 = a0 * (1 - CONVERSION_TOLERANCE), a1 * (1 + CONVERSION_TOLERANCE)
    return a0 <= b1 and b0 <= a1


def _ratio(a: FigureFrame, b: FigureFrame) -> float:
    ma, mb = _magnitude(a), _magnitude(b)
    if ma is None or mb is None:
        return float("inf")
    if min(ma, mb) == 0:
        return 1.0 if max(ma, mb) <= SMALL_DIFFERENCE else float("inf")
    return max(ma, mb) / min(ma, mb)


def _plausible(a: FigureFrame, b: FigureFrame) -> bool:
    """Whether two different values can be estimates of one quantity."""
    ma, mb = _magnitude(a), _magnitude(b)
    small = ma is not None and mb is not None and abs(ma - mb) <= SMALL_DIFFERENCE
    return small or _ratio(a, b) <= MAX_DISCREPANCY


def _absence_against_instance(a: FigureFrame, b: FigureFrame, relation: str) -> bool:
    """'No deaths have been reported' against a death at or before that time: a tally of
    deaths, injuries or cases never goes back to none."""
    zero, some = (a, b) if a.value == 0 else (b, a)
    if zero.value != 0 or not some.low or some.low < 1 or not zero.outcome:
        return False
    if relation == "same":
        return True
    zero_first = (relation == "earlier") == (zero is a)
    return not zero_first or _begun_by(some, zero)


def _begun_by(some: FigureFrame, zero: FigureFrame) -> bool:
    """'Died on 2 and 9 September' against 'no deaths' on the 4th: the first had happened."""
    first, at = some.as_of.first, zero.as_of.earliest
    return first is not None and at is not None and first <= at


def _precise(f: FigureFrame) -> bool:
    """A time narrow enough to contradict at: a day or two (or none stated), not a year."""
    time = f.as_of
    if not (time.earliest and time.latest):
        return True
    return time.latest <= _plus_two(time.earliest)


def _fell(a: FigureFrame, b: FigureFrame, relation: str) -> bool:
    """A cumulative total (deaths, cases, homes destroyed, money spent, area burned) stated
    lower at the later time: an update cannot explain it."""
    if not (cumulative(a) and cumulative(b)) or _overlaps(a, b):
        return False
    first, second = (a, b) if relation == "earlier" else (b, a)
    return interval(second)[1] < interval(first)[0]


def _one_projection(a: FigureFrame, b: FigureFrame) -> bool:
    """Two projections of one target, dated only by their publications: a target does not move
    on its own, so a different figure weeks later is a discrepancy, not an update (a revision
    says so, and is not read as a projection)."""
    return a.projected and b.projected and a.as_of.source == b.as_of.source == "published"


def _same_period(a: FigureFrame, b: FigureFrame) -> bool:
    """A rate, share or sum stated of one period by both ('5.1% in 2024', '£2m in 2024'): one
    value per period, so two differ. A count in a year may be two rounds, so it does not."""
    if a.dimension == "count" or a.as_of.source != "event" or b.as_of.source != "event":
        return False
    return (a.as_of.earliest, a.as_of.latest) == (b.as_of.earliest, b.as_of.latest)


def _plus_two(day: str | None) -> str:
    from datetime import date, timedelta

    return (date.fromisoformat(day or "") + timedelta(days=2)).isoformat()


def _side(f: FigureFrame) -> str:
    """'about 12,000 troops (sent; 18 Oct 2024)': value, measure, scope and as-of of a figure."""
    return f"{frame_label(f)} ({frame_context(f)})"


def pairs(
    claim: Side, passage: Side, similar: Similarity
) -> list[tuple[FigureFrame, FigureFrame, Identity]]:
    """Each claim figure with the passage figure most likely to measure the same thing."""
    scored = [
        (a, b, identity(a, b, similar))
        for a in claim.frames.figures
        for b in passage.frames.figures
    ]
    candidates = sorted(
        (item for item in scored if item[2].differs is None),
        key=lambda item: (item[2].uncertain is not None, -item[2].score, _ratio(item[0], item[1])),
    )
    used_a: set[int] = set()
    used_b: set[int] = set()
    chosen = []
    for a, b, found in candidates:
        if id(a) in used_a or id(b) in used_b:
            continue
        used_a.add(id(a))
        used_b.add(id(b))
        chosen.append((a, b, found))
    return chosen


def compare_figures(
    claim: Side, passage: Side, similarity: float, t: Thresholds, similar: Similarity
) -> list[Stance]:
    """A finding for each pair of figures that measure the same quantity."""
    if similarity < t.figure_min_similarity_strong:
        return []
    score = round(0.6 + 0.4 * similarity, 3)
    strong_only = similarity < t.figure_min_similarity
    chosen = [
        (a, b, found)
        for a, b, found in pairs(claim, passage, similar)
        if not strong_only or _strong(a, b, found)
    ]
    findings = [_judge(a, b, found, score) for a, b, found in chosen]
    if similarity >= t.figure_min_similarity + 0.15 and not chosen:
        findings += _same_sum(claim, passage, score, similar)
    if similarity >= t.date_similarity_alone:
        findings += [_dated_apart(a, b, found, score, t) for a, b, found in chosen]
    return [f for f in findings if f is not None]


def _same_sum(claim: Side, passage: Side, score: float, similar: Similarity) -> list[Stance]:
    """The same exact sum of money (not a round small one) in two similar sentences whose
    frames named it differently ('a $125 billion lesson' and '$125 billion in damages'): the
    same figure, unless a unit, outcome, scope or time tells them apart."""
    found = []
    for a in claim.frames.figures:
        for b in passage.frames.figures:
            if a.dimension != "money" or a.unit != b.unit or a.value is None or a.hedged:
                continue
            if (a.value, a.low, a.high) != (b.value, b.low, b.high) or a.value < 1e7:
                continue
            why = identity(a, b, similar).differs
            if why not in ("different things counted", "different verbs"):
                continue
            if _scope_differs(a, b) or time_relation(a.as_of, b.as_of) != "same":
                continue
            found.append(Stance("supports", round(score * 0.9, 3), f"same figure: {_side(a)}",
                                "figure"))  # fmt: skip
    return found[:1]


def _scope_differs(a: FigureFrame, b: FigureFrame) -> bool:
    return bool(
        (a.owner and b.owner and a.owner != b.owner)
        or (a.places and b.places and not set(a.places) & set(b.places))
        or (a.event_year and b.event_year and a.event_year != b.event_year)
        or a.part
        or b.part
    )


def _dated_apart(
    a: FigureFrame, b: FigureFrame, found: Identity, score: float, t: Thresholds
) -> Stance | None:
    """The same figure of the same measure, each bound to its own sentence's event date, on
    different days, in near-paraphrases: one event dated twice ('declared on 12 Aug, releasing
    $5m' vs 'signed on 13 Aug, made $5m available') — a date conflict, though the figures agree."""
    if found.uncertain or found.score < 0.9 or (a.low, a.high) != (b.low, b.high):
        return None
    ta, tb = a.as_of, b.as_of
    if ta.source != "event" or tb.source != "event" or not (ta.earliest and tb.earliest):
        return None
    if ta.earliest != ta.latest or tb.earliest != tb.latest or ta.earliest == tb.earliest:
        return None  # one day each, and different days
    gap = abs((date.fromisoformat(ta.earliest) - date.fromisoformat(tb.earliest)).days)
    if gap > t.date_max_gap_days:
        return None
    reason = (
        f"date: {time_label(ta)} vs {time_label(tb)} (the same {frame_label(a)}, "
        f"{a.predicate_text or b.predicate_text or 'stated'})"
    )
    return Stance("contradicts", score, reason, "date")


def _strong(a: FigureFrame, b: FigureFrame, found: Identity) -> bool:
    """Identity sure enough to compare sentences that are otherwise unalike: the same counted
    noun, or the same outcome ('no deaths' and 'one resident died')."""
    same_noun = a.noun is not None and a.noun == b.noun
    same_outcome = a.outcome is not None and a.outcome == b.outcome
    return (same_noun and found.score >= 0.9) or same_outcome


def _judge(a: FigureFrame, b: FigureFrame, found: Identity, score: float) -> Stance | None:
    """Contradicts, updates, supports, or related with what made it unsure."""
    if found.uncertain:
        reason = f"related: {found.uncertain}: {_side(a)} vs {_side(b)}"
        return Stance("related", round(score * 0.8, 3), reason)
    relation = time_relation(a.as_of, b.as_of)
    if relation == "apart":
        return None
    if relation in ("earlier", "later") and _one_projection(a, b):
        relation = "same"
    if _overlaps(a, b) and _ratio(a, b) <= CLOSE_RATIO:
        same = frame_label(a) == frame_label(b)
        reason = f"same figure: {_side(a)}" if same else f"figure agrees: {_side(a)} vs {_side(b)}"
        return Stance("supports", score, reason, "figure")
    if _absence_against_instance(a, b, relation):
        reason = f"statement: none vs some: {_side(a)} vs {_side(b)}"
        return Stance("contradicts", score, reason, "statement")
    if relation in ("earlier", "later") and _fell(a, b, relation) and _plausible(a, b):
        first, second = (a, b) if relation == "earlier" else (b, a)
        reason = f"figure: a running total cannot fall: {_side(first)} → {_side(second)}"
        return Stance("contradicts", score, reason, "figure")
    if relation in ("earlier", "later") and (_plausible(a, b) or _overlaps(a, b)):
        first, second = (a, b) if relation == "earlier" else (b, a)
        return Stance("related", score, f"update: {_side(first)} → {_side(second)}", "update")
    if _overlaps(a, b):
        reason = f"figure consistent: {_side(a)} vs {_side(b)}"
        return Stance("supports", round(score * 0.8, 3), reason, "figure")
    if not _plausible(a, b):
        reason = f"related: too far apart to be one count: {_side(a)} vs {_side(b)}"
        return Stance("related", round(score * 0.8, 3), reason)
    if a.hedged or b.hedged:
        hedge = a if a.hedged else b
        reason = f"related: only a possibility ({hedge.text}): {_side(a)} vs {_side(b)}"
        return Stance("related", round(score * 0.8, 3), reason)
    if relation == "same" and ((_precise(a) and _precise(b)) or _same_period(a, b)):
        return Stance("contradicts", score, f"figure: {_side(a)} vs {_side(b)}", "figure")
    unsure = "times unknown" if relation == "unknown" else "times too coarse to compare"
    reason = f"related: {unsure}: {_side(a)} vs {_side(b)}"
    return Stance("related", round(score * 0.8, 3), reason, disagrees=True)
