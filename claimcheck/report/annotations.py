"""`--format annotations`: a W3C Web Annotation AnnotationCollection (JSON-LD).

One annotation per claim (motivation `highlighting`, the claim's facts in the body), one per
evidence passage (motivation `linking`: the body is the stance, the reason and the claim's own
quote, the target the passage) and one per analyst decision (motivation `assessing`, with creator
and created). Every target names its document version (its original URL when known, else its
file URI, with the sha256 of the version's bytes) and carries a TextQuoteSelector (exact, prefix,
suffix) and a TextPositionSelector (start, end in Unicode code points into the text claimcheck
stored for that version). A span in a PDF also gets a FragmentSelector (`page=N`, RFC 3778)
refined by the same quote and by its position within that page's stored text. A claim's
annotation carries its Admiralty `grade`; each grading of the claim's credibility or of its
outlet's reliability is an `assessing` annotation by its analyst (`eventKind` `grade-…`) on the
claim.
"""

from __future__ import annotations

from typing import Any

from claimcheck.models import ClaimView, EvidenceView, HistoryEntry, Span
from claimcheck.report.build import ReportInput
from claimcheck.report.common import badges, dates, figures, made_by, source_uri
from claimcheck.report.model import ReportDocument
from claimcheck.text.jsontext import pretty_json

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
# claimcheck's own terms (docs/cli.md), beside the W3C context: the model allows an array context
CONTEXT: list[Any] = [
    ANNO_CONTEXT,
    {
        "cc": "urn:claimcheck:terms:",
        "sha256": "cc:sha256",
        "embeddingModel": "cc:embeddingModel",
        "stanceModel": "cc:stanceModel",
        "score": "cc:score",
        "role": "cc:role",
        "origin": "cc:origin",
        "handMade": "cc:handMade",
        "dismissed": "cc:dismissed",
        "suggestedStance": "cc:suggestedStance",
        "linkDecision": "cc:linkDecision",
        "eventKind": "cc:eventKind",
        "passage": "cc:passage",
    },
]


