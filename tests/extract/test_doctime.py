"""Document time: the dateline, year-less dates, weekdays and 'yesterday' read from it."""

from __future__ import annotations

from datetime import date

import pytest

from claimcheck.extract import extract
from claimcheck.extract.datecontext import DateContext, nearest_year, weekday_date
from claimcheck.extract.dates import extract_dates
from claimcheck.extract.published import find_dateline
from claimcheck.ingest.htmlmeta import html_published
from claimcheck.text.boilerplate import furniture_spans


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (
            "Harbour Gazette\n\nTuesday, March 4, 2025, 8:15 a.m.\n\nThe ferry ran late.",
            "2025-03-04",
        ),
        ("# Ferry delays\n\nPosted 4 March 2025\n\nThe ferry ran late.", "2025-03-04"),
        ("Port office · Notice · 4 Mar. 2025\nThe ferry ran late.", "2025-03-04"),
        ("OSLO, Norway (March 4, 2025) — The ferry ran late on Monday.", "2025-03-04"),
        ("Kiel, 4 March 2025 — The ferry ran late on Monday, the operator said.", "2025-03-04"),
        ("Updated 6 March 2025\nPublished 4 March 2025\nThe ferry ran late.", "2025-03-04"),
        ("Updated 6 March 2025\nThe ferry ran late.", "2025-03-06"),
    ],
)
def test_the_dateline_is_the_first_date_line_of_the_head(head: str, expected: str) -> None:
    found = find_dateline(head)
    assert found is not None and found.published.isoformat() == expected


@pytest.mark.parametrize(
    "text",
    [
        "# Ferry delays\n\nOn 4 March 2025, the operator confirmed that two sailings were cut.",
        "The ferry service, which began on 4 March 2025, carried 300 people in its first week "
        "and is now the busiest crossing on the coast according to the port authority.",
        "Ferries in 2025\n\nNo date here.",
    ],
)
def test_prose_that_mentions_a_date_is_not_a_dateline(text: str) -> None:
    assert find_dateline(text) is None


def test_html_states_its_own_date_in_meta_json_ld_or_time() -> None:
    meta = '<meta content="2025-03-04T08:00:00Z" property="article:published_time">'
    assert html_published(meta) == ("2025-03-04", "meta")
    json_ld = '<script type="application/ld+json">{"datePublished": "2025-03-05"}</script>'
    assert html_published(json_ld) == ("2025-03-05", "json-ld")
    assert html_published('<time datetime="2025-03-06">Thursday</time>') == ("2025-03-06", "time")
    assert html_published('<meta name="date" content="sometime">') is None


def test_a_year_less_date_takes_the_dateline_not_the_last_year_mentioned() -> None:
    context = DateContext(published=date(2025, 3, 6))
    extract_dates("The pier was last rebuilt in 1998.", 0, context)
    (fact,) = extract_dates("The storm hit on 2 March and closed it.", 0, context)
    assert fact.value == "2025-03-02"


def test_a_year_in_the_same_sentence_wins_but_a_compared_year_does_not() -> None:
    context = DateContext(published=date(2025, 3, 6))
    facts = extract_dates("In 2019 the pier flooded on 2 March.", 0, context)
    assert [f.value for f in facts] == ["2019", "2019-03-02"]
    facts = extract_dates("It is the worst storm since 1998, and it hit on 2 March.", 0, context)
    assert facts[-1].value == "2025-03-02"


def test_a_paragraph_full_date_anchors_its_year_less_dates_until_the_paragraph_ends() -> None:
    context = DateContext(published=date(2025, 3, 6))
    extract_dates("The old pier opened on 1 June 1960.", 0, context)
    assert extract_dates("It closed on 9 June for repairs.", 0, context)[0].value == "1960-06-09"
    context.new_paragraph()
    assert extract_dates("It closed on 9 June again.", 0, context)[0].value == "2025-06-09"


