"""Retrieval by fact: passages that state a figure of the same kind and size, or a date within
days, whatever their wording. Embeddings and BM25 miss '2,300 jobs' ~ 'up to 2,100 roles' when
the sentences differ; the frames say both count lost jobs."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from claimcheck.models import FigureFrame, Frames
from claimcheck.search.corpus import CorpusPassage

DATE_WINDOW_DAYS = 7
"""Dates of one event misreported are days apart, rarely more than a week."""


def measure_keys(figure: FigureFrame) -> list[str]:
    """What a figure counts, as index keys: its noun, its outcome class, or its unit, each with
    its order of magnitude (neighbouring magnitudes are looked up too)."""
    size = _magnitude(figure)
    if size is None:
        return []
    if figure.dimension == "count":
        kinds = [f"count:{figure.noun}" if figure.noun else "", f"outcome:{figure.outcome or ''}"]
    elif figure.dimension == "money":
        kinds = [
            "money:dollar" if figure.unit in ("$", "USD", "CAD", "AUD") else f"money:{figure.unit}"
        ]
    else:
        kinds = [f"{figure.dimension}:{figure.unit}"]
    return [f"{kind}:{size}" for kind in kinds if kind and not kind.endswith(":")]


def _magnitude(figure: FigureFrame) -> int | None:
    value = figure.value if figure.value is not None else figure.low or figure.high
    if value is None or value < 0:
        return None
    return math.floor(math.log2(value + 1))


def _neighbours(key: str) -> list[str]:
    kind, _, size = key.rpartition(":")
    return [f"{kind}:{int(size) + step}" for step in (-1, 0, 1)]


@dataclass
class FactIndex:
    """Passage ids by the facts they state."""

    by_measure: dict[str, set[int]] = field(default_factory=dict)
    by_day: dict[str, set[int]] = field(default_factory=dict)

    @classmethod
    def build(cls, corpus: dict[int, CorpusPassage]) -> FactIndex:
        """Index every passage's figures and dated days."""
        index = cls()
        for passage_id, passage in corpus.items():
            frames = passage.passage.frames
            if frames is None:
                continue
            for figure in frames.figures:
                for key in measure_keys(figure):
                    index.by_measure.setdefault(key, set()).add(passage_id)
            for day in _days(frames):
                index.by_day.setdefault(day, set()).add(passage_id)
        return index

    def candidates(self, frames: Frames | None) -> set[int]:
        """Passages stating a figure like one of `frames`' or a date within a week of one."""
        if frames is None:
            return set()
        found: set[int] = set()
        for figure in frames.figures:
            for key in measure_keys(figure):
                for near in _neighbours(key):
                    found |= self.by_measure.get(near, set())
        for day in _days(frames):
            first = date.fromisoformat(day)
            for step in range(-DATE_WINDOW_DAYS, DATE_WINDOW_DAYS + 1):
                found |= self.by_day.get((first + timedelta(days=step)).isoformat(), set())
        return found


def _days(frames: Frames) -> Iterable[str]:
    """The days a passage's event dates name (day precision only)."""
    return [
        d.earliest for d in frames.dates if d.precision == "day" and d.role in ("event", "spoken")
    ]
