"""The short phrases frames are compared by (counted nouns, verbs, classes of a rank), and a
similarity over their embeddings that falls back to word overlap for a phrase never embedded."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from claimcheck.models import Frames
from claimcheck.stance.base import Similarity, stem_similarity

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Vector = npt.NDArray[np.float32]


def frame_texts(all_frames: Iterable[Frames | None]) -> set[str]:
    """Every phrase the comparison of these frames may embed."""
    texts: set[str] = set()
    for frames in all_frames:
        if frames is None:
            continue
        for figure in frames.figures:
            texts.update(t for t in (figure.noun_text, figure.predicate_text, *figure.nouns) if t)
        for date in frames.dates:
            if date.predicate_text:
                texts.add(date.predicate_text)
        for statement in frames.statements:
            if statement.kind == "rank" and statement.proposition:
                texts.add(statement.proposition)
    return texts


def vector_similarity(vectors: Mapping[str, Vector]) -> Similarity:
    """Cosine of two phrases' stored vectors (L2-normalised), else their word overlap (NaN
    when they share no word: unknown, not unlike)."""

    def similar(a: str, b: str) -> float:
        if a == b:
            return 1.0
        va, vb = vectors.get(a), vectors.get(b)
        if va is None or vb is None:
            return stem_similarity(a, b)
        return float(va @ vb)

    return similar
