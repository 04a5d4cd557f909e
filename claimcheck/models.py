"""Pydantic records shared by every layer: documents, passages, claims, facts and decisions."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from claimcheck.grading import Grade


class Record(BaseModel):
    """Base for every stored or exchanged record: unknown fields are an error."""

    model_config = ConfigDict(extra="forbid", defer_build=True)


class Status(StrEnum):
    """An analyst's verdict on a claim; every claim starts `unverified`."""

    unverified = "unverified"
    confirmed = "confirmed"
    disputed = "disputed"


DatePrecision = Literal["day", "month", "year", "approximate", "relative"]
Role = Literal["source", "reference"]
"""A document under review (`source`) or material claims are checked against (`reference`)."""
Stance = Literal["supports", "contradicts", "related"]
LinkAction = Literal["accept", "reject", "supports", "contradicts", "related", "note"]
"""What an analyst can do to a (claim, passage) link; `note` only changes the link's note."""
EventKind = Literal["status", "note", "dismiss", "restore", "link", "undo", "redo"]
Origin = Literal["extracted", "added", "split"]
"""How a claim came to be: found by extraction, added by an analyst, or split from another."""


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


TimeSource = Literal["stated", "event", "spoken", "since", "paragraph", "published", "unknown"]


class TimeRef(Record):
    """When a fact holds: the days it can mean and how that was read."""

    earliest: str | None = None
    latest: str | None = None
    source: TimeSource = "unknown"
    text: str = Field(default="", description="The wording that set it, e.g. 'as of Thursday'.")
    anchor: str | None = Field(
        default=None, description="An event it is relative to: 'peak', 'valuation', 'cuts'."
    )
    final: bool = Field(default=False, description="A final count: it still holds after its date.")
    first: str | None = Field(
        default=None,
        description="The first of several days its verb states ('died on 2 and 9 September'): "
        "a tally of what happened on each had begun by then.",
    )
    events: list[str] = Field(
        default_factory=list,
        description="Who or what took part in the event an 'on the day' time is relative to, or "
        "in the events its document dates on its day: two such times can be one day.",
    )


class FigureFrame(Record):
    """A figure with what it measures, for whom, where and when: what comparing two needs."""

    text: str = Field(description="The figure as written.")
    start: int
    end: int
    value: float | None
    low: float | None
    high: float | None
    qualifier: str | None
    dimension: str = Field(
        description="count, money, percent, area, length, speed, …, or symbol ('F', 'W/m2')"
    )
    unit: str = Field(description="Normalised unit: a currency code, 'percent', 'acre', 'mph'…")
    noun: str | None = Field(default=None, description="What is counted (lemma): 'resident'.")
    noun_text: str | None = None
    nouns: list[str] = Field(default_factory=list, description="Nouns it is of or for: 'value'.")
    predicate: str | None = Field(default=None, description="Its verb (lemma): 'burn'.")
    predicate_text: str | None = None
    outcome: str | None = Field(default=None, description="Outcome class: death, injury, …")
    modifiers: list[str] = Field(default_factory=list, description="Restricting words: 'store'.")
    places: list[str] = Field(default_factory=list)
    owner: str | None = Field(default=None, description="Whose figure it is: 'Harwood'.")
    part: str | None = Field(default=None, description="A word marking a part: 'alone'.")
    event_year: int | None = Field(default=None, description="A year the figure is bound to.")
    as_of: TimeRef = Field(default_factory=TimeRef)
    measure: str = Field(default="", description="What it measures, as a phrase.")
    projected: bool = Field(
        default=False, description="A promise, target or expectation rather than a tally."
    )
    hedged: bool = Field(default=False, description="Only a possibility: 'could rise by 6 feet'.")


class DateFrame(Record):
    """A date with the event it dates: what comparing two dates needs."""

    text: str
    start: int
    end: int
    earliest: str
    latest: str
    precision: DatePrecision
    role: Literal["event", "spoken", "since", "dateline", "name", "cutoff"] = "event"
    predicate: str | None = None
    predicate_text: str | None = None
    event_class: str | None = None
    participants: list[str] = Field(default_factory=list, description="Noun lemmas of the event.")
    occasions: list[str] = Field(
        default_factory=list,
        description="The participants that name an occasion: a noun that is also a verb "
        "('visit', 'parade') or a word of a named event, law or treaty.",
    )
    owner: str | None = None
    negated: bool = False
    event: str = Field(default="", description="The event, as a phrase.")


