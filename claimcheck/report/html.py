"""`--format html`: one self-contained, printable page; nothing is fetched from a network.

Every piece of source text, note and name goes through `html.escape`. On top of that the page
carries a Content-Security-Policy that allows only its own stylesheet and script, by hash: even
if something slipped through, an injected `<script>` or `onerror=` attribute would not run. No
data is embedded as JSON: the script reads the page's own `data-` attributes.
"""

from __future__ import annotations

import base64
import hashlib
from html import escape
from importlib import resources

from claimcheck.grading import Grade
from claimcheck.models import BasisPassage, ClaimView, EvidenceView
from claimcheck.report.build import ReportInput
from claimcheck.report.common import (
    CONTEXT,
    badges,
    counts,
    dates,
    figures,
    origin,
    published_by,
    statements,
    strength_heading,
    verdicts,
)
from claimcheck.report.htmlconflicts import conflict_sections, passage_anchor, where
from claimcheck.report.model import Report
from claimcheck.text.context import in_context

STATUSES = ["unverified", "confirmed", "disputed"]
KINDS = ["figure", "date", "statement", "update"]


def _asset(name: str) -> str:
    return resources.files("claimcheck.report").joinpath("assets", name).read_text("utf-8")


def _hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _bars(items: list[tuple[str, dict[str, int]]], series: list[str], width: int = 380) -> str:
    """A horizontal bar per item, stacked by series (CSS class `bar-SERIES`), as inline SVG.

    The view box is about as wide as the chart's column, so 12px labels stay near 12px.
    """
    label_width, row, top = 170, 22, 8
    scale = max((sum(v.values()) for _, v in items), default=1) or 1
    height = top + row * len(items) + 24
    parts = [f'<svg viewBox="0 0 {width} {height}" role="img">']
    for i, (label, values) in enumerate(items):
        y = top + i * row
        shown = label if len(label) <= 24 else label[:23] + "…"
        parts.append(
            f'<text x="0" y="{y + 15}"><title>{escape(label)}</title>{escape(shown)}</text>'
        )
        x = float(label_width)
        for name in series:
            span = (width - label_width - 40) * values.get(name, 0) / scale
            if span:
                parts.append(
                    f'<rect class="bar-{name}" x="{x:.1f}" y="{y + 3}" width="{span:.1f}" '
                    f'height="16"><title>{name}: {values[name]}</title></rect>'
                )
            x += span
        parts.append(f'<text x="{x + 6:.1f}" y="{y + 15}">{sum(values.values())}</text>')
    legend_y = top + row * len(items) + 16
    for i, name in enumerate(series):
        parts.append(
            f'<rect class="bar-{name}" x="{i * 84}" y="{legend_y - 10}" '
            f'width="10" height="10"></rect><text x="{i * 84 + 14}" '
            f'y="{legend_y}">{name}</text>'
        )
    return "".join(parts) + "</svg>"


def _chart(caption: str, svg: str) -> str:
    return f'<figure class="chart"><figcaption>{caption}</figcaption>{svg}</figure>'


def _summary(report: Report) -> str:
    s = report.summary
    by_status = _bars([(status, {status: n}) for status, n in s.by_status.items()], STATUSES)
    by_document = _bars(
        [
            (
                d.title,
                {"unverified": d.unverified, "confirmed": d.confirmed, "disputed": d.disputed},
            )
            for d in s.by_document
        ],
        STATUSES,
    )
    kinds = [k for k in KINDS if k in s.conflicts_by_kind]
    by_kind = _bars([(k, {k: s.conflicts_by_kind[k]}) for k in kinds], kinds)
    listed = ", ".join(f"{n} {escape(k)}" for k, n in s.conflicts_by_kind.items()) or "none"
    return (
        '<section id="summary"><h2>Summary</h2>'
        f"<p>{s.claims} claims; {s.claims_with_conflicts} contradicted or updated by another "
        f"source (conflicting passages: {listed}).</p>{_review_summary(report)}"
        '<div class="charts">'
        f"{_chart('Claims by status', by_status)}{_chart('Claims by document', by_document)}"
        f"{_chart('Conflicting passages by kind', by_kind) if kinds else ''}</div></section>"
    )


