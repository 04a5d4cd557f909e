"""Figures: interval semantics, units, false figures, offsets, and the seed articles."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck.extract.dates import DateContext, extract_dates
from claimcheck.extract.quantities import counted_head, extract_quantities
from claimcheck.models import Quantity
from tests.conftest import SEED_EAF, SEED_MAIN

Row = tuple[str, float | None, float | None, float | None, str | None, str | None]


def _rows(text: str) -> list[Row]:
    """(text, value, low, high, qualifier, unit) of every figure in text."""
    return [(q.text, q.value, q.low, q.high, q.qualifier, q.unit) for q in extract_quantities(text)]


def _seed_quantities(path: Path, needle: str) -> tuple[str, list[Quantity]]:
    """The document text and the figures of the paragraph holding needle, dates skipped."""
    text = path.read_text("utf-8")
    context = DateContext()
    start = 0
    for line in text.splitlines(keepends=True):
        dates = extract_dates(line, start, context)
        if needle in line:
            skip = [(d.start, d.end) for d in dates]
            return text, extract_quantities(line, start, skip=skip)
        start += len(line)
    raise AssertionError(f"{needle!r} is not in {path.name}")


def _one(quantities: list[Quantity], text: str) -> Quantity:
    matches = [q for q in quantities if q.text == text]
    assert len(matches) == 1, [q.text for q in quantities]
    return matches[0]


def test_troops_over_15000_takes_its_unit_from_before_the_figure() -> None:
    text, quantities = _seed_quantities(SEED_MAIN, "has grown to over 15,000")
    q = _one(quantities, "over 15,000")
    assert (q.value, q.low, q.high, q.qualifier) == (15000, 15000, None, "over")
    assert q.unit == "North Korean troops"
    assert counted_head(q.unit) == "troop"
    assert text[q.start : q.end] == "over 15,000"
    assert "five" not in [q.text for q in quantities]  # 'the past five months' is a date


def test_about_15000_soldiers_is_ten_percent_either_side() -> None:
    text, quantities = _seed_quantities(SEED_MAIN, "deployed about 15,000 soldiers to Russia")
    q = _one(quantities, "about 15,000")
    assert (q.value, q.low, q.high, q.qualifier, q.unit) == (
        15000,
        13500,
        16500,
        "about",
        "soldiers",
    )
    assert text[q.start : q.end] == q.text
    assert [x.text for x in quantities] == ["about 15,000"]  # 76th and 106th are ordinals


def test_containers_keep_their_of_phrase_up_to_the_clause_boundary() -> None:
    text, quantities = _seed_quantities(SEED_EAF, "over 1000 containers")
    (q,) = quantities
    assert (q.text, q.value, q.low, q.high, q.qualifier) == ("over 1000", 1000, 1000, None, "over")
    assert q.unit == "containers of military equipment and munitions"
    assert counted_head(q.unit) == "container"
    assert text[q.start : q.end] == "over 1000"


def test_years_after_a_visit_and_four_new_missiles() -> None:
    _, visit = _seed_quantities(SEED_MAIN, "after 24 years")
    assert [(q.text, q.value, q.unit) for q in visit] == [("24", 24, "years")]
    _, parade = _seed_quantities(SEED_EAF, "four new missiles")
    assert [(q.text, q.value, q.unit) for q in parade] == [("four", 4, "new missiles")]


def test_seed_years_ordinals_and_model_names_are_not_figures() -> None:
    for path in (SEED_MAIN, SEED_EAF):
        texts = [q.text for q in extract_quantities(path.read_text("utf-8"))]
        for false_figure in ("2019", "2018", "2024", "1961", "76", "106", "21", "19", "1950", "53"):
            assert false_figure not in texts, false_figure


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It has 12k troops.", [("12k", 12000, 12000, 12000, None, "troops")]),
        ("two million people", [("two million", 2e6, 2e6, 2e6, None, "people")]),
        ("10,000 to 12,000 troops", [("10,000 to 12,000", None, 10000, 12000, "range", "troops")]),
        (
            "between 10,000 and 12,000 troops",
            [("between 10,000 and 12,000", None, 10000, 12000, "between", "troops")],
        ),
        ("11,000–12,000 troops", [("11,000–12,000", None, 11000, 12000, "range", "troops")]),
        ("10,000-12,000 men", [("10,000-12,000", None, 10000, 12000, "range", "men")]),
        (
            "1.2 million active personnel in the army",
            [("1.2 million", 1.2e6, 1.2e6, 1.2e6, None, "active personnel")],
        ),
        ("6,700 containers", [("6,700", 6700, 6700, 6700, None, "containers")]),
        ("$1.2 billion in aid", [("$1.2 billion", 1.2e9, 1.2e9, 1.2e9, None, "USD")]),
        ("5% of GDP", [("5%", 5, 5, 5, None, "percent")]),
        ("half a million refugees", [("half a million", 5e5, 5e5, 5e5, None, "refugees")]),
        ("a dozen missiles", [("a dozen", 12, 12, 12, None, "missiles")]),
        ("ten tanks", [("ten", 10, 10, 10, None, "tanks")]),
        ("more than 15,000", [("more than 15,000", 15000, 15000, None, "more than", None)]),
        ("at least 300 drones", [("at least 300", 300, 300, None, "at least", "drones")]),
        ("exceeding 40 ships", [("exceeding 40", 40, 40, None, "exceeding", "ships")]),
        ("up to 3,000 soldiers", [("up to 3,000", 3000, None, 3000, "up to", "soldiers")]),
        ("fewer than 5%", [("fewer than 5%", 5, None, 5, "fewer than", "percent")]),
        ("nearly 15,000", [("nearly 15,000", 15000, 13500, 15000, "nearly", None)]),
        ("an estimated 200 guns", [("an estimated 200", 200, 180, 220, "an estimated", "guns")]),
        ("15,000 or more troops", [("15,000 or more", 15000, 15000, None, "or more", "troops")]),
        ("10-12k", [("10-12k", None, 10000, 12000, "range", None)]),
        ("several thousand troops", [("several thousand", None, 2000, 9000, "vague", "troops")]),
        ("thousands of its workers", [("thousands", None, 2000, None, "vague", "workers")]),
        (
            "about 10,000 to 12,000 troops",
            [("about 10,000 to 12,000", None, 9000, 13200, "about", "troops")],
        ),
        (
            "Casualties rose from 10,000 to 15,000 troops",
            [
                ("10,000", 10000, 10000, 10000, None, "troops"),
                ("15,000", 15000, 15000, 15000, None, "troops"),
            ],
        ),
        (
            "North Korean casualties reached 3,000.",
            [("3,000", 3000, 3000, 3000, None, "North Korean casualties")],
        ),
        ("2000 troops", [("2000", 2000, 2000, 2000, None, "troops")]),
    ],
)
def test_figures_and_the_intervals_their_wording_asserts(text: str, expected: list[Row]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "the 76th and 106th airborne divisions",
        "the 2019 Hanoi Summit",
        "in 1961 the treaty",
        "since 2014",
        "the 1990s",
        "the 1950-53 Korean War",
        "Hwasong-15, MiG-29 and COVID-19",
        "in the 21 st century",
        "at 10:30 on Monday",
        "1. First item",
        "see page 12 and Resolution 2397",
        "the two countries and all three leaders",
        "a two-way partnership",
        "5G networks",
        "one of the reasons",
        "",
    ],
)
def test_things_that_are_not_figures(text: str) -> None:
    assert extract_quantities(text) == []


def test_skip_spans_are_absolute_and_drop_overlapping_figures() -> None:
    sentence = "ten days later 500 troops arrived"
    assert [q.text for q in extract_quantities(sentence, 100)] == ["ten", "500"]
    kept = extract_quantities(sentence, 100, skip=[(100, 114)])
    assert [(q.text, q.start, q.end) for q in kept] == [("500", 115, 118)]


def test_results_are_sorted_and_offset() -> None:
    quantities = extract_quantities("Over 1000 tanks and about 200 jets.", 7)
    assert [(q.text, q.start, q.end) for q in quantities] == [
        ("Over 1000", 7, 16),
        ("about 200", 27, 36),
    ]
    assert quantities[0].qualifier == "over"


@pytest.mark.parametrize(
    ("unit", "head"),
    [
        ("North Korean troops", "troop"),
        ("containers of military equipment", "container"),
        ("new missiles", "missile"),
        ("casualties", "casualty"),
        ("boxes of shells", "box"),
        ("people", "person"),
        ("active personnel", "personnel"),
        ("percent", "percent"),
        ("", None),
        (None, None),
        ("42", None),
    ],
)
def test_counted_head_is_the_singular_head_noun(unit: str | None, head: str | None) -> None:
    assert counted_head(unit) == head


SURROUNDING = st.lists(
    st.sampled_from([*"ab Z,.\n\r\t", "\r\n", "😀", "👩‍👩‍👧", "中文", "שלום", "\u200d", "é"]),
    max_size=20,
).map("".join)
FIGURES = "Over 15,000 troops, about 1.2 million people, 10,000–12,000 tanks and 5% more."


@given(prefix=SURROUNDING, suffix=SURROUNDING)
def test_offsets_reproduce_the_text_whatever_surrounds_the_sentence(
    prefix: str, suffix: str
) -> None:
    document = f"{prefix} {FIGURES} {suffix}"
    start = len(prefix) + 1
    quantities = extract_quantities(document[start : start + len(FIGURES)], start)
    assert [q.text for q in quantities] == [
        "Over 15,000",
        "about 1.2 million",
        "10,000–12,000",
        "5%",
    ]
    for q in quantities:
        assert document[q.start : q.end] == q.text


@given(text=st.text(max_size=80), offset=st.integers(min_value=0, max_value=10_000))
def test_any_text_gives_sorted_non_overlapping_exact_spans(text: str, offset: int) -> None:
    quantities = extract_quantities(text, offset)
    for q in quantities:
        assert text[q.start - offset : q.end - offset] == q.text
    for before, after in pairwise(quantities):
        assert before.end <= after.start


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # currency prefixes and currency words after the figure
        ("The council spent US$4.5m on road repairs.", [("US$4.5m", 4_500_000, "USD")]),
        ("A grant of C$250,000 was approved.", [("C$250,000", 250_000, "CAD")]),
        ("The bypass will cost 30 million euros.", [("30 million", 30_000_000, "EUR")]),
        # 'm' is million before a plural noun, and the product is not a binary-float artefact
        ("The mill employs 2m people worldwide.", [("2m", 2_000_000, "people")]),
        ("Turnover reached £4.1bn.", [("£4.1bn", 4_100_000_000, "GBP")]),
        # a change in percent then a level is two figures, not a range
        (
            "Output rose 4 per cent to 2.1 million tonnes.",
            [("4 per cent", 4, "percent"), ("2.1 million", 2_100_000, "tonnes")],
        ),
        # a partitive takes the noun of its whole; 'more' inherits the noun before it
        ("12 of the 40 plants will close.", [("12", 12, "plants"), ("40", 40, "plants")]),
        (
            "It shut 9 depots in March and 11 more in April.",
            [("9", 9, "depots"), ("11", 11, "depots")],
        ),
    ],
)
def test_figures_with_their_units(text: str, expected: list[tuple[str, float, str]]) -> None:
    got = [(q.text, q.value, q.unit) for q in extract_quantities(text)]
    assert got == expected


def test_a_fraction_of_something_is_a_share_with_the_tolerance_of_a_round_figure() -> None:
    (q,) = extract_quantities("Two-thirds of the crew were furloughed.")
    assert (q.unit, q.qualifier) == ("percent", "two-thirds")
    assert q.value == pytest.approx(66.67, abs=0.01)
    assert q.low is not None and q.high is not None and q.low < 66.67 < q.high
