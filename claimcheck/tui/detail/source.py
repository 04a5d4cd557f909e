"""The claim in its source text, with a sentence cursor: focus it (`t` in the list), move from
sentence to sentence with ← → (or h l), and press `a` to add the selected sentence as a claim."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Static

from claimcheck.models import Passage, Span
from claimcheck.text.context import in_context as span_in_context
from claimcheck.tui.detail.context import RADIUS, in_context
from claimcheck.tui.keys import pane_keys

CLAIM_STYLE = "bold black on yellow"
SELECTED_STYLE = "underline reverse"


def _sentence_span(passage: Passage) -> Span:
    return Span(start=passage.start, end=passage.end, exact=passage.text)


def with_sentence(text: str, claim: Span, sentence: Span, *, radius: int = RADIUS) -> Text:
    """The text around a selected sentence: the sentence underlined and reversed, the claim's
    span (where it falls inside) highlighted as in the detail."""
    around = span_in_context(text, sentence, radius)
    left = sentence.start - len(around.before)
    right = sentence.end + len(around.after)
    shown = Text()
    if around.clipped_before:
        shown.append("…", style="dim")
    offset = len(shown)
    shown.append(text[left:right])
    if around.clipped_after:
        shown.append("…", style="dim")
    start, end = max(claim.start, left), min(claim.end, right)
    if start < end:
        shown.stylize(CLAIM_STYLE, offset + start - left, offset + end - left)
    shown.stylize(SELECTED_STYLE, offset + sentence.start - left, offset + sentence.end - left)
    return shown


class SourceText(Static, can_focus=True):
    """The claim highlighted in its document; focused, a cursor over the document's sentences."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left,h", "move(-1)", "Previous sentence", id="source.previous"),
        Binding("right,l", "move(1)", "Next sentence", id="source.next"),
        Binding("a", "add", "Add as claim", id="source.add"),
        *pane_keys("source"),
    ]

    class AddRequested(Message):
        """The analyst wants the selected sentence added as a claim."""

        def __init__(self, document_id: str, start: int, end: int) -> None:
            super().__init__()
            self.document_id = document_id
            self.start = start
            self.end = end

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id)
        self.text = ""
        self.claim = Span(start=0, end=0, exact="")
        self.document_id = ""
        self.passages: list[Passage] = []
        self.selected: int | None = None

    def show(
        self,
        text: str,
        claim: Span,
        document_id: str,
        passages: list[Passage],
        *,
        keep: bool = False,
    ) -> None:
        """A claim's document: the cursor starts on the sentence holding the claim, or with
        `keep` (the same claim again) stays where it was."""
        if keep and document_id == self.document_id and self.selected is not None:
            self.text, self.claim, self.passages = text, claim, passages
            self.selected = min(self.selected, len(passages) - 1) if passages else None
            self.draw()
            return
        self.text, self.claim, self.document_id, self.passages = text, claim, document_id, passages
        holding = [i for i, p in enumerate(passages) if p.start < claim.end and claim.start < p.end]
        self.selected = holding[0] if holding else (0 if passages else None)
        self.draw()

    @property
    def sentence(self) -> Passage | None:
        """The sentence under the cursor."""
        return self.passages[self.selected] if self.selected is not None else None

    def draw(self) -> None:
        """The claim in context; focused, the selected sentence in context."""
        sentence = self.sentence
        if not self.has_focus or sentence is None:
            self.update(in_context(self.text, self.claim, style=CLAIM_STYLE))
            return
        shown = with_sentence(self.text, self.claim, _sentence_span(sentence))
        hint = Text(
            f"\nsentence {self.selected + 1 if self.selected is not None else 0} of "
            f"{len(self.passages)} [{sentence.start}–{sentence.end}] · ← → move · a adds it as "
            "a claim",
            style="dim",
        )
        self.update(Text.assemble(shown, hint))

    def on_focus(self) -> None:
        self.draw()

    def on_blur(self) -> None:
        self.draw()

    def action_move(self, step: int) -> None:
        if self.selected is not None:
            self.selected = max(0, min(len(self.passages) - 1, self.selected + step))
            self.draw()

    def action_add(self) -> None:
        sentence = self.sentence
        if sentence is not None:
            self.post_message(self.AddRequested(self.document_id, sentence.start, sentence.end))
