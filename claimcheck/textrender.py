"""Human-readable renderings for the terminal: tables and a claim's detail."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from claimcheck.models import ClaimView, ConflictView, DateFact, EvidenceView, Quantity

CONTEXT_CHARS = 160


def table(headers: Sequence[str], rows: Sequence[Sequence[object]], *, max_width: int = 60) -> str:
    """A plain aligned text table; cells longer than `max_width` are cut with an ellipsis."""
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


def _cell(value: object, max_width: int) -> str:
    text = "" if value is None else " ".join(str(value).split())
    return text if len(text) <= max_width else text[: max_width - 1] + "…"


def quantity_label(q: Quantity) -> str:
    """'over 15,000 troops [15000, ∞)' — the wording and the interval it asserts."""
    low = "−∞" if q.low is None else f"{q.low:,.10g}"
    high = "∞" if q.high is None else f"{q.high:,.10g}"
    unit = f" ({q.unit})" if q.unit else ""
    return f"{q.text}{unit} [{low}, {high}]"


def date_label(d: DateFact) -> str:
    """'23 November 2023 → 2023-11-23 (day)'."""
    return f"{d.text} → {d.value or '?'} ({d.precision})"


def claims_table(claims: Sequence[ClaimView]) -> str:
    """One row per claim: id, status, worthiness, document, figures/dates and the text."""
    rows = []
    for c in claims:
        facts = ", ".join([q.text for q in c.quantities] + [d.value or d.text for d in c.dates])
        status = c.status.value + (" (orphaned)" if c.orphaned else "")
        rows.append([c.id, status, f"{c.checkworthiness:.2f}", c.document_title, facts, c.text])
    return table(["id", "status", "worth", "document", "facts", "claim"], rows, max_width=48)


def claim_detail(c: ClaimView, document_text: str) -> str:
    """The claim in its source context, its facts and its full decision history."""
    lines = [
        f"claim      {c.id}",
        f"status     {c.status.value}"
        + ("   [ORPHANED: span not found in newest version]" if c.orphaned else ""),
        f"document   {c.document_title} (v{c.document_version}, {c.document_id})",
        f"path       {c.document_path}",
        f"sha256     {c.sha256}",
        f"span       {c.span.start}–{c.span.end} (code points)",
        f"worthiness {c.checkworthiness:.2f}",
        f"attributed {c.attribution or '—'}",
        f"note       {c.note or '—'}",
        "",
        "in context:",
    ]
    before = document_text[max(0, c.span.start - CONTEXT_CHARS) : c.span.start]
    after = document_text[c.span.end : c.span.end + CONTEXT_CHARS]
    in_context = f"…{before}>>>{c.span.exact}<<<{after}…"
    lines += textwrap.wrap(
        " ".join(in_context.split()), 100, initial_indent="  ", subsequent_indent="  "
    )
    lines.append("")
    lines.append("figures:" if c.quantities else "figures:  none")
    lines += [f"  {quantity_label(q)}" for q in c.quantities]
    lines.append("dates:" if c.dates else "dates:    none")
    lines += [f"  {date_label(d)}" for d in c.dates]
    lines.append("")
    lines.append("history:" if c.history else "history:  none (unverified since ingest)")
    for h in c.history:
        note = f"  note: {h.note}" if h.note else ""
        undo = f"  (undo of #{h.reverts})" if h.reverts else ""
        lines.append(f"  #{h.id} {h.at}  {h.analyst}: {h.from_.value} → {h.to.value}{undo}{note}")
    if len(c.anchors) > 1:
        lines.append("anchors:")
        lines += [f"  {a.at}  {a.method:<9} {a.document_id} {a.start}–{a.end}" for a in c.anchors]
    return "\n".join(lines)


def evidence_table(evidence: Sequence[EvidenceView]) -> str:
    """One row per evidence passage: stance, score, reason and source."""
    rows = [[e.stance, f"{e.score:.2f}", e.reason, e.document_title, e.text] for e in evidence]
    return table(["stance", "score", "reason", "source", "passage"], rows, max_width=56)


def conflicts_text(conflicts: Sequence[ConflictView]) -> str:
    """Conflicts grouped by claim, then by the differing figure or date each source reports."""
    if not conflicts:
        return "no conflicts (run `claimcheck check` after ingesting other sources)"
    lines: list[str] = []
    claim_id = None
    group = None
    for c in conflicts:
        if c.claim_id != claim_id:
            claim_id, group = c.claim_id, None
            lines += ["", f"{c.claim_id}  {c.claim_text}", f"  in {c.claim_document_path}"]
        if c.group != group:
            group = c.group
            lines.append(f"  [{c.kind}] {c.reason}")
        lines.append(
            f"      {c.evidence_document_path} [{c.evidence_span.start}–{c.evidence_span.end}]"
        )
        lines += textwrap.wrap(
            c.evidence_text, 96, initial_indent="        “", subsequent_indent="         "
        )
    claims = len({c.claim_id for c in conflicts})
    lines.append("")
    lines.append(f"{len(conflicts)} conflicting passages on {claims} claims")
    return "\n".join(lines).lstrip("\n")
