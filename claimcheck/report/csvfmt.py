"""`--format csv`: one row per claim, for spreadsheets, with no cell a spreadsheet would run.

Rows end in CRLF (RFC 4180), so a cell holding a carriage return or a line feed is quoted and
reads back as one cell, never as the start of a new row. A cell whose first character that is
not blank (whitespace, line breaks, control and format characters such as zero-width spaces and
direction marks) is ``=``, ``+``, ``-``, ``@`` or a look-alike of one (full-width ``＝＋－＠``,
small, superscript and subscript forms, minus signs and dashes) gets a leading ``'``, so a
spreadsheet shows the text instead of evaluating a formula.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from pathlib import PurePath

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
    "conflict_passages",
    "orphaned",
    "changed_since_decided",
    "role",
    "origin",
    "hand_made",
    "dismissed",
    "verdicts",
    "analysts_disagree",
    "accepted_passages",
    "rejected_passages",
    "basis",
    "page",
    "source_url",
    "publisher",
    "authors",
    "published",
    "reliability",
    "reliability_by",
    "credibility",
    "credibility_by",
    "suggested_credibility",
    "corroborating_sources",
    "contradicting_sources",
]

_FORMULA_STARTS = frozenset("=+-@")
_MINUS_SIGNS = frozenset("\u2212\u2795\u2796\u2a72\u2a6e")
_BLANK_CATEGORIES = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp"})


def cell(value: str) -> str:
    """Text a spreadsheet will not run: a formula start after any blanks gets a leading '."""
    first = next((char for char in value if not _blank(char)), "")
    if value[:1] in ("\t", "\r") or (first and _formula_start(first)):
        return "'" + value
    return value


def _blank(char: str) -> bool:
    return char.isspace() or unicodedata.category(char) in _BLANK_CATEGORIES


def _formula_start(char: str) -> bool:
    """`=`, `+`, `-`, `@`, or a character that looks like or normalises to one."""
    if char in _FORMULA_STARTS or char in _MINUS_SIGNS or unicodedata.category(char) == "Pd":
        return True
    return any(c in _FORMULA_STARTS for c in unicodedata.normalize("NFKC", char))


def render_csv(data: ReportInput) -> str:
    """A header row and one row per claim; lists are joined with '; '. `conflict_passages` names
    each conflicting passage: source file, span and reason (which starts with the kind)."""
    conflicted: dict[str, list[str]] = {}
    for c in data.report.conflicts:
        conflicted.setdefault(c.claim_id, []).append(
            f"{PurePath(c.evidence_document_path).name} "
            f"[{c.evidence_span.start}–{c.evidence_span.end}]: {c.reason}"
        )
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(HEADER)
    for claim in data.report.claims:
        supporting, contradicting = counts(claim)
        row: list[str | int] = [
            claim.id,
            claim.status.value,
            claim.document_title,
            claim.document_path,
            claim.sha256,
            claim.span.exact,
            claim.span.start,
            claim.span.end,
            "; ".join(figures(claim)),
            "; ".join(dates(claim)),
            claim.attribution or "",
            claim.note or "",
            supporting,
            contradicting,
            len(conflicted.get(claim.id, [])),
            "; ".join(conflicted.get(claim.id, [])),
            "yes" if claim.orphaned else "",
            "yes" if claim.changed_since_decided else "",
            *_review(claim),
            claim.page if claim.page is not None else "",
            claim.document_url or "",
            claim.document_publisher or "",
            "; ".join(claim.document_authors),
            claim.document_published or "",
            *_grade(claim),
        ]
        writer.writerow([cell(value) if isinstance(value, str) else value for value in row])
    return buffer.getvalue()


def _grade(claim: ClaimView) -> list[str | int]:
    """The Admiralty grade's cells: each axis and who set it, the suggestion and its sources."""
    g = claim.grade
    if g is None:
        return [""] * 7
    return [
        g.reliability or "", g.reliability_by or "", g.credibility or "", g.credibility_by or "",
        g.suggested_credibility, "; ".join(g.corroborating_sources),
        "; ".join(g.contradicting_sources),
    ]  # fmt: skip


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
