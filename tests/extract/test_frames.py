"""Fact frames read by spaCy: what a figure measures, whose, where, when; dates with their events;
denials, ranks and open questions. Every sentence here is written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from claimcheck.extract import extract
from claimcheck.models import FigureFrame, Frames
from claimcheck.stance.pairs import side
from claimcheck.text.hashing import content_hash


def frames(text: str) -> Frames:
    found = side(text).frames
    assert found is not None
    return found


def figure(text: str, index: int = 0) -> FigureFrame:
    return frames(text).figures[index]


def test_a_figure_frame_names_its_counted_noun_verb_outcome_and_place() -> None:
    f = figure("The storm destroyed 340 homes in Dorset, officials said.")
    assert (f.value, f.noun, f.predicate, f.outcome) == (340, "home", "destroy", "destruction")
    assert f.places == ["dorset"]


def test_the_owner_and_a_part_word_are_read() -> None:
    added, total = frames("Ferrowick Steel will close 12 more plants and keep 40 open.").figures
    assert added.owner == "Ferrowick Steel" and added.part == "more"
    assert total.part is None


def test_a_figure_with_no_noun_inherits_its_neighbours_unit_and_outcome_from_its_verb() -> None:
    died, treated = frames("At least 9 people have died and 31 were hospitalised.").figures
    assert (died.qualifier, died.low, died.high, died.outcome) == ("at least", 9, None, "death")
    assert (treated.value, treated.unit, treated.outcome) == (31, "person", "hospital")


@pytest.mark.parametrize(
    ("text", "value", "noun", "outcome"),
    [
        ("Inspectors found no cases of cholera in the camp.", 0, "case", "illness"),
        ("Nobody was injured in the blast.", 0, "person", "injury"),
        ("No one was hurt when the crane fell.", 0, "person", "injury"),
        ("A man in his 70s died in the blaze.", 1, "man", "death"),
        ("Doctors confirmed a case of cholera at the camp.", 1, "case", "illness"),
    ],
)
def test_counts_stated_in_words_are_figures(text: str, value: int, noun: str, outcome: str) -> None:
    f = figure(text)
    assert (f.value, f.noun, f.outcome) == (value, noun, outcome)


def test_one_of_a_kind_without_an_outcome_is_not_a_count() -> None:
    assert frames("The company hired a consultant to review the accounts.").figures == []


def test_a_stated_date_on_the_figures_own_verb_is_its_time() -> None:
    f = figure("Water levels reached 4.2 metres on 3 June 2025 at the weir.")
    assert (f.as_of.earliest, f.as_of.latest, f.as_of.source) == (
        "2025-06-03",
        "2025-06-03",
        "event",
    )


def test_a_cutoff_date_is_when_a_tally_holds() -> None:
    f = figure("As of 12 May 2025, the appeal had raised £48,000.")
    assert (f.unit, f.as_of.earliest, f.as_of.source) == ("GBP", "2025-05-12", "stated")


def test_since_a_date_marks_a_running_tally() -> None:
    f = figure("Since 2023 the charity has rehoused 1,400 families.")
    assert f.as_of.source == "since" and f.as_of.earliest == "2023-01-01"


def test_an_anchor_event_is_kept_when_no_date_is_stated() -> None:
    f = figure("At the peak, 2,300 homes were without power.")
    assert f.as_of.anchor == "at peak"


def test_an_undated_figure_takes_the_documents_publication_date() -> None:
    text = "Harbour Gazette\n\n4 March 2025\n\nThe ferry operator cancelled 14 sailings.\n"
    found = extract("doc", text, content_hash(text))
    (claim,) = [c for c in found.claims if "sailings" in c.text]
    assert found.published == date(2025, 3, 4)
    assert claim.frames is not None
    time = claim.frames.figures[0].as_of
    assert (time.earliest, time.source) == ("2025-03-04", "published")


def test_a_date_frame_names_the_event_it_dates_and_its_role() -> None:
    (opened,) = frames("The bridge was opened on 4 March 2025.").dates
    assert (opened.predicate, opened.role, opened.earliest) == ("open", "event", "2025-03-04")
    said = frames("The mayor said on 4 March 2025 that the bridge was safe.").dates[0]
    assert said.role == "spoken"
    since = frames("It was the wettest spring in the valley since 1953.").dates[0]
    assert since.role == "since"


def test_a_denial_keeps_what_it_denies() -> None:
    (denial,) = frames("Police denied that the driver had been drinking.").statements
    assert denial.kind == "denial"
    assert (denial.subject, denial.predicate) == ("the driver", "drink")


def test_a_rank_and_an_open_question_are_statements() -> None:
    (rank,) = frames("Halden Foods is the second-largest employer in the county.").statements
    assert (rank.kind, rank.rank) == ("rank", 2)
    (open_question,) = frames("The cause of the collapse remains unknown.").statements
    assert open_question.kind == "undetermined"
    assert "collapse" in open_question.terms


def test_frames_offsets_are_the_documents() -> None:
    text = "Notes.\n\nThe storm destroyed 340 homes in Dorset."
    found = extract("doc", text, content_hash(text))
    (claim,) = [c for c in found.claims if "storm" in c.text]
    assert claim.frames is not None
    f = claim.frames.figures[0]
    assert text[f.start : f.end] == f.text == "340"


def test_on_the_day_is_relative_to_an_event_told_before() -> None:
    f = figure("Investors fled: the shares lost a third of their value on the day.")
    assert f.as_of.anchor == "on day" and f.as_of.text == "on the day"
    assert figure("The shares lost 4 percent on a day of heavy trading.").as_of.anchor is None


@pytest.mark.parametrize(
    ("text", "projected"),
    [
        ("The council promised annual savings of £40m.", True),
        ("The plan is expected to deliver annual savings of £25 million.", True),
        ("The new plant will employ 300 people.", True),
        ("The council set a savings target of £40m.", True),
        ("The council raised its savings target to £40m.", False),  # a revision
        ("The fire destroyed 40 homes.", False),
        ("The appeal has raised £48,000 so far.", False),
    ],
)
def test_promises_targets_and_expectations_are_projections(text: str, projected: bool) -> None:
    assert figure(text).projected is projected


@pytest.mark.parametrize(
    ("text", "hedged"),
    [
        ("The river could rise by 6 feet this winter.", True),
        ("The flood may have damaged 300 homes.", True),
        ("Perhaps 200 people were evacuated.", True),
        ("The river rose by 2 feet this winter.", False),
    ],
)
def test_possibilities_are_hedged(text: str, hedged: bool) -> None:
    assert figure(text).hedged is hedged
