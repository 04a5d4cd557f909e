"""A span shown inside its surrounding text, highlighted exactly by code-point offsets."""

from __future__ import annotations

from rich.text import Text

from claimcheck.models import Span
from claimcheck.text.context import in_context as span_in_context

RADIUS = 360


def in_context(text: str, span: Span, *, style: str, radius: int = RADIUS) -> Text:
    """text[span.start:span.end] highlighted, with up to `radius` characters either side.

    The context is cut at a space where one is near, and marked with '…'.
    """
    around = span_in_context(text, span, radius)
    shown = Text()
    if around.clipped_before:
        shown.append("…", style="dim")
    shown.append(around.before)
    shown.append(around.exact, style=style)
    shown.append(around.after)
    if around.clipped_after:
        shown.append("…", style="dim")
    return shown
