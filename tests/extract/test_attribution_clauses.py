"""Who said it when the speaker is behind an aside, in a closing or second clause, or makes an
estimate: sentences written for these tests."""

from __future__ import annotations

import pytest

from claimcheck.extract.attribution import extract_attribution


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Okafor, who has led the union since 2019, told members the offer was too low.", "Okafor"),
        ("Parents at the Hillside school, which is not on the list, said they were relieved.",
         "Parents at the Hillside school"),
        ("Thirty boats were damaged, along with two piers, harbour inspectors found.",
         "harbour inspectors"),
        ("Two ferries were cancelled, and dock workers in Larne report long queues.",
         "dock workers in Larne"),
        ("The bridge reopened on Monday; the council confirmed the repairs were done.",
         "the council"),
        ("Sales fell by a tenth, but shop owners on Mill Lane say the winter was worse.",
         "shop owners on Mill Lane"),
        ("Revenue was £2m, and the company has warned that profit will fall.", "the company"),
        ("Marlow Water puts the cost of the repairs at £4.1 million.", "Marlow Water"),
        ("Landlords are fighting the cap, arguing that repairs would stop.", "Landlords"),
    ],
)  # fmt: skip
def test_speakers_behind_asides_and_in_later_clauses(sentence: str, source: str) -> None:
    assert extract_attribution(sentence) == source


@pytest.mark.parametrize(
    "sentence",
    [
        "The river, which rose overnight, flooded 40 homes.",
        "Prices rose in March, and they are expected to rise again.",
        "Prices rose in March, and rents climbed by a fifth.",
        "The storm, which hit on Monday, damaged the pier.",
        "Two ferries were cancelled, and it said nothing more.",
    ],
)
def test_asides_and_clauses_without_a_speaker_give_none(sentence: str) -> None:
    assert extract_attribution(sentence) is None
