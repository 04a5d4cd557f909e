"""Times named by events: 'the shares lost a fifth on the day' holds on the day of the event told
just before it ('the plan was unveiled on 11 March'); a figure dated to a day holds on the day of
the events its document dates then ('announced the plan … on Wednesday'). Each such time carries
who or what took part in those events, so two documents that date the same event differently
still put both figures on one day: the day of that event.

Likewise 'before the cuts' holds wherever the cuts are still to come: a document that speaks of
closures or a merger as plans ('will close', 'expected to remove') states its other figures
before them ('the Group employs 12,580 people')."""

from __future__ import annotations

from claimcheck.extract.frames.lexicon import GENERIC_PARTICIPANTS
from claimcheck.models import DateFrame, FigureFrame, Frames

ON_THE_DAY = "on day"
"""The anchor `timing.relative_anchor` gives 'on the day' / 'on that day'."""
CHANGES = {
    "cutback": frozenset(
        {"cut", "closure", "close", "shut", "layoff", "redundancy", "restructuring"}
        | {"retrenchment", "job_loss"}
    ),
    "merger": frozenset({"merger", "merge", "takeover", "acquisition", "acquire"}),
}
"""Changes a figure can be stated before ('before the cuts', 'before the merger')."""


def link_days(frames: list[Frames]) -> list[Frames]:
    """A document's frames with 'on the day' figures tied to the event told before them and
    dated figures tied to the events of their day."""
    told = [d for found in frames for d in found.dates if _dated_event(d)]
    by_day: dict[str, set[str]] = {}
    for d in told:
        by_day.setdefault(d.earliest, set()).update(_taking_part(d))
    pending = _pending([f for found in frames for f in found.figures])
    linked = []
    for found in frames:
        figures = [_before(_linked(f, told, by_day), pending) for f in found.figures]
        changed = figures != found.figures
        linked.append(found.model_copy(update={"figures": figures}) if changed else found)
    return linked


def _dated_event(d: DateFrame) -> bool:
    return d.role == "event" and d.precision == "day" and d.earliest == d.latest


def _taking_part(d: DateFrame) -> set[str]:
    return {p for p in d.participants if p not in GENERIC_PARTICIPANTS}


def _linked(f: FigureFrame, told: list[DateFrame], by_day: dict[str, set[str]]) -> FigureFrame:
    time = f.as_of
    if time.anchor == ON_THE_DAY:
        before = [d for d in told if d.end <= f.start]
        events = _taking_part(before[-1]) if before else set()
    elif time.anchor is None and time.earliest and time.earliest == time.latest:
        events = by_day.get(time.earliest, set())
    else:
        return f
    if not events:
        return f
    return f.model_copy(update={"as_of": time.model_copy(update={"events": sorted(events)})})


def change_of(words: set[str]) -> str | None:
    """The kind of change words name ('cuts', 'closure' → cutback), if any."""
    return next((name for name, known in CHANGES.items() if words & known), None)


def _words(f: FigureFrame) -> set[str]:
    return {f.predicate or "", f.outcome or "", *f.nouns} - {""}


def _pending(figures: list[FigureFrame]) -> set[str]:
    """Changes the document speaks of as plans: a projected figure names them ('will close',
    'expected to remove … of closures')."""
    planned = {change_of(_words(f)) for f in figures if f.projected}
    return {c for c in planned if c is not None}


def _before(f: FigureFrame, pending: set[str]) -> FigureFrame:
    """'Before the cuts' on an anchored figure; on a figure of a document where the cuts are
    still to come (and that is not itself about them), 'before cutback' among its events."""
    time = f.as_of
    if time.anchor and time.anchor.startswith("before "):
        change = change_of({time.anchor.removeprefix("before ")})
        marks = [f"before {change}"] if change else []
    elif time.anchor is None and not f.projected and change_of(_words(f)) is None:
        marks = [f"before {change}" for change in sorted(pending)]
    else:
        return f
    if not marks:
        return f
    events = sorted({*time.events, *marks})
    return f.model_copy(update={"as_of": time.model_copy(update={"events": events})})
