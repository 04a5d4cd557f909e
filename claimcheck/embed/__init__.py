"""Sentence embeddings: the embedder interface, its backends, and the vector cache in SQLite."""

from claimcheck.embed.base import BATCH_SIZE, DEFAULT_MODEL, Embedder, model_path
from claimcheck.embed.cache import StoredEmbedder, embed_missing
from claimcheck.embed.factory import load_embedder

__all__ = [
    "BATCH_SIZE",
    "DEFAULT_MODEL",
    "Embedder",
    "StoredEmbedder",
    "embed_missing",
    "load_embedder",
    "model_path",
]
