"""The `?` screen: every key, where it works and what it does."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

KEY_NAMES = {"slash": "/", "question_mark": "?", "escape": "esc", "enter": "enter"}


def key_label(key: str) -> str:
    """How a key is written for people: 'slash' → '/'."""
    return ", ".join(KEY_NAMES.get(part, part) for part in key.split(","))


def help_text(sections: Iterable[tuple[str, Iterable[BindingType]]]) -> Text:
    """A table of keys per section: key, description, binding id."""
    text = Text()
    for title, bindings in sections:
        text.append(f"{title}\n", style="bold underline")
        for binding in bindings:
            if not isinstance(binding, Binding):
                continue
            text.append(f"  {key_label(binding.key):<14}", style="bold")
            text.append(f"{binding.description:<28}")
            text.append(f"{binding.id or ''}\n", style="dim")
        text.append("\n")
    for line in (
        "↑ ↓ also move; a decision moves to the next claim, but n and z still act on the claim",
        "you just decided until you move the cursor yourself.",
        "z undoes your latest decision on the claim (status, note, link, dismissal); Z redoes it.",
        "Every decision is saved at once, with you as analyst; undo appends a reverting event.",
        "The list shows the sources under review: f includes reference material and dismissed",
        "claims, and filters by analyst. ≠ analysts disagree · ✎ hand-made · ⊘ dismissed ·",
        "◇ reference.",
    ):
        text.append(f"  {line}\n", style="italic")
    return text


class HelpScreen(ModalScreen[None]):
    """Keys, grouped by the part of the screen they act on."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close help", id="help.close"),
        Binding("question_mark", "close", "Close help", show=False, id="help.close-again"),
        Binding("q", "close", "Close help", show=False, id="help.close-q"),
    ]

    def __init__(self, sections: list[tuple[str, list[BindingType]]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog", classes="dialog"):
            yield Label("claimcheck keys", classes="dialog-title")
            with VerticalScroll():
                yield Static(help_text(self.sections), id="help-keys")
            yield Label("escape or ? closes", classes="hint")

    def action_close(self) -> None:
        self.dismiss(None)
