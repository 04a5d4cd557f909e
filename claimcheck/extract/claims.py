"""Finding claims: which sentences are check-worthy factual assertions, and their facts."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from datetime import date

from claimcheck.extract.attribution import extract_attribution
from claimcheck.extract.datecontext import DateContext
from claimcheck.extract.dates import extract_dates
from claimcheck.extract.frames import SentenceFacts, SentenceTime, build_frames
from claimcheck.extract.published import find_dateline
from claimcheck.extract.quantities import extract_quantities
from claimcheck.extract.speakers import resolve_speakers
from claimcheck.models import Claim, DateFact, Frames, Passage, Quantity
from claimcheck.text.anchor import make_span
from claimcheck.text.boilerplate import (
    furniture_spans,
    is_boilerplate,
    is_question,
    opinion_markers,
)
from claimcheck.text.hashing import content_hash
from claimcheck.text.segment import split_sentences

_EVENT_VERB = re.compile(
    r"\b(?:met|meets?|signed|signs?|visit(?:ed|s)?|launch(?:ed|es)?|deploy(?:ed|s)?|sent|sends?|"
    r"suppl(?:ied|ies|ying)|deliver(?:ed|s)?|ship(?:ped|s)|export(?:ed|s)|import(?:ed|s)|"
    r"agreed|announced|confirmed|accused|accuses|denied|denies|invaded|annexed|held|hosted|"
    r"conducted|fired|tested|unveiled|provided|cut|imposed|blocked|suspended|withdrew|vowed|"
    r"declared|condemned|ratified|expanded|arrived|killed|captured|attacked|struck|recogni[sz]ed|"
    r"admitted|praised|expressed|reported|said|says|told|stated|estimated|became|collapsed|"
    r"legali[sz]ed|established|formed|occurred|happened|started|began|ended|joined|elected|"
    r"fought|engaged|exposed|reiterated|commended|flew|took|sold|sells?|bought|buys?|traded|"
    r"transferred|trained|built|produced|seized|arrested|destroyed|shot|downed|evacuated)\b",
    re.IGNORECASE,
)
_PROPER = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:[-\s][A-Z][a-z]+)*\b|\b[A-Z]{2,}\b")
_HEDGE = re.compile(r"\b(?:may|might|could|likely|perhaps|possibly|potentially)\b", re.IGNORECASE)
_MIN_WORDS = 4


@dataclass(frozen=True)
class Extraction:
    """Everything derived from one document's text: passages, claims and its publication date."""

    passages: list[Passage]
    claims: list[Claim]
    published: date | None = None
    published_from: str | None = None


def sentence_facts(
    text: str, start: int, end: int, context: DateContext
) -> tuple[list[DateFact], list[Quantity], str | None]:
    """Dates, figures and attribution stated in text[start:end] (offsets into `text`)."""
    sentence = text[start:end]
    dates = extract_dates(sentence, start, context)
    quantities = extract_quantities(sentence, start, skip=[(d.start, d.end) for d in dates])
    return dates, quantities, extract_attribution(sentence)


def checkworthiness(
    sentence: str, quantities: list[Quantity], dates: list[DateFact], attribution: str | None
) -> float:
    """A 0–1 score: figures, precise dates, attribution and actors raise it; opinion lowers it."""
    score = 0.1
    if quantities:
        score += 0.35 + 0.05 * min(len(quantities) - 1, 2)
    if dates:
        precise = any(d.precision in ("day", "month") for d in dates)
        score += 0.25 if precise else 0.15
    if attribution:
        score += 0.15
    if _PROPER.search(sentence) and _EVENT_VERB.search(sentence):
        score += 0.15
    score -= 0.15 * min(opinion_markers(sentence), 2)
    if _HEDGE.search(sentence):
        score -= 0.05
    return round(max(0.05, min(1.0, score)), 3)


def is_claim(
    sentence: str, quantities: list[Quantity], dates: list[DateFact], attribution: str | None
) -> bool:
    """Whether a sentence is a check-worthy factual assertion rather than furniture or opinion."""
    if is_boilerplate(sentence) or is_question(sentence):
        return False
    if len(sentence.split()) < _MIN_WORDS:
        return False
    if quantities or dates or attribution:
        return True
    if opinion_markers(sentence):
        return False
    return bool(_PROPER.search(sentence) and _EVENT_VERB.search(sentence))


_LINE_MARKER = re.compile(r" {0,3}(?:#{1,6}[ \t]+|[-*+•][ \t]+|>[ \t]*)")
"""Markdown heading hashes, bullets and quote marks: markup a claim's quote leaves out."""


