"""`--format md`: the report for people who live in Markdown.

Every piece of source text and every note goes through `escape`: HTML-significant characters
become entities (a `<script>` stays text in any renderer) and Markdown syntax characters are
backslash-escaped, so a source cannot add links, images, headings or tables to the report.
"""

from __future__ import annotations

import re

from claimcheck.models import ClaimView, ConflictView, EvidenceView
from claimcheck.report.build import ReportInput
from claimcheck.report.common import (
    CONTEXT,
    badges,
    counts,
    dates,
    evidence_of,
    figures,
    origin,
    published_by,
    statements,
    strength_heading,
    verdicts,
)
from claimcheck.report.model import Report
from claimcheck.store.differing import ConflictGroup, group_conflicts
from claimcheck.text.context import in_context

_INLINE_SYNTAX = re.compile(r"([\\`*_\[\]#|~])")
_BLOCK_MARKER = re.compile(r"^( ?)(?:([-+=])|(\d{1,9})([.)]))")


def _unmark(match: re.Match[str]) -> str:
    space, bullet, number, delimiter = match.groups()
    return f"{space}\\{bullet}" if bullet else f"{space}{number}\\{delimiter}"


def escape(text: str) -> str:
    """Source text as inert Markdown on one line: entities for &, <, >; backslashes for syntax.

    Emphasis, code, links, images, headings and table pipes are escaped everywhere; list and
    heading markers only where they could start a block. Runs of white space (line breaks
    included) become one space; a space at either end stays, so pieces of one sentence can be
    escaped apart and joined.
    """
    flat = re.sub(r"\s+", " ", text)
    flat = flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _BLOCK_MARKER.sub(_unmark, _INLINE_SYNTAX.sub(r"\\\1", flat))


