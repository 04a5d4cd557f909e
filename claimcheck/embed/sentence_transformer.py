"""The PyTorch backend: sentence-transformers, loaded offline from a path or a packaged model."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from claimcheck.embed.base import BATCH_SIZE, DEFAULT_MODEL, INT8_SUFFIX, Embedder, model_path
from claimcheck.errors import ModelError

if TYPE_CHECKING:
    from claimcheck.embed.base import Vectors


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
