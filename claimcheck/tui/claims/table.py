"""The claims list: a line-API widget that draws only the rows on screen, so 10,000 claims filter,
sort and scroll as fast as 100; decisions come from the keyboard on the highlighted row."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from claimcheck.models import Status
from claimcheck.store.listing import ClaimRow
from claimcheck.text.shorten import shorten_middle
from claimcheck.tui.badges import (
    conflict_marker,
    flag_marks,
    pending_badge,
    status_badge,
    status_symbol,
)
from claimcheck.tui.keys import pane_keys
from claimcheck.tui.pending import PendingDecisions, Unsaved

COLUMNS: list[tuple[str, str, int]] = [
    ("status", "status", 14),
    ("conflict", "⚠", 1),
    ("flags", "≠✎", 2),
    ("worth", "worth", 5),
    ("supports", "+", 3),
    ("contradicts", "−", 3),
    ("claim", "claim", 0),
    ("document", "document", 18),
]
"""Column key, heading and width; the claim column (0) takes what the others leave."""
GAP = 2
MIN_CLAIM_WIDTH = 20
WIDE = 100
"""Narrower than this, the document and check-worthiness columns are left out (the detail names
the source and the worth), so the claim keeps the room."""
NARROW_DROPS = ("document", "worth")
NARROW_STATUS = ("status", "st", 3)
"""Narrower than WIDE and stacked (the screen's `narrow` class), the status is its symbol and
marks ('✔Δ'); the preview under the list names it."""


def _clip(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: max(0, width - 1)] + "…"


def cells(
    row: ClaimRow, claim_width: int, waiting: Unsaved | None = None, *, compact: bool = False
) -> list[Text]:
    """The cells of one claim (in COLUMNS order), its text clipped to `claim_width`; a decision
    `waiting` to be stored is shown as such instead of the stored status; `compact`: the status
    as its symbol and marks."""
    if waiting is not None:
        badge = pending_badge(waiting.status or row.status, waiting.failure is not None)
    else:
        badge = status_badge(row.status, row.orphaned, row.changed_since_decided)
    if compact:
        badge = status_symbol(badge)
    return [
        badge,
        conflict_marker(row.contradicts, row.updates),
        flag_marks(row),
        Text(f"{row.checkworthiness:.2f}"),
        Text(str(row.supports or ""), style="green"),
        Text(str(row.contradicts or ""), style="bold red"),
        Text(_clip(row.text, claim_width)),
        Text(shorten_middle(row.document_title, COLUMNS[-1][2]), style="dim"),
    ]


class ClaimsTable(ScrollView, can_focus=True):
    """Claims with status badge, conflict marker, check-worthiness, evidence counts and source."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "decide('confirmed')", "Confirm", id="claims.confirm"),
        Binding("d", "decide('disputed')", "Dispute", id="claims.dispute"),
        Binding("u", "decide('unverified')", "Unverify", id="claims.unverify"),
        Binding("n", "note", "Note", id="claims.note"),
        Binding("x", "dismiss", "Dismiss", id="claims.dismiss"),
        Binding("g", "grade", "Grade", id="claims.grade"),
        Binding("z", "undo", "Undo", id="claims.undo"),
        Binding("Z", "redo", "Redo", show=False, id="claims.redo"),
        Binding("enter", "open", "Evidence", id="claims.open"),
        Binding("t", "source", "Sentences", id="claims.source"),
        *pane_keys("claims"),
        Binding("down,j", "move(1)", "Down", show=False, id="claims.down"),
        Binding("up,k", "move(-1)", "Up", show=False, id="claims.up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="claims.page-down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="claims.page-up"),
        Binding("home", "jump(0)", "First", show=False, id="claims.first"),
        Binding("end", "jump(-1)", "Last", show=False, id="claims.last"),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "claims-table--header",
        "claims-table--cursor",
        "claims-table--odd",
    }

    class Highlighted(Message):
        """The cursor moved to another claim."""

        def __init__(self, claim_id: str) -> None:
            super().__init__()
            self.claim_id = claim_id

    class Emptied(Message):
        """No claim is listed any more (the filters or the search match nothing)."""

    class HeaderSelected(Message):
        """A column heading was clicked: sort by that column."""

        def __init__(self, column: str) -> None:
            super().__init__()
            self.column = column

    class DecisionRequested(Message):
        """The analyst decided on the highlighted claim."""

        def __init__(self, claim_id: str, status: Status) -> None:
            super().__init__()
            self.claim_id = claim_id
            self.status = status

    class ClaimMessage(Message):
        """A request about one claim."""

        def __init__(self, claim_id: str) -> None:
            super().__init__()
            self.claim_id = claim_id

    class NoteRequested(ClaimMessage):
        """The analyst wants to add or edit the note of the claim they are looking at."""

    class GradeRequested(ClaimMessage):
        """The analyst wants to grade the claim they are looking at and its source."""

    class DismissRequested(ClaimMessage):
        """The analyst says the highlighted sentence is not a claim."""

    class UndoRequested(ClaimMessage):
        """The analyst wants their latest decision on the claim they are looking at undone."""

    class RedoRequested(ClaimMessage):
        """The analyst wants their latest undo on the claim they are looking at redone."""

    class OpenRequested(ClaimMessage):
        """The analyst wants to look at the highlighted claim's detail and evidence."""

    class SourceRequested(ClaimMessage):
        """The analyst wants to pick sentences in the highlighted claim's source text."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[ClaimRow] = []
        self._index: dict[str, int] = {}
        self.cursor_row = 0
        self.pending: PendingDecisions | None = None
        self.decided_id: str | None = None
        """The claim just decided on, while the cursor only moved on by itself after it."""

    @property
    def row_count(self) -> int:
        """How many claims are listed."""
        return len(self.rows)

    @property
    def ids(self) -> list[str]:
        """The listed claim ids, in display order."""
        return [row.id for row in self.rows]

    @property
    def current_id(self) -> str | None:
        """The id of the highlighted claim, if any."""
        return self.rows[self.cursor_row].id if self.rows else None

    @property
    def looking_at(self) -> str | None:
        """The claim a note or an undo is about: the one just decided on (the cursor moved on
        by itself), else the highlighted one."""
        return self.decided_id or self.current_id

    def index_of(self, claim_id: str) -> int | None:
        """Where a claim is listed, if it is."""
        return self._index.get(claim_id)

    @property
    def columns(self) -> list[tuple[str, str, int]]:
        """The columns that fit: all of them, or all but the document and worth when narrow."""
        width = self.scrollable_content_region.width or 80
        if width >= WIDE:
            return COLUMNS
        kept = [c for c in COLUMNS if c[0] not in NARROW_DROPS]
        if not self.is_mounted or not self.screen.has_class("narrow"):
            return kept  # beside the detail, the status keeps its word
        return [NARROW_STATUS if c[0] == "status" else c for c in kept]

    @property
    def claim_width(self) -> int:
        """How much claim text fits beside the other columns."""
        columns = self.columns
        fixed = sum(width for _, _, width in columns) + GAP * (len(columns) - 1) + 1
        return max(MIN_CLAIM_WIDTH, (self.scrollable_content_region.width or 80) - fixed)

    def show(self, rows: list[ClaimRow], keep: str | None = None) -> None:
        """Replace the rows; the cursor stays on claim `keep` when it is still listed."""
        self.rows = rows
        self._index = {row.id: i for i, row in enumerate(rows)}
        self.virtual_size = Size(self.size.width, len(rows) + 1)
        target = self._index.get(keep, 0) if keep is not None else 0
        self.cursor_row = -1
        self.move_to(target)
        self.refresh()

    def update_row(self, row: ClaimRow) -> None:
        """Redraw one claim in place."""
        index = self._index.get(row.id)
        if index is not None:
            self.rows[index] = row
            self.refresh_line(index)

    def refresh_claim(self, claim_id: str) -> None:
        """Repaint one claim's line (its pending decision changed)."""
        index = self._index.get(claim_id)
        if index is not None:
            self.refresh_line(index)

    def refresh_line(self, index: int) -> None:
        """Repaint the screen line showing row `index`, if it is on screen."""
        y = index - int(self.scroll_offset.y) + 1
        if 0 < y < self.size.height:
            self.refresh(Region(0, y, self.size.width, 1))

    def move_to(self, index: int) -> None:
        """Put the cursor on row `index` (clamped) and keep it on screen."""
        if not self.rows:
            self.cursor_row = 0
            self._announce(self.Emptied)
            return
        index = max(0, min(index, len(self.rows) - 1))
        previous, self.cursor_row = self.cursor_row, index
        visible = max(1, self.size.height - 1)
        top = int(self.scroll_offset.y)
        if index < top:
            self.scroll_to(y=index, animate=False)
        elif index >= top + visible:
            self.scroll_to(y=index - visible + 1, animate=False)
        if previous != index:
            self.refresh_line(previous)
            self.refresh_line(index)
            claim_id = self.rows[index].id
            self._announce(lambda: self.Highlighted(claim_id))

    def _announce(self, message: Callable[[], Message]) -> None:
        """Post a message made in this widget's own context.

        Textual takes a message's sender from the pump that is running when the message is made,
        and stops a message that reaches its sender's parent. `move_to` also runs inside the
        pane's handlers (search, filters, sort), where the pane would be the sender: the message
        would stop at the pane and the app would keep showing the previous claim's detail.
        """
        self.call_next(lambda: self.post_message(message()))

    def advance(self) -> None:
        """Move to the next claim (after a decision), staying on the last one at the end."""
        self.move_to(self.cursor_row + 1)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if y == 0:
            style = self.get_component_rich_style("claims-table--header")
            headings = {key: Text(title) for key, title, _ in COLUMNS}
            headings |= {key: Text(title) for key, title, _ in self.columns}
            return self._strip(headings, style, width)
        index = int(self.scroll_offset.y) + y - 1
        if index >= len(self.rows):
            return Strip.blank(width, self.rich_style)
        if index == self.cursor_row:
            style = self.get_component_rich_style("claims-table--cursor")
        elif index % 2:
            style = self.get_component_rich_style("claims-table--odd")
        else:
            style = self.rich_style
        keys = [key for key, _, _ in COLUMNS]
        row = self.rows[index]
        waiting = self.pending.get(row.id) if self.pending is not None else None
        compact = self.columns[0] == NARROW_STATUS
        shown = cells(row, self.claim_width, waiting, compact=compact)
        row_cells = dict(zip(keys, shown, strict=True))
        return self._strip(row_cells, style, width)

    def _strip(self, texts: dict[str, Text], style: Style, width: int) -> Strip:
        claim_width = self.claim_width
        segments: list[Segment] = [Segment(" ", style)]
        for key, _, column_width in self.columns:
            cell = texts[key].copy()
            cell.truncate(column_width or claim_width, pad=True)
            for piece in cell.render(self.app.console):
                segments.append(Segment(piece.text, style + piece.style if piece.style else style))
            segments.append(Segment(" " * GAP, style))
        return Strip(segments).crop_extend(0, width, style)

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(event.size.width, len(self.rows) + 1)

    def on_click(self, event: events.Click) -> None:
        if event.y == 0:
            x = event.x - 1
            claim_width = self.claim_width
            for key, _, column_width in self.columns:
                x -= (column_width or claim_width) + GAP
                if x < 0:
                    self.post_message(self.HeaderSelected(key))
                    return
            return
        self.move_by_analyst(int(self.scroll_offset.y) + event.y - 1)

    def move_by_analyst(self, index: int) -> None:
        """The analyst moved the cursor: notes and undo now follow it."""
        self.decided_id = None
        self.move_to(index)

    def action_move(self, step: int) -> None:
        self.move_by_analyst(self.cursor_row + step)

    def action_page(self, direction: int) -> None:
        self.move_by_analyst(self.cursor_row + direction * max(1, self.size.height - 2))

    def action_jump(self, where: int) -> None:
        self.move_by_analyst(where if where >= 0 else len(self.rows) - 1)

    def action_decide(self, status: str) -> None:
        if self.current_id is not None:
            self.decided_id = self.current_id
            self.post_message(self.DecisionRequested(self.current_id, Status(status)))

    def action_dismiss(self) -> None:
        if self.current_id is not None:
            self.decided_id = self.current_id
            self.post_message(self.DismissRequested(self.current_id))

    def _about_looked_at(self, message: type[ClaimMessage]) -> None:
        if self.looking_at is not None:
            self.post_message(message(self.looking_at))

    def action_note(self) -> None:
        self._about_looked_at(self.NoteRequested)

    def action_grade(self) -> None:
        self._about_looked_at(self.GradeRequested)

    def action_undo(self) -> None:
        self._about_looked_at(self.UndoRequested)

    def action_redo(self) -> None:
        self._about_looked_at(self.RedoRequested)

    def action_open(self) -> None:
        if self.current_id is not None:
            self.post_message(self.OpenRequested(self.current_id))

    def action_source(self) -> None:
        if self.current_id is not None:
            self.post_message(self.SourceRequested(self.current_id))
