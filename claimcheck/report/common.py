"""Pieces every format needs: how much context around a span, file URIs, fact labels."""

from __future__ import annotations

from pathlib import Path

from claimcheck.extract.labels import date_lines, figure_lines, statement_lines
from claimcheck.models import ClaimView

CONTEXT = 240
"""Characters of source text shown either side of a quoted span."""


def file_uri(path: str) -> str:
    """A file:// URI for a document path (absolute paths as ingested)."""
    return Path(path).as_uri() if Path(path).is_absolute() else path


def figures(claim: ClaimView) -> list[str]:
    """'over 15,000 troops — sent; Oct 2024' for each figure of a claim: what it measures and
    when, as its frame read it."""
    return figure_lines(claim.quantities, claim.frames)


def dates(claim: ClaimView) -> list[str]:
    """'23 Nov 2023 (day) — signed' for each date of a claim, with the event it dates."""
    return date_lines(claim.dates, claim.frames)


def statements(claim: ClaimView) -> list[str]:
    """A claim's denials, ranks and open questions."""
    return statement_lines(claim.frames)


def counts(claim: ClaimView) -> tuple[int, int]:
    """Supporting and contradicting evidence passages."""
    supporting = sum(1 for e in claim.evidence if e.stance == "supports")
    contradicting = sum(1 for e in claim.evidence if e.stance == "contradicts")
    return supporting, contradicting
