"""No input makes extraction super-linear: work is counted (calls made), not timed."""

from __future__ import annotations

import itertools
import sys
from collections.abc import Callable
from types import FrameType

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.extract.claims import sentence_facts
from claimcheck.extract.datecontext import DateContext
from claimcheck.extract.dates import extract_dates
from claimcheck.extract.quantities import extract_quantities
from claimcheck.text.segment import MAX_SENTENCE, split_sentences
from tests.longtext import long_article


def one_line(chars: int) -> str:
    """News-like text with figures and dates but no sentence end and no line break."""
    return long_article(chars).replace(".\n\n", " and ").replace("\n", " ").rstrip(". \n")


def calls(work: Callable[[], object]) -> int:
    """How many Python calls (and generator steps) `work` makes: deterministic for one input."""
    count = 0

    def profile(frame: FrameType, event: str, arg: object) -> None:
        nonlocal count
        count += event == "call"

    sys.setprofile(profile)
    try:
        work()
    finally:
        sys.setprofile(None)
    return count


def growth(work: Callable[[str], object], chars: int) -> float:
    """How much more work four times the input takes (4 when linear, 16 when quadratic)."""
    small, large = one_line(chars), one_line(4 * chars)
    return calls(lambda: work(large)) / calls(lambda: work(small))


def test_figures_are_told_from_dates_in_linear_work() -> None:
    def figures(sentence: str) -> object:
        dates = extract_dates(sentence)
        return extract_quantities(sentence, skip=[(d.start, d.end) for d in dates])

    assert growth(figures, 10_000) < 5


def test_a_line_without_sentence_ends_is_read_in_linear_work() -> None:
    """Sentences and the facts of each: the steps whose cost grew with a sentence's length."""

    def read(text: str) -> object:
        context = DateContext()
        return [sentence_facts(text, s, e, context) for s, e in split_sentences(text)]

    assert growth(read, 10_000) < 5


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(["word", " ", "; ", "1,000", "e\u0301", "中文", "👨‍👩‍👧", ",", "\t"]),
        min_size=1,
        max_size=3000,
    ).map("".join)
)
def test_no_sentence_is_longer_than_the_bound(text: str) -> None:
    spans = split_sentences(text)
    assert all(0 < end - start <= MAX_SENTENCE for start, end in spans)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    kept = "".join("".join(text[start:end].split()) for start, end in spans)
    assert kept == "".join(text.split())  # only whitespace falls between sentences
