"""Structured stance: figures as intervals, dates by event, updates, denials, false friends."""

from __future__ import annotations

import pytest

from claimcheck.errors import InputError
from claimcheck.extract.quantities import extract_quantities
from claimcheck.stance import classify
from claimcheck.stance.figures import interval
from claimcheck.stance.pairs import read_pairs, side, stance_for_pairs


def label(claim: str, passage: str, similarity: float = 0.7) -> tuple[str, str | None, str]:
    result = classify(side(claim), side(passage), similarity)
    kind = result.kind
    return ("update" if kind == "update" else result.label), kind, result.reason


def test_disjoint_figures_contradict_with_a_checkable_reason() -> None:
    got = label(
        "South Korean officials said the number of North Korean troops in Russia "
        "has grown to over 15,000.",
        "The Pentagon said between 11,000 and 12,000 North Korean troops were in Russia.",
    )
    assert got[:2] == ("contradicts", "figure")
    assert "over 15,000" in got[2] and "11,000–12,000" in got[2]


def test_agreeing_figures_support() -> None:
    got = label(
        "The United States accuses North Korea of supplying over 1000 containers of munitions.",
        "Kirby said North Korea had provided more than 1,000 containers of military equipment.",
    )
    assert got[:2] == ("supports", "figure")
    assert "1,000 containers" in got[2]


def test_about_means_ten_percent() -> None:
    (q,) = extract_quantities("about 11,000 soldiers")
    assert interval(q) == pytest.approx((9900, 12100))
    assert label("North Korea sent about 11,000 soldiers.", "North Korea sent 12,000 soldiers.")[
        0
    ] == ("supports")
    assert label("North Korea sent about 11,000 soldiers.", "North Korea sent 13,000 soldiers.")[
        0
    ] == ("contradicts")


def test_later_larger_count_with_stated_time_scope_is_an_update() -> None:
    got = label(
        "By October 2023 North Korea had shipped more than 1,000 containers to Russia.",
        "By early 2024 North Korea had shipped about 6,700 containers to Russia.",
    )
    assert got[:2] == ("update", "update")
    assert got[2] == (
        "update: more than 1,000 containers (shipped; Oct 2023) → "
        "about 6,700 containers (shipped; early 2024)"
    )


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        (
            "North Korea has sent over 15,000 troops to Russia.",
            "North Korea's armed forces have about 1.2 million active personnel.",
        ),
        (
            "North Korea supplied over 1,000 containers of munitions to Russia.",
            "About 1,000 vessels called at the port of Najin last year.",
        ),
        (
            "North Korea deployed about 15,000 soldiers to Russia.",
            "The missile could have a range of 15,000 kilometres.",
        ),
    ],
)
def test_false_friends_sharing_a_number_are_not_linked(claim: str, passage: str) -> None:
    assert label(claim, passage)[0] == "related"


def test_same_event_on_another_day_contradicts_and_same_day_supports() -> None:
    claim = (
        "Pyongyang was able to successfully launch a satellite for the first time "
        "on 23 November 2023."
    )
    got = label(
        claim, "North Korea launched its first reconnaissance satellite on 21 November 2023."
    )
    assert got[:2] == ("contradicts", "date")
    assert got[2] == "date: 23 Nov 2023 vs 21 Nov 2023 (launch, satellite)"
    same = label(claim, "North Korea launched a reconnaissance satellite on 23 November 2023.")
    assert same[:2] == ("supports", "date")


def test_a_different_event_on_the_same_day_is_not_support() -> None:
    claim = (
        "Pyongyang was able to successfully launch a satellite for the first time "
        "on 23 November 2023."
    )
    passage = (
        "North Korea said on 23 November 2023 that it would no longer abide by the 2018 agreement."
    )
    assert label(claim, passage)[0] == "related"


def test_reporting_dates_and_datelines_are_not_event_dates() -> None:
    claim = "Pyongyang launched a satellite on 23 November 2023."
    assert label(claim, "Seoul, 24 November 2023 — North Korea launched a satellite.")[0] != (
        "contradicts"
    )
    assert label(claim, "Officials said on 25 November 2023 that a satellite was launched.")[0] != (
        "contradicts"
    )


def test_a_denial_contradicts_a_matching_statement() -> None:
    got = label(
        "North Korea has sold Russia artillery shells and ballistic missiles for its war.",
        "North Korea denied that it has sold Russia artillery shells or ballistic missiles.",
        similarity=0.8,
    )
    assert got[:2] == ("contradicts", "statement") and "denied" in got[2]


def test_low_similarity_is_only_related() -> None:
    got = label("North Korea sent 12,000 troops.", "North Korea sent 4,000 troops.", similarity=0.2)
    assert got[0] == "related" and got[2].startswith("related: similarity 0.20")


