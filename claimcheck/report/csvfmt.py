"""`--format csv`: one row per claim, for spreadsheets."""

from __future__ import annotations

import csv
import io

from claimcheck.report.build import ReportInput
from claimcheck.report.common import counts, dates, figures

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
            ]
        )
    return buffer.getvalue()
