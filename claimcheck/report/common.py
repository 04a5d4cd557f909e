"""Pieces every format needs: a span's surrounding text, file URIs, fact labels."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from claimcheck.models import ClaimView, Span
from claimcheck.stancetext import date_label, figure_label

CONTEXT = 240
"""Characters of source text shown either side of a quoted span."""


@dataclass(frozen=True)
class InContext:
    """A span and the text around it, cut at word boundaries."""

    before: str
    exact: str
    after: str
    clipped_before: bool
    clipped_after: bool


def in_context(text: str | None, span: Span, radius: int = CONTEXT) -> InContext:
    """The span inside up to `radius` characters of its document either side."""
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


def file_uri(path: str) -> str:
    """A file:// URI for a document path (absolute paths as ingested)."""
    return Path(path).as_uri() if Path(path).is_absolute() else path


def figures(claim: ClaimView) -> list[str]:
    """'over 15,000 troops' for each figure of a claim."""
    return [figure_label(q) for q in claim.quantities]


def dates(claim: ClaimView) -> list[str]:
    """'23 Nov 2023 (day)' for each date of a claim."""
    return [f"{date_label(d)} ({d.precision})" for d in claim.dates]


def counts(claim: ClaimView) -> tuple[int, int]:
    """Supporting and contradicting evidence passages."""
    supporting = sum(1 for e in claim.evidence if e.stance == "supports")
    contradicting = sum(1 for e in claim.evidence if e.stance == "contradicts")
    return supporting, contradicting
