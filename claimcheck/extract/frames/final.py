"""Final counts: a tally the document itself calls final ('the final count', 'in all', 'all
told'), or any tally of what happened to people in a document declaring the event over ('declared
the outbreak over'). A final count still holds later, so a different count stated afterwards
contradicts it rather than updating it."""

from __future__ import annotations

import re

from claimcheck.models import FigureFrame, Frames

FINAL_CUE = re.compile(
    r"\b(?:final|eventual|overall|total)\s+(?:count|toll|tally|figure|number)s?\b"
    r"|\bin all\b|\ball told\b|\baltogether\b",
    re.IGNORECASE,
)
"""A sentence stating its figures as final."""
OVER_CUE = re.compile(
    r"\bdeclared\b[^.;]{0,80}\bover\b(?=\s*(?:[.,;:\u2014]|$|(?:on|in|at|after|by|and)\b))"
    r"|\bdeclared\b[^.;]{0,40}\b(?:ended|finished)\b",
    re.IGNORECASE,
)
"""A sentence declaring the event over ('declared the outbreak over on Friday'; not 'once it is
over', not 'declared an emergency over the weekend'): its document's tallies are final."""
TALLY_OUTCOMES = frozenset({"death", "injury", "hospital", "illness", "missing", "evacuation"})
"""What happened to people: the tallies an end-of-event document closes."""


def mark_final(texts: list[str], frames: list[Frames]) -> list[Frames]:
    """The frames with the figures of final counts marked (their time holds from then on)."""
    over = any(OVER_CUE.search(text) for text in texts)
    marked = []
    for text, found in zip(texts, frames, strict=True):
        stated = bool(FINAL_CUE.search(text))
        figures = [_final(f) if _is_final(f, stated, over) else f for f in found.figures]
        marked.append(found.model_copy(update={"figures": figures}) if stated or over else found)
    return marked


def _is_final(figure: FigureFrame, stated: bool, over: bool) -> bool:
    if figure.projected or figure.hedged or figure.as_of.anchor is not None:
        return False
    return stated or (over and figure.outcome in TALLY_OUTCOMES)


def _final(figure: FigureFrame) -> FigureFrame:
    return figure.model_copy(update={"as_of": figure.as_of.model_copy(update={"final": True})})