class StatementFrame(Record):
    """A denial, a rank ('the second-largest') or an open question ('remains unknown')."""

    kind: Literal["denial", "rank", "undetermined"]
    text: str = Field(description="The cue as written.")
    start: int
    end: int
    proposition: str = Field(description="What is denied, ranked or open, as written.")
    terms: list[str] = Field(default_factory=list, description="Its content lemmas.")
    holder: str | None = Field(default=None, description="Who denies, or what is ranked.")
    subject: str | None = Field(default=None, description="The denied clause's subject.")
    predicate: str | None = Field(default=None, description="The denied clause's verb (lemma).")
    rank: int | None = None
    scale: str | None = None
    domain: str | None = Field(default=None, description="What a rank is within: 'history'.")
    year: int | None = Field(default=None, description="A year the holder is bound to.")


class Frames(Record):
    """Everything a sentence states in comparable form."""

    figures: list[FigureFrame] = Field(default_factory=list)
    dates: list[DateFrame] = Field(default_factory=list)
    statements: list[StatementFrame] = Field(default_factory=list)
    version: int = Field(
        default=0, description="The frame reading that built them; check rebuilds older ones."
    )


class Document(Record):
    """One version of an ingested source file."""

    id: str
    path: str = Field(description="Absolute path, or the URL as given, it was ingested from.")
    title: str
    sha256: str = Field(description="sha256 of the file's (or the fetched page's) bytes.")
    ingested_at: str
    format: Literal["txt", "md", "html", "pdf", "docx"]
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
        "pdf, docx, analyst…",
    )
    role: Role = Field(
        default="source", description="source (under review) or reference (material to check by)."
    )
    page_starts: list[int] | None = Field(
        default=None, description="Offset each page starts at (PDF); None for an unpaged source."
    )
    url: str | None = Field(default=None, description="The source's original URL, if known.")
    publisher: str | None = Field(default=None, description="Publisher or outlet, if known.")
    authors: list[str] = Field(default_factory=list, description="Author names, if known.")


class Snapshot(Record):
    """A fetched or archived response as it was received: what the database keeps of a web page."""

    url: str = Field(description="The URL asked for (a WARC record's target URI).")
    final_url: str = Field(description="The URL after redirects.")
    status: int = Field(description="HTTP status of the response.")
    content_type: str = Field(description="The response's Content-Type header.")
    retrieved_at: str = Field(description="When it was fetched (a WARC record's date).")
    body: bytes = Field(description="The response body; its sha256 is the version's sha256.")
    via: Literal["http", "warc"] = "http"


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
    frames: Frames | None = Field(default=None, description="None until frames are built.")
    page: int | None = Field(default=None, description="1-based page it starts on (PDF).")


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
    frames: Frames | None = Field(default=None, description="None until frames are built.")
    page: int | None = Field(default=None, description="1-based page it starts on (PDF).")


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
    """An analyst's event as shown to people and scripts: `from` and `to` are the claim's status
    before and after it, `note` the claim's note after it."""

    model_config = ConfigDict(extra="forbid", defer_build=True, populate_by_name=True)

    id: int
    at: str
    analyst: str
    from_: Status = Field(alias="from")
    to: Status
    note: str | None = None
    reverts: int | None = None
    kind: EventKind = Field(
        default="status",
        description="status | note | dismiss | restore | link | undo | redo (undo of an undo).",
    )
    passage_id: int | None = Field(
        default=None, description="The passage of a link decision (or of the decision reverted)."
    )
    link: LinkAction | None = Field(default=None, description="What a link decision did.")
    link_note: str | None = Field(default=None, description="The note a link decision set.")
    basis: list[int] = Field(
        default_factory=list,
        description="Passages the analyst had accepted when deciding a status: what it rests on.",
    )
    dismissed: bool = Field(default=False, description="Whether the claim is dismissed after it.")

    @property
    def action(self) -> str:
        """What the event did, in a few words: 'unverified → disputed', 'passage 212: reject'."""
        moved = f"{self.from_.value} → {self.to.value}"
        if self.kind == "status":
            return moved
        if self.kind == "link":
            return f"passage {self.passage_id}: {self.link}"
        if self.kind in ("undo", "redo"):
            return f"{self.kind} of #{self.reverts}" + (
                f" ({moved})" if self.from_ != self.to else ""
            )
        return self.kind


class AnchorEvent(Record):
    """Where a claim was anchored in one document version, and how it was found there."""

    document_id: str
    sha256: str
    start: int
    end: int
    method: str = Field(
        description="extracted | exact | context | fuzzy | orphaned | added | edited | split"
    )
    at: str
    analyst: str | None = Field(default=None, description="Who anchored it by hand, if anyone.")
    exact: str | None = Field(default=None, description="The quote at that anchor.")


