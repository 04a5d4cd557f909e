"""The claim in its source text, its facts and decisions, and the evidence other sources give."""

from __future__ import annotations

from typing import ClassVar

from rich.console import Console
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import DataTable, Static
from textual.widgets.data_table import ColumnKey

from claimcheck.extract.labels import date_lines, figure_lines, source_label, statement_lines
from claimcheck.grading import CREDIBILITY, Grade, said
from claimcheck.models import ClaimView, EvidenceView, LinkAction, Status
from claimcheck.report.common import origin, strength_heading, verdicts
from claimcheck.tui.badges import evidence_badge, status_badge
from claimcheck.tui.detail.context import EvidenceContext, in_context
from claimcheck.tui.detail.source import SourceText
from claimcheck.tui.keys import pane_keys
from claimcheck.tui.service import ClaimDetail

EVIDENCE_STYLE = "bold black on cyan"
NO_EVIDENCE = "No evidence yet: run `claimcheck check`, then press r."
_CONSOLE = Console(width=200)
"""Measures wrapped lines (the app's console renders; this one only counts)."""
STANCE_WIDTH = 11
SCORE_WIDTH = 5
CELL_PADDING = 2
"""Each DataTable column is padded by one cell either side."""
MIN_REASON_WIDTH = 24
SCROLLBAR = 2
"""Room kept for the vertical scrollbar, so its coming and going never reflows the rows."""


class EvidenceTable(DataTable[Text | str]):
    """Evidence for the claim: conflicts first, then support, then merely related passages.
    The analyst accepts or rejects each link, sets its stance or notes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "link('accept')", "Accept", id="evidence.accept"),
        Binding("x", "link('reject')", "Reject", id="evidence.reject"),
        Binding("1", "link('supports')", "Supports", id="evidence.supports"),
        Binding("2", "link('contradicts')", "Contradicts", id="evidence.contradicts"),
        Binding("3", "link('related')", "Related", id="evidence.related"),
        Binding("n", "link_note", "Link note", id="evidence.note"),
        Binding("z", "undo", "Undo", id="evidence.undo"),
        Binding("Z", "redo", "Redo", id="evidence.redo"),
        Binding("enter", "read", "Read passage", id="evidence.read"),
        Binding("j", "cursor_down", "Down", show=False, id="evidence.down"),
        Binding("k", "cursor_up", "Up", show=False, id="evidence.up"),
        *pane_keys("evidence"),
    ]

    class Highlighted(Message):
        """A piece of evidence was highlighted: show it in its own context."""

        def __init__(self, evidence: EvidenceView) -> None:
            super().__init__()
            self.evidence = evidence

    class LinkRequested(Message):
        """The analyst reviewed the highlighted link (`note`: wants to write its note)."""

        def __init__(self, evidence: EvidenceView, action: LinkAction) -> None:
            super().__init__()
            self.evidence = evidence
            self.action = action

    class ReadRequested(Highlighted):
        """The analyst wants to read the highlighted passage: show it and move to it."""

    class UndoRequested(Message):
        """Undo (or with `redo`, redo) the analyst's latest decision on the claim shown."""

        def __init__(self, redo: bool = False) -> None:
            super().__init__()
            self.redo = redo

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row")
        self.evidence: list[EvidenceView] = []
        self._announced: int | None = None

    def on_mount(self) -> None:
        self._reason_width = self.reason_width
        self.add_column("stance", width=STANCE_WIDTH)
        self.add_column("score", width=SCORE_WIDTH)
        self.add_column("reason · source", width=self._reason_width, key="reason")

    @property
    def reason_width(self) -> int:
        """The reason column takes what the stance and score leave, so it wraps, never cuts."""
        width = (self.size.width or 80) - SCROLLBAR
        return max(MIN_REASON_WIDTH, width - STANCE_WIDTH - SCORE_WIDTH - 3 * CELL_PADDING)

    def show(self, evidence: list[EvidenceView], keep: int | None = None) -> None:
        """Replace the evidence rows, each reason wrapped to the column's width; the cursor stays
        on passage `keep` when it is listed."""
        if keep is None:
            self._announced = None
        self.evidence = evidence
        self.clear()
        self._reason_width = width = self.reason_width
        self.columns[ColumnKey("reason")].width = width
        for index, e in enumerate(evidence):
            badge, reason = evidence_badge(e), _reason(e)
            height = max(_lines(badge, STANCE_WIDTH), _lines(reason, width))
            self.add_row(badge, f"{e.score:.2f}", reason, key=str(index), height=height)
        kept = [i for i, e in enumerate(evidence) if e.passage_id == keep]
        if kept:
            self.move_cursor(row=kept[0])

    def on_resize(self) -> None:
        if self.evidence and abs(self.reason_width - self._reason_width) >= 2:
            self.show(self.evidence, self.current.passage_id if self.current else None)

    @property
    def current(self) -> EvidenceView | None:
        """The highlighted piece of evidence."""
        if not self.evidence or not 0 <= self.cursor_row < len(self.evidence):
            return None
        return self.evidence[self.cursor_row]

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """Announce the passage the cursor rests on, once: rows drawn again (a reflow, a
        decision) with the cursor on the same passage announce nothing new."""
        event.stop()
        current = self.current
        if current is not None and current.passage_id != self._announced:
            self._announced = current.passage_id
            self.post_message(self.Highlighted(current))

    def action_read(self) -> None:
        if self.current is not None:
            self.post_message(self.ReadRequested(self.current))

    def action_link(self, action: LinkAction) -> None:
        if self.current is not None:
            self.post_message(self.LinkRequested(self.current, action))

    def action_link_note(self) -> None:
        self.action_link("note")

    def action_undo(self) -> None:
        self.post_message(self.UndoRequested())

    def action_redo(self) -> None:
        self.post_message(self.UndoRequested(redo=True))


