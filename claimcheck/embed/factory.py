"""Choosing a backend for a model: ONNX Runtime where it reproduces the model, else PyTorch."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from claimcheck.embed.base import DEFAULT_MODEL, INT8_SUFFIX, Embedder, model_path
from claimcheck.errors import ModelError

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
        from claimcheck.embed.onnx import OnnxEmbedder, supported

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
    from claimcheck.embed.sentence_transformer import SentenceTransformerEmbedder

    return SentenceTransformerEmbedder(name)
