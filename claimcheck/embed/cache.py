"""The vector cache: texts embedded once per (content hash, model), vectors kept in SQLite."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from claimcheck.embed.base import BATCH_SIZE, Embedder, ProgressFn
from claimcheck.store.embeddings import load_vectors, missing_hashes, store_vectors
from claimcheck.text.hashing import content_hash

if TYPE_CHECKING:
    from claimcheck.embed.base import Vectors


def embed_missing(
    conn: sqlite3.Connection,
    texts_by_hash: dict[str, str],
    model: str,
    make_embedder: Callable[[], Embedder],
    *,
    on_progress: ProgressFn | None = None,
    chunk: int = 256,
) -> int:
    """Embed and store every text not yet embedded under `model`; the model loads only if needed."""
    chunks = missing_chunks(conn, texts_by_hash, model, chunk)
    if not chunks:
        return 0
    embedder = make_embedder()
    total, done = sum(len(c) for c in chunks), 0
    for hashes in chunks:
        store_vectors(conn, model, hashes, embedder.encode([texts_by_hash[h] for h in hashes]))
        done += len(hashes)
        if on_progress:
            on_progress(done, total)
    return done


def missing_chunks(
    conn: sqlite3.Connection, texts_by_hash: dict[str, str], model: str, chunk: int = 256
) -> list[list[str]]:
    """The hashes not yet embedded under `model`, shortest texts first, in chunks of `chunk`.

    Every engine encodes exactly these chunks, so the vectors do not depend on the engine.
    """
    todo = missing_hashes(conn, list(texts_by_hash), model)
    todo.sort(key=lambda h: len(texts_by_hash[h]))  # similar lengths batch with less padding
    return [todo[offset : offset + chunk] for offset in range(0, len(todo), chunk)]


class StoredEmbedder(Embedder):
    """Vectors from SQLite by (content hash, model); texts not seen before are embedded once."""

    def __init__(
        self, conn: sqlite3.Connection, model: str, make_embedder: Callable[[], Embedder]
    ) -> None:
        self.name = model
        self.dim = 0
        self._conn = conn
        self._make = make_embedder
        self._inner: Embedder | None = None

    def _embedder(self) -> Embedder:
        if self._inner is None:
            self._inner = self._make()
            self.dim = self._inner.dim
        return self._inner

    def encode(self, texts: Sequence[str], *, batch_size: int = BATCH_SIZE) -> Vectors:
        """Stored vectors for `texts`, in order, embedding the missing ones first."""
        import numpy as np

        hashes = [content_hash(t) for t in texts]
        embed_missing(self._conn, dict(zip(hashes, texts, strict=True)), self.name, self._embedder)
        stored = load_vectors(self._conn, hashes, self.name)
        if not hashes:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.ascontiguousarray(np.stack([stored[h] for h in hashes]), dtype=np.float32)