def _reason(e: EvidenceView) -> Text:
    """A link's reason (bold for a conflict), its note and, dimmed, its source passage."""
    reason = Text(e.reason, style="bold" if e.is_conflict else "")
    if e.link_note:
        reason.append(f" — {e.link_note}", style="italic")
    reason.append(f"\n{e.document_title} · passage {e.passage_id}", style="dim")
    return reason


def _lines(text: Text, width: int) -> int:
    """How many lines `text` takes wrapped to `width` cells."""
    return sum(len(Text(line).wrap(_CONSOLE, width)) or 1 for line in text.plain.split("\n"))


class DetailPane(VerticalScroll):
    """Everything about the highlighted claim; escape returns to the list."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back to list", id="detail.back"),
        Binding("c", "decide('confirmed')", "Confirm", id="detail.confirm"),
        Binding("d", "decide('disputed')", "Dispute", id="detail.dispute"),
        Binding("u", "decide('unverified')", "Unverify", id="detail.unverify"),
        Binding("g", "grade", "Grade", id="detail.grade"),
    ]

    class BackRequested(Message):
        """The analyst is done with the detail."""

    class DecisionRequested(Message):
        """The analyst decided on the claim the detail shows (None: no claim is shown)."""

        def __init__(self, claim_id: str | None, status: Status) -> None:
            super().__init__()
            self.claim_id = claim_id
            self.status = status

    class GradeRequested(Message):
        """The analyst wants to grade the claim the detail shows (None: no claim is shown)."""

        def __init__(self, claim_id: str | None) -> None:
            super().__init__()
            self.claim_id = claim_id

    claim_id: str | None = None
    """The claim shown."""

    def on_mount(self) -> None:
        self.add_class("empty")

    def clear(self) -> None:
        """No claim to show (an empty list)."""
        self.claim_id = None
        self.add_class("empty")
        self.query_one("#detail-header", Static).update("No claim selected.")
        self.query_one(EvidenceContext).show("")

    def compose(self) -> ComposeResult:
        yield Static("No claim selected.", id="detail-header")
        yield SourceText(id="source")
        yield Static("", id="facts")
        yield Static("", id="history")
        yield Static("Evidence", id="evidence-title", classes="section")
        yield EvidenceTable(id="evidence")
        yield EvidenceContext("", id="evidence-context")

    def show(self, detail: ClaimDetail) -> None:
        """Fill the pane with one claim; shown again (after a decision), the evidence and
        sentence cursors stay where they were."""
        claim, document = detail.claim, detail.document
        again = self.claim_id == claim.id
        self.claim_id = claim.id
        evidence = self.query_one(EvidenceTable)
        keep = evidence.current.passage_id if again and evidence.current else None
        self.remove_class("empty")
        self.query_one("#detail-header", Static).update(_header(claim))
        source = self.query_one(SourceText)
        source.show(document.text, claim.span, document.id, detail.passages, keep=again)
        self.query_one("#facts", Static).update(_facts(claim))
        self.query_one("#history", Static).update(_history(claim))
        title = f"Evidence ({len(claim.evidence)})" if claim.evidence else NO_EVIDENCE
        self.query_one("#evidence-title", Static).update(title)
        evidence.show(claim.evidence, keep)
        if keep is None:
            self.query_one(EvidenceContext).show("")

    def show_evidence(self, evidence: EvidenceView, document_text: str) -> None:
        """One evidence passage highlighted inside its own document."""
        shown = Text.assemble(
            (f"{evidence.document_title}\n", "bold"),
            (f"{evidence.document_path} [{evidence.span.start}–{evidence.span.end}]\n", "dim"),
            (f"{evidence.reason}\n\n", "italic"),
        )
        shown.append_text(in_context(document_text, evidence.span, style=EVIDENCE_STYLE))
        self.query_one(EvidenceContext).show(shown)

    def action_back(self) -> None:
        self.post_message(self.BackRequested())

    def action_decide(self, status: str) -> None:
        self.post_message(self.DecisionRequested(self.claim_id, Status(status)))

    def action_grade(self) -> None:
        self.post_message(self.GradeRequested(self.claim_id))


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
    source = source_label(
        claim.document_publisher, claim.document_authors, claim.document_url, claim.page
    )
    if source:
        header.append(f"\n{source}", style="dim")
    header.append(
        f"\n{claim.document_path}  [{claim.span.start}–{claim.span.end}]  "
        f"sha256 {claim.sha256[:12]}…",
        style="dim",
    )
    if claim.note:
        header.append(f"\nnote: {claim.note}", style="italic")
    return header.append_text(_review(claim))


def _review(claim: ClaimView) -> Text:
    """Role, hand-made origin, dismissal, each analyst's verdict and what the status rests on."""
    lines = Text()
    if claim.role == "reference":
        lines.append("\n◇ reference material (not under review)", style="dim")
    if claim.hand_made:
        lines.append(f"\n✎ hand-made: {origin(claim)}", style="cyan")
    if claim.dismissed:
        lines.append("\n⊘ dismissed: not a claim (z undoes)", style="bold")
    if claim.verdicts:
        lines.append(f"\nverdicts: {verdicts(claim)}")
        if claim.disagreement:
            lines.append("  ≠ analysts disagree", style="bold magenta")
    if claim.grade is not None:
        lines.append_text(_grade(claim.grade))
    if claim.basis:
        lines.append(f"\n{strength_heading(claim)}:", style="bold")
        for b in claim.basis:
            lines.append(f"\n  “{b.text}” — {b.document_title}", style="italic")
    return lines


