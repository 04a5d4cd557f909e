"""A span inside its surrounding text: the one "span in context" for the CLI, TUI and reports."""

from __future__ import annotations

from dataclasses import dataclass

from claimcheck.models import Span


@dataclass(frozen=True)
class InContext:
    """A span and the text around it, cut at word boundaries."""

    before: str
    exact: str
    after: str
    clipped_before: bool
    clipped_after: bool


def in_context(text: str | None, span: Span, radius: int) -> InContext:
    """The span inside up to `radius` characters of its document either side.

    The context is cut at a space where one is near. When `text` is missing or no longer holds
    the span at its offsets, the span's own stored prefix and suffix stand in.
    """
    if text is None or text[span.start : span.end] != span.exact:
        return InContext(span.prefix, span.exact, span.suffix, True, True)
    left = max(0, span.start - radius)
    right = min(len(text), span.end + radius)
    if left:
        space = text.find(" ", left, span.start)
        left = space + 1 if space != -1 else left
    if right < len(text):
        space = text.rfind(" ", span.end, right)
        right = space if space != -1 else right
    return InContext(
        text[left : span.start], span.exact, text[span.end : right], left > 0, right < len(text)
    )
