"""Stance from fact frames: a figure contradicts only a figure of the same measure, scope and
time; dates only of the same event; denials only of what they deny. Every sentence here is
written for these tests."""

from __future__ import annotations

import pytest

from claimcheck.models import TimeRef
from claimcheck.stance import classify
from claimcheck.stance.measure import time_relation
from claimcheck.stance.pairs import side


def verdict(claim: str, passage: str, similarity: float = 0.7) -> tuple[str, str]:
    result = classify(side(claim), side(passage), similarity)
    kind = "update" if result.kind == "update" else result.label
    return kind, result.reason


@pytest.mark.parametrize(
    ("claim", "passage", "expected"),
    [
        # same measure, place and time: the values differ
        (
            "The storm destroyed 340 homes in Dorset.",
            "Officials said 520 homes were destroyed by the storm in Dorset.",
            "contradicts",
        ),
        ("Nine people have died in the flooding.", "Fourteen people have died in the flooding.",
         "contradicts"),
        # a rate stated of one period by both has one value
        ("Unemployment in Leeds was 5.1% in 2024.", "Unemployment in Leeds was 6.3% in 2024.",
         "contradicts"),
        # none against some, in words or figures
        ("Inspectors found no cases of cholera in the camp.",
         "Doctors confirmed 14 cases of cholera in the camp.", "contradicts"),
        ("Inspectors found no cases of cholera in the camp.",
         "Doctors confirmed a case of cholera in the camp.", "contradicts"),
        ("Nobody was injured in the blast.", "Two workers were injured in the blast.",
         "contradicts"),
        # a later tally is an update, not a contradiction
        ("By March 2025 the outbreak had infected 200 people.",
         "By June 2025 the outbreak had infected 450 people.", "update"),
    ],
)  # fmt: skip
def test_figures_of_one_measure(claim: str, passage: str, expected: str) -> None:
    assert verdict(claim, passage)[0] == expected


@pytest.mark.parametrize(
    ("claim", "passage", "why"),
    [
        ("The storm destroyed 340 homes in Dorset.", "The storm damaged 520 homes in Dorset.",
         ""),  # destroyed is not damaged
        ("Nine people have died in the flooding.", "Fourteen people were injured in the flooding.",
         ""),
        ("The storm destroyed 340 homes in Weymouth.", "The storm destroyed 520 homes in Dorset.",
         "different places"),
        ("Ferrowick Steel cut 800 jobs in 2025.", "Ferrowick Steel cut 1,200 jobs in 2024.",
         "different years"),
        ("Ferrowick Steel cut 800 jobs.", "Rival mill Castlebury cut 1,200 jobs.",
         "different owners"),
        ("Ferrowick Steel will close 12 more plants.",
         "Ferrowick Steel will close 40 plants in total.", "part vs whole"),
        ("At the peak, 2,300 homes were without power.",
         "On Friday evening, 900 homes were without power.", ""),
        # a count within one year may be two rounds: too coarse to call
        ("Ferrowick Steel cut 800 jobs in 2025.", "Ferrowick Steel cut 1,200 jobs in 2025.",
         "times too coarse"),
    ],
)  # fmt: skip
def test_figures_of_different_scopes_never_contradict(claim: str, passage: str, why: str) -> None:
    label, reason = verdict(claim, passage)
    assert label == "related"
    assert why in reason


def test_an_unsure_disagreement_is_not_reported_as_support_by_a_shared_date() -> None:
    label, reason = verdict(
        "Ferrowick Steel cut 800 jobs in 2025.", "Ferrowick Steel cut 1,200 jobs in 2025."
    )
    assert label == "related" and "800 jobs" in reason and "1,200 jobs" in reason


def test_dates_contradict_only_for_the_same_event() -> None:
    assert verdict("The bridge was opened on 4 March 2025.",
                   "The bridge was opened on 11 March 2025.")[0] == "contradicts"  # fmt: skip
    assert verdict("The bridge was opened on 4 March 2025.",
                   "The bridge was closed on 11 March 2025.")[0] == "related"  # fmt: skip


def test_the_day_something_was_said_never_contradicts() -> None:
    label, _ = verdict(
        "The minister said on 2 May 2025 that the plant would close.",
        "The minister said on 9 May 2025 that the plant would close.",
    )
    assert label != "contradicts"


def test_a_denial_contradicts_only_a_statement_of_what_it_denies() -> None:
    denial = "Police denied that the driver had been drinking."
    label, reason = verdict(
        denial, "The driver had been drinking before the crash, a toxicology report found."
    )
    assert label == "contradicts" and "denies" in reason
    assert verdict(denial, "The driver had been speeding before the crash.")[0] == "related"


def test_ranks_of_one_holder_contradict() -> None:
    label, reason = verdict(
        "Halden Foods is the largest employer in the county.",
        "Halden Foods is the second-largest employer in the county.",
    )
    assert label == "contradicts" and "rank 1" in reason and "rank 2" in reason


def test_an_answer_contradicts_an_open_question() -> None:
    label, _ = verdict(
        "The cause of the collapse remains unknown.",
        "Engineers said a corroded beam caused the collapse.",
    )
    assert label == "contradicts"


def day(iso: str, source: str = "event") -> TimeRef:
    return TimeRef(earliest=iso, latest=iso, source=source)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (day("2025-03-04"), day("2025-03-04"), "same"),
        (day("2025-03-04"), day("2025-03-20"), "earlier"),
        (day("2025-03-20"), day("2025-03-04"), "later"),
        (day("2023-03-04"), day("2025-03-04"), "apart"),
        # dated only by publication, two days apart: one news cycle
        (day("2025-03-04", "published"), day("2025-03-06", "published"), "same"),
        (day("2025-03-04", "published"), day("2025-03-20", "published"), "earlier"),
        # a tally since a start is later than a figure dated after the start
        (TimeRef(earliest="2024-01-01", latest="2024-12-31", source="since"),
         day("2024-06-01"), "later"),
        (TimeRef(earliest="2024-01-01", latest="2024-12-31", source="since"),
         day("2023-06-01"), "unknown"),
        # relative to events: the same event or unknown
        (TimeRef(anchor="at peak"), TimeRef(anchor="at peak"), "same"),
        (TimeRef(anchor="at peak"), TimeRef(anchor="before the cuts"), "unknown"),
        # an undated figure is read as of the other's time
        (TimeRef(), day("2025-03-04"), "same"),
    ],
)  # fmt: skip
def test_time_relation(a: TimeRef, b: TimeRef, expected: str) -> None:
    assert time_relation(a, b) == expected