def _grade(grade: Grade) -> Text:
    """The Admiralty grade with who set each axis, and the credibility claimcheck suggests with
    how many independent sources corroborate (+) and contradict (−) it."""
    suggested = grade.suggested_credibility
    hint = (
        f"suggested {suggested} {CREDIBILITY[suggested]} (+{len(grade.corroborating_sources)} "
        f"−{len(grade.contradicting_sources)} sources) · g grades"
    )
    if grade.reliability is None and grade.credibility is None:
        return Text(f"\nnot graded · {hint}", style="dim")
    line = Text("\ngrade ")
    line.append(grade.code, style="bold")
    line.append(f"  source {said(grade.reliability, grade.reliability_by)}")
    line.append(f" · claim {said(grade.credibility, grade.credibility_by)}")
    return line.append(f"\n{hint}", style="dim")


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
        lines.append(f"{when} {entry.analyst}: {entry.action}")
        if entry.kind in ("link", "undo", "redo") and entry.link_note:
            lines.append(f" — {entry.link_note}", style="italic")
        elif entry.note and entry.kind in ("status", "note", "dismiss"):
            lines.append(f" — {entry.note}", style="italic")
        lines.append("\n")
    if len(claim.history) > 6:
        lines.append(f"… {len(claim.history) - 6} earlier decisions", style="dim")
    return lines
