"""The HTML report's conflict and update tables: one row per differing value a claim meets, listing
every source that reports it, each passage linked to where the claim's card quotes it."""

from __future__ import annotations

from html import escape
from pathlib import PurePosixPath

from claimcheck.models import ClaimView, ConflictView
from claimcheck.report.common import evidence_of
from claimcheck.report.model import Report
from claimcheck.store.differing import ConflictGroup, group_conflicts


def where(path: str, start: int, end: int) -> str:
    """A passage's path and code-point span, muted."""
    return f'<div class="muted mono">{escape(path)} [{start}–{end}]</div>'


def passage_anchor(claim_id: str, passage_id: int) -> str:
    """The id of a passage's row in its claim's evidence table."""
    return f"{claim_id}-p{passage_id}"


def _passage(c: ConflictView, claim: ClaimView | None, reason: str) -> str:
    """One source's passage: its title, the passage (linked to the claim's card), its place and,
    when it words the conflict otherwise than the group, its own reason."""
    evidence = evidence_of(claim, c)
    title = evidence.document_title if evidence else PurePosixPath(c.evidence_document_path).name
    text = f"<q>{escape(c.evidence_text)}</q>"
    if evidence is not None:
        text = f'<a href="#{passage_anchor(c.claim_id, evidence.passage_id)}">{text}</a>'
    own = f'<div class="muted">{escape(c.reason)}</div>' if c.reason != reason else ""
    span = c.evidence_span
    return (
        f'<div class="source-title">{escape(title)}</div>{text}'
        f"{where(c.evidence_document_path, span.start, span.end)}{own}"
    )


def _others(group: ConflictGroup, claim: ClaimView | None) -> str:
    """Every passage reporting the group's value; with several, how many sources say it."""
    reason = group.first.reason
    if len(group.passages) == 1:
        return _passage(group.first, claim, reason)
    sources = len(group.sources)
    said = (
        f"{len(group.passages)} passages in {sources} sources"
        if sources > 1
        else f"{len(group.passages)} passages in one source"
    )
    items = "".join(f"<li>{_passage(c, claim, reason)}</li>" for c in group.passages)
    return f'<div class="reported-by">{said} report this</div><ol class="sources">{items}</ol>'


def _claim_rows(groups: list[ConflictGroup], claim: ClaimView | None) -> str:
    """One claim's differing values: the claim (status, note) once, then a row per value; a
    <tbody> of its own, so narrow screens stack it as one card."""
    first = groups[0].first
    status = claim.status.value if claim else "unverified"
    note = f'<div class="note">note: {escape(claim.note)}</div>' if claim and claim.note else ""
    claim_cell = (
        f'<td rowspan="{len(groups)}" class="c-claim" data-label="claim">'
        f'<span class="badge {status}">{status}</span> <a href="#{escape(first.claim_id)}">'
        f"{escape(first.claim_id)}</a><div>{escape(first.claim_text)}</div>{note}"
        f"{where(first.claim_document_path, first.claim_span.start, first.claim_span.end)}</td>"
    )
    rows = []
    for i, group in enumerate(groups):
        kind = group.first.kind
        css = "update" if kind == "update" else "conflict"
        stance = "update" if kind == "update" else "contradicts"
        rows.append(
            f'<tr class="{css}" data-sources="{len(group.sources)}">'
            f"{claim_cell if i == 0 else ''}"
            f'<td class="stance-{stance}" data-label="kind">{escape(kind)}</td>'
            f'<td data-label="reason">{escape(group.first.reason)}</td>'
            f'<td class="c-other" data-label="other sources say">{_others(group, claim)}</td></tr>'
        )
    return f"<tbody>{''.join(rows)}</tbody>"


def _table(
    section: str, title: str, found: list[ConflictView], claims: dict[str, ClaimView], empty: str
) -> str:
    if not found:
        return f'<section id="{section}"><h2>{title}</h2><p>{empty}</p></section>'
    by_claim: dict[str, list[ConflictGroup]] = {}
    for group in group_conflicts(found):
        by_claim.setdefault(group.first.claim_id, []).append(group)
    rows = "".join(_claim_rows(groups, claims.get(key)) for key, groups in by_claim.items())
    return (
        f'<section id="{section}"><h2>{title}</h2><table class="conflicts {section}"><colgroup>'
        '<col class="c-claim"><col class="c-kind"><col class="c-reason"><col></colgroup><thead><tr>'
        "<th>claim</th><th>kind</th><th>reason</th><th>other sources say</th></tr></thead>"
        f"{rows}</table></section>"
    )


def conflict_sections(report: Report) -> str:
    """Contradictions first, then updates (a later count or date) in a section of their own."""
    claims = {c.id: c for c in report.claims}
    contradictions = [c for c in report.conflicts if c.kind != "update"]
    updates = [c for c in report.conflicts if c.kind == "update"]
    return _table(
        "conflicts", "Conflicts", contradictions, claims, "No other source contradicts a claim."
    ) + _table(
        "updates",
        "Updates (a later count or date)",
        updates,
        claims,
        "No other source updates a claim.",
    )
