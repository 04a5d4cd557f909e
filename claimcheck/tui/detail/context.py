"""A span shown inside its surrounding text, highlighted exactly by code-point offsets, and the
focusable view of an evidence passage in its own document."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.containers import ScrollableContainer
from textual.widgets import Static

from claimcheck.models import Span
from claimcheck.text.context import in_context as span_in_context
from claimcheck.tui.keys import pane_keys

RADIUS = 360


def in_context(text: str, span: Span, *, style: str, radius: int = RADIUS) -> Text:
    """text[span.start:span.end] highlighted, with up to `radius` characters either side.

    The context is cut at a space where one is near, and marked with '…'.
    """
    around = span_in_context(text, span, radius)
    shown = Text()
    if around.clipped_before:
        shown.append("…", style="dim")
    shown.append(around.before)
    shown.append(around.exact, style=style)
    shown.append(around.after)
    if around.clipped_after:
        shown.append("…", style="dim")
    return shown


class EvidenceContext(Static, can_focus=True):
    """The highlighted evidence passage inside its own document; focused (tab from the
    evidence, or enter on a passage), j/k and the page keys scroll the detail through it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "scroll(1)", "Scroll down", show=False, id="context.down"),
        Binding("up,k", "scroll(-1)", "Scroll up", show=False, id="context.up"),
        Binding("pagedown,space", "page(1)", "Page down", show=False, id="context.page-down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="context.page-up"),
        *pane_keys("context"),
    ]

    has_text = False
    """Whether a passage is shown (there is something to read)."""

    def show(self, content: Text | str) -> None:
        """Show a passage (or nothing, with an empty string)."""
        self.has_text = bool(content.plain if isinstance(content, Text) else content)
        self.update(content)

    def on_focus(self) -> None:
        self.bring_into_view()

    def bring_into_view(self) -> None:
        """Scroll the detail so the passage starts at its top."""
        scroller = self._scroller()
        if scroller is not None:
            scroller.scroll_to_widget(self, animate=False, top=True)

    def _scroller(self) -> ScrollableContainer | None:
        return self.parent if isinstance(self.parent, ScrollableContainer) else None

    def action_scroll(self, lines: int) -> None:
        scroller = self._scroller()
        if scroller is not None:
            scroller.scroll_relative(y=lines, animate=False)

    def action_page(self, direction: int) -> None:
        scroller = self._scroller()
        if scroller is not None:
            scroller.scroll_relative(y=direction * max(1, scroller.size.height - 2), animate=False)
