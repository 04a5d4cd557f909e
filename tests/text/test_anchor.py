"""Quote anchors: spans with context, and finding them again in a changed document."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from claimcheck.models import Span
from claimcheck.text.anchor import CONTEXT, make_span, reanchor
from claimcheck.text.segment import split_sentences
from tests.conftest import SEED_EAF, SEED_MAIN
from tests.text.test_segment import mixed_text

WORDS = [
    "troops",
    "missile",
    "border",
    "treaty",
    "summit",
    "railway",
    "export",
    "ruble",
    "grain",
    "envoy",
    "sanction",
    "artillery",
    "parade",
    "satellite",
    "labour",
    "minister",
    "harbour",
    "pipeline",
    "convoy",
    "delegation",
    "ceasefire",
    "garrison",
    "shipment",
    "tariff",
]
NON_LATIN_PIECES = [
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
    " ",
    "。",
    "«",
    "»",
    "—",
]
filler = st.lists(st.sampled_from(NON_LATIN_PIECES), max_size=30).map("".join)
"""Text with no Latin words, so it can never look like an English target sentence."""
separator = st.sampled_from([" ", "\n", "\r\n", "\r", "\t", "\xa0", "\n\n"])
sentence_words = st.lists(st.sampled_from(WORDS), min_size=10, max_size=16)


def sentence(words: list[str]) -> str:
    """An English-looking sentence with a token that occurs nowhere else."""
    return "Qzx " + " ".join(words) + "."


def located(text: str, start: int, end: int) -> Span:
    """A span, asserting the golden rule on the way."""
    span = make_span(text, start, end)
    assert text[span.start : span.end] == span.exact
    return span


@given(mixed_text, st.data())
def test_make_span_quotes_exactly_with_bounded_context(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    span = make_span(text, start, end)
    assert span.exact == text[start:end]
    assert span.prefix == text[max(0, start - CONTEXT) : start]
    assert span.suffix == text[end : end + CONTEXT]


@pytest.mark.parametrize(("start", "end"), [(-1, 2), (3, 2), (0, 99)])
def test_make_span_rejects_offsets_outside_the_text(start: int, end: int) -> None:
    with pytest.raises(ValueError):
        make_span("short text", start, end)


@given(mixed_text, st.data())
def test_unchanged_text_reanchors_in_place(text: str, data: st.DataObject) -> None:
    assume(text)
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    found = reanchor(make_span(text, start, end), text)
    assert found is not None
    span, method = found
    assert (span.start, span.end) == (start, end)
    assert method in ("exact", "context")


@given(filler, separator, sentence_words, separator, filler, mixed_text, st.data())
def test_insertion_before_shifts_the_exact_anchor(
    before: str,
    sep1: str,
    words: list[str],
    sep2: str,
    after: str,
    inserted: str,
    data: st.DataObject,
) -> None:
    quote = sentence(words)
    text = before + sep1 + quote + sep2 + after
    old = located(text, len(before + sep1), len(before + sep1) + len(quote))
    at = data.draw(st.integers(0, old.start))
    new_text = text[:at] + inserted + text[at:]
    assume(new_text.count(quote) == 1)
    found = reanchor(old, new_text)
    assert found is not None
    span, method = found
    assert (span.start, span.end, method) == (
        old.start + len(inserted),
        old.end + len(inserted),
        "exact",
    )
    assert new_text[span.start : span.end] == span.exact == quote


@settings(deadline=None)
@given(filler, separator, sentence_words, separator, filler, st.data())
def test_one_word_changed_is_found_fuzzily(
    before: str, sep1: str, words: list[str], sep2: str, after: str, data: st.DataObject
) -> None:
    index = data.draw(st.integers(0, len(words) - 1))
    replacement = data.draw(st.sampled_from([w for w in WORDS if w != words[index]]))
    edited = [*words[:index], replacement, *words[index + 1 :]]
    quote, new_quote = sentence(words), sentence(edited)
    old = located(
        before + sep1 + quote + sep2 + after, len(before + sep1), len(before + sep1) + len(quote)
    )
    new_text = before + sep1 + new_quote + sep2 + after
    found = reanchor(old, new_text)
    assert found is not None
    span, method = found
    assert method == "fuzzy"
    assert new_text[span.start : span.end] == span.exact == new_quote
    assert span.start == len(before + sep1)


@given(filler, separator, sentence_words, separator, filler)
def test_deleted_sentence_is_orphaned(
    before: str, sep1: str, words: list[str], sep2: str, after: str
) -> None:
    quote = sentence(words)
    old = located(
        before + sep1 + quote + sep2 + after, len(before + sep1), len(before + sep1) + len(quote)
    )
    assert reanchor(old, before + sep1 + sep2 + after) is None


def test_repeated_quote_is_chosen_by_context() -> None:
    text = "Seoul said troops arrived in May. Moscow said troops arrived in June."
    second = text.rindex("troops arrived")
    old = make_span(text, second, second + len("troops arrived"))
    new_text = "Moscow said troops arrived in June. Seoul said troops arrived in May."
    found = reanchor(old, new_text)
    assert found is not None
    span, method = found
    assert method == "context"
    assert span.start == new_text.index("troops arrived")
    assert span.suffix.startswith(" in June.")


def test_repeated_quote_with_equal_context_goes_to_the_nearest() -> None:
    text = "x. Same words here. x. Same words here. x. Same words here. x."
    first = text.index("Same")
    old = make_span(text, first, first + len("Same words here."))
    found = reanchor(old, text)
    assert found is not None and found[0].start == first


def test_fuzzy_match_snaps_to_whole_words() -> None:
    text = "Intro text. The railway project was first proposed in the 1990s by Moscow. Outro."
    start = text.index("The railway")
    old = make_span(text, start, text.index(" Outro"))
    new_text = (
        "Intro text. The railway project was initially proposed in the 1990s by Moscow. Outro."
    )
    found = reanchor(old, new_text)
    assert found is not None
    span, method = found
    assert method == "fuzzy"
    assert span.exact == "The railway project was initially proposed in the 1990s by Moscow."


def test_fuzzy_match_in_text_without_spaces() -> None:
    text = "前文です。北朝鮮は十月に大量の砲弾をロシアへ送ったと報じられた。後文です。"
    start = text.index("北朝鮮")
    old = make_span(text, start, text.index("後文"))
    new_text = text.replace("十月", "十一月")
    found = reanchor(old, new_text)
    assert found is not None
    span, method = found
    assert method == "fuzzy"
    assert new_text[span.start : span.end] == span.exact
    assert "北朝鮮は十一月に" in span.exact


def test_below_min_score_is_orphaned() -> None:
    text = "The convoy crossed the border at dawn with forty trucks."
    old = make_span(text, 0, len(text))
    new_text = "A convoy of sixty trucks crossed at night."
    assert reanchor(old, new_text) is None
    assert reanchor(old, new_text, min_score=10.0) is not None


def test_empty_quote_is_orphaned() -> None:
    assert reanchor(make_span("abc", 1, 1), "abc") is None


def test_seed_sentence_deleted_is_orphaned() -> None:
    text = SEED_EAF.read_text(encoding="utf-8")
    quote = "Trade with Russia has increased significantly since Kim’s visit."
    start = text.index(quote)
    old = make_span(text, start, start + len(quote))
    assert reanchor(old, text.replace(quote, "")) is None


def test_two_hundred_claims_reanchor_after_a_heavy_edit() -> None:
    text = SEED_MAIN.read_text(encoding="utf-8") + "\n" + SEED_EAF.read_text(encoding="utf-8")
    sentences = [make_span(text, s, e) for s, e in split_sentences(text) if e - s > 20]
    deleted = {span.exact for span in sentences[::5]}
    spans = (sentences * 2)[:200]
    new_text = text
    for quote in deleted:
        new_text = new_text.replace(quote, "")
    new_text = "A new preamble.\n" + new_text.replace(" the ", " a ").replace("North Korea", "DPRK")
    assert len(text) >= 30_000
    results = [reanchor(span, new_text) for span in spans]
    for span, found in zip(spans, results, strict=True):
        assert (found is None) == (span.exact in deleted)
        if found is not None:
            assert new_text[found[0].start : found[0].end] == found[0].exact
