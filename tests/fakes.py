"""Deterministic stand-ins for models, so unit tests run in milliseconds and offline."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from claimcheck.embed import Embedder
from claimcheck.text.words import content_terms


class BagOfWordsEmbedder(Embedder):
    """Hashes content stems into a normalised 384-d vector: shared words → higher cosine."""

    def __init__(self, name: str = "fake-bow") -> None:
        self.name = name
        self.dim = 384
        self.calls = 0

    def encode(self, texts: Sequence[str], *, batch_size: int = 32) -> npt.NDArray[np.float32]:
        """One vector per text; identical texts give identical vectors."""
        self.calls += 1
        vectors = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for term in content_terms(text) or [text]:
                digest = hashlib.sha256(term.encode()).digest()
                vectors[row, int.from_bytes(digest[:4], "little") % self.dim] += 1.0
            vectors[row, 0] += 0.1
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors
