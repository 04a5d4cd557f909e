"""The vocabulary of stance: labels, kinds, thresholds, one side of a comparison, a finding."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from claimcheck.models import DateFact, Frames, Quantity
from claimcheck.stance.cues import event_terms, is_reporting_date, reporting_verb
from claimcheck.text.words import content_terms, stem

Label = Literal["supports", "contradicts", "related"]
Kind = Literal["figure", "date", "statement", "update"]
Similarity = Callable[[str, str], float]
"""How alike two short phrases are in meaning (0–1): embedding cosine, or word overlap."""


def stem_similarity(a: str, b: str) -> float:
    """Word overlap when no embeddings are at hand, NaN when the words differ: then nothing
    is known about how alike they are, and a comparison must not read 0 as 'different'."""
    same = lexical_similarity(a, b)
    return same if same > 0 else float("nan")


def lexical_similarity(a: str, b: str) -> float:
    """Overlap of content stems (Dice coefficient): a stand-in when no embedder is given."""
    if a.strip().lower() == b.strip().lower() and a.strip():
        return 1.0
    terms_a, terms_b = set(content_terms(a)), set(content_terms(b))
    if not terms_a or not terms_b:
        return 0.0
    return 2 * len(terms_a & terms_b) / (len(terms_a) + len(terms_b))


_PARTIAL_BEFORE = re.compile(
    r"(?:first\s+group\s+of|another|a\s+further|some|of\s+(?:them|whom|those))\s*$"
)
_PARTIAL_UNIT = re.compile(r"(?:additional|more|extra|further|new|other)\b")


@dataclass(frozen=True)
class Thresholds:
    """Similarity levels that gate each kind of comparison."""

    figure_min_similarity: float = 0.45
    figure_min_similarity_strong: float = 0.25
    """Below figure_min_similarity, only figures of the same noun or outcome are compared."""
    date_min_similarity: float = 0.30
    date_similarity_alone: float = 0.75
    date_contradiction_similarity: float = 0.50
    date_contradiction_min_shared: int = 2
    year_contradiction_similarity: float = 0.90
    statement_min_similarity: float = 0.55
    statement_min_shared_terms: int = 2
    paraphrase_similarity: float = 0.80
    date_max_gap_days: int = 14
    """Dates further apart are more likely another occurrence than the same event misdated."""


@dataclass(frozen=True)
class Side:
    """One side of a comparison: the text, its figures and dates, and its time scope."""

    text: str
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateFact] = field(default_factory=list)
    scope: list[DateFact] = field(default_factory=list)
    """Dates that set the time of the sentence's figures: its own, else the paragraph's last."""
    offset: int = 0
    """Where `text` starts in its document: fact offsets minus this index into `text`."""
    frames: Frames = field(default_factory=Frames)
    """The sentence's figure, date and statement frames."""

    def window(self, start: int, end: int) -> list[str]:
        """Event terms around a fact at document offsets [start, end)."""
        return event_terms(self.text, start - self.offset, end - self.offset)

    def is_reporting(self, d: DateFact) -> bool:
        """Whether a date is when something was said, not when it happened."""
        return is_reporting_date(self.text, d.start - self.offset, d.end - self.offset)

    def speech_act(self, d: DateFact) -> str | None:
        """The stem of the speech act a date belongs to ('confirm'), if it is one."""
        verb = reporting_verb(self.text, d.start - self.offset, d.end - self.offset)
        return stem(verb) if verb else None

    def is_partial(self, q: Quantity) -> bool:
        """Whether a figure counts only part of something ('3,000 additional troops')."""
        before = self.text[max(0, q.start - self.offset - 24) : q.start - self.offset].lower()
        unit = (q.unit or "").lower()
        return bool(_PARTIAL_BEFORE.search(before) or _PARTIAL_UNIT.match(unit))


@dataclass(frozen=True)
class Stance:
    """A label with a 0–1 score and a one-line reason an analyst can verify."""

    label: Label
    score: float
    reason: str
    kind: Kind | None = None
    structured: bool = True
    """False when only similarity decided (related, or a close paraphrase): a learned head or an
    NLI model may relabel such a pair; a figure, date or denial finding is never overridden."""
    disagrees: bool = False
    """A related finding of two different values of one quantity that could not be made sure
    (times unknown or too coarse): agreement found elsewhere must not be reported as support."""
