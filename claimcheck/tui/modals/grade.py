"""The grade dialog: the reliability of the claim's source (A–F) and the claim's credibility
(1–6), with the credibility claimcheck suggests and what it rests on."""

from __future__ import annotations

from pathlib import PurePath
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, RadioButton, RadioSet

from claimcheck.grading import CREDIBILITY, RELIABILITY, Axis, Grade
from claimcheck.text.shorten import shorten_middle

UNGRADED = "-"
HINT = "a–f and 1–6 pick · ctrl+s saves · escape cancels"
QUOTE_WIDTH = 100
"""The claim is shown at most this long (two lines of the dialog at 80 columns)."""
TITLE_WIDTH = 56
SHORT_RELIABILITY = {**RELIABILITY, "F": "cannot be judged"}
"""The scale's words, F shortened to fit half the dialog at 80 columns."""

Changes = dict[Axis, str | None]
"""The axes the analyst changed and their new grades (None: cleared)."""


def _pick_keys(axis: Axis, keys: str, label: str) -> list[Binding]:
    """One key per grade of an axis (a–f for A–F, 1–6), each choosing it."""
    return [
        Binding(key, f"pick('{axis}', '{key.upper()}')", f"{label} {key.upper()}", show=False,
                id=f"grade.{axis}-{key}")
        for key in keys
    ]  # fmt: skip


class GradeScreen(ModalScreen[Changes | None]):
    """Returns the axes changed (none changed: an empty dict), or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save grade", id="grade.save"),
        Binding("escape", "cancel", "Cancel", id="grade.cancel"),
        *_pick_keys("reliability", "abcdef", "Source"),
        *_pick_keys("credibility", "123456", "Credibility"),
    ]

    def __init__(self, claim_text: str, grade: Grade) -> None:
        super().__init__()
        self.claim_text = claim_text
        self.grade = grade

    def compose(self) -> ComposeResult:
        grade = self.grade
        source = grade.source if grade.source_kind == "publisher" else PurePath(grade.source).name
        with Vertical(id="grade-dialog", classes="dialog"):
            yield Label(shorten_middle(f"Grade claim and source: {source}", TITLE_WIDTH),
                        classes="dialog-title")  # fmt: skip
            yield Label(shorten_middle(" ".join(self.claim_text.split()), QUOTE_WIDTH),
                        id="grade-claim")  # fmt: skip
            with Horizontal(id="grade-axes"):
                with Vertical(classes="grade-axis"):
                    yield Label("Source reliability", classes="grade-axis-title")
                    yield self._choices("reliability", SHORT_RELIABILITY, grade.reliability)
                with Vertical(classes="grade-axis"):
                    yield Label("Information credibility", classes="grade-axis-title")
                    words = {str(k): v for k, v in CREDIBILITY.items()}
                    current = str(grade.credibility) if grade.credibility else None
                    yield self._choices("credibility", words, current)
            yield Label(grade.suggestion, id="grade-suggestion")
            yield Label(HINT, classes="hint")
            with Horizontal(classes="buttons"):
                yield Button("Save", variant="primary", id="save", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    @staticmethod
    def _choices(axis: Axis, scale: dict[str, str], current: str | None) -> RadioSet:
        buttons = [
            RadioButton(f"{value} {words}", value=value == current, name=value, compact=True)
            for value, words in scale.items()
        ]
        buttons.append(
            RadioButton("not graded", value=current is None, name=UNGRADED, compact=True)
        )
        return RadioSet(*buttons, id=f"grade-{axis}", compact=True)

    def chosen(self) -> dict[Axis, str | None]:
        """Both axes as the dialog stands (None: not graded)."""
        found: dict[Axis, str | None] = {}
        for axis in ("reliability", "credibility"):
            pressed = self.query_one(f"#grade-{axis}", RadioSet).pressed_button
            name = pressed.name if pressed is not None else UNGRADED
            found[axis] = None if name in (None, UNGRADED) else name
        return found

    def action_pick(self, axis: Axis, value: str) -> None:
        """Choose a grade on one axis from the keyboard."""
        for button in self.query_one(f"#grade-{axis}", RadioSet).query(RadioButton):
            if button.name == value:
                button.value = True

    def action_save(self) -> None:
        before: dict[Axis, str | None] = {
            "reliability": self.grade.reliability,
            "credibility": str(self.grade.credibility) if self.grade.credibility else None,
        }
        self.dismiss({axis: v for axis, v in self.chosen().items() if v != before[axis]})

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()
