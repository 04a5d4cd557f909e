"""The stance rules in order: figures, dates, "first of the year", denials, then similarity."""

from __future__ import annotations

from claimcheck.stance.base import Side, Stance, Thresholds
from claimcheck.stance.dates import compare_dates, compare_firsts
from claimcheck.stance.figures import compare_figures
from claimcheck.stance.statements import compare_statements
from claimcheck.text.words import shared_terms

STANCE_VERSION = "structured-2"
"""Bump when stance rules change, so `check` recomputes stored suggestions."""


def classify(claim: Side, passage: Side, similarity: float, t: Thresholds | None = None) -> Stance:
    """Label a (claim, passage) pair from its figures, dates, denials and similarity."""
    t = t or Thresholds()
    for compare in (compare_figures, compare_dates, compare_firsts, compare_statements):
        found = compare(claim, passage, similarity, t)
        if found is not None:
            return found
    if similarity >= t.paraphrase_similarity:
        reason = f"statement: close paraphrase (similarity {similarity:.2f})"
        return Stance("supports", round(similarity, 3), reason, "statement", structured=False)
    shared = shared_terms(claim.text, passage.text)
    about = f"; shares {', '.join(shared[:3])}" if shared else ""
    reason = f"related: similarity {similarity:.2f}{about}"
    return Stance("related", round(max(similarity, 0.0), 3), reason, structured=False)
