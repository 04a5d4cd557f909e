"""What differs in a conflict: the figure or date the other source states, read from the stance
reason, so several sources reporting the same differing value are shown together."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from claimcheck.models import ConflictView

_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_OTHER_SIDE = (" vs ", ", but one on ")
"""Reasons that put the claim's side first and the other source's after one of these."""


def _numbers(text: str) -> set[str]:
    return {n.replace(",", "").rstrip(".") for n in _NUMBER.findall(text)}


def without_context(side: str) -> str:
    """'about 12,000 troops' from 'about 12,000 troops (sent (NK); 18 Oct 2024)': a figure or date
    without the measure, scope and time in its trailing parentheses (which may nest)."""
    side = side.strip()
    if not side.endswith(")"):
        return side
    depth = 0
    for i in range(len(side) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(side[i], 0)
        if depth == 0:
            return side[:i].strip() or side
    return side


def _update_side(reason: str, claim_text: str, passage_text: str) -> str | None:
    """The other source's side of an 'earlier → later' reason (either side may be the claim's):
    the side whose numbers the passage states and the claim does not; None when unclear."""
    before, after = reason.rsplit("→", 1)
    sides = [without_context(before.rsplit(": ", 1)[-1]), without_context(after)]
    in_claim, in_passage = _numbers(claim_text), _numbers(passage_text)
    theirs = [s for s in sides if _numbers(s) and _numbers(s) <= in_passage - in_claim]
    if len(theirs) != 1:
        theirs = [s for s in sides if _numbers(s) and not _numbers(s) <= in_claim]
    return theirs[0] if len(theirs) == 1 else None


def differing_value(reason: str, claim_text: str, passage_text: str) -> str:
    """The value the other source states ('about 12,000 troops', '21 Nov 2023'); for a reason
    that names none (a denial), the reason without its detail."""
    for marker in _OTHER_SIDE:
        if marker in reason:
            return without_context(reason.rsplit(marker, 1)[-1])
    if "→" in reason:
        side = _update_side(reason, claim_text, passage_text)
        if side is not None:
            return side
        return reason
    return without_context(reason)


def group_label(kind: str, reason: str, claim_text: str, passage_text: str) -> str:
    """'figure: about 12,000 troops': passages of one claim with the same label report the same
    differing value."""
    value = differing_value(reason, claim_text, passage_text)
    prefix = f"{kind}: "
    return prefix + (value[len(prefix) :] if value.startswith(prefix) else value)


@dataclass(frozen=True)
class ConflictGroup:
    """The passages that contradict (or update) one claim with the same differing value."""

    passages: tuple[ConflictView, ...]

    @property
    def first(self) -> ConflictView:
        """The best-scored passage: its reason speaks for the group."""
        return self.passages[0]

    @property
    def sources(self) -> list[str]:
        """The paths of the documents reporting the value, each once, best-scored first."""
        return list(dict.fromkeys(p.evidence_document_path for p in self.passages))


def group_conflicts(found: Sequence[ConflictView]) -> list[ConflictGroup]:
    """Conflicts gathered by claim and differing value, in the order each group first appears
    (`found` lists a claim's conflicts together, best first within a kind)."""
    groups: dict[tuple[str, str], list[ConflictView]] = {}
    for conflict in found:
        groups.setdefault((conflict.claim_id, conflict.group), []).append(conflict)
    return [ConflictGroup(tuple(passages)) for passages in groups.values()]
