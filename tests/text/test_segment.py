"""Sentence spans (offsets into the original text) and Markdown titles."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck.text.segment import LONG_SENTENCE, first_heading, split_sentences
from tests.conftest import SEED_EAF, SEED_MAIN

TRICKY_PIECES = [
    "👍",
    "👨‍👩‍👧‍👦",
    "🇯🇵",
    "🏳️‍🌈",
    "中文字",
    "日本語です。",
    "مرحبا بالعالم",
    "שָׁלוֹם",
    "e\u0301",
    "\r\n",
    "\r",
    "\n",
    "\t",
    "\xa0",
    "\u3000",
    "\u2028",
    "  ",
    " ",
    ". ",
    "! ",
    "? ",
    "… ",
    "... ",
    "U.S. ",
    "Dr. ",
    "J. ",
    "“",
    "”",
    "’ ",
    "(",
    ") ",
    "The ",
    "A",
    "1.2 ",
    "No. 5 ",
    "e.g. ",
    "• ",
]
mixed_text = st.lists(st.sampled_from(TRICKY_PIECES) | st.text(max_size=4), max_size=50).map(
    "".join
)
"""Documents mixing emoji, CJK, right-to-left scripts, combining marks and odd line ends."""


def sentences(text: str) -> list[str]:
    """The sentence strings, for readable assertions."""
    return [text[start:end] for start, end in split_sentences(text)]


@given(mixed_text)
def test_spans_are_trimmed_nonempty_single_line_and_ordered(text: str) -> None:
    spans = split_sentences(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        piece = text[start:end]
        assert piece == piece.strip()
        assert "\n" not in piece and "\r" not in piece
        previous_end = end


@given(mixed_text)
def test_spans_cover_every_visible_character(text: str) -> None:
    covered = [False] * len(text)
    for start, end in split_sentences(text):
        covered[start:end] = [True] * (end - start)
    assert all(covered[i] or text[i].isspace() for i in range(len(text)))


def test_seed_sentences_stay_whole() -> None:
    eaf = sentences(SEED_EAF.read_text(encoding="utf-8"))
    assert (
        "Instead, North Korea unveiled four new missiles at a military parade on 8 February and "
        "just ten days later conducted its first missile test of the year — a long-range missile "
        "that fell in Japan’s exclusive economic zone."
    ) in eaf
    assert (
        "While the United States accuses North Korea of supplying over 1000 containers of military "
        "equipment and munitions to Russia, Pyongyang denies the claims."
    ) in eaf
    assert "Reading Time: 5 mins" in eaf
    assert "• A" in eaf


def test_seed_us_abbreviations_do_not_split() -> None:
    main = sentences(SEED_MAIN.read_text(encoding="utf-8"))
    assert main[0] == "Scroll Top"
    us_and = [s for s in main if "the U.S. and it has provided" in s]
    assert len(us_and) == 1 and us_and[0].endswith("overcome regional rivals.")
    imposed = [s for s in main if "U.S.-" in s]
    assert imposed and all(not s.endswith("U.S.") for s in imposed)


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. Congress and the U.N. Security Council met in the U.K. Parliament.",
        "Dr. Smith met Mr. Jones, Mrs. Lee, Ms. Park and Gen. Kim with Lt. Col. Petrov.",
        "They sailed to St. Petersburg on Jan. 5 and left in Feb. 2024 with No. 7 aboard.",
        "Weapons, e.g. Shells and rockets, i.e. Heavy ordnance, arrived.",
        "Kim J. Un met Harry S. Truman's envoy.",
        "About 1.2 million people, approx. 40% of them, voted vs. 35% before.",
        "Acme Inc. Said nothing, Foo Ltd. Agreed, and Bar Co. Declined.",
        "Tanks, trucks, etc. were sent.",
        "1. First item in a list.",
    ],
)
def test_no_split_after_abbreviations_initials_or_decimals(text: str) -> None:
    assert sentences(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two! Three? Four", ["One.", "Two!", "Three?", "Four"]),
        ("He said “go.” Then he left.", ["He said “go.”", "Then he left."]),
        ("It ended (finally.) 2024 began.", ["It ended (finally.)", "2024 began."]),
        ("Wait... What happened…  “Nothing.”", ["Wait...", "What happened…", "“Nothing.”"]),
        ("Tanks, trucks, etc. The convoy moved.", ["Tanks, trucks, etc.", "The convoy moved."]),
        ("He said no. Then he left.", ["He said no.", "Then he left."]),
        ("No. The answer is no.", ["No.", "The answer is no."]),
        ("So did I. Then we left.", ["So did I.", "Then we left."]),
        ("Lowercase after. stays together.", ["Lowercase after. stays together."]),
        ("Ended. (Aside follows.)", ["Ended.", "(Aside follows.)"]),
        ("Ended. مرحبا بالعالم.", ["Ended.", "مرحبا بالعالم."]),
        ("今日は晴れ。明日は雨。", ["今日は晴れ。", "明日は雨。"]),
        ("Related Posts======", ["Related Posts======"]),
    ],
)
def test_splits(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_line_ends_always_split_and_offsets_index_the_original() -> None:
    text = "Heading\r\nFirst line\rSecond line.\n\n  • A  \r\n\tLast one. Really."
    assert sentences(text) == [
        "Heading",
        "First line",
        "Second line.",
        "• A",
        "Last one.",
        "Really.",
    ]
    assert split_sentences(text)[1] == (9, 19)


def test_long_line_without_terminator_splits_at_semicolons() -> None:
    clause = "word " * 60 + "end"
    text = "; ".join([clause] * 6)
    assert len(text) > LONG_SENTENCE
    parts = sentences(text)
    assert len(parts) == 6
    assert all(part.endswith(";") for part in parts[:-1])


def test_short_semicolons_do_not_split() -> None:
    assert sentences("It was existential; it helped the state.") == [
        "It was existential; it helped the state."
    ]


def test_empty_and_blank_text() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\r\n\t\xa0 ") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("# Title\n\nBody.", "Title"),
        ("Intro line\n\n## Section\n\n# Main Title #\n", "Main Title"),
        ("Setext Title\n============\n\nBody", "Setext Title"),
        ("Sub\n---\n\ntext", "Sub"),
        ("### Only deep", "Only deep"),
        ('---\ntitle: "Front Matter"\n---\n# Other', "Front Matter"),
        ("---\nauthor: x\n---\n# After Front", "After Front"),
        ("```\n# not a heading\n```\n# Real", "Real"),
        ("#hashtag is not a heading\nplain", None),
        ("Related Posts======", None),
        ("# **Bold Title**", "Bold Title"),
        ("", None),
    ],
)
def test_first_heading(text: str, expected: str | None) -> None:
    assert first_heading(text) == expected
