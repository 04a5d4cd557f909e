"""Short labels for figures and dates: one set, used by stance reasons, the CLI, TUI and reports."""

from __future__ import annotations

import re
from datetime import date

from claimcheck.models import DateFact, FigureFrame, Frames, Quantity, TimeRef


def _number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.6g}"


def unit_word(unit: str | None) -> str:
    """The counted noun as written, without trailing 'of …' detail: 'containers'."""
    if not unit:
        return ""
    head = re.split(r"\s+(?:of|in|to|from|for|on|at|by|with|that|who|which)\s+", unit)[0]
    return head.strip()


def _stated(f: Quantity | FigureFrame) -> str:
    """'over 15,000', '11,000–12,000', 'about 6,700': a figure's value with its qualifier."""
    if f.value is None and f.low is not None and f.high is not None:
        return f"{_number(f.low)}–{_number(f.high)}"
    if f.value is not None:
        number = _number(f.value)
        if f.qualifier and f.qualifier not in ("range", "between"):
            number = f"{f.qualifier} {number}"
        return number
    return f.text


def figure_label(q: Quantity) -> str:
    """'over 15,000 troops', 'about 6,700 containers', '11,000–12,000 troops'."""
    return f"{_stated(q)} {unit_word(q.unit)}".strip()


def date_label(d: DateFact) -> str:
    """'23 Nov 2023', 'Jun 2024', '1961', 'late 2024'."""
    if d.value and d.precision == "day":
        day = date.fromisoformat(d.value)
        return f"{day.day} {day:%b %Y}"
    if d.value and d.precision == "month":
        month = date.fromisoformat(d.value + "-01")
        return f"{month:%b %Y}"
    return d.value if d.value and d.precision == "year" else d.text


def scope_label(dates: list[DateFact]) -> str:
    """A time scope as short text: one date, or 'Jul 2023–27 Feb 2024'."""
    labelled = sorted(dates, key=lambda d: d.earliest or "")
    labels = list(dict.fromkeys(date_label(d) for d in labelled))
    if not labelled:
        return "undated"
    if len(labels) == 1:
        return labels[0]
    return f"{labels[0]}–{labels[-1]}"


def figure_interval(q: Quantity) -> str:
    """'over 15,000 (troops) [15000, ∞]' — the wording and the interval it asserts."""
    low = "−∞" if q.low is None else f"{q.low:,.10g}"
    high = "∞" if q.high is None else f"{q.high:,.10g}"
    unit = f" ({q.unit})" if q.unit else ""
    return f"{q.text}{unit} [{low}, {high}]"


def date_reading(d: DateFact) -> str:
    """'23 November 2023 → 2023-11-23 (day)': the wording and how it was read."""
    return f"{d.text} → {d.value or '?'} ({d.precision})"


def date_with_precision(d: DateFact) -> str:
    """'23 Nov 2023 (day)'."""
    return f"{date_label(d)} ({d.precision})"


_PARTS = ("half", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "tenth", "tenths")
_FRACTIONS = frozenset(
    f"{count}{joint}{part}"
    for count in ("a", "one", "two", "three", "four")
    for joint in (" ", "-")
    for part in _PARTS
)
"""Qualifiers of shares written as fractions ('a fifth', 'two-thirds')."""


def frame_label(f: FigureFrame) -> str:
    """A figure frame's value and what it counts: 'an estimated 9,800 acres', '20 percent'."""
    if f.value == 0 and f.text.lower() in ("nobody", "none", "no one"):
        return f.text.lower()  # 'nobody', not '0 Nobody'
    if f.dimension == "money":
        return f.text  # '$8 million', 'about C$1.4m': as written
    if f.dimension == "percent" and f.value is not None and f.qualifier in _FRACTIONS:
        return f"{f.text} ({f.value:.0f} percent)"  # 'a third (33 percent)'
    number = _stated(f)
    what = {"count": f.noun_text or f.noun or "", "percent": "percent", "money": f.unit}
    return f"{number} {what.get(f.dimension, f.unit)}".strip()


def frame_context(f: FigureFrame) -> str:
    """What else says which quantity a figure is: 'burned in Tolan County; as of 14 Aug 2025'."""
    words = [f.predicate_text or ""]
    if f.places:
        words.append("in " + ", ".join(p.title() for p in f.places[:2]))
    if f.owner:
        words.append(f"({f.owner})")
    scope = " ".join(w for w in words if w)
    when = time_label(f.as_of)
    return f"{scope}; {when}" if scope else when


def time_label(time: TimeRef) -> str:
    """When a fact holds, shortly: '14 Aug 2025', 'Aug 2025', 'early 2024', 'undated', or the
    event it is relative to ('Before the cuts')."""
    if time.anchor:
        return time.text or time.anchor
    if not (time.earliest and time.latest):
        return "undated"
    first, last = date.fromisoformat(time.earliest), date.fromisoformat(time.latest)
    if first == last:
        return f"{first.day} {first:%b %Y}"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first:%b %Y}"
    if first.year == last.year and (first.month, last.month) == (1, 12):
        return str(first.year)
    return time.text if time.source != "published" and time.text else f"{first}–{last}"


_DATE_ROLES = {
    "spoken": "said on", "since": "since", "cutoff": "as of", "name": "in a name",
    "dateline": "dateline",
}  # fmt: skip


def figure_lines(quantities: list[Quantity], frames: Frames | None) -> list[str]:
    """Each figure with what it measures and when, where a frame read it: '340 homes —
    destroyed in Dorset; 4 Mar 2025'; counts stated in words ('no deaths') follow."""
    framed = {f.start: f for f in frames.figures} if frames else {}
    lines = [
        f"{figure_label(q)} — {frame_context(framed[q.start])}" if q.start in framed
        else figure_label(q)
        for q in quantities
    ]  # fmt: skip
    stated = {q.start for q in quantities}
    words = [f for f in framed.values() if f.start not in stated]
    return lines + [f"{frame_label(f)} — {frame_context(f)}" for f in words]


def date_lines(dates: list[DateFact], frames: Frames | None) -> list[str]:
    """Each date with the event it dates, where a frame read it: '4 Mar 2025 (day) — opened'."""
    framed = {d.start: d for d in frames.dates} if frames else {}
    lines = []
    for d in dates:
        frame = framed.get(d.start)
        event = ""
        if frame is not None:
            event = _DATE_ROLES.get(frame.role) or frame.predicate_text or ""
        lines.append(f"{date_with_precision(d)} — {event}" if event else date_with_precision(d))
    return lines


def statement_lines(frames: Frames | None) -> list[str]:
    """Denials, ranks and open questions: 'denial: Police denied that the driver …'."""
    lines = []
    for s in frames.statements if frames else []:
        holder = f"{s.holder} " if s.holder else ""
        if s.kind == "denial":
            lines.append(f"denial: {holder}{s.text} {s.proposition}")
        elif s.kind == "rank":
            lines.append(f"rank {s.rank}: {holder}— {s.text} {s.proposition}")
        else:
            lines.append(f"open question: {s.proposition} {s.text}")
    return lines


def source_label(
    publisher: str | None, authors: list[str], url: str | None, page: int | None
) -> str | None:
    """'The Valley Courier · Dana Whitfield · https://… · page 2': what is known of where a claim
    was published, or None when nothing is."""
    parts = [publisher or "", ", ".join(authors), url or "", f"page {page}" if page else ""]
    shown = " · ".join(part for part in parts if part)
    return shown or None
