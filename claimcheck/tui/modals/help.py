"""The `?` screen: every key, where it works and what it does, and what each marker means."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from claimcheck.tui.badges import MARKERS

KEY_NAMES = {
    "slash": "/",
    "question_mark": "?",
    "escape": "esc",
    "enter": "enter",
    "shift+tab": "shift+tab",
}
HINT = "j k pgup pgdn scroll · the markers are explained after the keys · escape closes"
KEY_WIDTH = 12
SCROLLBAR = 2
MIN_DESCRIPTION = 24
NOTES = (
    "↑ ↓ also move; a decision moves to the next claim, but n and z still act on the claim you "
    "just decided until you move the cursor yourself.",
    "tab goes from the list to the evidence to the passage in its own document (shift+tab back); "
    "enter on a passage shows it there. c, d, u in the detail decide on the claim it shows.",
    "z undoes your latest decision on the claim (status, note, link, dismissal); Z redoes it.",
    "Every decision is saved at once, with you as analyst; undo appends a reverting event.",
    "Below 120 columns the list fills the screen with the highlighted claim shown whole beneath "
    "it; enter, tab or t open its detail full height, escape goes back to the list.",
    "The list shows the sources under review: f includes reference material and dismissed "
    "claims, and filters by analyst.",
)


def key_label(key: str) -> str:
    """How a key is written for people: 'slash' → '/'."""
    return ", ".join(KEY_NAMES.get(part, part) for part in key.split(","))


def _rows(rows: list[tuple[str, str, str]], width: int) -> Text:
    """Aligned rows of key (or marker), description and id; the description wraps within its
    column, so an id never breaks onto a line of its own."""
    key_width = max([KEY_WIDTH, *(len(key) for key, _, _ in rows)])
    id_width = max([0, *(len(row_id) for _, _, row_id in rows)])
    room = max(MIN_DESCRIPTION, width - key_width - id_width - 6)
    text = Text()
    for key, description, row_id in rows:
        lines = textwrap.wrap(description, room) or [""]
        for number, line in enumerate(lines):
            text.append(f"  {key if number == 0 else '':<{key_width}}  ", style="bold")
            text.append(f"{line:<{room}}")
            text.append(f"  {row_id if number == 0 else ''}\n", style="dim")
    return text


def help_text(sections: Iterable[tuple[str, Iterable[BindingType]]], width: int = 96) -> Text:
    """The keys per section, the markers, then how decisions behave, laid out for `width`."""
    text = Text()
    for title, bindings in sections:
        keys = [b for b in bindings if isinstance(b, Binding)]
        rows = [(key_label(b.key), b.description, b.id or "") for b in keys]
        text.append(f"{title}\n", style="bold underline")
        text.append_text(_rows(rows, width))
        text.append("\n")
    text.append("Markers\n", style="bold underline")
    text.append_text(_rows([(marker, meaning, "") for marker, meaning in MARKERS], width))
    text.append("\n")
    for note in NOTES:
        text.append(
            "\n".join(textwrap.wrap(note, width - 2, initial_indent="  ", subsequent_indent="  "))
            + "\n",
            style="italic",
        )
    return text


class HelpScreen(ModalScreen[None]):
    """Keys, grouped by the part of the screen they act on, and the markers' meanings."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close help", id="help.close"),
        Binding("question_mark", "close", "Close help", show=False, id="help.close-again"),
        Binding("q", "close", "Close help", show=False, id="help.close-q"),
        Binding("j", "scroll(1)", "Scroll down", show=False, id="help.down"),
        Binding("k", "scroll(-1)", "Scroll up", show=False, id="help.up"),
    ]

    def __init__(self, sections: list[tuple[str, list[BindingType]]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog", classes="dialog"):
            yield Label("claimcheck keys", classes="dialog-title")
            with VerticalScroll(id="help-scroll"):
                yield Static("", id="help-keys")
            yield Label(HINT, classes="hint")

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()

    def on_resize(self) -> None:
        """Lay the keys out for the width the dialog has."""
        scroll = self.query_one("#help-scroll", VerticalScroll)
        width = (scroll.content_region.width or 98) - SCROLLBAR
        self.query_one("#help-keys", Static).update(help_text(self.sections, width))

    def action_scroll(self, lines: int) -> None:
        self.query_one(VerticalScroll).scroll_relative(y=lines, animate=False)

    def action_close(self) -> None:
        self.dismiss(None)
