"""Keys several widgets share: tab and shift+tab move between the list, the evidence and the
passage in its own document (the app decides where, from what the claim shown has)."""

from __future__ import annotations

from textual.binding import Binding


def pane_keys(owner: str) -> list[Binding]:
    """tab / shift+tab bindings for the widget `owner` names in binding ids ('claims', …)."""
    return [
        Binding("tab", "app.cycle_focus(1)", "Next pane", show=False, id=f"{owner}.next-pane"),
        Binding(
            "shift+tab",
            "app.cycle_focus(-1)",
            "Previous pane",
            show=False,
            id=f"{owner}.previous-pane",
        ),
    ]
