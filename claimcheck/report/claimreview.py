"""`--format claimreview`: schema.org ClaimReview JSON-LD for every claim an analyst decided.

Rating scale (stated in docs/cli.md): bestRating 3, worstRating 1; confirmed → 3, unverified → 2,
disputed → 1, with `alternateName` the status word. `datePublished` of the review is the latest
decision's date; `author` its analyst; `citation` quotes the passages the status decision rests
on; a hand-made claim carries the keyword `hand-made`; the reviewed claim's `appearance` is the
source document (a MediaObject, a kind of CreativeWork, so it can carry the version's `sha256`)
at its original URL when known (else its file URI), with its publisher, authors and publication
date when known; its `author` the attribution (untyped: it may name a person or an organisation).
The Admiralty grade is in `additionalProperty` (PropertyValues `admiraltyGrade`,
`sourceReliability`, `informationCredibility`, `suggestedCredibility`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from claimcheck.grading import Grade, said
from claimcheck.models import ClaimView
from claimcheck.report.build import ReportInput
from claimcheck.report.common import source_uri
from claimcheck.report.model import ReportDocument
from claimcheck.stance.cues import is_reporting_date
from claimcheck.text.jsontext import pretty_json

RATING = {"confirmed": 3, "unverified": 2, "disputed": 1}
GENRES = {"source": "source under review", "reference": "reference material"}
"""The document's role, as the appearance's schema.org `genre`."""
BEST, WORST = 3, 1


def said_on(claim: ClaimView) -> str | None:
    """When the claim was made, if the source dates the saying to a day ('X said on 13 Oct…').

    A date the claim is about ('deliveries between 7 September and 1 October') is not used.
    """
    quote, offset = claim.span.exact, claim.span.start
    for d in claim.dates:
        start, end = d.start - offset, d.end - offset
        if d.precision == "day" and d.value and is_reporting_date(quote, start, end):
            return d.value
    return None


VERDICT_EVENTS = ("status", "note", "undo", "redo")
"""Events that review the claim itself (a link review or a dismissal does not)."""


def decided(claim: ClaimView) -> bool:
    """Whether an analyst has reviewed the claim itself (status or note, or undone one)."""
    return any(h.kind in VERDICT_EVENTS for h in claim.history)


def _source_url(path: str, document: ReportDocument | None) -> str:
    return source_uri(path, document.url if document else None)


def appearance(claim: ClaimView, document: ReportDocument | None) -> dict[str, Any]:
    """The source the claim appears in: URL, title, the version's sha256 and what else is known."""
    found: dict[str, Any] = {
        "@type": "MediaObject",
        "url": _source_url(claim.document_path, document),
        "name": claim.document_title,
        "sha256": claim.sha256,
        "genre": GENRES[claim.role],
    }
    if document and document.publisher:
        found["publisher"] = {"name": document.publisher}
    if document and document.authors:
        found["author"] = [{"name": name} for name in document.authors]
    if document and document.published:
        found["datePublished"] = document.published
    return found


def review(
    claim: ClaimView, documents: Mapping[str, ReportDocument] | None = None
) -> dict[str, Any]:
    """One ClaimReview object for a decided claim (`documents` by id give sources' metadata)."""
    documents = documents or {}
    document = documents.get(claim.document_id)
    latest = [h for h in claim.history if h.kind in VERDICT_EVENTS][-1]
    item: dict[str, Any] = {
        "@type": "Claim",
        "text": claim.text,
        "appearance": appearance(claim, document),
    }
    if claim.attribution:
        # the source's own words name a person or an organisation; claimcheck cannot tell which
        item["author"] = {"name": claim.attribution}
    stated = said_on(claim)
    if stated:
        item["datePublished"] = stated
    body: dict[str, Any] = {
        "@type": "ClaimReview",
        "@id": f"urn:claimcheck:claim:{claim.id}",
        "claimReviewed": claim.text,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": RATING[claim.status.value],
            "bestRating": BEST,
            "worstRating": WORST,
            "alternateName": claim.status.value,
        },
        "itemReviewed": item,
        "author": {"@type": "Person", "name": latest.analyst},
        "datePublished": latest.at[:10],
    }
    if claim.grade is not None:
        body["additionalProperty"] = grade_properties(claim.grade)
    if claim.note:
        body["reviewBody"] = claim.note
    if claim.hand_made:
        item["keywords"] = ["hand-made"]  # the analyst, not the extractor, chose this span
    if claim.basis:
        body["citation"] = [
            {
                "@type": "Quotation",
                "text": b.text,
                "isPartOf": {
                    "@type": "MediaObject",
                    "url": _source_url(b.document_path, documents.get(b.document_id)),
                    "name": b.document_title,
                },
            }
            for b in claim.basis
        ]
    return body


def grade_properties(grade: Grade) -> list[dict[str, Any]]:
    """The Admiralty grade as schema.org PropertyValues: the code, each axis an analyst set
    (with who), and the credibility claimcheck suggests."""
    found: list[dict[str, Any]] = [
        {"@type": "PropertyValue", "name": "admiraltyGrade", "value": grade.code}
    ]
    axes = (
        ("sourceReliability", grade.reliability, grade.reliability_by),
        ("informationCredibility", grade.credibility, grade.credibility_by),
        ("suggestedCredibility", grade.suggested_credibility, None),
    )
    for name, value, by in axes:
        if value is not None:
            item = {"@type": "PropertyValue", "name": name, "value": value}
            item["description"] = said(value, by)
            found.append(item)
    return found


def render_claimreview(data: ReportInput) -> str:
    """A JSON-LD document: an @graph of ClaimReview objects, one per decided claim."""
    documents = {d.id: d for d in data.report.documents}
    reviews = [review(c, documents) for c in data.report.claims if decided(c)]
    document = {"@context": "https://schema.org", "@graph": reviews}
    return pretty_json(document) + "\n"
