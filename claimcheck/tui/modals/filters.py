"""The filter dialog: status, document, analyst, source reliability and credibility grades,
conflicts, disagreement, and the scope (reference material's claims, dismissed claims)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Label, RadioButton, RadioSet, Select

from claimcheck.grading import CREDIBILITY, RELIABILITY
from claimcheck.models import Status
from claimcheck.text.shorten import shorten_middle
from claimcheck.tui.claims.filters import UNGRADED, Filters

ANY_STATUS = "any"
HINT = "ctrl+s applies · escape cancels (asks first if changed)"
UNAPPLIED = "Not applied: escape again discards, ctrl+s applies"
TITLE_WIDTH = 60


def _grade_select(axis: str, scale: dict[str, str], current: str | None) -> Select[str]:
    """A choice of one grade on an axis, or of claims not graded on it."""
    label = "source" if axis == "reliability" else "credibility"
    options = [(f"{label} {value} {words}", value) for value, words in scale.items()]
    options.append((f"{label} not graded", UNGRADED))
    return Select(
        options,
        prompt=f"any {label} grade",
        value=current or Select.NULL,
        id=f"filter-{axis}",
        compact=True,
    )


class FilterScreen(ModalScreen[Filters | None]):
    """Returns the chosen filters, or None when cancelled; escape with unapplied changes asks
    before dropping them."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel (asks if changed)", id="filter.cancel"),
        Binding("ctrl+s", "apply", "Apply", id="filter.apply"),
    ]

    _escape_armed = False

    def __init__(
        self, current: Filters, documents: dict[str, str], analysts: list[str] | None = None
    ) -> None:
        super().__init__()
        self.current = current
        self.documents = documents
        self.analysts = analysts or []

    def compose(self) -> ComposeResult:
        status = self.current.status.value if self.current.status else ANY_STATUS
        with Vertical(id="filter-dialog", classes="dialog"):
            yield Label("Show claims", classes="dialog-title")
            with RadioSet(id="filter-status", compact=True):
                for value in (ANY_STATUS, *(s.value for s in Status)):
                    yield RadioButton(value, value=value == status, name=value, compact=True)
            by_title = sorted(self.documents.items(), key=lambda item: item[1])
            options = [
                (shorten_middle(title, TITLE_WIDTH) or document_id, document_id)
                for document_id, title in by_title
            ]
            yield Select(
                options,
                prompt="in any document",
                value=self.current.document_id or Select.NULL,
                id="filter-document",
                compact=True,
            )
            yield Select(
                [(name, name) for name in self.analysts],
                prompt="decided by any analyst",
                value=self.current.analyst or Select.NULL,
                id="filter-analyst",
                compact=True,
            )
            with Horizontal(id="filter-grades"):
                yield _grade_select("reliability", RELIABILITY, self.current.reliability)
                words = {str(k): v for k, v in CREDIBILITY.items()}
                yield _grade_select("credibility", words, self.current.credibility)
            current = self.current
            ticks: list[tuple[str, bool, str]] = [
                ("only with conflicts", current.conflicts_only, "filter-conflict"),
                ("only where analysts disagree", current.disagreements_only, "filter-disagree"),
                (
                    "include reference material's claims",
                    current.include_reference,
                    "filter-reference",
                ),
                ("show dismissed claims", current.include_dismissed, "filter-dismissed"),
            ]
            for label, ticked, widget_id in ticks:
                yield Checkbox(label, ticked, id=widget_id, compact=True)
            yield Label(HINT, id="filter-hint", classes="hint")
            with Horizontal(classes="buttons"):
                yield Button("Apply", variant="primary", id="apply", compact=True)
                yield Button("Clear", id="clear", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def chosen(self) -> Filters:
        """The filters as the dialog stands."""
        pressed = self.query_one(RadioSet).pressed_button
        name = pressed.name if pressed is not None else ANY_STATUS
        document = self.query_one("#filter-document", Select).value
        analyst = self.query_one("#filter-analyst", Select).value
        return Filters(
            status=None if name in (None, ANY_STATUS) else Status(name),
            document_id=document if isinstance(document, str) else None,
            conflicts_only=self._ticked("#filter-conflict"),
            search=self.current.search,
            include_reference=self._ticked("#filter-reference"),
            include_dismissed=self._ticked("#filter-dismissed"),
            analyst=analyst if isinstance(analyst, str) else None,
            disagreements_only=self._ticked("#filter-disagree"),
            reliability=self._picked("#filter-reliability"),
            credibility=self._picked("#filter-credibility"),
        )

    def _picked(self, selector: str) -> str | None:
        value = self.query_one(selector, Select).value
        return value if isinstance(value, str) else None

    def _ticked(self, selector: str) -> bool:
        return self.query_one(selector, Checkbox).value

    def action_apply(self) -> None:
        self.dismiss(self.chosen())

    def action_cancel(self) -> None:
        """Close without applying; when something was changed, only the second time."""
        changed = self.chosen() != self.current
        if changed and not self._escape_armed:
            self._escape_armed = True
            self.query_one("#filter-hint", Label).update(UNAPPLIED)
            self.query_one("#filter-hint", Label).add_class("warning")
            return
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "apply":
            self.action_apply()
        elif event.button.id == "clear":
            self.dismiss(Filters(search=self.current.search))
        else:
            self.dismiss(None)
