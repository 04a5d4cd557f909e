"""A span shown inside its surrounding text, highlighted exactly by code-point offsets."""

from __future__ import annotations

from rich.text import Text

RADIUS = 360


def in_context(text: str, start: int, end: int, *, style: str, radius: int = RADIUS) -> Text:
    """text[start:end] highlighted, with up to `radius` characters of context either side.

    The context is cut at a line break or space where one is near, and marked with '…'.
    """
    left = max(0, start - radius)
    right = min(len(text), end + radius)
    if left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space != -1 else left
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space != -1 else right
    shown = Text()
    if left > 0:
        shown.append("…", style="dim")
    shown.append(text[left:start])
    shown.append(text[start:end], style=style)
    shown.append(text[end:right])
    if right < len(text):
        shown.append("…", style="dim")
    return shown
