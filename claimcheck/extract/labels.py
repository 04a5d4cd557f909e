"""Short labels for figures and dates: one set, used by stance reasons, the CLI, TUI and reports."""

from __future__ import annotations

import re
from datetime import date

from claimcheck.models import DateFact, Quantity


def _number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.6g}"


def unit_word(unit: str | None) -> str:
    """The counted noun as written, without trailing 'of …' detail: 'containers'."""
    if not unit:
        return ""
    head = re.split(r"\s+(?:of|in|to|from|for|on|at|by|with|that|who|which)\s+", unit)[0]
    return head.strip()


def figure_label(q: Quantity) -> str:
    """'over 15,000 troops', 'about 6,700 containers', '11,000–12,000 troops'."""
    if q.value is None and q.low is not None and q.high is not None:
        number = f"{_number(q.low)}–{_number(q.high)}"
    elif q.value is not None:
        number = _number(q.value)
        if q.qualifier and q.qualifier not in ("range", "between"):
            number = f"{q.qualifier} {number}"
    else:
        number = q.text
    return f"{number} {unit_word(q.unit)}".strip()


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
