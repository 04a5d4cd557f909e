"""`--format prov`: W3C PROV through the `prov` package, as PROV-JSON or PROV-N.

Entities: document versions, claims, analyst decisions and conflicts. Activities: the ingest of
each document version, each `check` run, each review (decision). Agents: analysts (prov:Person),
the models (prov:SoftwareAgent) and claimcheck itself.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal

from claimcheck.jsontext import pretty_json
from claimcheck.report.build import ReportInput

if TYPE_CHECKING:
    from prov.model import ProvDocument

ProvFormat = Literal["json", "provn"]
NAMESPACE = "urn:claimcheck:"


def _time(value: str) -> datetime:
    return datetime.fromisoformat(value)


def _a(values: dict[str, Any]) -> dict[Any, Any]:
    """PROV attributes ('prov:type', 'cc:path', …) as the prov package's API types them."""
    return dict(values)


def _slug(text: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-._" else "_" for ch in text)


def build_prov(data: ReportInput) -> ProvDocument:
    """The report's provenance as a prov.model.ProvDocument."""
    from prov.model import ProvDocument

    report = data.report
    doc = ProvDocument()
    doc.add_namespace("cc", NAMESPACE)
    tool = doc.agent(
        "cc:claimcheck",
        _a({"prov:type": "prov:SoftwareAgent", "cc:version": report.models.claimcheck}),
    )
    for d in report.documents:
        entity = doc.entity(
            f"cc:document-{d.id}",
            _a(
                {
                    "prov:label": d.title,
                    "cc:path": d.path,
                    "cc:sha256": d.sha256,
                    "cc:version": d.version,
                }
            ),
        )
        ingest = doc.activity(f"cc:ingest-{d.id}", _time(d.ingested_at), _time(d.ingested_at))
        doc.wasAssociatedWith(ingest, tool)
        doc.wasGeneratedBy(entity, ingest, _time(d.ingested_at))
    for run in report.check_runs:
        check = doc.activity(
            f"cc:check-{run.id}",
            _time(run.at),
            _time(run.at),
            _a({"cc:claims_checked": run.claims_checked}),
        )
        doc.wasAssociatedWith(check, tool)
        for model in (run.embedding_model, run.stance_model):
            agent = doc.agent(
                f"cc:model-{_slug(model)}",
                _a({"prov:type": "prov:SoftwareAgent", "prov:label": model}),
            )
            doc.wasAssociatedWith(check, agent)
        for d in report.documents:
            if d.current:
                doc.used(check, f"cc:document-{d.id}")
    for claim in report.claims:
        entity = doc.entity(
            f"cc:claim-{claim.id}",
            _a(
                {
                    "prov:value": claim.text,
                    "cc:status": claim.status.value,
                    "cc:start": claim.span.start,
                    "cc:end": claim.span.end,
                    "cc:sha256": claim.sha256,
                }
            ),
        )
        doc.wasDerivedFrom(entity, f"cc:document-{claim.document_id}")
        doc.wasGeneratedBy(entity, f"cc:ingest-{claim.document_id}")
        for h in claim.history:
            analyst = doc.agent(
                f"cc:analyst-{_slug(h.analyst)}",
                _a({"prov:type": "prov:Person", "prov:label": h.analyst}),
            )
            review = doc.activity(f"cc:review-{h.id}", _time(h.at), _time(h.at))
            decision = doc.entity(
                f"cc:decision-{h.id}",
                _a({"cc:from": h.from_.value, "cc:to": h.to.value, "cc:note": h.note or ""}),
            )
            doc.used(review, entity)
            doc.wasAssociatedWith(review, analyst)
            doc.wasGeneratedBy(decision, review, _time(h.at))
            doc.wasAttributedTo(decision, analyst)
            doc.wasDerivedFrom(decision, entity)
    last_check = f"cc:check-{report.check_runs[-1].id}" if report.check_runs else None
    for i, conflict in enumerate(report.conflicts):
        entity = doc.entity(
            f"cc:conflict-{i}", _a({"cc:kind": conflict.kind, "prov:value": conflict.reason})
        )
        doc.wasDerivedFrom(entity, f"cc:claim-{conflict.claim_id}")
        doc.wasDerivedFrom(entity, f"cc:document-{conflict.evidence_document_id}")
        if last_check:
            doc.wasGeneratedBy(entity, last_check)
    return doc


def render_prov(data: ReportInput, prov_format: ProvFormat = "json") -> str:
    """PROV-JSON (default) or PROV-N."""
    doc = build_prov(data)
    if prov_format == "provn":
        return str(doc.get_provn()) + "\n"
    # prov's own serializer runs the stdlib's pure-Python indenting encoder; encoding the same
    # dict in Rust halves the time at 10,000 claims (docs/benchmarks.md)
    from prov.serializers.provjson import encode_json_document

    return pretty_json(encode_json_document(doc)) + "\n"
