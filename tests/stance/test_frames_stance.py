"""Stance from fact frames: a figure contradicts only a figure of the same measure, scope and
time; dates only of the same event; denials only of what they deny. Every sentence here is
written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from claimcheck.extract.claims import extract, sentence_facts
from claimcheck.extract.datecontext import DateContext
from claimcheck.extract.frames import SentenceFacts, SentenceTime, build_frames
from claimcheck.models import TimeRef
from claimcheck.stance import classify
from claimcheck.stance.base import Side
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
        # relative to an event and otherwise dated only by publication: no calendar time
        (TimeRef(earliest="2025-03-09", latest="2025-03-09", source="published",
                 anchor="at peak"), day("2025-03-04"), "unknown"),
        # relative to an event on a stated day ('at the peak, on 9 March'): that day counts
        (TimeRef(earliest="2025-03-09", latest="2025-03-09", source="event",
                 anchor="at peak"), day("2025-03-04"), "later"),
        # an undated figure is read as of the other's time
        (TimeRef(), day("2025-03-04"), "same"),
    ],
)  # fmt: skip
def test_time_relation(a: TimeRef, b: TimeRef, expected: str) -> None:
    assert time_relation(a, b) == expected


def dated(text: str, published: str | None) -> Side:
    """A sentence read as if from a document published on `published`."""
    day = date.fromisoformat(published) if published else None
    dates, quantities, _ = sentence_facts(text, 0, len(text), DateContext(published=day))
    facts = SentenceFacts(text, 0, quantities, dates, SentenceTime(published=day))
    (frames,) = build_frames([facts])
    return Side(text, quantities, dates, dates, frames=frames)


def between(
    claim: str, passage: str, published: tuple[str | None, str | None], similarity: float = 0.7
) -> tuple[str, str]:
    result = classify(dated(claim, published[0]), dated(passage, published[1]), similarity)
    return ("update" if result.kind == "update" else result.label), result.reason


LATER, EARLIER = "2025-06-20", "2025-05-02"


def test_a_figure_relative_to_an_event_has_no_calendar_time() -> None:
    label, reason = between(
        "Before the merger, Corvell Bank employed more than 9,000 people.",
        "Corvell Bank employs 8,200 people.",
        (LATER, EARLIER),
    )
    assert label == "related" and "times unknown" in reason and "Before the merger" in reason


def test_a_stock_can_fall_between_publications() -> None:
    assert between("Corvell Bank employs 8,200 people.", "Corvell Bank employs 9,100 people.",
                   (LATER, EARLIER))[0] == "update"  # fmt: skip


def test_a_running_total_that_falls_later_is_a_contradiction() -> None:
    low, high = (f"The flood repairs have cost the city ${n} million." for n in ("3.1", "4.6"))
    fell = between(low, high, (LATER, EARLIER))
    assert fell[0] == "contradicts" and "cannot fall" in fell[1]
    rose = between(high, low, (LATER, EARLIER))
    assert rose[0] == "update"
    assert between("The flood has killed 14 people.", "The flood has killed 9 people.",
                   (LATER, EARLIER))[0] == "update"  # fmt: skip


def test_two_projections_of_one_target_differ_unless_one_was_revised() -> None:
    target = "The plan is expected to deliver annual savings of £25 million to £30 million."
    differ = between("The council promised annual savings of £40m once the plan is complete.",
                     target, (LATER, EARLIER))  # fmt: skip
    assert differ[0] == "contradicts"
    revised = between("The council raised its savings target to £40m.", target, (LATER, EARLIER))
    assert revised[0] == "update"


def test_a_verb_can_name_what_a_sum_measures() -> None:
    label, reason = between(
        "The council expects to save more than £20m a year.",
        "The plan will deliver annual savings of £25 million to £30 million.",
        (LATER, EARLIER),
    )
    assert label == "supports" and "more than £20m" in reason


def test_the_same_figure_bound_to_two_days_is_a_date_conflict() -> None:
    label, reason = between(
        "The minister declared a drought in Kerrow Province on 2 June 2025, releasing $8 million "
        "in aid.",
        "The minister's drought order for Kerrow Province, signed on 4 June 2025, made $8 million "
        "in aid available.",
        (None, None),
        similarity=0.8,
    )
    assert label == "contradicts" and reason.startswith("date: 2 Jun 2025 vs 4 Jun 2025")


def test_different_events_on_one_day_are_not_support() -> None:
    label, _ = verdict(
        "The mayor opened the new library on 3 May 2025, after the council approved its budget.",
        "On May 3, 2025, the council's finance committee approved the library budget.",
    )
    assert label == "related"
    same, _ = verdict(
        "The mayor opened the new library on 3 May 2025.",
        "On 3 May 2025 the mayor opened the library in Kerrow.",
    )
    assert same == "supports"


def test_two_verbs_date_one_occasion_only_when_what_they_share_names_it() -> None:
    label, _ = verdict(
        "Governor Amos Teller declared a flood emergency for Harwick County on 4 March 2024.",
        "On 4 March 2024, volunteers opened a relief centre at the Harwick County Showground.",
    )
    assert label == "related"
    # two verbs naming one occasion, told by what they share besides the place
    same, reason = verdict(
        "The president made his first visit to Lisbon on 9 April 2024, meeting Premier Soto.",
        "President Arendt arrived in Lisbon on 9 April 2024 for his first visit to Portugal.",
    )
    assert same == "supports", reason
    # the verb of one is an act under the other's ('travelled to Oslo to sign')
    signed, reason = verdict(
        "After the minister hosted a trade mission in Bergen in January, cooperation between the "
        "two ports deepened in March 2024 when he made a visit to Oslo to sign the fishery treaty.",
        "Minister Haldor Vik signed the fishery treaty with Norway in Oslo on 12 March 2024.",
    )
    assert signed == "supports", reason


@pytest.mark.parametrize(
    ("claim", "passage", "expected"),
    [
        # one dimension, two units: converted, with the rounding a conversion carries
        ("The storm surge reached 10 feet at the harbour.",
         "The storm surge reached 3 metres at the harbour.", "supports"),
        ("The storm surge reached 10 feet at the harbour.",
         "The storm surge reached 5 metres at the harbour.", "contradicts"),
        ("Gusts reached 45 mph in Portree.", "Gusts reached 72 km/h in Portree.", "supports"),
        ("The fire burned 2,000 hectares.", "The fire burned 4,900 acres.", "supports"),
        # temperatures in two scales, or unit symbols, are not compared
        ("The lake warmed by 0.9 degrees Fahrenheit.", "The lake warmed by 0.5 degrees Celsius.",
         "related"),
        ("The lake was 1.6°F warmer than average.", "The lake was 0.2°C warmer than average.",
         "related"),
        ("The panel delivered 1.9 W/m2 on average.", "The panel delivered 0.2 kWh on average.",
         "related"),
    ],
)  # fmt: skip
def test_units(claim: str, passage: str, expected: str) -> None:
    assert verdict(claim, passage)[0] == expected


def test_a_possibility_does_not_contradict() -> None:
    label, reason = verdict(
        "The river could rise by 6 feet at the weir this winter.",
        "The river rose by 2 feet at the weir this winter.",
    )
    assert label == "related" and "only a possibility" in reason


def test_the_same_exact_sum_in_similar_sentences_is_the_same_figure() -> None:
    label, reason = verdict(
        "Storm Idris left Calder Bay a $340 million lesson in flood defences.",
        "Storm Idris caused $340 million in damage across Calder Bay.",
        similarity=0.72,
    )
    assert label == "supports" and "$340 million" in reason
    other = verdict(
        "Storm Idris left Calder Bay a $340 million lesson in flood defences in 2024.",
        "Storm Hale caused $340 million in damage across Calder Bay in 2019.",
        similarity=0.72,
    )
    assert other[0] == "related"  # another year: not the same sum


def in_document(text: str, published: str, contains: str) -> Side:
    """The sentence holding `contains`, read in its whole document (published on `published`)."""
    extraction = extract("d1", text, "x", published=date.fromisoformat(published))
    (passage,) = [p for p in extraction.passages if contains in p.text]
    assert passage.frames is not None
    return Side(
        passage.text, passage.quantities, passage.dates, passage.dates, passage.start,
        passage.frames,
    )  # fmt: skip


CLOSING = (
    "Wexley County health officials declared the measles outbreak over on 9 October 2025.\n\n"
    "Four children were hospitalised during the outbreak.\n"
)
RUNNING = "Four children have been hospitalised so far, county health officials said.\n"


def test_a_final_count_is_contradicted_by_a_different_count_stated_later() -> None:
    later = dated("Six children were hospitalised during the outbreak.", "2025-10-20")
    final = in_document(CLOSING, "2025-10-09", "Four children")
    assert classify(later, final, 0.8).label == "contradicts"
    assert classify(final, later, 0.8).label == "contradicts"
    running = in_document(RUNNING, "2025-09-20", "Four children")
    assert classify(running, later, 0.8).kind == "update"  # a count while it went on: updated


def test_what_makes_a_count_final() -> None:
    def finals(text: str) -> list[bool]:
        extraction = extract("d1", text, "x", published=date(2025, 10, 9))
        return [f.as_of.final for p in extraction.passages if p.frames for f in p.frames.figures]

    assert finals("In all, 14 people were injured in the two crashes.\n") == [True]
    assert finals(CLOSING) == [True]
    once = "The council will hold a festival once the outbreak is over.\n\n" + RUNNING
    assert finals(once) == [False]  # 'once it is over' declares nothing
    ongoing = "Officials declared a state of emergency over the weekend.\n\n" + RUNNING
    assert finals(ongoing) == [False]  # a declaration of something else
