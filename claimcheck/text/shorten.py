"""Long titles shortened so that what tells them apart stays visible."""

from __future__ import annotations

ELLIPSIS = "…"
WORD_SLACK = 4
"""Characters given up to cut at a space instead of inside a word."""


def shorten_middle(text: str, width: int) -> str:
    """`text` on one line in at most `width` characters, cut from the middle keeping more of
    the end ('Pine … evacuation orders lifted'), so titles sharing a prefix stay distinct."""
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    if width < 8:
        return flat[: max(0, width - 1)] + ELLIPSIS
    room = width - 3  # " … "
    head, tail = flat[: room // 3], flat[len(flat) - (room - room // 3) :]
    cut = head.rfind(" ")
    head = head[:cut] if cut >= len(head) - WORD_SLACK else head
    cut = tail.find(" ")
    tail = tail[cut + 1 :] if 0 <= cut <= WORD_SLACK else tail
    return f"{head.rstrip()} {ELLIPSIS} {tail.lstrip()}"