def test_the_nearest_year_crosses_new_year() -> None:
    assert nearest_year(date(2025, 1, 3), 12, 30) == 2024
    assert nearest_year(date(2024, 12, 28), 1, 4) == 2025
    assert nearest_year(date(2025, 8, 14), 4, None) == 2025


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The storm hit on Tuesday.", "2025-03-04"),
        ("The storm hit early Thursday.", "2025-03-06"),
        ("The storm hit on Wednesday night.", "2025-03-05"),
        ("The storm hit last Thursday.", "2025-02-27"),
        ("The pier will reopen on Saturday.", "2025-03-08"),
        ("The fair, which was due to open Friday, was cancelled.", "2025-03-07"),
        ("Officials said on Monday that the pier will stay shut.", "2025-03-03"),
        ("The ferry is next due on Monday.", "2025-03-10"),
    ],
)
def test_weekdays_resolve_from_the_dateline(sentence: str, expected: str) -> None:
    context = DateContext(published=date(2025, 3, 6))  # a Thursday
    facts = extract_dates(sentence, 0, context)
    assert [f.value for f in facts] == [expected]
    assert facts[0].precision == "day"


def test_a_weekday_before_a_date_is_part_of_that_date() -> None:
    context = DateContext(published=date(2025, 3, 6))
    facts = extract_dates("It opened on Monday, March 3, and on Friday 7 March 2025.", 0, context)
    assert [f.value for f in facts] == ["2025-03-03", "2025-03-07"]


def test_weekdays_without_a_dateline_stay_relative() -> None:
    (fact,) = extract_dates("The storm hit on Tuesday.", 0, DateContext())
    assert (fact.value, fact.precision) == (None, "relative")


def test_today_and_yesterday_are_the_publication_day_and_the_one_before() -> None:
    context = DateContext(published=date(2025, 3, 6))
    facts = extract_dates(
        "Yesterday the pier shut; today it reopened; last night it flooded.", 0, context
    )
    assert [f.value for f in facts] == ["2025-03-05", "2025-03-06", "2025-03-05"]


def test_weekday_arithmetic() -> None:
    thursday = date(2025, 3, 6)
    assert weekday_date(thursday, "Thursday", future=False, strictly_past=False) == thursday
    assert weekday_date(thursday, "thursday", future=False, strictly_past=True) == date(2025, 2, 27)
    assert weekday_date(thursday, "Sunday", future=True, strictly_past=False) == date(2025, 3, 9)


def test_bylines_metadata_lines_and_related_lists_are_furniture() -> None:
    text = (
        "Harbour Gazette | News | Weather\n"
        "By Ana Lima, Weather Editor\n"
        "The ferry carried 300 people on Monday.\n"
        "Related stories\n"
        "- Ferry fares rise by 12 percent\n"
        "- Photos: the storm hits the coast\n"
        "\n"
        "© 2025 Harbour Gazette\n"
    )
    lines = [text[s:e] for s, e in furniture_spans(text)]
    assert lines == [
        "Harbour Gazette | News | Weather",
        "By Ana Lima, Weather Editor",
        "Related stories",
        "- Ferry fares rise by 12 percent",
        "- Photos: the storm hits the coast",
    ]


def test_extract_reads_the_dateline_and_keeps_it_out_of_the_claims() -> None:
    text = (
        "# Storm shuts the pier\n\n"
        "By Ana Lima\n\n"
        "Published Thursday, March 6, 2025\n\n"
        "The storm destroyed 12 boats on Tuesday, the harbour master said.\n\n"
        "Related stories\n\n"
        "- 40 boats lost in the 2019 storm\n"
    )
    extraction = extract("d1", text, "sha")
    assert extraction.published == date(2025, 3, 6)
    assert extraction.published_from == "dateline"
    assert [c.text for c in extraction.claims] == [
        "The storm destroyed 12 boats on Tuesday, the harbour master said."
    ]
    assert extraction.claims[0].dates[0].value == "2025-03-04"
    for claim in extraction.claims:
        assert text[claim.span.start : claim.span.end] == claim.span.exact


def test_metadata_date_wins_over_the_dateline() -> None:
    text = "Published Thursday, March 6, 2025\n\nThe storm hit on Tuesday."
    extraction = extract("d1", text, "sha", published=date(2025, 3, 13), published_from="meta")
    assert (extraction.published, extraction.published_from) == (date(2025, 3, 13), "meta")
    assert extraction.claims[0].dates[0].value == "2025-03-11"
