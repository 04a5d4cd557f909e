"""Deterministic stand-ins for models, so unit tests run in milliseconds and offline."""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Sequence
from pathlib import Path

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


class GatedEmbedder(BagOfWordsEmbedder):
    """A bag-of-words embedder whose encode waits while the file `gate` exists, having written
    its process id beside it: a test can then kill the process in the middle of a run."""

    def __init__(self, gate: Path) -> None:
        super().__init__()
        self.gate = gate

    def encode(self, texts: Sequence[str], *, batch_size: int = 32) -> npt.NDArray[np.float32]:
        """As the bag of words, once the gate is gone."""
        if self.gate.exists():
            self.gate.with_suffix(".pid").write_text(str(os.getpid()))
            while self.gate.exists():
                time.sleep(0.02)  # polls a condition the test sets
        return super().encode(texts, batch_size=batch_size)
