"""Stored vectors: one row per (content hash, model), the source the faiss index is built from."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import TYPE_CHECKING

from claimcheck.store.connection import write_transaction

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Vectors = npt.NDArray[np.float32]


def missing_hashes(conn: sqlite3.Connection, hashes: Sequence[str], model: str) -> list[str]:
    """The content hashes that have no stored vector for `model` yet."""
    if not hashes:
        return []
    rows = conn.execute(
        "SELECT value FROM json_each(?) WHERE value NOT IN "
        "(SELECT content_hash FROM embeddings WHERE model = ?)",
        (json.dumps(sorted(set(hashes))), model),
    )
    return [row[0] for row in rows]


def store_vectors(
    conn: sqlite3.Connection, model: str, hashes: Sequence[str], vectors: Vectors
) -> None:
    """Save vectors keyed by (content hash, model); existing ones are kept."""
    with write_transaction(conn):
        conn.executemany(
            "INSERT OR IGNORE INTO embeddings (content_hash, model, dim, vector) "
            "VALUES (?, ?, ?, ?)",
            [
                (h, model, int(v.shape[0]), v.tobytes())
                for h, v in zip(hashes, vectors, strict=True)
            ],
        )


def load_vectors(conn: sqlite3.Connection, hashes: Sequence[str], model: str) -> dict[str, Vectors]:
    """Stored vectors for the given hashes under `model`."""
    import numpy as np

    rows = conn.execute(
        "SELECT content_hash, vector FROM embeddings WHERE model = ? AND content_hash IN "
        "(SELECT value FROM json_each(?))",
        (model, json.dumps(list(set(hashes)))),
    )
    return {row[0]: np.frombuffer(row[1], dtype=np.float32) for row in rows}
