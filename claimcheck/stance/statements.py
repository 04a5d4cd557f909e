"""Statements compared: a denial on one side of an otherwise matching statement."""

from __future__ import annotations

from claimcheck.stance.base import Side, Stance, Thresholds
from claimcheck.stance.cues import DENIAL, lowercase_terms


def compare_statements(
    claim: Side, passage: Side, similarity: float, t: Thresholds
) -> Stance | None:
    """A denial on one side of an otherwise matching statement contradicts it."""
    if similarity < t.statement_min_similarity:
        return None
    shared = lowercase_terms(claim.text) & lowercase_terms(passage.text)
    if len(shared) < t.statement_min_shared_terms:
        return None
    denial_c, denial_p = DENIAL.search(claim.text), DENIAL.search(passage.text)
    if bool(denial_c) == bool(denial_p):
        return None
    cue = denial_p or denial_c
    assert cue is not None
    side = "passage" if denial_p else "claim"
    reason = f'statement: the {side} denies it ("{cue.group(0)}")'
    return Stance("contradicts", round(0.5 + 0.4 * similarity, 3), reason, "statement")