def claim_start(text: str, start: int, end: int) -> int:
    """Where a claim's quote begins in a passage: after a leading heading, bullet or quote mark."""
    line_start = start == 0 or text[start - 1] in "\n\r"
    marker = _LINE_MARKER.match(text, start, end) if line_start else None
    return marker.end() if marker is not None and marker.end() < end else start


def claim_id(document_id: str, start: int, end: int) -> str:
    """A stable id for a claim first found at [start, end) of a document version."""
    return "c" + hashlib.sha1(f"{document_id}:{start}:{end}".encode()).hexdigest()[:11]


def _mostly_furniture(start: int, end: int, furniture: list[tuple[int, int]]) -> bool:
    """Whether most of text[start:end] lies in page furniture (a dateline, byline, nav line)."""
    covered = sum(max(0, min(end, f_end) - max(start, f_start)) for f_start, f_end in furniture)
    return covered * 2 > end - start


def extract(
    document_id: str,
    text: str,
    sha256: str,
    *,
    published: date | None = None,
    published_from: str | None = None,
) -> Extraction:
    """Split a document into passages and find its claims with their facts and frames.

    `published` (from the file's own metadata) wins over the dateline found in the text; either
    is the anchor year-less dates, weekdays and "yesterday" resolve against.
    """
    dateline = find_dateline(text)
    if published is None and dateline is not None:
        published, published_from = dateline.published, dateline.source
    furniture = furniture_spans(text)
    if dateline is not None:
        furniture.append((dateline.start, dateline.end))
    dateline_span = (dateline.start, dateline.end) if dateline is not None else None
    sentences = _read_sentences(text, published, dateline_span)
    frames = build_frames(sentences)
    passages: list[Passage] = []
    claims: list[Claim] = []
    for seq, (facts, found) in enumerate(zip(sentences, frames, strict=True)):
        start, end = facts.start, facts.start + len(facts.text)
        # the passage, like the claim's quote, leaves out a heading, bullet or quote marker: it is
        # what evidence shows and what is embedded ("# Seoul says…" reads as "Seoul says…")
        quote_start = claim_start(text, start, end)
        passages.append(
            Passage(
                document_id=document_id, seq=seq, start=quote_start, end=end,
                text=text[quote_start:end], content_hash=content_hash(text[quote_start:end]),
                quantities=facts.quantities, dates=facts.dates, attribution=facts.attribution,
                frames=found,
            )
        )  # fmt: skip
        if _mostly_furniture(start, end, furniture) or not _claims_something(facts, found):
            continue
        claims.append(
            Claim(
                id=claim_id(document_id, start, end), document_id=document_id,
                span=make_span(text, quote_start, end), sha256=sha256,
                text=text[quote_start:end], quantities=facts.quantities, dates=facts.dates,
                attribution=facts.attribution, frames=found,
                checkworthiness=checkworthiness(
                    facts.text, facts.quantities, facts.dates, facts.attribution
                ),
            )
        )  # fmt: skip
    return Extraction(passages, claims, published, published_from)


def _read_sentences(
    text: str, published: date | None, dateline: tuple[int, int] | None
) -> list[SentenceFacts]:
    """Every sentence with its dates, figures and attribution, in reading order, each dated
    against the document's date and its own paragraph."""
    context = DateContext(published=published)
    sentences: list[SentenceFacts] = []
    paragraph_dates: list[DateFact] = []
    paragraph_starts: list[bool] = []
    previous_end = 0
    for start, end in split_sentences(text):
        paragraph_starts.append("\n" in text[previous_end:start])
        if paragraph_starts[-1]:
            context.new_paragraph()
            paragraph_dates = []
        previous_end = end
        dates, quantities, attribution = sentence_facts(text, start, end, context)
        time = SentenceTime(published, list(paragraph_dates), dateline)
        sentences.append(
            SentenceFacts(text[start:end], start, quantities, dates, time, attribution)
        )
        if any(d.earliest for d in dates):
            paragraph_dates = [d for d in dates if d.earliest]
    speakers = resolve_speakers(
        [s.text for s in sentences], [s.attribution for s in sentences], paragraph_starts
    )
    return [replace(s, attribution=who) for s, who in zip(sentences, speakers, strict=True)]


def _claims_something(facts: SentenceFacts, frames: Frames) -> bool:
    """A claim states a figure, a date, a source or a named event — or denies, ranks, or says
    none ('No deaths have been reported')."""
    if is_claim(facts.text, facts.quantities, facts.dates, facts.attribution):
        return True
    states = bool(frames.statements) or any(f.value == 0 for f in frames.figures)
    words = len(facts.text.split())
    return states and words >= _MIN_WORDS and not is_boilerplate(facts.text)