def test_pairs_without_embedder_use_word_overlap() -> None:
    results = stance_for_pairs(
        [
            (
                "North Korea sent over 15,000 troops to Russia.",
                "North Korea sent 11,000 troops to Russia.",
            )
        ],
        None,
    )
    assert results[0].label == "contradicts"


def test_read_pairs_reports_the_bad_line() -> None:
    assert read_pairs(['{"claim": "a", "passage": "b"}', "", '{"claim": "c", "passage": "d"}']) == [
        ("a", "b"),
        ("c", "d"),
    ]
    with pytest.raises(InputError, match="line 2"):
        read_pairs(['{"claim": "a", "passage": "b"}', "not json"])
    with pytest.raises(InputError, match="line 1"):
        read_pairs(['{"claim": 1, "passage": "b"}'])


def test_a_first_of_the_year_is_contradicted_by_an_earlier_one() -> None:
    claim = (
        "North Korea unveiled four new missiles at a military parade on 8 February 2023 and "
        "just ten days later conducted its first missile test of the year."
    )
    passage = (
        "The Joint Chiefs of Staff said North Korea fired a ballistic missile on 1 January 2023."
    )
    got = label(claim, passage)
    assert got[:2] == ("contradicts", "date")
    assert got[2] == "date: first missile test of 2023 on 18 Feb 2023, but one on 1 Jan 2023"
    later = "North Korea fired a ballistic missile on 12 March 2023."
    assert label(claim, later)[0] != "contradicts"
    other_year = "North Korea fired a ballistic missile on 1 January 2022."
    assert label(claim, other_year)[0] != "contradicts"


def test_a_date_opening_a_reported_statement_is_when_it_was_said() -> None:
    claim = (
        "In January 2024, Kirby said Russia had fired North Korean-supplied ballistic missiles "
        "at Ukraine."
    )
    passage = "North Korea fired a short-range ballistic missile on 1 January 2023."
    assert label(claim, passage)[0] == "related"


def test_dates_a_year_apart_are_another_occurrence_not_a_contradiction() -> None:
    claim = "Russia fired ballistic missiles supplied by Pyongyang at Kharkiv on 2 January 2024."
    passage = "North Korea fired ballistic missiles into the sea on 1 January 2023."
    assert label(claim, passage)[0] == "related"
    close = "North Korea fired ballistic missiles at Kharkiv on 6 January 2024."
    assert label(claim, close)[:2] == ("contradicts", "date")


def test_the_date_of_a_confirmation_supports_a_claim_about_that_confirmation() -> None:
    claim = "In April 2025 Putin and Kim Jong Un confirmed troop presence in Kursk."
    passage = "North Korea confirmed on 28 April 2025 that its troops had been sent to Russia."
    assert label(claim, passage)[:2] == ("supports", "date")
    sent = "North Korea sent about 3,000 additional troops to Russia in January 2025."
    assert label(sent, passage)[0] != "contradicts"


def test_not_denying_is_not_a_denial() -> None:
    claim = "North Korea has sent thousands of troops to fight for Russia in Kursk."
    assert label(claim, "Putin did not deny that North Korean troops were sent to Kursk.")[0] != (
        "contradicts"
    )
    denied = label(claim, "Moscow denied that North Korean troops were sent to fight in Kursk.")
    assert denied[:2] == ("contradicts", "statement")


def test_selling_and_arms_trading_are_the_same_act_for_a_denial() -> None:
    claim = "The country has sold Russia significant volumes of military equipment since 2022."
    passage = "North Korea and Russia have both rejected accusations of arms trading."
    assert label(claim, passage, similarity=0.57)[:2] == ("contradicts", "statement")


def test_a_put_at_estimate_names_what_it_counts() -> None:
    (q,) = extract_quantities(
        "Assessments put the total number of North Korean troops sent to Russia at about 15,000."
    )
    assert q.unit == "North Korean troops"


def test_saying_it_was_not_the_first_contradicts_a_first_of_the_year() -> None:
    claim = (
        "North Korea held a parade on 8 February 2023 and ten days later conducted its first "
        "missile test of the year."
    )
    got = label(claim, "The February test was not North Korea's first missile launch of 2023.")
    assert got[:2] == ("contradicts", "statement")
    assert got[2].startswith("statement: first missile test of 2023 vs “not North Korea's first")


def test_a_shared_date_does_not_support_when_only_one_side_negates() -> None:
    claim = "North Korea launched a reconnaissance satellite in November 2023."
    assert label(claim, "North Korea did not launch a satellite in November 2023.")[0] != (
        "supports"
    )
    assert label(claim, "North Korea launched a spy satellite in November 2023.")[0] == "supports"
