"""The filter dialog: status, document, conflicts, analyst, disagreement, and the scope
(reference material's claims, dismissed claims)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Label, RadioButton, RadioSet, Select

from claimcheck.models import Status
from claimcheck.tui.claims.filters import Filters

ANY_STATUS = "any"


class FilterScreen(ModalScreen[Filters | None]):
    """Returns the chosen filters, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="filter.cancel"),
        Binding("ctrl+s", "apply", "Apply", id="filter.apply"),
    ]

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
            with RadioSet(id="filter-status"):
                for value in (ANY_STATUS, *(s.value for s in Status)):
                    yield RadioButton(value, value=value == status, name=value)
            by_title = sorted(self.documents.items(), key=lambda item: item[1])
            options = [(title[:60] or document_id, document_id) for document_id, title in by_title]
            yield Select(
                options,
                prompt="in any document",
                value=self.current.document_id or Select.NULL,
                id="filter-document",
            )
            yield Checkbox("only with conflicts", self.current.conflicts_only, id="filter-conflict")
            yield Select(
                [(name, name) for name in self.analysts],
                prompt="decided by any analyst",
                value=self.current.analyst or Select.NULL,
                id="filter-analyst",
            )
            yield Checkbox(
                "only where analysts disagree",
                self.current.disagreements_only,
                id="filter-disagree",
            )
            yield Checkbox(
                "include reference material's claims",
                self.current.include_reference,
                id="filter-reference",
            )
            yield Checkbox(
                "show dismissed claims", self.current.include_dismissed, id="filter-dismissed"
            )
            with Horizontal(classes="buttons"):
                yield Button("Apply", variant="primary", id="apply")
                yield Button("Clear", id="clear")
                yield Button("Cancel", id="cancel")

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
        )

    def _ticked(self, selector: str) -> bool:
        return self.query_one(selector, Checkbox).value

    def action_apply(self) -> None:
        self.dismiss(self.chosen())

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "apply":
            self.action_apply()
        elif event.button.id == "clear":
            self.dismiss(Filters(search=self.current.search))
        else:
            self.action_cancel()
