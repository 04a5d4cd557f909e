"""Attribution: who a claim is attributed to, in the source's words, or None."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck.extract.attribution import extract_attribution
from claimcheck.text.segment import split_sentences
from tests.conftest import SEED_EAF, SEED_MAIN


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        (
            "These supplies according to South Korean intelligence estimates are artillery shells.",
            "South Korean intelligence",
        ),
        (
            "In the meantime, evaluations by South Korean officials show that troops grew.",
            "South Korean officials",
        ),
        (
            "Assessments by South Koreans suggest that North Korea deployed about 15,000 soldiers.",
            "South Koreans",
        ),
        (
            "Further light was given by the Korean central news agency (KCNA), which reported that"
            " Russian officials expressed their strong support.",
            "Korean central news agency (KCNA)",
        ),
        (
            "According to the report made by China Daily, this historic agreement took ties up.",
            "China Daily",
        ),
        (
            "According to a report by Russian Chief of the General Staff Valery Gerasimov, North"
            " Korean forces engaged in the battle.",
            "Russian Chief of the General Staff Valery Gerasimov",
        ),
        (
            "While the United States accuses North Korea of supplying over 1000 containers of"
            " military equipment and munitions to Russia, Pyongyang denies the claims.",
            "the United States",
        ),
        (
            "South Korea’s intelligence service accused Russia of providing the necessary support.",
            "South Korea’s intelligence service",
        ),
        ("Kim Yo-jong said it would only result in danger.", "Kim Yo-jong"),
        ("John Kirby told Reuters that 3,000 troops had left.", "John Kirby"),
        ("Xinhua News Agency noted this shared grievance.", "Xinhua News Agency"),
        (
            "It has been observed by Chinese scholars that such convergence helps.",
            "Chinese scholars",
        ),
        ("Seoul’s estimates put the figure at 12,000.", "Seoul"),
        ("Putin himself said warmest regards to him.", "Putin"),
        ("Officials said 500 soldiers died.", "Officials"),
        (
            "In April 2025 Putin and Kim Jong Un confirmed troop presence in Ukraine.",
            "Putin and Kim Jong Un",
        ),
    ],
)
def test_attributed_sources(sentence: str, source: str) -> None:
    assert extract_attribution(sentence) == source


@pytest.mark.parametrize(
    "sentence",
    [
        "It is reported that North Korea has placed thousands of its workers in Russia.",
        "He said the deal was done.",
        "His focus would enhance such a relationship, he said, of friendship.",
        "They claimed victory.",
        "North Korea unveiled four new missiles at a military parade.",
        "The meetings between the Foreign Minister and Russian President Vladimir Putin revealed"
        " the same things.",
        "The annexation of Crimea by Russia in 2014 caused sanctions.",
        "By Tian Ziyu",
        "",
    ],
)
def test_unattributed_sentences_give_none(sentence: str) -> None:
    assert extract_attribution(sentence) is None


def test_seed_attributions_are_found_in_their_sentences() -> None:
    found: dict[str | None, str] = {}
    for path in (SEED_MAIN, SEED_EAF):
        text = path.read_text("utf-8")
        for start, end in split_sentences(text):
            found.setdefault(extract_attribution(text[start:end]), text[start:end])
    for source in (
        "Korean central news agency (KCNA)",
        "Xinhua News Agency",
        "Kim Yo-jong",
        "the United States",
        "South Korea’s intelligence service",
        "South Korean officials",
        "China Daily",
        "Russian Chief of the General Staff Valery Gerasimov",
    ):
        assert source in found, source
    assert "over 1000 containers" in found["the United States"]


@given(st.text(max_size=120))
def test_any_text_gives_a_source_from_the_text_or_none(text: str) -> None:
    source = extract_attribution(text)
    assert source is None or (source and all(word in text for word in source.split()))
