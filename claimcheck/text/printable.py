"""Text made safe to print in one terminal line: names from the filesystem can hold anything."""

from __future__ import annotations

import unicodedata

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_ESCAPED_CATEGORIES = frozenset({"Cc", "Zl", "Zp"})


def printable(text: str) -> str:
    """`text` with control characters, line separators and bidirectional overrides shown as
    escapes (``\\n``, ``\\x1b``, ``\\u202e``), so it stays on one line and reads as written."""
    if text.isprintable():
        return text
    return "".join(_escaped(char) for char in text)


def _escaped(char: str) -> str:
    if char in _NAMED:
        return _NAMED[char]
    if char in _BIDI_CONTROLS or unicodedata.category(char) in _ESCAPED_CATEGORIES:
        return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"
    return char
