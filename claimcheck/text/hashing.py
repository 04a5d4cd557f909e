"""Content hashes: identical text is embedded, indexed and checked once."""

from __future__ import annotations

import hashlib


def content_hash(text: str) -> str:
    """The sha256 of a text's UTF-8 bytes, the key passages and claims are embedded under."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
