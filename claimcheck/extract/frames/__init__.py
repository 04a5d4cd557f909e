"""Fact frames: each figure, date and statement of a sentence in a form two sources can compare.

A figure frame says what is measured (counted noun, its verb, its outcome class), whose it is,
where, which part, bound to which year and as of when; a date frame says which event it dates;
a statement frame holds a denial and what it denies, a rank, or an open question. Sentences with
no figure, date or statement cue are not parsed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from claimcheck.extract.frames.events import date_frames
from claimcheck.extract.frames.figures import figure_frames, word_count_frames
from claimcheck.extract.frames.final import mark_final
from claimcheck.extract.frames.nlp import parse
from claimcheck.extract.frames.occasions import link_days
from claimcheck.extract.frames.statements import statement_frames
from claimcheck.extract.frames.timing import SentenceTime, place_dates
from claimcheck.models import DateFact, Frames, Quantity

__all__ = ["SentenceFacts", "SentenceTime", "build_frames", "document_frames", "sentence_frames"]

FRAMES_VERSION = 4
"""Raised whenever the frame reading changes what it reads, so check rebuilds stored frames
(version 1 was never stored: frames before this field read as 0)."""
_CUES = re.compile(
    r"(?i:\b(?:no|none|nobody|deni(?:es|ed)|deny(?:ing)?|reject|dismiss|refute|dispute|wrong|false"
    r"|untrue|largest|biggest|greatest|smallest|worst|deadliest|costliest|highest|lowest|longest"
    r"|busiest|unknown|unclear|investigation|undetermined|died|killed|injured|hospitali[sz]ed"
    r"|admitted|missing|arrested|evacuated|destroyed|damaged|case|infected|fell ill)\b)"
)


@dataclass(frozen=True)
class SentenceFacts:
    """A sentence (document offsets), the figures and dates read from it, and its time context."""

    text: str
    start: int
    quantities: list[Quantity]
    dates: list[DateFact]
    time: SentenceTime
    attribution: str | None = None


def frames_current(frames: Frames | None) -> bool:
    """Whether stored frames were read by this version of the frame reading."""
    return frames is not None and frames.version == FRAMES_VERSION


def build_frames(sentences: Sequence[SentenceFacts]) -> list[Frames]:
    """The frames of each sentence of one document, in order, with what the whole document says
    about them (final counts, the days events fall on)."""
    return document_frames([s.text for s in sentences], sentence_frames(sentences))


def document_frames(texts: list[str], frames: list[Frames]) -> list[Frames]:
    """One document's sentence frames read together: final counts, 'on the day', 'before the
    cuts'. Sentences of different documents must never be read together."""
    return link_days(mark_final(texts, frames))


def sentence_frames(sentences: Sequence[SentenceFacts]) -> list[Frames]:
    """The frames each sentence states on its own; sentences that need a parse are parsed
    together (one spaCy batch, whatever documents they come from)."""
    needed = [i for i, s in enumerate(sentences) if s.quantities or s.dates or _CUES.search(s.text)]
    docs = dict(zip(needed, parse([sentences[i].text for i in needed]), strict=True))
    frames = []
    for index, sentence in enumerate(sentences):
        doc = docs.get(index)
        if doc is None:
            frames.append(Frames(version=FRAMES_VERSION))
            continue
        placed = place_dates(doc, sentence.start, sentence.dates, sentence.time)
        figures = figure_frames(doc, sentence.start, sentence.quantities, placed, sentence.time)
        figures += word_count_frames(doc, sentence.start, placed, sentence.time)
        frames.append(
            Frames(
                figures=sorted(figures, key=lambda f: f.start),
                dates=date_frames(placed),
                statements=statement_frames(doc, sentence.start, placed),
                version=FRAMES_VERSION,
            )
        )
    return frames
