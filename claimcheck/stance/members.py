"""None against one: 'no stores in Scotland would close' is contradicted by a passage naming one
such thing there that will ('its Inverness store, one of nine it runs in Scotland, … will
shut'). The named member must be the counted noun in the singular with a proper name before it,
the place must be stated, the act must be the same (same verb, same class of event, or verbs
whose embeddings agree), and both must speak of the same mode: plans against plans, what
happened against what happened."""

from __future__ import annotations

import math
import re

from claimcheck.extract.frames.lexicon import EVENT_CLASSES
from claimcheck.models import FigureFrame
from claimcheck.stance.base import Side, Similarity, Stance, Thresholds
from claimcheck.stance.cues import NEGATION

ACT_SIMILARITY = 0.5
"""Two verbs name one act ('close', 'shut') when their embeddings agree this much."""
_FUTURE = re.compile(
    r"\b(?:will|would|shall|(?:is|are|was|were)\s+to|set\s+to|plans?\s+to|due\s+to|going\s+to)\b",
    re.IGNORECASE,
)
_DETERMINER = r"(?:its|their|the|his|her|our)"


def compare_members(
    claim: Side, passage: Side, similarity: float, t: Thresholds, similar: Similarity
) -> list[Stance]:
    """A count of none on one side against a named member of it on the other."""
    if similarity < t.figure_min_similarity_strong:
        return []  # the noun, the place, the act and a named member are structure enough
    score = round(0.5 + 0.4 * similarity, 3)
    for none_side, other, side in ((claim, passage, "claim"), (passage, claim, "passage")):
        if NEGATION.search(other.text):
            continue
        for zero in (f for f in none_side.frames.figures if _none_somewhere(f)):
            if _future(none_side.text) != _future(other.text):
                continue
            member = _named_member(other.text, zero)
            if member and _same_act(zero, other, similar):
                place = ", ".join(p.title() for p in zero.places)
                reason = (
                    f"statement: the {side} says no {zero.noun_text or zero.noun} "
                    f"{zero.predicate_text or zero.predicate} in {place}; the other names one: "
                    f"{member}"
                )
                return [Stance("contradicts", score, reason, "statement")]
    return []


def _none_somewhere(f: FigureFrame) -> bool:
    return f.value == 0 and bool(f.noun and f.places and f.predicate) and not f.part


def _future(text: str) -> bool:
    return _FUTURE.search(text) is not None


def _named_member(text: str, zero: FigureFrame) -> str | None:
    """'its Inverness store' for a count of stores, when the text also names the place."""
    if not any(re.search(rf"\b{re.escape(p)}\b", text, re.IGNORECASE) for p in zero.places):
        return None
    noun = re.escape(zero.noun or "")
    pattern = rf"\b{_DETERMINER}\s+((?:[A-Z][\w'’&.-]*\s+){{1,3}}){noun}\b(?![\w'’-])"
    found = re.search(pattern, text)
    if found is None or any(p.lower() in found.group(1).lower() for p in zero.places):
        return None  # 'its Scotland stores' is the place, not a member named in it
    return found.group(0)


def _same_act(zero: FigureFrame, other: Side, similar: Similarity) -> bool:
    """Whether the other side states the zero's act: one of its frames' verbs is the same verb,
    of the same class of event, or close in meaning."""
    verbs = {f.predicate_text or "" for f in other.frames.figures}
    verbs |= {d.predicate_text or "" for d in other.frames.dates}
    lemmas = {f.predicate or "" for f in other.frames.figures}
    lemmas |= {d.predicate or "" for d in other.frames.dates}
    act = zero.predicate or ""
    if act in lemmas:
        return True
    kind = EVENT_CLASSES.get(act)
    if kind is not None and any(EVENT_CLASSES.get(lemma) == kind for lemma in lemmas):
        return True
    act_text = zero.predicate_text or act
    return any(_agree(similar(act_text, verb)) for verb in verbs if verb)


def _agree(value: float) -> bool:
    return not math.isnan(value) and value >= ACT_SIMILARITY
