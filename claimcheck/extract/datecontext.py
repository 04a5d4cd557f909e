"""The document time a date is read against: publication date, paragraph anchor, latest year.

A date written without a year ("Aug. 12", "in April") takes, in this order: an explicit year
stated in the same sentence; else the year of the paragraph's last full date; else the year
that puts it nearest the document's publication date (its dateline); else the
latest explicit year seen before it; else the reference year. A weekday ("on Tuesday",
"Wednesday night") and "today"/"yesterday" resolve from the publication date (else the
paragraph's last full date): the most recent such day on or before it, or the next one after it
when the clause speaks of the future ("will", "is due to", "next").
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import NamedTuple

from claimcheck.models import DatePrecision

FUTURE_WEIGHT = 2
"""A date ahead of the anchor counts as this many times further away than one behind it."""
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


class Resolved(NamedTuple):
    """A resolved reading: ISO value, precision and the first and last day it can mean."""

    value: str | None
    precision: DatePrecision
    earliest: date | None = None
    latest: date | None = None


UNRESOLVED = Resolved(None, "relative")


def day_reading(day: date) -> Resolved:
    """A reading of one exact day."""
    return Resolved(day.isoformat(), "day", day, day)


class DateContext:
    """Document state carried across sentences processed in order: anchors and the last date."""

    def __init__(self, reference_year: int | None = None, published: date | None = None) -> None:
        self.reference_year = reference_year
        self.published = published
        """The document's publication date (its dateline), the anchor of year-less dates."""
        self.year: int | None = None
        """The latest explicit year seen."""
        self.last: Resolved | None = None
        """The latest resolved date, which 'ten days later' counts from."""
        self.paragraph_anchor: date | None = None
        """The latest full date (with its year) stated in the current paragraph."""

    @property
    def current_year(self) -> int | None:
        """The year a date without one is read in, when no anchor date is known."""
        return self.year if self.year is not None else self.reference_year

    def new_paragraph(self) -> None:
        """Forget the paragraph's anchor: a new paragraph starts."""
        self.paragraph_anchor = None

    def year_for(self, month: int, day: int | None, sentence_year: int | None) -> int | None:
        """The year of a date written without one (see the module docstring for the order)."""
        if sentence_year is not None:
            return sentence_year
        if self.paragraph_anchor is not None:
            return self.paragraph_anchor.year
        if self.published is not None:
            return nearest_year(self.published, month, day)
        return self.current_year

    def day_anchor(self) -> date | None:
        """What a weekday or 'yesterday' counts from: the publication date, else the paragraph's."""
        return self.published or self.paragraph_anchor


def nearest_year(anchor: date, month: int, day: int | None) -> int:
    """The year (anchor's, or one either side) that puts month/day nearest the anchor date, a
    date ahead of it counting twice as far as one behind it."""

    def distance(year: int) -> int:
        last = calendar.monthrange(year, month)[1]
        first_day = date(year, month, min(day or 1, last))
        last_day = date(year, month, min(day or last, last))
        if first_day <= anchor <= last_day:
            return 0
        if first_day > anchor:  # news looks back far more often than ahead
            return FUTURE_WEIGHT * (first_day - anchor).days
        return (anchor - last_day).days

    return min((anchor.year - 1, anchor.year, anchor.year + 1), key=lambda y: (distance(y), -y))


def weekday_date(anchor: date, weekday: str, *, future: bool, strictly_past: bool) -> date:
    """The date of a named weekday near `anchor`: the latest on or before it, or the next after.

    `strictly_past` ('last Tuesday') never returns the anchor itself; `future` ('will open on
    Saturday', 'next Monday') returns the first such day on or after the anchor.
    """
    target = WEEKDAYS.index(weekday.lower())
    if future:
        return anchor + timedelta(days=(target - anchor.weekday()) % 7)
    back = (anchor.weekday() - target) % 7
    if back == 0 and strictly_past:
        back = 7
    return anchor - timedelta(days=back)
