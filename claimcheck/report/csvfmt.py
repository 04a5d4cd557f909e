"""`--format csv`: one row per claim, for spreadsheets."""

from __future__ import annotations

import csv
import io

from claimcheck.models import ClaimView
from claimcheck.report.build import ReportInput
from claimcheck.report.common import counts, dates, figures, origin, verdicts

HEADER = [
    "id",
    "status",
    "document",
    "document_path",
    "sha256",
    "quote",
    "start",
    "end",
    "figures",
    "dates",
    "attribution",
    "note",
    "supporting",
    "contradicting",
    "conflicts",
    "orphaned",
    "role",
    "origin",
    "hand_made",
    "dismissed",
    "verdicts",
    "analysts_disagree",
    "accepted_passages",
    "rejected_passages",
    "basis",
]


def cell(value: str) -> str:
    """Text a spreadsheet will not run: a leading =, +, -, @ or control character is quoted."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def render_csv(data: ReportInput) -> str:
    """A header row and one row per claim; lists are joined with '; '."""
    conflicted: dict[str, int] = {}
    for conflict in data.report.conflicts:
        conflicted[conflict.claim_id] = conflicted.get(conflict.claim_id, 0) + 1
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADER)
    for claim in data.report.claims:
        supporting, contradicting = counts(claim)
        writer.writerow(
            [
                claim.id,
                claim.status.value,
                cell(claim.document_title),
                claim.document_path,
                claim.sha256,
                cell(claim.span.exact),
                claim.span.start,
                claim.span.end,
                "; ".join(figures(claim)),
                "; ".join(dates(claim)),
                cell(claim.attribution or ""),
                cell(claim.note or ""),
                supporting,
                contradicting,
                conflicted.get(claim.id, 0),
                "yes" if claim.orphaned else "",
                *_review(claim),
            ]
        )
    return buffer.getvalue()


def _review(claim: ClaimView) -> list[str]:
    """Role, origin, dismissal, verdicts and link decisions of one claim, as cells."""

    def passages(verdict: str) -> str:
        return "; ".join(str(e.passage_id) for e in claim.evidence if e.link == verdict)

    return [
        claim.role,
        cell(origin(claim)),
        "yes" if claim.hand_made else "",
        "yes" if claim.dismissed else "",
        cell(verdicts(claim) if claim.verdicts else ""),
        "yes" if claim.disagreement else "",
        passages("accepted"),
        passages("rejected"),
        "; ".join(str(b.passage_id) for b in claim.basis),
    ]
