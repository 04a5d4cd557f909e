"""Named holidays read as dates: fixed days, n-th weekdays, Easter, long weekends, bare names."""

from __future__ import annotations

from datetime import date

import pytest

from claimcheck.extract.dates import DateContext, extract_dates
from claimcheck.extract.holidays import HOLIDAYS, easter_sunday, holiday_date


def readings(text: str, published: date | None = date(2024, 10, 7)) -> list[tuple[str, str | None]]:
    return [(d.text, d.value) for d in extract_dates(text, 0, DateContext(published=published))]


@pytest.mark.parametrize(
    ("year", "expected"),
    [(2019, date(2019, 4, 21)), (2024, date(2024, 3, 31)), (2025, date(2025, 4, 20)),
     (2038, date(2038, 4, 25)), (2000, date(2000, 4, 23))],
)  # fmt: skip
def test_easter_sunday(year: int, expected: date) -> None:
    assert easter_sunday(year) == expected


@pytest.mark.parametrize(
    ("name", "year", "expected"),
    [("labour day", 2024, date(2024, 9, 2)), ("memorial day", 2023, date(2023, 5, 29)),
     ("thanksgiving", 2025, date(2025, 11, 27)), ("good friday", 2024, date(2024, 3, 29)),
     ("christmas day", 2026, date(2026, 12, 25)), ("presidents day", 2025, date(2025, 2, 17))],
)  # fmt: skip
def test_holiday_dates(name: str, year: int, expected: date) -> None:
    assert holiday_date(HOLIDAYS[name], year) == expected


def test_a_holiday_takes_the_year_nearest_the_dateline() -> None:
    assert readings("The depot reopened after Labor Day.") == [("Labor Day", "2024-09-02")]
    assert readings("The market closed on Boxing Day.", date(2025, 1, 9)) == [
        ("Boxing Day", "2024-12-26")
    ]


def test_a_long_weekend_spans_its_days() -> None:
    assert readings("Crews worked through the Labour Day weekend.") == [
        ("Labour Day weekend", "2024-08-31/2024-09-02")
    ]
    assert readings("Ferries were full over the Easter weekend in 2019.")[0] == (
        "Easter weekend",
        "2019-04-19/2019-04-22",
    )


def test_an_explicit_year_wins() -> None:
    assert readings("Memorial Day 2023 saw record traffic.") == [
        ("Memorial Day 2023", "2023-05-29")
    ]


def test_a_bare_festival_name_is_a_date_only_as_a_time() -> None:
    assert readings("Christmas trading at the chain was weak.") == []
    assert readings("The bakery stayed open until Christmas.") == [("Christmas", "2024-12-25")]


def test_no_year_known_leaves_it_relative() -> None:
    (fact,) = extract_dates("The pool shut on Canada Day.", 0, DateContext())
    assert fact.precision == "relative" and fact.value is None