class BasisPassage(Record):
    """A passage a status decision rests on, quoted with its source."""

    passage_id: int
    document_id: str
    document_path: str
    document_title: str
    text: str
    span: Span
    stance: Stance | None = Field(description="The link's stance now (analyst's, else model's).")


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
    document_url: str | None = Field(default=None, description="The source's original URL.")
    document_publisher: str | None = Field(default=None, description="Publisher or outlet.")
    document_authors: list[str] = Field(default_factory=list, description="The source's authors.")
    sha256: str
    text: str
    span: Span
    page: int | None = Field(default=None, description="1-based page the quote starts on (PDF).")
    quantities: list[Quantity]
    dates: list[DateFact]
    attribution: str | None
    checkworthiness: float
    status: Status
    note: str | None
    orphaned: bool
    frames: Frames | None = Field(
        default=None, description="Figure, date and statement frames; None before check."
    )
    changed_since_decided: bool = Field(
        default=False,
        description="A re-anchor changed the claim's figures or dates after its latest decision.",
    )
    history: list[HistoryEntry]
    anchors: list[AnchorEvent] = Field(default_factory=list)
    evidence: list[EvidenceView] = Field(default_factory=list)
    role: Role = Field(default="source", description="Its document's role.")
    origin: Origin = "extracted"
    hand_made: bool = Field(
        default=False, description="Its span was chosen by an analyst: added, split or edited."
    )
    created_by: str | None = Field(default=None, description="The analyst who added or split it.")
    split_from: str | None = Field(default=None, description="The claim it was split from.")
    dismissed: bool = Field(default=False, description="Marked 'not a claim' (reversible).")
    verdicts: dict[str, Status] = Field(
        default_factory=dict,
        description="Each analyst's latest effective verdict (confirmed or disputed).",
    )
    disagreement: bool = Field(
        default=False, description="Analysts' latest verdicts disagree (confirmed vs disputed)."
    )
    basis: list[BasisPassage] = Field(
        default_factory=list,
        description="The accepted passages the current status decision rests on.",
    )
    grade: Grade | None = Field(
        default=None,
        description="Its Admiralty grade: source reliability, credibility, suggestion.",
    )


class EvidenceView(Record):
    """A passage retrieved for a claim, with the suggested stance and why."""

    document_id: str
    document_path: str
    document_title: str
    document_publisher: str | None = Field(default=None, description="The passage's outlet.")
    passage_id: int
    text: str
    span: Span
    stance: Stance = Field(description="The analyst's stance when set, else the model's.")
    score: float
    reason: str
    kind: Literal["figure", "date", "statement", "update"] | None
    similarity: float
    rank: int
    embedding_model: str
    stance_model: str
    created_at: str
    page: int | None = Field(default=None, description="1-based page the passage starts on.")
    suggested_stance: Stance | None = Field(
        default=None,
        description="The model's suggestion; None for a passage only an analyst linked.",
    )
    analyst_stance: Stance | None = Field(default=None, description="The stance an analyst set.")
    link: Literal["accepted", "rejected"] | None = Field(
        default=None, description="The analyst's verdict on this link, if any."
    )
    link_note: str | None = None
    link_analyst: str | None = Field(
        default=None, description="Who last accepted, rejected or set the stance of this link."
    )
    link_at: str | None = None

    @property
    def label(self) -> str:
        """The stance people see: the analyst's, else 'update' for a later count, else the model."""
        if self.analyst_stance is None and self.kind == "update":
            return "update"
        return self.stance

    @property
    def review(self) -> str:
        """The analyst's review in words: 'accepted by ana (model: related): note', or ''."""
        if self.link is None and self.link_note is None:
            return ""
        said = f"{self.link} by {self.link_analyst}" if self.link else "noted"
        if self.analyst_stance is not None and self.suggested_stance not in (
            None,
            self.analyst_stance,
        ):
            said += f" (model: {self.suggested_stance})"
        return said + (f": {self.link_note}" if self.link_note else "")

    @property
    def is_conflict(self) -> bool:
        """Whether this passage puts the claim in conflict (a rejected link never does)."""
        if self.link == "rejected":
            return False
        if self.analyst_stance is not None:
            return self.analyst_stance == "contradicts"
        return (self.stance == "contradicts" or self.kind == "update") and self.kind is not None


@dataclass(frozen=True)
class Scope:
    """Which claims a listing, summary or report covers: by default sources under review only,
    without dismissed claims; `analyst` keeps the claims that analyst decided anything on."""

    include_reference: bool = False
    include_dismissed: bool = False
    analyst: str | None = None

    @classmethod
    def everything(cls) -> Scope:
        """Every claim of every role, dismissed ones included."""
        return cls(include_reference=True, include_dismissed=True)


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
