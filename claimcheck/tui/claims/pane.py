"""The claims pane: the table with its caption, search box, filters and sort order."""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Static

from claimcheck.store.listing import ClaimRow
from claimcheck.tui.claims.filters import SORT_KEYS, Filters, Order, visible
from claimcheck.tui.claims.preview import ClaimPreview
from claimcheck.tui.claims.table import ClaimsTable

EMPTY_DATABASE = (
    "No claims yet.\n\nIngest sources and check them, then press r:\n"
    "  claimcheck ingest PATH...\n  claimcheck check"
)
NOTHING_MATCHES = "No claim matches the filters. Press f to change them, / to search."
ONLY_REFERENCE = (
    "No source under review has claims: every document is reference material.\n\n"
    "Press f and tick 'include reference material', or make a document a source:\n"
    "  claimcheck role PATH source"
)


class SearchInput(Input):
    """The `/` search box: filters the list as you type; escape clears and closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close search", id="search.close")
    ]

    class Closed(Message):
        """The search box was closed with escape."""

    def action_close(self) -> None:
        self.value = ""
        self.post_message(self.Closed())


class ClaimsPane(Vertical):
    """Every claim, filtered, searched and sorted as the analyst asks."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "search", "Search", id="claims.search"),
        Binding("f", "filter", "Filter", id="claims.filter"),
        Binding("s", "sort", "Sort by next column", id="claims.sort"),
        Binding("S", "reverse_sort", "Reverse the order", id="claims.reverse"),
    ]

    class FilterRequested(Message):
        """The analyst wants to change the filters."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.all_rows: list[ClaimRow] = []
        self.filters = Filters()
        self.order = Order()
        self._shown_width = 0

    def compose(self) -> ComposeResult:
        search = SearchInput(placeholder="search claim text…", id="search")
        search.display = False
        yield search
        yield Static("", id="caption")
        yield ClaimsTable(id="claims")
        yield Static("", id="empty")
        yield ClaimPreview(id="preview")

    @property
    def table(self) -> ClaimsTable:
        """The claims table."""
        return self.query_one(ClaimsTable)

    def documents(self) -> dict[str, str]:
        """Document id → title, for the documents in scope that have claims."""
        return {
            row.document_id: row.document_title
            for row in self.all_rows
            if self.filters.in_scope(row)
        }

    def analysts(self) -> list[str]:
        """Everyone who decided anything on a claim."""
        return sorted({name for row in self.all_rows for name in row.analysts})

    def load(self, rows: list[ClaimRow], keep: str | None = None) -> None:
        """New rows from the database; the cursor stays on `keep` (or the current claim)."""
        self.all_rows = rows
        self.render_rows(keep if keep is not None else self.table.current_id, by_analyst=False)

    def render_rows(self, keep: str | None = None, *, by_analyst: bool = True) -> None:
        """Show the rows the filters let through, in the chosen order; `by_analyst` when the
        analyst asked for it (so notes and undo follow the cursor again)."""
        if by_analyst:
            self.table.decided_id = None
        shown = visible(self.all_rows, self.filters, self.order)
        self.table.show(shown, keep)
        self._shown_width = self.table.claim_width
        empty = self.query_one("#empty", Static)
        scoped = [row for row in self.all_rows if self.filters.in_scope(row)]
        empty.update(
            NOTHING_MATCHES if scoped else ONLY_REFERENCE if self.all_rows else EMPTY_DATABASE
        )
        empty.display = not shown
        # The table stays displayed (its header only) so it keeps the focus and with it the
        # keys that get out of an empty view: `/` search, `f` filter, `r` refresh.
        self.table.set_class(not shown, "-empty")
        self._caption(len(shown), len(scoped))

    def _caption(self, shown: int, scoped: int) -> None:
        filters = self.filters.describe(self.documents())
        order = ""
        if self.order.column is not None:
            label = SORT_KEYS[self.order.column][0]
            order = f" · sorted by {label}{' (reversed)' if self.order.reverse else ''}"
        elif self.order.reverse:
            order = " · reading order reversed"
        counts = f"{shown} of {scoped} claims" if shown != scoped else f"{shown} claims"
        self.query_one("#caption", Static).update(
            f"{counts}{' · ' + filters if filters else ''}{order}"
        )

    def replace_row(self, row: ClaimRow) -> None:
        """One claim changed (a decision): update it in place without re-filtering, unless it
        left or entered the list's scope (dismissed or restored)."""
        before = next((r for r in self.all_rows if r.id == row.id), None)
        self.all_rows = [row if r.id == row.id else r for r in self.all_rows]
        if before is not None and self.filters.in_scope(before) != self.filters.in_scope(row):
            self.render_rows(self.table.current_id, by_analyst=False)
        else:
            self.table.update_row(row)
        self._preview()

    def _preview(self) -> None:
        """Show the highlighted claim whole (the narrow layout's preview)."""
        table = self.table
        self.query_one(ClaimPreview).show_row(table.rows[table.cursor_row] if table.rows else None)

    def on_claims_table_highlighted(self, event: ClaimsTable.Highlighted) -> None:
        self._preview()  # not stopped: the app loads the detail too

    def on_claims_table_emptied(self, event: ClaimsTable.Emptied) -> None:
        self._preview()

    def add_row(self, row: ClaimRow) -> None:
        """A claim was added: list it and put the cursor on it."""
        self.all_rows = sorted(
            [*self.all_rows, row], key=lambda r: (r.document_path, r.span_start, r.id)
        )
        self.render_rows(row.id)

    def apply_filters(self, filters: Filters) -> None:
        """New filters from the filter dialog (the search text is kept)."""
        self.filters = replace(filters, search=self.filters.search)
        self.render_rows(self.table.current_id)

    def action_search(self) -> None:
        search = self.query_one(SearchInput)
        search.display = True
        search.focus()

    def action_filter(self) -> None:
        self.post_message(self.FilterRequested())

    def action_sort(self) -> None:
        columns = list(SORT_KEYS)
        current = self.order.column
        following = columns[(columns.index(current) + 1) % len(columns)] if current else columns[0]
        self.order = Order(following)
        self.render_rows(self.table.current_id)

    def action_reverse_sort(self) -> None:
        self.order = Order(self.order.column, not self.order.reverse)
        self.render_rows(self.table.current_id)

    def on_resize(self) -> None:
        if self.all_rows and abs(self.table.claim_width - self._shown_width) >= 4:
            self.render_rows(self.table.current_id)

    def on_claims_table_header_selected(self, event: ClaimsTable.HeaderSelected) -> None:
        event.stop()
        self.order = self.order.toggled(event.column)
        self.render_rows(self.table.current_id)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.filters = replace(self.filters, search=event.value)
        self.render_rows(self.table.current_id)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.table.focus()

    def on_search_input_closed(self, event: SearchInput.Closed) -> None:
        event.stop()
        self.query_one(SearchInput).display = False
        self.table.focus()