MEDIA_TYPES = {
    "txt": "text/plain",
    "md": "text/markdown",
    "html": "text/html",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
PDF_FRAGMENT = "http://tools.ietf.org/rfc/rfc3778"
Documents = dict[str, ReportDocument]


def target(
    document: ReportDocument | None, path: str, sha256: str, span: Span, page: int | None = None
) -> dict[str, Any]:
    """A SpecificResource: the document version and its selectors."""
    source: dict[str, Any] = {
        "id": source_uri(path, document.url if document else None),
        "type": "Text",
        "format": MEDIA_TYPES.get(document.format if document else "txt", "text/plain"),
        "sha256": sha256,
    }
    quote = {
        "type": "TextQuoteSelector",
        "exact": span.exact,
        "prefix": span.prefix,
        "suffix": span.suffix,
    }
    selectors = [quote, {"type": "TextPositionSelector", "start": span.start, "end": span.end}]
    starts = document.page_starts if document else None
    if page is not None and starts:
        offset = starts[page - 1]
        start, end = span.start - offset, span.end - offset
        within = {"type": "TextPositionSelector", "start": start, "end": end}
        selectors.append(
            {
                "type": "FragmentSelector",
                "conformsTo": PDF_FRAGMENT,
                "value": f"page={page}",
                "refinedBy": [quote, within],
            }
        )
    return {"type": "SpecificResource", "source": source, "selector": selectors}


def _claim_target(claim: ClaimView, documents: Documents) -> dict[str, Any]:
    document = documents.get(claim.document_id)
    return target(document, claim.document_path, claim.sha256, claim.span, claim.page)


def _claim_id(claim: ClaimView) -> str:
    return f"urn:claimcheck:claim:{claim.id}"


def _claim(claim: ClaimView, generator: dict[str, str], documents: Documents) -> dict[str, Any]:
    facts = "; ".join(figures(claim) + dates(claim))
    marks = "".join(f", {word}" for word in badges(claim))
    annotation: dict[str, Any] = {
        "id": _claim_id(claim),
        "type": "Annotation",
        "motivation": "highlighting",
        "generator": generator,
        "role": claim.role,
        "origin": claim.origin,
        "handMade": claim.hand_made,
        "dismissed": claim.dismissed,
        "body": {
            "type": "TextualBody",
            "purpose": "describing",
            "format": "text/plain",
            "value": f"claim ({claim.status.value}{marks}){': ' + facts if facts else ''}",
        },
        "target": _claim_target(claim, documents),
    }
    if claim.hand_made:
        annotation["creator"] = {"type": "Person", "name": made_by(claim)}
    if claim.grade is not None:
        annotation["grade"] = {
            "code": claim.grade.code,
            "reliability": claim.grade.reliability,
            "credibility": claim.grade.credibility,
            "suggestedCredibility": claim.grade.suggested_credibility,
            "value": claim.grade.summary,
        }
    return annotation


def _gradings(claim: ClaimView, documents: Documents) -> list[dict[str, Any]]:
    """Each grading of the claim's credibility and of its outlet's reliability, by its analyst,
    targeting the claim (an outlet has no span of its own)."""
    return [
        {
            "id": f"urn:claimcheck:grading:{event.id}:{claim.id}",
            "type": "Annotation",
            "motivation": "assessing",
            "eventKind": f"grade-{event.axis}",
            "creator": {"type": "Person", "name": event.analyst},
            "created": event.at,
            "body": {"type": "TextualBody", "purpose": "assessing", "value": event.change},
            "target": _claim_target(claim, documents),
        }
        for event in (claim.grade.history if claim.grade else [])
    ]


def _evidence(claim: ClaimView, e: EvidenceView, documents: Documents) -> dict[str, Any]:
    annotation = _suggestion(claim, e, documents)
    annotation["suggestedStance"] = e.suggested_stance
    if e.link is not None or e.link_note is not None:
        annotation["linkDecision"] = e.link
        annotation["creator"] = {"type": "Person", "name": e.link_analyst}
        annotation["modified"] = e.link_at
        annotation["body"].append(
            {"type": "TextualBody", "purpose": "assessing", "value": e.review}
        )
    return annotation


def _suggestion(claim: ClaimView, e: EvidenceView, documents: Documents) -> dict[str, Any]:
    stance = e.label
    document = documents.get(e.document_id)
    sha256 = document.sha256 if document else ""
    return {
        "id": f"urn:claimcheck:evidence:{claim.id}:{e.passage_id}",
        "type": "Annotation",
        "motivation": "linking",
        "created": e.created_at,
        "generator": {
            "type": "Software",
            "name": "claimcheck check",
            "embeddingModel": e.embedding_model,
            "stanceModel": e.stance_model,
        },
        "score": e.score,
        "body": [
            {"type": "TextualBody", "purpose": "classifying", "value": stance},
            {"type": "TextualBody", "purpose": "commenting", "value": e.reason},
            {**_claim_target(claim, documents), "id": _claim_id(claim), "purpose": "linking"},
        ],
        "target": target(document, e.document_path, sha256, e.span, e.page),
    }


def _decision(claim: ClaimView, entry: HistoryEntry, documents: Documents) -> dict[str, Any]:
    event = "" if entry.kind in ("status", "note") else f"; {entry.action}"
    link_note = f" (link note: {entry.link_note})" if entry.link_note else ""
    value = entry.to.value + event + (f": {entry.note}" if entry.note else "") + link_note
    annotation: dict[str, Any] = {
        "id": f"urn:claimcheck:decision:{entry.id}",
        "type": "Annotation",
        "motivation": "assessing",
        "eventKind": entry.kind,
        "creator": {"type": "Person", "name": entry.analyst},
        "created": entry.at,
        "body": {"type": "TextualBody", "purpose": "assessing", "value": value},
        "target": _claim_target(claim, documents),
    }
    if entry.passage_id is not None:
        annotation["passage"] = entry.passage_id
    return annotation


def render_annotations(data: ReportInput) -> str:
    """The AnnotationCollection, all annotations on one embedded page."""
    report = data.report
    documents = {d.id: d for d in report.documents}
    generator = {"type": "Software", "name": f"claimcheck {report.models.claimcheck}"}
    items: list[dict[str, Any]] = []
    for claim in report.claims:
        items.append(_claim(claim, generator, documents))
        items += [_evidence(claim, e, documents) for e in claim.evidence]
        items += [_decision(claim, entry, documents) for entry in claim.history]
        items += _gradings(claim, documents)
    collection_id = f"urn:claimcheck:report:{report.generated_at}"
    collection = {
        "@context": CONTEXT,
        "id": collection_id,
        "type": "AnnotationCollection",
        "label": "claimcheck claims, evidence and decisions",
        "total": len(items),
        "first": {
            "id": f"{collection_id}:page-0",
            "type": "AnnotationPage",
            "partOf": collection_id,
            "startIndex": 0,
            "items": items,
        },
    }
    return pretty_json(collection) + "\n"