def _table(headers: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def _summary(report: Report) -> list[str]:
    s = report.summary
    lines = ["## Summary", ""]
    lines += _table(["status", "claims"], [[k, str(v)] for k, v in s.by_status.items()])
    lines += ["", "Claims by document:", ""]
    documents = [
        [escape(d.title), str(d.claims), str(d.unverified), str(d.confirmed), str(d.disputed)]
        for d in s.by_document
    ]
    lines += _table(["document", "claims", "unverified", "confirmed", "disputed"], documents)
    kinds = ", ".join(f"{n} {k}" for k, n in s.conflicts_by_kind.items()) or "none"
    lines += ["", f"Conflicts: {s.claims_with_conflicts} claims ({kinds}).", ""]
    return [*lines, *_review_summary(report), ""]


def _review_summary(report: Report) -> list[str]:
    """Roles, dismissed and hand-made claims, link decisions, disagreements."""
    s, scope = report.summary, report.scope
    links = ", ".join(f"{n} {v}" for v, n in s.links.items()) or "none"
    listed = "listed below" if scope.include_dismissed else "not listed; --include-dismissed"
    lines = [
        "- Sources under review"
        + (" and reference material" if scope.include_reference else "")
        + f"; {s.reference_documents} reference documents with {s.reference_claims} claims"
        + ("" if scope.include_reference else " not listed (--include-reference)"),
        f"- Dismissed as not a claim: {s.dismissed} ({listed})",
        f"- Hand-made claims: {s.hand_made}",
        f"- Evidence links reviewed by analysts: {links}",
    ]
    if s.disagreements:
        shown = ", ".join(f"[{cid}](#{cid})" for cid in s.disagreements)
        lines.append(f"- Analysts disagree on: {shown}")
    return lines


def _passage(c: ConflictView, claim: ClaimView | None, reason: str) -> str:
    """'e03.md, passage 12 [234–388]: “…”' and, when it words the conflict otherwise than its
    group, its own reason."""
    evidence = evidence_of(claim, c)
    name = escape(c.evidence_document_path.rsplit("/", 1)[-1])
    passage = f", passage {evidence.passage_id}" if evidence else ""
    own = f" ({escape(c.reason)})" if c.reason != reason else ""
    span = c.evidence_span
    return f"**{name}**{passage} [{span.start}–{span.end}]: “{escape(c.evidence_text)}”{own}"


def _group_row(group: ConflictGroup, claim: ClaimView | None) -> list[str]:
    """One differing value: the claim with its status and note, and every source reporting it."""
    first = group.first
    status = claim.status.value if claim else "unverified"
    note = f"; note: {escape(claim.note)}" if claim and claim.note else ""
    passages = [_passage(c, claim, first.reason) for c in group.passages]
    if len(passages) > 1:
        sources = len(group.sources)
        passages.insert(0, f"{len(passages)} passages in {sources} source{'s' * (sources > 1)}:")
    return [
        f"[{first.claim_id}](#{first.claim_id})",
        status + note,
        first.kind,
        escape(first.reason),
        "<br>".join(passages),
    ]


def _conflicts(report: Report) -> list[str]:
    """Contradictions, then updates (a later count or date): a row per differing value."""
    claims = {c.id: c for c in report.claims}
    lines: list[str] = []
    headers = ["claim", "status", "kind", "reason", "other sources say"]
    for title, updates, empty in (
        ("Conflicts", False, "No other source contradicts a claim."),
        ("Updates (a later count or date)", True, "No other source updates a claim."),
    ):
        found = [c for c in report.conflicts if (c.kind == "update") == updates]
        rows = [_group_row(g, claims.get(g.first.claim_id)) for g in group_conflicts(found)]
        lines += [f"## {title}", "", *(_table(headers, rows) if rows else [empty]), ""]
    return lines


def _evidence(evidence: list[EvidenceView]) -> list[str]:
    if not evidence:
        return ["No evidence found yet.", ""]
    rows = [
        [
            e.label,
            escape(e.review) or "—",
            f"{e.score:.2f}",
            escape(e.reason),
            escape(e.document_title),
            f"{e.passage_id}: {e.span.start}–{e.span.end}",
            escape(e.text),
        ]
        for e in evidence
    ]
    headers = ["stance", "review", "score", "reason", "source", "passage: span", "passage"]
    return [*_table(headers, rows), ""]


def _basis(claim: ClaimView) -> list[str]:
    if not claim.basis:
        return []
    lines = [f"{strength_heading(claim)}:", ""]
    lines += [
        f"> “{escape(b.text)}” — {escape(b.document_title)}, passage {b.passage_id} "
        f"({b.span.start}–{b.span.end}){', ' + b.stance if b.stance else ''}"
        for b in claim.basis
    ]
    return [*lines, ""]


def _claim(claim: ClaimView, report: Report, texts: dict[str, str]) -> list[str]:
    context = in_context(texts.get(claim.document_id), claim.span, CONTEXT)
    document = report.document(claim.document_id)
    supporting, contradicting = counts(claim)
    marks = "".join(f" — {word}" for word in badges(claim))
    lines = [
        f'### <a id="{claim.id}"></a>{claim.id} — {claim.status.value}'
        + (" — orphaned" if claim.orphaned else "")
        + (" — changed since decided" if claim.changed_since_decided else "")
        + marks,
        "",
        f"> {'…' if context.clipped_before else ''}{escape(context.before)}"
        f"**{escape(context.exact)}**{escape(context.after)}"
        f"{'…' if context.clipped_after else ''}",
        "",
        f"- Source: {escape(claim.document_title)} ({escape(claim.document_path)}, "
        f"version {claim.document_version}), characters {claim.span.start}–{claim.span.end}",
        *([f"- Published by: {escape(by)}"] if (by := published_by(claim)) else []),
        f"- sha256: `{claim.sha256}`" + ("" if document else " (document not in this report)"),
        f"- Figures: {escape('; '.join(figures(claim))) or '—'}",
        f"- Dates: {escape('; '.join(dates(claim))) or '—'}",
        f"- Attributed to: {escape(claim.attribution or '—')}",
        *([f"- Grade: {escape(claim.grade.summary)}"] if claim.grade else []),
        f"- Check-worthiness: {claim.checkworthiness:.2f}; evidence: {supporting} supporting, "
        f"{contradicting} contradicting",
        f"- Note: {escape(claim.note) if claim.note else '—'}",
        f"- Role: {claim.role}; origin: {escape(origin(claim))}",
        f"- Verdicts: {escape(verdicts(claim))}"
        + (" (analysts disagree)" if claim.disagreement else ""),
        "",
        *_basis(claim),
    ]
    stated = statements(claim)  # denials, ranks, open questions: listed only where there are any
    if stated:
        lines.insert(-5, f"- Statements: {escape('; '.join(stated))}")
    if claim.history:
        lines += ["Decisions:", ""]
        decisions = [
            [
                str(h.id),
                h.at,
                escape(h.analyst),
                escape(h.action),
                escape(h.note or "")
                + (f" (link note: {escape(h.link_note)})" if h.link_note else ""),
            ]
            for h in claim.history
        ]
        lines += _table(["#", "at", "analyst", "event", "note"], decisions)
        lines.append("")
    if claim.grade and claim.grade.history:
        gradings = [
            [str(g.id), g.at, escape(g.analyst), escape(g.change)] for g in claim.grade.history
        ]
        lines += ["Gradings:", "", *_table(["#", "at", "analyst", "grading"], gradings), ""]
    return [*lines, "Evidence:", "", *_evidence(claim.evidence)]


def _documents(report: Report) -> list[str]:
    rows = [
        [
            escape(d.title),
            d.role,
            escape(d.path),
            f"{d.version}{'' if d.current else ' (replaced)'}",
            f"`{d.sha256}`",
            d.ingested_at,
        ]
        for d in report.documents
    ]
    headers = ["title", "role", "path", "version", "sha256", "ingested"]
    return ["## Documents", "", *_table(headers, rows)]


def _models(report: Report) -> list[str]:
    """Models, package versions and check runs: what produced the suggestions."""
    m = report.models
    components = [
        ["claimcheck", escape(m.claimcheck)],
        ["embedding models", escape(", ".join(m.embedding_models)) or "none"],
        ["stance models", escape(", ".join(m.stance_models)) or "none"],
        *([escape(name), escape(version)] for name, version in m.packages.items()),
    ]
    runs = [
        [str(r.id), r.at, escape(r.embedding_model), escape(r.stance_model), str(r.claims_checked)]
        for r in report.check_runs
    ]
    return [
        "## Models and versions",
        "",
        *_table(["component", "version"], components),
        "",
        *_table(["check run", "at", "embedding", "stance", "claims checked"], runs),
    ]


def render_markdown(data: ReportInput) -> str:
    """The whole report as one Markdown document."""
    report = data.report
    models = report.models
    lines = [
        "# claimcheck provenance report",
        "",
        escape(
            f"Generated {report.generated_at} from {report.database} by claimcheck "
            f"{models.claimcheck}; embedding models: "
            f"{', '.join(models.embedding_models) or 'none'}; stance: "
            f"{', '.join(models.stance_models) or 'none'}."
        ),
        "",
        *_summary(report),
        *_conflicts(report),
        "## Claims",
        "",
    ]
    for claim in report.claims:
        lines += _claim(claim, report, data.texts)
    lines += [*_documents(report), "", *_models(report)]
    return "\n".join(lines).rstrip() + "\n"
