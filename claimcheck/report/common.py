"""Pieces every format needs: how much context around a span, file URIs, fact labels."""

from __future__ import annotations

from pathlib import Path

from claimcheck.extract.labels import date_lines, figure_lines, statement_lines
from claimcheck.models import ClaimView, ConflictView, EvidenceView

CONTEXT = 240
"""Characters of source text shown either side of a quoted span."""


def file_uri(path: str) -> str:
    """A file:// URI for a document path (absolute paths as ingested)."""
    return Path(path).as_uri() if Path(path).is_absolute() else path


def published_by(claim: ClaimView) -> str | None:
    """'The Valley Courier · Dana Whitfield · https://… · page 2' for a claim's source, or None
    when nothing beyond its path is known."""
    from claimcheck.extract.labels import source_label

    return source_label(
        claim.document_publisher, claim.document_authors, claim.document_url, claim.page
    )


def source_uri(path: str, url: str | None) -> str:
    """Where a source can be found by whoever reads the report: its original URL when known,
    else the path it was ingested from (a URL itself, for a fetched page) as a file URI."""
    if url:
        return url
    return path if "://" in path else file_uri(path)


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
    """Supporting and contradicting evidence passages (an analyst's stance counts; a rejected
    link does not)."""
    kept = [e for e in claim.evidence if e.link != "rejected"]
    supporting = sum(1 for e in kept if e.stance == "supports")
    contradicting = sum(1 for e in kept if e.stance == "contradicts")
    return supporting, contradicting


def badges(claim: ClaimView) -> list[str]:
    """Words marking what sets a claim apart, in a fixed order."""
    marks = [
        ("analysts disagree", claim.disagreement),
        ("hand-made", claim.hand_made),
        ("dismissed", claim.dismissed),
        ("reference", claim.role == "reference"),
    ]
    return [word for word, on in marks if on]


def made_by(claim: ClaimView) -> str | None:
    """The analyst who added, split or last edited the claim's span, if any did."""
    editors = [a.analyst for a in claim.anchors if a.method == "edited" and a.analyst]
    return editors[-1] if editors else claim.created_by


def origin(claim: ClaimView) -> str:
    """How the claim came to be: 'extracted', 'added by ana', 'split by ana from c…', with
    '; span edited by bo' when an analyst moved its span."""
    made = {
        "added": f"added by {claim.created_by}",
        "split": f"split by {claim.created_by} from {claim.split_from}",
    }.get(claim.origin, "extracted")
    editors = [a.analyst for a in claim.anchors if a.method == "edited" and a.analyst]
    return made + (f"; span edited by {', '.join(dict.fromkeys(editors))}" if editors else "")


def verdicts(claim: ClaimView) -> str:
    """Each analyst's verdict: 'ana: confirmed, bo: disputed', or '—'."""
    return ", ".join(f"{a}: {s.value}" for a, s in sorted(claim.verdicts.items())) or "—"


def strength_heading(claim: ClaimView) -> str:
    """'confirmed on the strength of' for a status decision resting on accepted passages."""
    return f"{claim.status.value.capitalize()} on the strength of"


def evidence_of(claim: ClaimView | None, conflict: ConflictView) -> EvidenceView | None:
    """The claim's evidence row for a conflicting passage (the same document and span)."""
    if claim is None:
        return None
    return next(
        (
            e
            for e in claim.evidence
            if e.document_id == conflict.evidence_document_id
            and e.span.start == conflict.evidence_span.start
        ),
        None,
    )
