"""The triage app: claims on the left, the highlighted claim's source and evidence on the right."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from concurrent.futures import Future
from pathlib import Path
from typing import ClassVar, TypeVar

from textual import events, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Footer, Header

from claimcheck.errors import ClaimcheckError
from claimcheck.models import EvidenceView, LinkAction, Status
from claimcheck.store.connection import BUSY_TIMEOUT_MS
from claimcheck.store.decisions import Outcome
from claimcheck.store.listing import ClaimRow
from claimcheck.tui.claims.filters import Filters
from claimcheck.tui.claims.pane import ClaimsPane, SearchInput
from claimcheck.tui.claims.table import ClaimsTable
from claimcheck.tui.detail.context import EvidenceContext
from claimcheck.tui.detail.pane import DetailPane, EvidenceTable
from claimcheck.tui.detail.source import SourceText
from claimcheck.tui.modals.filters import FilterScreen
from claimcheck.tui.modals.grade import Changes, GradeScreen
from claimcheck.tui.modals.help import HelpScreen
from claimcheck.tui.modals.note import NoteScreen
from claimcheck.tui.pending import RETRY_SECONDS, PendingDecisions, Unsaved, UnsavedBanner
from claimcheck.tui.service import TriageService

T = TypeVar("T")
NARROW = 120
"""Below this many columns the detail goes under the list instead of beside it."""
DETAIL_DELAY = 0.06
"""Seconds the cursor must rest on a claim before its detail loads (smooth scrolling)."""


async def wait_for(future: Future[T]) -> T:
    """Await a future from the database thread without blocking the event loop."""
    return await asyncio.wrap_future(future)


class ClaimcheckApp(App[None]):
    """Keyboard-first triage of the sources' claims: decide, note, dismiss, review evidence,
    add claims, undo and redo; every decision saved at once."""

    CSS_PATH = "app.tcss"
    TITLE = "claimcheck"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("r", "refresh", "Refresh", id="app.refresh"),
    ]

    def __init__(
        self, db_path: Path, analyst: str, *, write_timeout: float = BUSY_TIMEOUT_MS / 1000
    ) -> None:
        super().__init__()
        self.service = TriageService(db_path, write_timeout=write_timeout)
        self.pending = PendingDecisions()
        self._retry_timer: Timer | None = None
        self._quit_armed = False
        self.analyst = analyst
        self.sub_title = f"{db_path} · analyst {analyst}"
        self.detail_id: str | None = None
        self._detail_timer: Timer | None = None
        self.loaded = asyncio.Event()
        self._reading = False
        """Whether the focus is in the detail (stacked, the detail alone is shown then)."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield UnsavedBanner(id="unsaved")
        with Horizontal(id="main"):
            yield ClaimsPane(id="claims-pane")
            yield DetailPane(id="detail")
        yield Footer()

    @property
    def claims(self) -> ClaimsPane:
        """The claims pane."""
        return self.query_one(ClaimsPane)

    @property
    def detail(self) -> DetailPane:
        """The detail pane."""
        return self.query_one(DetailPane)

    def on_mount(self) -> None:
        self.query_one(UnsavedBanner).display = False
        self.claims.table.pending = self.pending
        self.claims.table.focus()
        self.load_rows()

    def on_resize(self, event: events.Resize) -> None:
        narrow = event.size.width < NARROW
        self.screen.set_class(narrow, "narrow")
        self.screen.set_class(narrow and self._reading, "reading")

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Stacked (narrow), the detail takes the whole height while the focus is in it."""
        ancestors = event.widget.ancestors_with_self
        reading = any(isinstance(a, DetailPane) for a in ancestors)
        if not reading and not any(isinstance(a, ClaimsPane) for a in ancestors):
            return  # a dialog's widget
        self._reading = reading
        if self.screen.has_class("narrow") and reading != self.screen.has_class("reading"):
            self.screen.set_class(reading, "reading")
            # focused while out of sight, so not scrolled to: bring it into view once laid out
            self.call_after_refresh(event.widget.scroll_visible, animate=False)

    async def on_unmount(self) -> None:
        await asyncio.to_thread(self.service.close)

    async def guarded(self, action: Awaitable[T]) -> T | None:
        """Run database work; a failure is one line in a notification, never a crash."""
        try:
            return await action
        except ClaimcheckError as exc:
            self.notify(str(exc), severity="error")
        except Exception as exc:  # the TUI must survive a locked or vanished database
            self.notify(f"{type(exc).__name__}: {exc}", severity="error")
        return None

    @work(exclusive=True, group="rows")
    async def load_rows(self, keep: str | None = None) -> None:
        """(Re)load every claim row, keeping the cursor where it was."""
        rows = await self.guarded(wait_for(self.service.rows()))
        if rows is not None:
            self.claims.load(rows, keep)
            self.schedule_detail()
            if not self.claims.table.row_count:
                self.detail.clear()
        self.loaded.set()

    def schedule_detail(self) -> None:
        """Load the highlighted claim's detail once the cursor rests."""
        if self._detail_timer is not None:
            self._detail_timer.stop()
        self._detail_timer = self.set_timer(DETAIL_DELAY, self._load_current_detail)

    def _load_current_detail(self) -> None:
        claim_id = self.claims.table.current_id
        if claim_id is not None:
            self.load_detail(claim_id)

    @work(exclusive=True, group="detail")
    async def load_detail(self, claim_id: str) -> None:
        """Show one claim in the detail pane."""
        detail = await self.guarded(wait_for(self.service.detail(claim_id)))
        if detail is not None:
            self.detail_id = claim_id
            self.detail.show(detail)

    @work(exclusive=True, group="evidence")
    async def load_evidence(self, evidence: EvidenceView, *, read: bool = False) -> None:
        """Show one evidence passage in its own document, if the table still lists it (a
        decision may have reloaded the table meanwhile); with `read`, move to it."""
        table = self.query_one(EvidenceTable)
        document = await self.guarded(wait_for(self.service.document(evidence.document_id)))
        shown = next((e for e in table.evidence if e.passage_id == evidence.passage_id), None)
        if document is not None and shown is not None:
            self.detail.show_evidence(shown, document.text)
            if read:
                context = self.query_one(EvidenceContext)
                context.focus()
                self.call_after_refresh(context.bring_into_view)

    def on_claims_table_highlighted(self, event: ClaimsTable.Highlighted) -> None:
        self.schedule_detail()

    def on_claims_table_emptied(self, event: ClaimsTable.Emptied) -> None:
        """Nothing listed: the detail must not keep showing a claim the list no longer has."""
        if self._detail_timer is not None:
            self._detail_timer.stop()
        self.workers.cancel_group(self, "detail")
        self.detail_id = None
        self.detail.clear()

    def on_evidence_table_highlighted(self, event: EvidenceTable.Highlighted) -> None:
        self.load_evidence(event.evidence)

    def on_evidence_table_read_requested(self, event: EvidenceTable.ReadRequested) -> None:
        self.load_evidence(event.evidence, read=True)

    def action_cycle_focus(self, step: int) -> None:
        """Tab: from the list to the evidence to the passage in its document and back (shift+tab
        the other way), skipping what the claim shown does not have, and saying so."""
        table, evidence = self.claims.table, self.query_one(EvidenceTable)
        context = self.query_one(EvidenceContext)
        current = table.current_id
        if current is None:
            self.notify("No claim is listed, so there is no detail to move to.")
            return
        if current != self.detail_id:
            self.load_detail(current)
        panes: list[Widget] = [table]
        if evidence.row_count:
            panes.append(evidence)
        if context.has_text:
            panes.append(context)
        if len(panes) == 1:
            self.notify("This claim has no evidence yet: run `claimcheck check`, then press r.")
            return
        focused = self.focused
        index = panes.index(focused) if focused in panes else 0 if step > 0 else 1
        panes[(index + step) % len(panes)].focus()

    def on_detail_pane_decision_requested(self, event: DetailPane.DecisionRequested) -> None:
        """c/d/u in the detail decide on the claim it shows; the list cursor stays."""
        if event.claim_id is None:
            self.notify("No claim is shown: pick one in the list (escape goes back to it).")
            return
        self.record_decision(event.claim_id, event.status, None)
        self.notify(f"{event.claim_id}: {event.status.value} (saving; shown when stored)")

    def _row(self, claim_id: str) -> ClaimRow | None:
        return next((r for r in self.claims.all_rows if r.id == claim_id), None)

    def on_claims_table_decision_requested(self, event: ClaimsTable.DecisionRequested) -> None:
        self.claims.table.advance()
        self.record_decision(event.claim_id, event.status, None)

    def record_decision(self, claim_id: str, status: Status | None, note: str | None) -> None:
        """Keep a decision as pending (the list shows it so), then store it."""
        self.pending.add(claim_id, status, note)
        self.claims.table.refresh_claim(claim_id)
        self.save_decision(claim_id)

    @work(group="writes")
    async def save_decision(self, claim_id: str) -> None:
        """Store the claim's waiting decision (one transaction); show it saved only once it is,
        and say so when it changed nothing."""
        entry = self.pending.get(claim_id)
        if entry is None or entry.saving:
            return  # stored already (merged into a later one), or being stored now
        entry.saving = True
        future = self.service.decide(claim_id, entry.status, self.analyst, entry.note)
        try:
            outcome = await wait_for(future)
        except Exception as exc:  # kept and retried: never dropped, never shown as saved
            entry.saving = False
            self._save_failed(entry, exc)
            return
        self.pending.saved(entry)
        if outcome.entry is None:
            self.notify(outcome.message, timeout=6)
        await self._refresh_claim(claim_id)
        self.claims.table.refresh_claim(claim_id)
        self.query_one(UnsavedBanner).show_failures(self.pending)

    def _save_failed(self, entry: Unsaved, exc: Exception) -> None:
        reason = str(exc) if isinstance(exc, ClaimcheckError) else f"{type(exc).__name__}: {exc}"
        if not self.pending.failed(entry, reason):
            return
        self.claims.table.refresh_claim(entry.claim_id)
        self.query_one(UnsavedBanner).show_failures(self.pending)
        self.notify(
            f"Decision on {entry.claim_id} NOT saved ({reason}); kept, retrying.",
            severity="error",
            timeout=RETRY_SECONDS * 2,
        )
        if self._retry_timer is None:
            self._retry_timer = self.set_interval(RETRY_SECONDS, self.action_retry_unsaved)

    def action_retry_unsaved(self) -> None:
        """Try again to store every decision that failed to save."""
        failures = self.pending.failures
        if not failures and self._retry_timer is not None:
            self._retry_timer.stop()
            self._retry_timer = None
        for entry in failures:
            self.save_decision(entry.claim_id)

    async def action_quit(self) -> None:
        """Quit; with decisions not saved yet, only when asked twice."""
        if len(self.pending) and not self._quit_armed:
            self._quit_armed = True
            self.query_one(UnsavedBanner).show_failures(self.pending, quitting=True)
            self.notify(
                f"{len(self.pending)} decisions are not saved yet: press q again to quit "
                "without them, or wait.",
                severity="error",
            )
            return
        self.exit()

    async def _written(
        self, claim_id: str, write: Awaitable[Outcome], *, always: bool = False
    ) -> None:
        """Await a write; say when it changed nothing (or, with `always`, what it changed); show
        what the database now holds."""
        outcome = await self.guarded(write)
        if outcome is not None and (always or outcome.entry is None):
            self.notify(outcome.message, timeout=6)
        await self._refresh_claim(claim_id)

    async def _refresh_claim(self, claim_id: str) -> None:
        row = await self.guarded(wait_for(self.service.row(claim_id)))
        if row is not None:
            self.claims.replace_row(row)
        if self.detail_id == claim_id:
            self.load_detail(claim_id)

    def on_claims_table_note_requested(self, event: ClaimsTable.NoteRequested) -> None:
        row = self._row(event.claim_id)
        if row is None:
            return

        def saved(note: str | None) -> None:
            if note is not None:
                self.record_decision(event.claim_id, None, note)

        self.push_screen(NoteScreen(row.text, row.note), saved)

    def on_claims_table_dismiss_requested(self, event: ClaimsTable.DismissRequested) -> None:
        row = self._row(event.claim_id)
        restore = row is not None and row.dismissed
        self.claims.table.advance()
        self.save_dismissal(event.claim_id, restore)

    @work(group="writes")
    async def save_dismissal(self, claim_id: str, restore: bool = False) -> None:
        """Dismiss the claim as not a claim (the list hides it; z brings it back), or restore a
        dismissed one the list shows."""
        future = self.service.dismiss(claim_id, self.analyst, restore=restore)
        await self._written(claim_id, wait_for(future), always=True)

    def on_claims_table_undo_requested(self, event: ClaimsTable.UndoRequested) -> None:
        self.reverse(event.claim_id)

    def on_claims_table_redo_requested(self, event: ClaimsTable.RedoRequested) -> None:
        self.reverse(event.claim_id, redo=True)

    def on_evidence_table_undo_requested(self, event: EvidenceTable.UndoRequested) -> None:
        if self.detail_id is not None:
            self.reverse(self.detail_id, redo=event.redo, move=False)

    @work(group="writes")
    async def reverse(self, claim_id: str, *, redo: bool = False, move: bool = True) -> None:
        """Undo (or redo) the analyst's latest decision on the claim, say exactly what changed,
        and go back to that claim."""
        if claim_id in self.pending:
            self.notify(f"The decision on {claim_id} is still being saved: undo it once saved.")
            return
        call = self.service.redo if redo else self.service.undo
        outcome = await self.guarded(wait_for(call(claim_id, self.analyst)))
        await self._refresh_claim(claim_id)
        if outcome is None:
            return
        table = self.claims.table
        index = table.index_of(claim_id)
        if move and index is not None:
            table.move_to(index)
        self.notify(("Redone: " if redo else "Undone: ") + outcome.message, timeout=8)

    def on_evidence_table_link_requested(self, event: EvidenceTable.LinkRequested) -> None:
        claim_id = self.detail_id
        if claim_id is None:
            return
        passage = event.evidence.passage_id
        if event.action != "note":
            self.save_link(claim_id, passage, event.action)
            return

        def saved(note: str | None) -> None:
            if note is not None:
                self.save_link(claim_id, passage, "note", note)

        self.push_screen(
            NoteScreen(event.evidence.text, event.evidence.link_note, "Note on the link"), saved
        )

    @work(group="writes")
    async def save_link(
        self, claim_id: str, passage_id: int, action: LinkAction, note: str | None = None
    ) -> None:
        """Record a review of one evidence link, then show the evidence as it now stands."""
        future = self.service.link(claim_id, passage_id, action, self.analyst, note)
        await self._written(claim_id, wait_for(future))

    def on_claims_table_source_requested(self, event: ClaimsTable.SourceRequested) -> None:
        self.load_detail(event.claim_id)
        self.query_one(SourceText).focus()

    def on_source_text_add_requested(self, event: SourceText.AddRequested) -> None:
        self.add_claim(event.document_id, event.start, event.end)

    @work(group="writes")
    async def add_claim(self, document_id: str, start: int, end: int) -> None:
        """Add the selected sentence as a hand-made claim and go to it in the list."""
        future = self.service.add_claim(document_id, start, end, self.analyst)
        claim = await self.guarded(wait_for(future))
        if claim is None:
            return
        row = await self.guarded(wait_for(self.service.row(claim.id)))
        if row is not None:
            self.claims.add_row(row)
        self.notify(
            f"Added claim {claim.id} [{start}–{end}]; `claimcheck check` finds its evidence.",
            timeout=8,
        )

    def on_claims_table_open_requested(self, event: ClaimsTable.OpenRequested) -> None:
        self.load_detail(event.claim_id)
        self.query_one(EvidenceTable).focus()

    def on_detail_pane_back_requested(self, event: DetailPane.BackRequested) -> None:
        self.claims.table.focus()

    def on_claims_pane_filter_requested(self, event: ClaimsPane.FilterRequested) -> None:
        def chosen(filters: Filters | None) -> None:
            if filters is not None:
                self.claims.apply_filters(filters)

        filters, documents = self.claims.filters, self.claims.documents()
        self.push_screen(FilterScreen(filters, documents, self.claims.analysts()), chosen)

    def on_claims_table_grade_requested(self, event: ClaimsTable.GradeRequested) -> None:
        self.open_grade(event.claim_id)

    def on_detail_pane_grade_requested(self, event: DetailPane.GradeRequested) -> None:
        if event.claim_id is None:
            self.notify("No claim is shown: pick one in the list (escape goes back to it).")
            return
        self.open_grade(event.claim_id)

    @work(exclusive=True, group="grade")
    async def open_grade(self, claim_id: str) -> None:
        """The grade dialog for a claim, with its grade and suggestion read fresh; what the
        analyst changes is stored on the write lane."""
        detail = await self.guarded(wait_for(self.service.detail(claim_id)))
        if detail is None or detail.claim.grade is None:
            return
        changes = await self.push_screen_wait(GradeScreen(detail.claim.text, detail.claim.grade))
        if changes:
            self.save_grade(claim_id, changes)

    @work(group="writes")
    async def save_grade(self, claim_id: str, changes: Changes) -> None:
        """Store a grading, say what it did, and show every claim as it now stands (a source's
        grade is on all the claims of that outlet)."""
        future = self.service.grade(claim_id, changes, self.analyst)
        outcomes = await self.guarded(wait_for(future))
        if outcomes is None:
            return
        self.notify("; ".join(o.message for o in outcomes), timeout=8)
        await self._refresh_claim(claim_id)
        if "reliability" in changes:
            self.load_rows(self.claims.table.current_id)

    def action_refresh(self) -> None:
        self.action_retry_unsaved()
        self.load_rows(self.claims.table.current_id)

    def action_help(self) -> None:
        sections: list[tuple[str, list[BindingType]]] = [
            ("Claims list", [*ClaimsTable.BINDINGS, *ClaimsPane.BINDINGS]),
            ("Search box", list(SearchInput.BINDINGS)),
            ("Evidence", list(EvidenceTable.BINDINGS)),
            ("Source text", list(SourceText.BINDINGS)),
            ("Detail", list(DetailPane.BINDINGS)),
            ("Note editor", list(NoteScreen.BINDINGS)),
            ("Grade dialog", list(GradeScreen.BINDINGS)),
            ("Filters", list(FilterScreen.BINDINGS)),
            ("Anywhere", list(self.BINDINGS)),
        ]
        self.push_screen(HelpScreen(sections))
