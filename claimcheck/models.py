"""Pydantic records shared by every layer: documents, passages, claims, facts and decisions."""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Record(BaseModel):
    """Base for every stored or exchanged record: unknown fields are an error."""

    model_config = ConfigDict(extra="forbid", defer_build=True)


class Status(StrEnum):
    """An analyst's verdict on a claim; every claim starts `unverified`."""

    unverified = "unverified"
    confirmed = "confirmed"
    disputed = "disputed"


DatePrecision = Literal["day", "month", "year", "approximate", "relative"]


class Span(Record):
    """A W3C Web Annotation style anchor: code-point position plus quote with context."""

    start: int = Field(ge=0, description="Start offset in code points into the document text.")
    end: int = Field(ge=0, description="End offset (exclusive) in code points.")
    exact: str = Field(description="The quoted text; document.text[start:end] == exact.")
    prefix: str = Field(default="", description="Up to 32 characters before the quote.")
    suffix: str = Field(default="", description="Up to 32 characters after the quote.")


class Quantity(Record):
    """A figure stated in text, as the interval the wording asserts."""

    text: str = Field(description="Source text of the figure, e.g. 'over 15,000'.")
    value: float | None = Field(description="The stated number; None for a range.")
    low: float | None = Field(description="Lower bound the wording implies; None if unbounded.")
    high: float | None = Field(description="Upper bound the wording implies; None if unbounded.")
    qualifier: str | None = Field(
        description="over, more than, at least, about, nearly, up to, between…"
    )
    unit: str | None = Field(description="The counted thing, e.g. 'troops'.")
    start: int = Field(ge=0, description="Start offset in the document text.")
    end: int = Field(ge=0, description="End offset in the document text.")


class DateFact(Record):
    """A date stated in text, normalised with its precision."""

    text: str = Field(description="Source text of the date, e.g. '23 November 2023'.")
    value: str | None = Field(description="ISO form at its precision: 2023-11-23, 2024-06, 1961.")
    precision: DatePrecision
    earliest: str | None = Field(default=None, description="First day the date can mean (ISO).")
    latest: str | None = Field(default=None, description="Last day the date can mean (ISO).")
    start: int = Field(ge=0, description="Start offset in the document text.")
    end: int = Field(ge=0, description="End offset in the document text.")


class Document(Record):
    """One version of an ingested source file."""

    id: str
    path: str = Field(description="Absolute path the document was ingested from.")
    title: str
    sha256: str = Field(description="sha256 of the file's bytes.")
    ingested_at: str
    format: Literal["txt", "md", "html"]
    text: str = Field(description="Stored text; every offset indexes this string.")
    version: int = 1
    superseded_by: str | None = None
    published: str | None = Field(
        default=None,
        description="Publication date (ISO, at the precision the source states); None if unknown.",
    )
    published_from: str | None = Field(
        default=None,
        description="Where the publication date was read: dateline, byline, meta, json-ld, time, "
        "analyst…",
    )


class Passage(Record):
    """A sentence of a document: the unit searched as evidence."""

    id: int = Field(default=0, description="SQLite rowid; 0 until stored.")
    document_id: str
    seq: int
    start: int
    end: int
    text: str
    content_hash: str
    quantities: list[Quantity] = Field(default_factory=list)
    dates: list[DateFact] = Field(default_factory=list)
    attribution: str | None = None


class Claim(Record):
    """A check-worthy factual assertion anchored in one document."""

    id: str
    document_id: str
    span: Span
    sha256: str = Field(description="sha256 of the document version the span anchors into.")
    text: str
    quantities: list[Quantity] = Field(default_factory=list)
    dates: list[DateFact] = Field(default_factory=list)
    attribution: str | None = None
    checkworthiness: float = Field(ge=0.0, le=1.0)
    orphaned: bool = Field(
        default=False, description="True when a re-ingest could not find the span."
    )


class Decision(Record):
    """One append-only event in a claim's review history."""

    id: int | None = None
    claim_id: str
    at: str
    analyst: str
    from_status: Status
    to_status: Status
    note: str | None = None
    reverts: int | None = Field(default=None, description="Id of the event an undo reverts.")


class HistoryEntry(Record):
    """A decision as shown to people and scripts: `from` and `to` are statuses."""

    model_config = ConfigDict(extra="forbid", defer_build=True, populate_by_name=True)

    id: int
    at: str
    analyst: str
    from_: Status = Field(alias="from")
    to: Status
    note: str | None = None
    reverts: int | None = None


class AnchorEvent(Record):
    """Where a claim was anchored in one document version, and how it was found there."""

    document_id: str
    sha256: str
    start: int
    end: int
    method: str = Field(description="extracted | exact | context | fuzzy | orphaned")
    at: str


class ClaimView(Record):
    """The claim object of `claims --json` and `show --json`: a stable, documented contract."""

    id: str
    document_id: str
    document_path: str
    document_title: str
    document_version: int
    document_published: str | None = Field(
        default=None, description="The document's publication date (ISO), if known."
    )
    sha256: str
    text: str
    span: Span
    quantities: list[Quantity]
    dates: list[DateFact]
    attribution: str | None
    checkworthiness: float
    status: Status
    note: str | None
    orphaned: bool
    history: list[HistoryEntry]
    anchors: list[AnchorEvent] = Field(default_factory=list)
    evidence: list[EvidenceView] = Field(default_factory=list)


class EvidenceView(Record):
    """A passage retrieved for a claim, with the suggested stance and why."""

    document_id: str
    document_path: str
    document_title: str
    passage_id: int
    text: str
    span: Span
    stance: Literal["supports", "contradicts", "related"]
    score: float
    reason: str
    kind: Literal["figure", "date", "statement", "update"] | None
    similarity: float
    rank: int
    embedding_model: str
    stance_model: str
    created_at: str


class ConflictView(Record):
    """A claim with contradicting (or updating) evidence: both sides anchored, kind and reason."""

    claim_id: str
    claim_text: str
    claim_document_id: str
    claim_document_path: str
    claim_span: Span
    evidence_document_id: str
    evidence_document_path: str
    evidence_text: str
    evidence_span: Span
    kind: Literal["figure", "date", "statement", "update"]
    reason: str
    score: float
    group: str = Field(description="Evidence reporting the same differing figure share a group.")
