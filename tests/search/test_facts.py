"""Retrieval by fact: a passage stating a figure of the same kind and size, or a date within a
week, is a candidate whatever its wording."""

from __future__ import annotations

from claimcheck.models import Passage
from claimcheck.search.corpus import CorpusPassage
from claimcheck.search.facts import FactIndex, measure_keys
from claimcheck.stance.pairs import sides

PASSAGES = [
    "Up to 2,100 roles are expected to go at the Marlow depot.",  # jobs, similar size
    "The depot's car park holds 2,100 vehicles.",  # same size, different thing
    "The Marlow depot opened on 9 October 2019.",  # a date, years away
    "Contractors began demolition on 14 April 2025.",  # a date within a week
]


def corpus() -> dict[int, CorpusPassage]:
    found = {}
    for index, read in enumerate(sides(PASSAGES), start=1):
        passage = Passage(
            id=index, document_id="d", seq=index, start=0, end=len(read.text), text=read.text,
            content_hash=str(index), frames=read.frames,
        )  # fmt: skip
        found[index] = CorpusPassage(passage=passage, path="d.txt", scope=[])
    return found


def test_a_figure_of_the_same_measure_and_size_is_found_whatever_the_words() -> None:
    index = FactIndex.build(corpus())
    (claim,) = sides(["The retailer will cut 2,300 jobs, the union said."])
    assert index.candidates(claim.frames) == {1}


def test_a_date_within_a_week_is_found_and_one_years_away_is_not() -> None:
    index = FactIndex.build(corpus())
    (claim,) = sides(["Demolition of the depot started on 10 April 2025."])
    assert index.candidates(claim.frames) == {4}


def test_figures_far_apart_in_size_share_no_key() -> None:
    small_side, large_side = sides(["It cut 40 jobs.", "It cut 40,000 jobs."])
    (small,), (large,) = small_side.frames.figures, large_side.frames.figures
    assert not set(measure_keys(small)) & set(measure_keys(large))