def _review_summary(report: Report) -> str:
    """Roles, dismissed and hand-made claims, link decisions and disagreements, as a list."""
    s, scope = report.summary, report.scope
    links = ", ".join(f"{n} {escape(v)}" for v, n in s.links.items()) or "none"
    reference = f"{s.reference_documents} reference documents with {s.reference_claims} claims"
    items = [
        "Sources under review"
        + (f" and {reference}" if scope.include_reference else f"; {reference} not listed"),
        f"Dismissed as not a claim: {s.dismissed}"
        + ("" if scope.include_dismissed else " (not listed)"),
        f"Hand-made claims: {s.hand_made}",
        f"Evidence links reviewed by analysts: {links}",
    ]
    if s.disagreements:
        shown = ", ".join(f'<a href="#{escape(c)}">{escape(c)}</a>' for c in s.disagreements)
        items.append(f'<span class="disagree">Analysts disagree on</span>: {shown}')
    return '<ul class="review">' + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def _contents(report: Report) -> str:
    """Links to every section, so the claims are one tap away however long the report is."""
    contradictions = sum(c.kind != "update" for c in report.conflicts)
    updates = len(report.conflicts) - contradictions
    items = [
        ("summary", "Summary"),
        ("conflicts", f"Conflicts ({contradictions} passages)"),
        ("updates", f"Updates ({updates} passages)"),
        ("claims", f"Claims ({len(report.claims)})"),
        ("documents", f"Documents ({len(report.documents)})"),
        ("models", "Models and versions"),
    ]
    links = "".join(f'<li><a href="#{key}">{label}</a></li>' for key, label in items)
    return f'<nav class="contents" aria-label="contents"><ul>{links}</ul></nav>'


def _quote(text: str | None, e: ClaimView | EvidenceView | BasisPassage, css: str = "") -> str:
    c = in_context(text, e.span, CONTEXT)
    return (
        f"<blockquote>{'…' if c.clipped_before else ''}{escape(c.before)}"
        f'<mark class="{css}">{escape(c.exact)}</mark>{escape(c.after)}'
        f"{'…' if c.clipped_after else ''}</blockquote>"
    )


