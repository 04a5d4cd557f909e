"""The report as data: what every format renders (the JSON format is this, serialised)."""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, Field

from claimcheck.models import ClaimView, ConflictView, Record, Role

SCHEMA: Literal["claimcheck.report/1"] = "claimcheck.report/1"


class ReportDocument(Record):
    """A source document version the report's claims and evidence anchor into."""

    id: str
    path: str
    title: str
    sha256: str
    ingested_at: str
    version: int = 1
    current: bool = Field(default=True, description="False for a version a re-ingest replaced.")
    published: str | None = Field(default=None, description="Publication date, if known.")
    published_from: str | None = Field(default=None, description="Where it was read.")
    role: Role = Field(default="source", description="source (under review) or reference.")
    format: str = Field(default="txt", description="txt, md, html, pdf or docx.")
    url: str | None = Field(default=None, description="The source's original URL, if known.")
    publisher: str | None = Field(default=None, description="Publisher or outlet, if known.")
    authors: list[str] = Field(default_factory=list, description="Author names, if known.")
    page_starts: list[int] | None = Field(
        default=None, description="Offset each page starts at in the stored text (PDF)."
    )
    snapshot_sha256: str | None = Field(
        default=None, description="sha256 of the archived web response it was read from."
    )
    retrieved_at: str | None = Field(default=None, description="When that response was fetched.")
    final_url: str | None = Field(default=None, description="Its URL after redirects.")


class ModelsUsed(Record):
    """Everything that produced the suggestions: enough to reproduce the report."""

    claimcheck: str
    embedding_models: list[str]
    stance_models: list[str]
    packages: dict[str, str] = Field(description="Versions of the libraries that matter.")


class CheckRun(Record):
    """One `claimcheck check` run: when, with which models, how much it did."""

    id: int
    at: str
    embedding_model: str
    stance_model: str
    claims_checked: int


class DocumentCounts(Record):
    """Claims of one document by status."""

    document_id: str
    title: str
    claims: int
    unverified: int
    confirmed: int
    disputed: int


class ReportSummary(Record):
    """Claims by status and by document, and conflicts by kind."""

    claims: int
    by_status: dict[str, int]
    by_document: list[DocumentCounts]
    conflicts_by_kind: dict[str, int]
    claims_with_conflicts: int
    dismissed: int = Field(
        default=0, description="Claims dismissed as 'not a claim' (listed only on request)."
    )
    hand_made: int = Field(
        default=0, description="Claims listed that an analyst added, split or edited."
    )
    links: dict[str, int] = Field(
        default_factory=dict, description="Listed claims' evidence links by analyst verdict."
    )
    disagreements: list[str] = Field(
        default_factory=list, description="Listed claims whose analysts' verdicts disagree."
    )
    reference_documents: int = Field(default=0, description="Current reference documents.")
    reference_claims: int = Field(default=0, description="Claims of reference documents.")


class ReportScope(Record):
    """What the report lists: sources only unless asked, dismissed claims only on request."""

    include_reference: bool = False
    include_dismissed: bool = False
    documents: list[str] = Field(default=[], description="Only these documents' claims (paths).")
    statuses: list[str] = Field(default=[], description="Only claims with these statuses.")
    conflicts_only: bool = False


class Report(Record):
    """`claimcheck.report/1`: the documents, the claims with evidence, the conflicts."""

    model_config = ConfigDict(extra="forbid", defer_build=True, populate_by_name=True)

    schema_: Literal["claimcheck.report/1"] = Field(default=SCHEMA, alias="schema")
    generated_at: str
    database: str
    models: ModelsUsed
    summary: ReportSummary
    documents: list[ReportDocument]
    claims: list[ClaimView]
    conflicts: list[ConflictView]
    check_runs: list[CheckRun] = Field(default_factory=list)
    scope: ReportScope = Field(default_factory=ReportScope)

    def document(self, document_id: str) -> ReportDocument | None:
        """A document of the report by id."""
        return next((d for d in self.documents if d.id == document_id), None)
