"""Dates: formats, precision, bounds, document context, relative shifts and offsets."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck.extract.dates import DateContext, extract_dates, looks_like_year
from claimcheck.models import DateFact
from tests.conftest import SEED_EAF, SEED_MAIN

Reading = tuple[str, str | None, str, str | None, str | None]


def _readings(text: str, context: DateContext | None = None) -> list[Reading]:
    """(text, value, precision, earliest, latest) of every date in text."""
    return [
        (d.text, d.value, d.precision, d.earliest, d.latest)
        for d in extract_dates(text, 0, context)
    ]


def _seed_dates(path: Path) -> tuple[str, list[DateFact]]:
    """The document text and every date in it, paragraph by paragraph with one context."""
    text = path.read_text("utf-8")
    context = DateContext()
    facts: list[DateFact] = []
    start = 0
    for line in text.splitlines(keepends=True):
        facts += extract_dates(line, start, context)
        start += len(line)
    return text, facts


def _near(text: str, facts: list[DateFact], needle: str) -> list[tuple[str | None, str]]:
    """(value, precision) of the dates inside the first occurrence of needle."""
    start = text.index(needle)
    end = start + len(needle)
    return [(d.value, d.precision) for d in facts if start <= d.start and d.end <= end]


@pytest.mark.parametrize(
    "text",
    [
        "23 November 2023",
        "November 23, 2023",
        "Nov. 23, 2023",
        "2023-11-23",
        "23rd of November 2023",
    ],
)
def test_day_formats_normalise_to_iso(text: str) -> None:
    assert _readings(f"On {text} it launched.") == [
        (text, "2023-11-23", "day", "2023-11-23", "2023-11-23")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("in June 2024", ("June 2024", "2024-06", "month", "2024-06-01", "2024-06-30")),
        ("on June 2024", ("June 2024", "2024-06", "month", "2024-06-01", "2024-06-30")),
        ("Feb 2024", ("Feb 2024", "2024-02", "month", "2024-02-01", "2024-02-29")),
        ("in 1961", ("1961", "1961", "year", "1961-01-01", "1961-12-31")),
        ("the 2019 Hanoi Summit", ("2019", "2019", "year", "2019-01-01", "2019-12-31")),
        ("since 2014", ("2014", "2014", "year", "2014-01-01", "2014-12-31")),
        ("Copyright ©2024", ("2024", "2024", "year", "2024-01-01", "2024-12-31")),
        ("late 2024", ("late 2024", "2024", "approximate", "2024-09-01", "2024-12-31")),
        ("early 2024", ("early 2024", "2024", "approximate", "2024-01-01", "2024-04-30")),
        ("mid-2024", ("mid-2024", "2024", "approximate", "2024-05-01", "2024-08-31")),
        (
            "by the end of 2024",
            ("the end of 2024", "2024", "approximate", "2024-09-01", "2024-12-31"),
        ),
        ("the 2010s", ("2010s", "2010/2019", "approximate", "2010-01-01", "2019-12-31")),
        ("the 1990s", ("1990s", "1990/1999", "approximate", "1990-01-01", "1999-12-31")),
        (
            "the early 2010s",
            ("early 2010s", "2010/2013", "approximate", "2010-01-01", "2013-12-31"),
        ),
        ("the 1950-53 war", ("1950-53", "1950/1953", "approximate", "1950-01-01", "1953-12-31")),
        (
            "between 2014 and 2016",
            ("between 2014 and 2016", "2014/2016", "approximate", "2014-01-01", "2016-12-31"),
        ),
        (
            "the 21st century",
            ("21st century", "2001/2100", "approximate", "2001-01-01", "2100-12-31"),
        ),
    ],
)
def test_precision_and_bounds(text: str, expected: Reading) -> None:
    assert _readings(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "after 24 years",
        "five months of fighting",
        "over 1000 containers",
        "2000 troops arrived",
        "about 1950 soldiers",
        "UN Resolution 2087",
        "they may go",
        "a march on the day",
        "recently",
        "On 30 February 2023",
        "15,000 troops",
    ],
)
def test_not_dates(text: str) -> None:
    assert extract_dates(text) == []


def test_dates_without_a_year_take_the_latest_explicit_year() -> None:
    context = DateContext(reference_year=2020)
    assert _readings("In April the talks began.", context) == [
        ("April", "2020-04", "month", "2020-04-01", "2020-04-30")
    ]
    extract_dates("In 2023, the North put aside diplomacy.", 0, context)
    assert context.year == 2023
    assert _readings("They met on 8 February.", context)[0][1:3] == ("2023-02-08", "day")
    assert _readings("Talks resumed in September.", context)[0][1:3] == ("2023-09", "month")


def test_no_known_year_is_relative() -> None:
    assert _readings("On 8 February they met.") == [("8 February", None, "relative", None, None)]


def test_ten_days_later_resolves_from_the_previous_date() -> None:
    context = DateContext()
    extract_dates("This was 2023.", 0, context)
    readings = _readings("A parade on 8 February and just ten days later a test.", context)
    assert [(r[0], r[1], r[2]) for r in readings] == [
        ("8 February", "2023-02-08", "day"),
        ("ten days later", "2023-02-18", "day"),
    ]


@pytest.mark.parametrize(
    ("anchor", "shift", "expected"),
    [
        ("on 30 January 2024", "two weeks later", ("2024-02-13", "day")),
        ("on 30 January 2024", "the next day", ("2024-01-31", "day")),
        ("on 30 January 2024", "a week after", ("2024-02-06", "day")),
        ("on 31 January 2024", "one month later", ("2024-02-29", "day")),
        ("on 10 March 2024", "three days earlier", ("2024-03-07", "day")),
        ("in June 2024", "three months later", ("2024-09", "month")),
        ("in 2019", "two years later", ("2021", "year")),
        ("in June 2024", "ten days later", (None, "relative")),
        ("in 2019", "the following month", (None, "relative")),
        ("in late 2024", "two weeks later", (None, "relative")),
    ],
)
def test_relative_shifts(anchor: str, shift: str, expected: tuple[str | None, str]) -> None:
    context = DateContext()
    extract_dates(f"It happened {anchor}.", 0, context)
    (fact,) = extract_dates(f"And {shift} it ended.", 0, context)
    assert (fact.text, fact.value, fact.precision) == (shift, *expected)


@pytest.mark.parametrize(
    "text", ["weeks ago", "the past five months", "the next few years", "last year"]
)
def test_spans_and_unanchored_phrases_are_relative(text: str) -> None:
    context = DateContext()
    extract_dates("on 8 February 2023", 0, context)
    assert _readings(f"It grew over {text}.", context) == [(text, None, "relative", None, None)]


def test_eaf_seed_dates() -> None:
    text, facts = _seed_dates(SEED_EAF)
    assert _near(text, facts, "on 13 December 2023") == [("2023-12-13", "day")]
    assert _near(text, facts, "military parade on 8 February and just ten days later") == [
        ("2023-02-08", "day"),
        ("2023-02-18", "day"),
    ]
    assert _near(text, facts, "grew even more in April") == [("2023-04", "month")]
    assert _near(text, facts, "first time on 23 November 2023") == [("2023-11-23", "day")]
    for fact in facts:
        assert text[fact.start : fact.end] == fact.text


def test_main_seed_dates() -> None:
    text, facts = _seed_dates(SEED_MAIN)
    assert _near(text, facts, "on November 6, 2025") == [("2025-11-06", "day")]
    assert _near(text, facts, "happened on June 2024") == [("2024-06", "month")]
    assert _near(text, facts, "after 24 years") == []
    assert _near(text, facts, "legalized in 1961") == [("1961", "year")]
    assert _near(text, facts, "since 2024 towards the end") == [("2024", "year")]
    assert _near(text, facts, "In April 2025 Putin") == [("2025-04", "month")]
    assert _near(text, facts, "following 1950-53 Korean") == [("1950/1953", "approximate")]
    assert _near(text, facts, "the 2019 Hanoi Summit") == [("2019", "year")]
    assert _near(text, facts, "during the past five months") == [(None, "relative")]
    for fact in facts:
        assert text[fact.start : fact.end] == fact.text
        if fact.value is not None:
            assert fact.earliest is not None and fact.latest is not None
            assert fact.earliest <= fact.latest


def test_looks_like_year() -> None:
    text = "in 1961 over 1000 containers and 2000 troops, the 2019 summit, 1592"
    spans = {
        word: (text.index(word), text.index(word) + 4) for word in ("1961", "1000", "2000", "2019")
    }
    assert looks_like_year(text, *spans["1961"])
    assert looks_like_year(text, *spans["2019"])
    assert not looks_like_year(text, *spans["1000"])
    assert not looks_like_year(text, *spans["2000"])
    assert not looks_like_year(text, len(text) - 4, len(text))  # before 1900 needs 'in', 'since'…


SURROUNDING = st.lists(
    st.sampled_from([*"ab Z,.\n\r\t", "\r\n", "😀", "👩‍👩‍👧", "中文", "שלום", "\u200d", "2023"]),
    max_size=20,
).map("".join)
SENTENCE = "On 23 November 2023, in June 2024 and late 2024, ten days later."


@given(prefix=SURROUNDING)
def test_offsets_reproduce_the_text_whatever_precedes_the_sentence(prefix: str) -> None:
    document = f"{prefix} {SENTENCE}"
    start = len(prefix) + 1
    facts = extract_dates(document[start:], start, DateContext())
    assert [d.value for d in facts] == ["2023-11-23", "2024-06", "2024", None]
    for fact in facts:
        assert document[fact.start : fact.end] == fact.text


@given(text=st.text(max_size=80), offset=st.integers(min_value=0, max_value=10_000))
def test_any_text_gives_sorted_non_overlapping_exact_spans(text: str, offset: int) -> None:
    facts = extract_dates(text, offset, DateContext(reference_year=2024))
    for fact in facts:
        assert text[fact.start - offset : fact.end - offset] == fact.text
    for before, after in pairwise(facts):
        assert before.end <= after.start