def _evidence_table(claim_id: str, evidence: list[EvidenceView], texts: dict[str, str]) -> str:
    rows = []
    for e in evidence:
        stance = e.label
        css = "rejected" if e.link == "rejected" else "conflict" if e.is_conflict else ""
        # only conflicting passages are linked to (from the conflict tables)
        anchor = f' id="{escape(passage_anchor(claim_id, e.passage_id))}"' if e.is_conflict else ""
        rows.append(
            f'<tr class="{css}"{anchor}>'
            f'<td class="stance-{stance}">{stance}</td>'
            f"<td>{escape(e.review) or '—'}</td><td>{e.score:.2f}</td>"
            f"<td>{escape(e.reason)}</td><td>{escape(e.document_title)}"
            f"{where(e.document_path, e.span.start, e.span.end)}"
            f"{_quote(texts.get(e.document_id), e, 'evidence')}</td></tr>"
        )
    return (
        "<table><thead><tr><th>stance</th><th>review</th><th>score</th><th>reason</th>"
        f"<th>source</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _evidence(claim: ClaimView, texts: dict[str, str]) -> str:
    """Supporting and conflicting passages in full; merely related ones folded away."""
    if not claim.evidence:
        return '<p class="muted">No evidence found yet.</p>'
    decisive: list[EvidenceView] = []
    related: list[EvidenceView] = []
    for e in claim.evidence:
        folded = e.label == "related" and e.link is None
        (related if folded else decisive).append(e)
    shown = _evidence_table(claim.id, decisive, texts) if decisive else ""
    if not related:
        return shown
    return (
        f"{shown}<details><summary>{len(related)} related passage"
        f"{'' if len(related) == 1 else 's'} (neither supports nor contradicts)</summary>"
        f"{_evidence_table(claim.id, related, texts)}</details>"
    )


def _history(claim: ClaimView) -> str:
    if not claim.history:
        return '<p class="muted">No decisions yet.</p>'
    rows = "".join(
        f"<tr><td>#{h.id}</td><td>{escape(h.at)}</td><td>{escape(h.analyst)}</td>"
        f"<td>{escape(h.action)}</td><td>{escape(h.note or '')}"
        f"{f' (link note: {escape(h.link_note)})' if h.link_note else ''}</td></tr>"
        for h in claim.history
    )
    return (
        "<table><thead><tr><th>event</th><th>at</th><th>analyst</th><th>decision</th>"
        f"<th>note</th></tr></thead><tbody>{rows}</tbody></table>"
    )


def _facts(claim: ClaimView) -> str:
    supporting, contradicting = counts(claim)
    facts = [
        ("source", f"{escape(claim.document_title)} (version {claim.document_version})"),
        ("path", f'<span class="mono">{escape(claim.document_path)}</span>'),
        *([("published by", escape(by))] if (by := published_by(claim)) else []),
        (
            "span",
            f"{claim.span.start}–{claim.span.end} in sha256 "
            f'<span class="mono">{escape(claim.sha256)}</span>',
        ),
        ("figures", escape("; ".join(figures(claim))) or "—"),
        ("dates", escape("; ".join(dates(claim))) or "—"),
        ("attributed to", escape(claim.attribution or "—")),
        *([("grade", _grade(claim.grade))] if claim.grade else []),
        ("check-worthiness", f"{claim.checkworthiness:.2f}"),
        ("evidence", f"{supporting} supporting, {contradicting} contradicting"),
        ("note", escape(claim.note) if claim.note else "—"),
        ("role", claim.role),
        ("origin", escape(origin(claim))),
        ("verdicts", escape(verdicts(claim))),
    ]
    stated = statements(claim)  # denials, ranks, open questions: listed only where there are any
    if stated:
        facts.insert(6, ("statements", escape("; ".join(stated))))
    return '<dl class="facts">' + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts) + "</dl>"


def _grade(grade: Grade) -> str:
    """The Admiralty code, each axis and the suggestion, then every grading, oldest first."""
    shown = f'<span class="mono">{escape(grade.code)}</span> {escape(grade.summary)}'
    if grade.history:
        items = "".join(
            f"<li>{escape(g.at)} {escape(g.analyst)}: {escape(g.change)}</li>"
            for g in grade.history
        )
        shown += f'<ol class="gradings">{items}</ol>'
    return shown


def _basis(claim: ClaimView, texts: dict[str, str]) -> str:
    """The accepted passages the status decision rests on, quoted in their context."""
    if not claim.basis:
        return ""
    items = "".join(
        f"<li>{escape(b.document_title)}{where(b.document_path, b.span.start, b.span.end)}"
        f"{_quote(texts.get(b.document_id), b, 'evidence')}</li>"
        for b in claim.basis
    )
    return f'<h4 class="basis">{strength_heading(claim)}</h4><ol class="basis">{items}</ol>'


