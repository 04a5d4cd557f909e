"""The highlighted claim in full under a narrow list: the list cuts claims to one line, and below
120 columns the detail is out of sight until the analyst opens it."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from claimcheck.store.listing import ClaimRow
from claimcheck.text.shorten import shorten_middle
from claimcheck.tui.badges import status_badge

TITLE_WIDTH = 36
OPEN_HINT = "enter: evidence · t: source · esc: back"


def preview_text(row: ClaimRow | None) -> Text:
    """The claim's whole text (wrapped by the widget), then its status, evidence counts, source
    and how to open it."""
    if row is None:
        return Text("No claim selected.", style="dim")
    shown = Text(" ".join(row.text.split()), style="bold")
    shown.append("\n")
    shown.append_text(status_badge(row.status, row.orphaned, row.changed_since_decided))
    counts = [
        (f"⚠ {row.contradicts} contradict", "bold red", row.contradicts),
        (f"↻ {row.updates} update", "yellow", row.updates),
        (f"+{row.supports} support", "green", row.supports),
    ]
    for label, style, n in counts:
        if n:
            shown.append(f"  {label}", style=style)
    shown.append(f"  {shorten_middle(row.document_title, TITLE_WIDTH)}", style="dim")
    shown.append(f"  {OPEN_HINT}", style="dim italic")
    return shown


class ClaimPreview(Static):
    """The highlighted claim, whole; shown only in the stacked (narrow) layout."""

    claim_id: str | None = None
    """The claim shown."""

    def show_row(self, row: ClaimRow | None) -> None:
        """Show one claim (None: nothing is listed)."""
        self.claim_id = row.id if row else None
        self.set_class(row is None, "-empty")
        self.update(preview_text(row))
