"""Human-readable renderings for the terminal: tables, a claim's detail, conflicts, the summary."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from pathlib import Path

from claimcheck.cli.layout import flat, records, wrap
from claimcheck.extract.labels import (
    date_lines,
    date_reading,
    figure_interval,
    figure_lines,
    source_label,
    statement_lines,
)
from claimcheck.grading import said
from claimcheck.models import ClaimView, ConflictView, Document, EvidenceView
from claimcheck.report.common import origin, strength_heading, verdicts
from claimcheck.store.differing import group_conflicts
from claimcheck.store.sources import SourceEvent
from claimcheck.store.summary import Summary
from claimcheck.text.context import in_context
from claimcheck.text.printable import printable

CONTEXT_CHARS = 160
DETAIL_WIDTH = 100
"""The claim in context wraps at this width, or the terminal's when narrower."""


def table(
    headers: Sequence[str], rows: Sequence[Sequence[object]], *, max_width: int | None = 60
) -> str:
    """A plain aligned text table; cells longer than `max_width` (if any) are cut with an
    ellipsis."""
    cells = [[_cell(value, max_width) for value in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in cells:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += [
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells
    ]
    return "\n".join(lines)


def _cell(value: object, max_width: int | None) -> str:
    text = flat(value)
    return text if max_width is None or len(text) <= max_width else text[: max_width - 1] + "…"


def flags(c: ClaimView) -> str:
    """Short marks setting a claim apart: analysts disagree, hand-made, dismissed, reference."""
    marks = [
        ("disagree", c.disagreement),
        ("hand", c.hand_made),
        ("dismissed", c.dismissed),
        ("reference", c.role == "reference"),
    ]
    return " ".join(name for name, on in marks if on)


def claims_table(
    claims: Sequence[ClaimView], *, analyst: str | None = None, width: int | None = None
) -> str:
    """One row per claim: id, status, flags, worthiness, document, then its text and facts; with
    `analyst`, that analyst's verdict too. With a `width`, the claim and its facts wrap beneath
    each row instead of being cut; without, one full line per claim."""
    headers = ["id", "status", "flags", "worth", "document"]
    if analyst is not None:
        headers.insert(2, f"{analyst}'s verdict")
    rows: list[tuple[list[object], list[str]]] = []
    for c in claims:
        facts = ", ".join([q.text for q in c.quantities] + [d.value or d.text for d in c.dates])
        status = c.status.value + (" (orphaned)" if c.orphaned else "")
        status += " (changed since decided)" if c.changed_since_decided else ""
        short: list[object] = [c.id, status, flags(c), f"{c.checkworthiness:.2f}", c.document_title]
        if analyst is not None:
            verdict = c.verdicts.get(analyst)
            short.insert(2, verdict.value if verdict else "—")
        rows.append((short, [c.text, facts]))
    if width is not None:
        wrapped = [
            (short, [text, f"facts: {facts}"] if facts else [text]) for short, (text, facts) in rows
        ]
        return records(headers, wrapped, width, squeeze=len(headers) - 1)
    return table(
        [*headers, "facts", "claim"],
        [[*short, facts, text] for short, (text, facts) in rows],
        max_width=None,
    )


def _review_lines(c: ClaimView) -> list[str]:
    """Role, origin, dismissal, each analyst's verdict and what the status rests on."""
    lines = [f"role       {c.role}"]
    if c.hand_made:
        lines.append(f"hand-made  {origin(c)}")
    if c.dismissed:
        lines.append("dismissed  not a claim (claimcheck restore, or undo)")
    if c.verdicts:
        disagree = "   [ANALYSTS DISAGREE]" if c.disagreement else ""
        lines.append(f"verdicts   {verdicts(c)}{disagree}")
    if c.basis:
        lines.append(f"{strength_heading(c)}:")
        lines += [f"  [{b.passage_id}] {b.document_title}: “{b.text}”" for b in c.basis]
    return lines


def grade_lines(c: ClaimView) -> list[str]:
    """The claim's Admiralty grade, each axis with who set it, and claimcheck's suggestion."""
    grade = c.grade
    if grade is None:
        return []
    return [
        f"grade      {grade.code}   source {said(grade.reliability, grade.reliability_by)}"
        f" ({grade.source_kind} {grade.source}); claim "
        f"{said(grade.credibility, grade.credibility_by)}",
        f"suggested  {grade.suggestion.removeprefix('suggested ')}",
    ]


def source_detail(doc: Document, events: Sequence[SourceEvent]) -> str:
    """A source's metadata, then every correction made to it."""
    lines = [
        f"document   {doc.title} (v{doc.version}, {doc.id})",
        f"path       {doc.path}",
        f"format     {doc.format}",
        f"url        {doc.url or '—'}",
        f"publisher  {doc.publisher or '—'}",
        f"authors    {', '.join(doc.authors) or '—'}",
        f"published  {doc.published or 'unknown'}"
        + (f" (from {doc.published_from})" if doc.published_from else ""),
        f"sha256     {doc.sha256}",
    ]
    if doc.page_starts:
        lines.append(f"pages      {len(doc.page_starts)}")
    lines += ["", "corrections:" if events else "corrections: none"]
    lines += [f"  {e.at}  {e.analyst}  {e.field} = {e.value or '(cleared)'}" for e in events]
    return "\n".join(printable(line) for line in lines)


def claim_detail(c: ClaimView, document_text: str, *, width: int | None = None) -> str:
    """The claim in its source context, its facts and its full decision history."""
    source = source_label(c.document_publisher, c.document_authors, c.document_url, c.page)
    lines = [
        f"claim      {c.id}",
        f"status     {c.status.value}"
        + ("   [ORPHANED: span not found in newest version]" if c.orphaned else "")
        + (
            "   [CHANGED SINCE DECIDED: figures or dates differ from when it was decided]"
            if c.changed_since_decided
            else ""
        ),
        f"document   {c.document_title} (v{c.document_version}, {c.document_id})",
        f"published  {c.document_published or 'unknown'}",
        f"source     {source or '—'}",
        f"path       {c.document_path}",
        f"sha256     {c.sha256}",
        f"span       {c.span.start}–{c.span.end} (code points)",
        f"worthiness {c.checkworthiness:.2f}",
        f"attributed {c.attribution or '—'}",
        f"note       {c.note or '—'}",
        *_review_lines(c),
        *grade_lines(c),
        "",
        "in context:",
    ]
    around = in_context(document_text, c.span, CONTEXT_CHARS)
    opening, closing = ("…" if around.clipped_before else ""), ("…" if around.clipped_after else "")
    shown = f"{opening}{around.before}>>>{around.exact}<<<{around.after}{closing}"
    lines += wrap(" ".join(shown.split()), min(width or DETAIL_WIDTH, DETAIL_WIDTH), "  ")
    lines.append("")
    lines.append("figures:" if c.quantities else "figures:  none")
    lines += [f"  {figure_interval(q)}" for q in c.quantities]
    lines.append("dates:" if c.dates else "dates:    none")
    lines += [f"  {date_reading(d)}" for d in c.dates]
    read = [f"  figure  {line}" for line in figure_lines(c.quantities, c.frames)]
    read += [f"  date    {line}" for line in date_lines(c.dates, c.frames)]
    read += [f"  stated  {line}" for line in statement_lines(c.frames)]
    if c.frames is not None and read:
        lines += ["read as (what each fact measures, and when):", *read]
    lines.append("")
    lines.append("history:" if c.history else "history:  none (unverified since ingest)")
    for h in c.history:
        note = f"  note: {h.note}" if h.note else ""
        link_note = f"  link note: {h.link_note}" if h.link_note else ""
        lines.append(f"  #{h.id} {h.at}  {h.analyst}: {h.action}{note}{link_note}")
    if c.grade is not None and c.grade.history:
        lines.append("gradings:")
        lines += [f"  {g.at}  {g.analyst}: {g.change}" for g in c.grade.history]
    if len(c.anchors) > 1:
        lines.append("anchors:")
        lines += [
            f"  {a.at}  {a.method:<9} {a.document_id} {a.start}–{a.end}"
            + (f" by {a.analyst}" if a.analyst else "")
            for a in c.anchors
        ]
    return "\n".join(_fit(lines, width))


def _fit(lines: list[str], width: int | None) -> list[str]:
    """Lines longer than `width` wrapped under their value (past the 11-column label)."""
    if width is None:
        return lines
    fitted: list[str] = []
    for line in lines:
        fitted += wrap(line, width, " " * 11, first="") if len(line) > width else [line]
    return fitted


def evidence_table(evidence: Sequence[EvidenceView], *, width: int | None = None) -> str:
    """One row per evidence passage: passage id, stance, the analyst's review, score and source,
    then the reason and the passage; with a `width` those two wrap beneath each row, without
    it each passage is one full line."""
    headers = ["passage", "stance", "review", "score", "source"]
    rows: list[tuple[list[object], list[str]]] = [
        ([e.passage_id, e.label, e.review, f"{e.score:.2f}", e.document_title], [e.reason, e.text])
        for e in evidence
    ]
    if width is not None:
        quoted = [(short, [reason, f"“{text}”"]) for short, (reason, text) in rows]
        return records(headers, quoted, width, squeeze=len(headers) - 1)
    full = [[*short, reason, text] for short, (reason, text) in rows]
    return table([*headers, "reason", "passage text"], full, max_width=None)


def evidence_section(c: ClaimView, *, width: int | None = None) -> str:
    """The claim's evidence under a heading, or how to find some."""
    if not c.evidence:
        return "\nevidence:  none yet (run `claimcheck check`)"
    conflicts = sum(e.is_conflict for e in c.evidence)
    heading = f"\nevidence ({len(c.evidence)} passages, {conflicts} in conflict):"
    return f"{heading}\n{evidence_table(c.evidence, width=width)}"


def conflicts_text(conflicts: Sequence[ConflictView]) -> str:
    """Conflicts grouped by claim, then by the differing figure or date each source reports."""
    if not conflicts:
        return "no conflicts (run `claimcheck check` after ingesting other sources)"
    lines: list[str] = []
    claim_id = None
    for group in group_conflicts(conflicts):
        c = group.first
        if c.claim_id != claim_id:
            claim_id = c.claim_id
            lines += ["", f"{c.claim_id}  {c.claim_text}", f"  in {c.claim_document_path}"]
        sources = len(group.sources)
        many = f"  ({sources} sources)" if sources > 1 else ""
        lines.append(f"  [{c.kind}] {c.reason}{many}")
        for passage in group.passages:
            span = passage.evidence_span
            own = f"  ({passage.reason})" if passage.reason != c.reason else ""
            lines.append(f"      {passage.evidence_document_path} [{span.start}–{span.end}]{own}")
            lines += textwrap.wrap(
                passage.evidence_text,
                96,
                initial_indent="        “",
                subsequent_indent="         ",
            )
    claims = len({c.claim_id for c in conflicts})
    lines.append("")
    lines.append(f"{len(conflicts)} conflicting passages on {claims} claims")
    return "\n".join(lines).lstrip("\n")


def render_summary(summary: Summary, *, db: Path) -> str:
    """The summary as text for the terminal."""
    status = ", ".join(f"{n} {s}" for s, n in summary.by_status.items())
    scope = "documents" if summary.include_reference else "sources under review"
    lines = [
        f"database {db}: {summary.documents} {scope}, {summary.passages} passages, "
        f"{summary.claims} claims ({status}; {summary.orphaned} orphaned)",
        _review_line(summary),
        "",
        table(
            ["document", "version", "passages", "claims", "figures", "dates", "orphaned"],
            [
                [d.title, d.version, d.passages, d.claims, d.with_figures, d.with_dates, d.orphaned]
                for d in summary.by_document
            ],
        ),
        "",
        _evidence_line(summary),
        "",
        "most check-worthy claims:",
        table(
            ["id", "worth", "status", "document", "claim"],
            [
                [c.id, f"{c.checkworthiness:.2f}", c.status, c.document_title, c.text]
                for c in summary.top_claims
            ],
            max_width=70,
        ),
    ]
    return "\n".join(lines)


def _review_line(summary: Summary) -> str:
    links = ", ".join(f"{n} {v}" for v, n in sorted(summary.links.items())) or "none reviewed"
    disagree = (
        f"; analysts disagree on {len(summary.disagreements)}: {', '.join(summary.disagreements)}"
        if summary.disagreements
        else ""
    )
    reference = (
        ""
        if summary.include_reference
        else f"reference: {summary.reference_documents} documents, "
        f"{summary.reference_claims} claims (--include-reference); "
    )
    return (
        f"{reference}{summary.dismissed} dismissed, {summary.hand_made} hand-made; "
        f"evidence links: {links}{disagree}"
    )


def _evidence_line(summary: Summary) -> str:
    """Claims and passages counted apart: claims checked and in conflict, then passages by stance
    and conflicting passages by kind."""
    if not summary.checked:
        return "evidence: none yet (run `claimcheck check`)"
    stances = ", ".join(f"{n} {s}" for s, n in sorted(summary.by_stance.items()))
    kinds = ", ".join(f"{n} {k}" for k, n in sorted(summary.conflicts_by_kind.items()))
    return (
        f"evidence: {summary.checked} claims checked, {summary.claims_with_conflicts} of them "
        "with conflicts (`claimcheck conflicts` lists them)\n"
        f"evidence passages by stance: {stances or 'none'}; "
        f"conflicting passages by kind: {kinds or 'none'}"
    )
