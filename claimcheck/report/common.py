"""Pieces every format needs: how much context around a span, file URIs, fact labels."""

from __future__ import annotations

from pathlib import Path

from claimcheck.extract.labels import date_with_precision, figure_label
from claimcheck.models import ClaimView

CONTEXT = 240
"""Characters of source text shown either side of a quoted span."""


def file_uri(path: str) -> str:
    """A file:// URI for a document path (absolute paths as ingested)."""
    return Path(path).as_uri() if Path(path).is_absolute() else path


def figures(claim: ClaimView) -> list[str]:
    """'over 15,000 troops' for each figure of a claim."""
    return [figure_label(q) for q in claim.quantities]


def dates(claim: ClaimView) -> list[str]:
    """'23 Nov 2023 (day)' for each date of a claim."""
    return [date_with_precision(d) for d in claim.dates]


def counts(claim: ClaimView) -> tuple[int, int]:
    """Supporting and contradicting evidence passages."""
    supporting = sum(1 for e in claim.evidence if e.stance == "supports")
    contradicting = sum(1 for e in claim.evidence if e.stance == "contradicts")
    return supporting, contradicting