def _claim(claim: ClaimView, texts: dict[str, str], conflicted: set[str]) -> str:
    conflict = claim.id in conflicted
    orphan = ' <span class="badge orphaned">orphaned</span>' if claim.orphaned else ""
    if claim.changed_since_decided:
        orphan += ' <span class="badge orphaned">changed since decided</span>'
    orphan += "".join(f' <span class="badge flag">{word}</span>' for word in badges(claim))
    return (
        f'<article class="claim{" conflict" if conflict else ""}" id="{escape(claim.id)}" '
        f'data-status="{claim.status.value}" data-conflict="{int(conflict)}">'
        f'<h3><span class="badge {claim.status.value}">{claim.status.value}</span>{orphan} '
        f'<span class="mono">{escape(claim.id)}</span></h3>'
        f"{_quote(texts.get(claim.document_id), claim)}{_facts(claim)}{_basis(claim, texts)}"
        f"<h4>Decisions</h4>{_history(claim)}<h4>Evidence</h4>{_evidence(claim, texts)}"
        "</article>"
    )


def _filters(report: Report) -> str:
    boxes = "".join(
        f'<label><input type="checkbox" name="status" value="{s}" checked> {s} '
        f"({report.summary.by_status.get(s, 0)})</label>"
        for s in STATUSES
    )
    return (
        f'<nav class="filters" aria-label="filters"><strong>Show</strong>{boxes}'
        '<label><input type="checkbox" id="conflicts-only"> only with conflicts</label>'
        '<span id="shown-count" class="muted"></span></nav>'
    )


def _table(headers: list[str], rows: list[list[str]], css: str = "") -> str:
    """A table whose cells are already escaped."""
    head = "".join(f"<th>{h}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table class="{css}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _provenance(report: Report) -> str:
    """Documents with their hashes, models, package versions and check runs: enough to audit."""
    documents = [
        [
            escape(d.title),
            d.role,
            f'<span class="mono">{escape(d.path)}</span>',
            f"{d.version}{'' if d.current else ' (replaced)'}",
            f'<span class="mono">{escape(d.sha256)}</span>',
            escape(d.ingested_at),
        ]
        for d in report.documents
    ]
    m = report.models
    models = [
        ["claimcheck", escape(m.claimcheck)],
        ["embedding models", escape(", ".join(m.embedding_models) or "none")],
        ["stance models", escape(", ".join(m.stance_models) or "none")],
        *([escape(name), escape(version)] for name, version in m.packages.items()),
    ]
    runs = [
        [f"#{r.id}", escape(r.at), escape(r.embedding_model), escape(r.stance_model),
         str(r.claims_checked)]
        for r in report.check_runs
    ]  # fmt: skip
    return (
        '<section id="documents"><h2>Documents</h2>'
        f"{_table(['title', 'role', 'path', 'version', 'sha256', 'ingested'], documents)}"
        "</section>"
        '<section id="models"><h2>Models and versions</h2><div class="columns">'
        f"{_table(['component', 'version'], models, 'narrow')}"
        f"{_table(['check run', 'at', 'embedding', 'stance', 'claims'], runs, 'narrow')}"
        "</div></section>"
    )


def render_html(data: ReportInput) -> str:
    """The whole report as one HTML page with inline CSS and JS."""
    report = data.report
    css, js = _asset("report.css"), _asset("report.js")
    policy = (
        f"default-src 'none'; style-src {_hash(css)}; script-src {_hash(js)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    conflicted = {c.claim_id for c in report.conflicts}
    models = report.models
    claims = "".join(_claim(c, data.texts, conflicted) for c in report.claims)
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>claimcheck provenance report</title><style>{css}</style></head><body>"
        "<header><h1>claimcheck provenance report</h1>"
        f'<p class="meta">Generated {escape(report.generated_at)} from '
        f'<span class="mono">{escape(report.database)}</span> by claimcheck '
        f"{escape(models.claimcheck)} · embedding: "
        f"{escape(', '.join(models.embedding_models) or 'none')} · stance: "
        f"{escape(', '.join(models.stance_models) or 'none')}</p></header>"
        f"{_contents(report)}{_summary(report)}{conflict_sections(report)}"
        f'<section id="claims"><h2>Claims</h2>{_filters(report)}{claims}</section>'
        f"{_provenance(report)}<script>{js}</script></body></html>\n"
    )
