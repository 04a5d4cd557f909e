"""Named holidays as dates: 'on Christmas Day', 'over the Labour Day weekend', 'Easter 2019'.

A holiday is a fixed day of the year (Christmas Day, 25 December), the n-th or last weekday of
a month (Labor Day, the first Monday of September in the United States and Canada), or a day
counted from Easter (Good Friday). Its year is read like that of any year-less date (the
`DateContext` order: same sentence, paragraph, dateline). '… weekend' widens a Monday holiday
to Saturday–Monday, a Friday one to Friday–Sunday and Easter to Good Friday–Easter Monday.
Holidays whose day differs by country without a way to tell (Mother's Day, Thanksgiving in
Canada) are read in their most common (North American) sense or not at all.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import NamedTuple

from claimcheck.extract.datecontext import UNRESOLVED, DateContext, Resolved, day_reading


class Holiday(NamedTuple):
    """How to find a holiday's day in a year: a fixed month/day, the n-th weekday of a month
    (n = -1 for the last), or an offset from Easter Sunday."""

    month: int
    day: int | None = None
    weekday: int | None = None
    nth: int = 1
    easter_offset: int | None = None


_MON, _THU = 0, 3
HOLIDAYS: dict[str, Holiday] = {
    "new year's day": Holiday(1, 1),
    "new year's eve": Holiday(12, 31),
    "christmas eve": Holiday(12, 24),
    "christmas day": Holiday(12, 25),
    "christmas": Holiday(12, 25),
    "boxing day": Holiday(12, 26),
    "valentine's day": Holiday(2, 14),
    "st patrick's day": Holiday(3, 17),
    "canada day": Holiday(7, 1),
    "independence day": Holiday(7, 4),
    "fourth of july": Holiday(7, 4),
    "bastille day": Holiday(7, 14),
    "halloween": Holiday(10, 31),
    "guy fawkes night": Holiday(11, 5),
    "bonfire night": Holiday(11, 5),
    "veterans day": Holiday(11, 11),
    "remembrance day": Holiday(11, 11),
    "armistice day": Holiday(11, 11),
    "juneteenth": Holiday(6, 19),
    "martin luther king jr. day": Holiday(1, weekday=_MON, nth=3),
    "martin luther king day": Holiday(1, weekday=_MON, nth=3),
    "presidents day": Holiday(2, weekday=_MON, nth=3),
    "memorial day": Holiday(5, weekday=_MON, nth=-1),
    "labor day": Holiday(9, weekday=_MON, nth=1),
    "labour day": Holiday(9, weekday=_MON, nth=1),
    "columbus day": Holiday(10, weekday=_MON, nth=2),
    "thanksgiving day": Holiday(11, weekday=_THU, nth=4),
    "thanksgiving": Holiday(11, weekday=_THU, nth=4),
    "good friday": Holiday(3, easter_offset=-2),
    "easter sunday": Holiday(3, easter_offset=0),
    "easter monday": Holiday(3, easter_offset=1),
    "easter": Holiday(3, easter_offset=0),
}

_NAMES = sorted(HOLIDAYS, key=len, reverse=True)
_NAME = "|".join(re.escape(n).replace("'", "['’]?").replace(r"\.", r"\.?") for n in _NAMES)
PATTERN = re.compile(
    rf"(?i:\b(?P<date>(?P<holiday>{_NAME})(?:\s+(?P<wknd>weekend|holiday\s+weekend))?"
    r"(?:\s*,?\s+(?P<y>\d{4}))?))\b"
)
"""A holiday's name, optionally '… weekend' and a year ('Labour Day weekend', 'Easter 2019')."""


_BARE = frozenset({"christmas", "easter", "thanksgiving", "halloween", "independence day"})
_TEMPORAL_BEFORE = re.compile(
    r"(?i:\b(?:on|at|over|before|after|since|until|till|by|during|through|from|to)\s+)$"
)


def stated_as_date(match: re.Match[str], text: str) -> bool:
    """Whether a holiday name is used as a time: a bare 'Christmas' or 'Easter' only after a
    temporal preposition or with 'weekend' or a year ('Christmas trading' is no date)."""
    if match["wknd"] or match["y"] or _key(match["holiday"]) not in _BARE:
        return True
    return _TEMPORAL_BEFORE.search(text[max(0, match.start() - 12) : match.start()]) is not None


def _key(name: str) -> str:
    """The table key of a matched holiday name ('Presidents’ Day', 'Labour day' → key): the
    pattern lets apostrophes and full stops be left out, so they are left out here too."""
    return _BY_PLAIN.get(_plain(name), name.lower())


def _plain(name: str) -> str:
    return re.sub(r"['’.]", "", " ".join(name.lower().split()))


_BY_PLAIN = {_plain(name): name for name in HOLIDAYS}


def easter_sunday(year: int) -> date:
    """Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return date(year, month, day + 1)


def holiday_date(holiday: Holiday, year: int) -> date:
    """The day a holiday falls on in `year`."""
    if holiday.easter_offset is not None:
        return easter_sunday(year) + timedelta(days=holiday.easter_offset)
    if holiday.day is not None:
        return date(year, holiday.month, holiday.day)
    assert holiday.weekday is not None
    days = calendar.monthrange(year, holiday.month)[1]
    matching = [
        date(year, holiday.month, d)
        for d in range(1, days + 1)
        if date(year, holiday.month, d).weekday() == holiday.weekday
    ]
    return matching[holiday.nth - 1] if holiday.nth > 0 else matching[holiday.nth]


def _weekend(day: date, easter: bool) -> tuple[date, date]:
    """The long weekend around a holiday: Sat–Mon for a Monday, Fri–Sun for a Friday, the
    Easter weekend Good Friday–Easter Monday, else the Saturday and Sunday nearest it."""
    if easter:
        sunday = day + timedelta(days=(6 - day.weekday()) % 7)
        return sunday - timedelta(days=2), sunday + timedelta(days=1)
    if day.weekday() == 0:
        return day - timedelta(days=2), day
    if day.weekday() == 4:
        return day, day + timedelta(days=2)
    saturday = day + timedelta(days=5 - day.weekday()) if day.weekday() < 5 else day
    saturday = saturday if day.weekday() != 6 else day - timedelta(days=1)
    return saturday, saturday + timedelta(days=1)


def resolve_holiday(
    groups: dict[str, str | None], context: DateContext, sentence_year: int | None
) -> Resolved:
    """The day (or long weekend) a matched holiday names, relative when no year is known."""
    holiday = HOLIDAYS.get(_key(groups["holiday"] or ""))
    if holiday is None:
        return UNRESOLVED
    stated = groups.get("y")
    year = int(stated) if stated else context.year_for(holiday.month, None, sentence_year)
    if year is None or not 1583 <= year <= 2999:
        return UNRESOLVED
    day = holiday_date(holiday, year)
    if not groups.get("wknd"):
        return day_reading(day)
    first, last = _weekend(day, holiday.easter_offset is not None)
    return Resolved(f"{first.isoformat()}/{last.isoformat()}", "approximate", first, last)
