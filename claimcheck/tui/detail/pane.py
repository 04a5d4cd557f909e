"""The claim in its source text, its facts and decisions, and the evidence other sources give."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import DataTable, Static

from claimcheck.extract.labels import date_lines, figure_lines, statement_lines
from claimcheck.models import ClaimView, EvidenceView
from claimcheck.tui.badges import stance_badge, status_badge
from claimcheck.tui.detail.context import in_context
from claimcheck.tui.service import ClaimDetail

CLAIM_STYLE = "bold black on yellow"
EVIDENCE_STYLE = "bold black on cyan"
NO_EVIDENCE = "No evidence yet: run `claimcheck check`, then press r."


class EvidenceTable(DataTable[Text | str]):
    """Evidence for the claim: conflicts first, then support, then merely related passages."""

    class Highlighted(Message):
        """A piece of evidence was highlighted: show it in its own context."""

        def __init__(self, evidence: EvidenceView) -> None:
            super().__init__()
            self.evidence = evidence

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row")
        self.evidence: list[EvidenceView] = []

    def on_mount(self) -> None:
        self.add_columns("stance", "score", "reason · source")

    def show(self, evidence: list[EvidenceView]) -> None:
        """Replace the evidence rows."""
        self.evidence = evidence
        self.clear()
        for index, e in enumerate(evidence):
            conflict = e.stance == "contradicts" or e.kind == "update"
            reason = Text(e.reason, style="bold" if conflict else "")
            reason.append(f"\n{e.document_title}", style="dim")
            badge = stance_badge(e.stance, e.kind)
            self.add_row(badge, f"{e.score:.2f}", reason, key=str(index), height=2)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        if event.row_key.value is not None and self.evidence:
            self.post_message(self.Highlighted(self.evidence[int(event.row_key.value)]))


class DetailPane(VerticalScroll):
    """Everything about the highlighted claim; escape returns to the list."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back to list", id="detail.back")
    ]

    class BackRequested(Message):
        """The analyst is done with the detail."""

    def on_mount(self) -> None:
        self.add_class("empty")

    def clear(self) -> None:
        """No claim to show (an empty list)."""
        self.add_class("empty")
        self.query_one("#detail-header", Static).update("No claim selected.")

    def compose(self) -> ComposeResult:
        yield Static("No claim selected.", id="detail-header")
        yield Static("", id="source")
        yield Static("", id="facts")
        yield Static("", id="history")
        yield Static("Evidence", id="evidence-title", classes="section")
        yield EvidenceTable(id="evidence")
        yield Static("", id="evidence-context")

    def show(self, detail: ClaimDetail) -> None:
        """Fill the pane with one claim."""
        claim, document = detail.claim, detail.document
        self.remove_class("empty")
        self.query_one("#detail-header", Static).update(_header(claim))
        source = in_context(document.text, claim.span, style=CLAIM_STYLE)
        self.query_one("#source", Static).update(source)
        self.query_one("#facts", Static).update(_facts(claim))
        self.query_one("#history", Static).update(_history(claim))
        title = f"Evidence ({len(claim.evidence)})" if claim.evidence else NO_EVIDENCE
        self.query_one("#evidence-title", Static).update(title)
        self.query_one(EvidenceTable).show(claim.evidence)
        self.query_one("#evidence-context", Static).update("")

    def show_evidence(self, evidence: EvidenceView, document_text: str) -> None:
        """One evidence passage highlighted inside its own document."""
        shown = Text.assemble(
            (f"{evidence.document_title}\n", "bold"),
            (f"{evidence.document_path} [{evidence.span.start}–{evidence.span.end}]\n", "dim"),
            (f"{evidence.reason}\n\n", "italic"),
        )
        shown.append_text(in_context(document_text, evidence.span, style=EVIDENCE_STYLE))
        self.query_one("#evidence-context", Static).update(shown)

    def action_back(self) -> None:
        self.post_message(self.BackRequested())


def _header(claim: ClaimView) -> Text:
    header = Text.assemble(status_badge(claim.status), (f"  {claim.id}", "bold"))
    if claim.changed_since_decided:
        header.append(
            "\nΔ changed since decided: a re-ingest changed its figures or dates after the "
            "latest decision; review it again",
            style="bold magenta",
        )
    if claim.orphaned:
        header.append(
            "\n⌀ orphaned: a re-ingest could not find this span; shown in the version it was "
            "anchored in",
            style="bold yellow",
        )
    header.append(f"\n{claim.document_title} (version {claim.document_version})", style="bold")
    if claim.document_published:
        header.append(f"  published {claim.document_published}", style="dim")
    header.append(
        f"\n{claim.document_path}  [{claim.span.start}–{claim.span.end}]  "
        f"sha256 {claim.sha256[:12]}…",
        style="dim",
    )
    if claim.note:
        header.append(f"\nnote: {claim.note}", style="italic")
    return header


def _facts(claim: ClaimView) -> Text:
    facts = Text()
    for line in figure_lines(claim.quantities, claim.frames):
        facts.append("figure  ", style="dim")
        facts.append(f"{line}\n")
    for line in date_lines(claim.dates, claim.frames):
        facts.append("date    ", style="dim")
        facts.append(f"{line}\n")
    for line in statement_lines(claim.frames):
        facts.append("stated  ", style="dim")
        facts.append(f"{line}\n")
    if claim.attribution:
        facts.append("source  ", style="dim")
        facts.append(f"{claim.attribution}\n")
    facts.append("worth   ", style="dim")
    facts.append(f"{claim.checkworthiness:.2f}")
    return facts


def _history(claim: ClaimView) -> Text:
    if not claim.history:
        return Text("no decisions yet", style="dim")
    lines = Text()
    for entry in claim.history[-6:]:
        when = entry.at[:16].replace("T", " ")
        lines.append(f"{when} {entry.analyst}: {entry.from_.value} → {entry.to.value}")
        if entry.reverts:
            lines.append(f" (undoes #{entry.reverts})", style="dim")
        if entry.note:
            lines.append(f" — {entry.note}", style="italic")
        lines.append("\n")
    if len(claim.history) > 6:
        lines.append(f"… {len(claim.history) - 6} earlier decisions", style="dim")
    return lines
