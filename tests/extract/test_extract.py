"""The quality bar on the two seed articles: the right sentences are claims with the right facts."""

from __future__ import annotations

import sqlite3

import pytest

from claimcheck.extract import extract, sentence_facts
from claimcheck.extract.dates import DateContext
from claimcheck.models import Claim
from claimcheck.text.boilerplate import is_boilerplate, is_question
from claimcheck.text.segment import split_sentences
from tests.conftest import SEED_EAF, SEED_MAIN


def _claims(path: object) -> tuple[str, list[Claim]]:
    text = SEED_MAIN.read_text("utf-8") if path == "main" else SEED_EAF.read_text("utf-8")
    return text, extract("dtest", text, "0" * 64).claims


def _claim_with(claims: list[Claim], needle: str) -> Claim:
    matches = [c for c in claims if needle in c.text]
    assert len(matches) == 1, f"{needle!r} is in {len(matches)} claims"
    return matches[0]


def test_troop_figures_are_claims_with_qualified_intervals() -> None:
    _, claims = _claims("main")
    over = _claim_with(claims, "has grown to over 15,000")
    (q,) = [q for q in over.quantities if q.value == 15000]
    assert (q.qualifier, q.low, q.high) == ("over", 15000, None)
    assert q.unit and "troops" in q.unit
    about = _claim_with(claims, "deployed about 15,000 soldiers")
    (q,) = [q for q in about.quantities if q.value == 15000]
    assert q.qualifier == "about" and q.low is not None and q.high is not None
    assert q.low < 15000 < q.high and q.unit and "soldiers" in q.unit
    assert over.attribution and "South Korean officials" in over.attribution


def test_containers_satellite_and_parade_in_the_eaf_article() -> None:
    _, claims = _claims("eaf")
    containers = _claim_with(claims, "over 1000 containers")
    (q,) = containers.quantities
    assert (q.value, q.low, q.high, q.qualifier) == (1000, 1000, None, "over")
    assert q.unit and q.unit.startswith("containers of military equipment")
    assert containers.attribution and "United States" in containers.attribution
    satellite = _claim_with(claims, "launch a satellite for the first time")
    assert [(d.value, d.precision) for d in satellite.dates] == [("2023-11-23", "day")]
    parade = _claim_with(claims, "military parade on 8 February")
    assert [(d.value, d.precision) for d in parade.dates] == [
        ("2023-02-08", "day"),
        ("2023-02-18", "day"),
    ]


def test_treaty_and_visit_dates_in_the_main_article() -> None:
    _, claims = _claims("main")
    treaty = _claim_with(claims, "legalized in 1961")
    assert ("1961", "year") in [(d.value, d.precision) for d in treaty.dates]
    visit = _claim_with(claims, "first visit to Pyongyang after 24 years")
    assert ("2024-06", "month") in [(d.value, d.precision) for d in visit.dates]
    assert any(q.value == 24 and q.unit == "years" for q in visit.quantities)
    meeting = _claim_with(claims, "November 6, 2025")
    assert ("2025-11-06", "day") in [(d.value, d.precision) for d in meeting.dates]


@pytest.mark.parametrize("which", ["main", "eaf"])
def test_every_sentence_stating_a_figure_or_date_is_a_claim(which: str) -> None:
    text, claims = _claims(which)
    spans = [(c.span.start, c.span.end) for c in claims]
    context = DateContext()
    for start, end in split_sentences(text):
        dates, quantities, _ = sentence_facts(text, start, end, context)
        sentence = text[start:end]
        if (dates or quantities) and not is_boilerplate(sentence) and not is_question(sentence):
            assert any(s <= start and end <= e for s, e in spans), sentence


BOILERPLATE = [
    "Scroll Top",
    "Related Posts",
    "Reading Time: 5 mins",
    "Copyright ©2024 East Asia Forum",
    "Comments are closed.",
    "By Tian Ziyu",
    "Gabriela Bernal is a PhD candidate",
    "Article printed from East Asia Forum",
    "Support Quality Analysis",
    "In Brief",
    "This article is part of an EAF special feature series",
    "Peer reviewed analysis from world leading experts",
]


@pytest.mark.parametrize("which", ["main", "eaf"])
def test_no_boilerplate_question_or_bullet_is_a_claim(which: str) -> None:
    _, claims = _claims(which)
    for claim in claims:
        for line in BOILERPLATE:
            assert not claim.text.startswith(line), claim.text
        assert not claim.text.rstrip().endswith("?")
        assert len(claim.text.split()) >= 4


def test_opinion_scores_below_figures(seeded: sqlite3.Connection) -> None:
    rows = {
        r["exact"][:40]: r["checkworthiness"]
        for r in seeded.execute("SELECT exact, checkworthiness FROM claims")
    }
    figure = next(v for k, v in rows.items() if k.startswith("In the meantime, evaluations"))
    assert figure >= 0.7
    assert all(0.0 <= v <= 1.0 for v in rows.values())
    opinion = "However, it is necessary to mention that these affinities are not absolute."
    assert not any(k.startswith(opinion[:40]) for k in rows)


def test_a_heading_or_bullet_quotes_its_words_not_the_markup() -> None:
    text = "# Pentagon says 10,000 troops were sent\n\n- Kirby said 1,000 containers left.\n"
    found = extract("doc", text, "0" * 64)
    assert [c.span.exact for c in found.claims] == [
        "Pentagon says 10,000 troops were sent",
        "Kirby said 1,000 containers left.",
    ]
    for claim in found.claims:
        assert text[claim.span.start : claim.span.end] == claim.span.exact == claim.text
    # passages (what evidence shows and what is embedded) leave the markup out too
    assert [p.text for p in found.passages] == [c.span.exact for c in found.claims]
    for passage in found.passages:
        assert text[passage.start : passage.end] == passage.text
    kept = extract("doc", "#hashtag is not a heading, 5 troops said.\n", "0" * 64)
    assert kept.passages[0].text.startswith("#hashtag")
