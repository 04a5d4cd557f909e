"""The stance rules: every figure, date and statement finding of a pair, then the verdict.

Figures, dates and statements are judged independently, so agreeing figures never hide a date
conflict. A contradiction wins, then an update, then support; a finding that could not be made
sure ("part vs whole", "times unknown") keeps the pair related and says why; only then does
similarity alone decide (a close paraphrase supports).
"""

from __future__ import annotations

from claimcheck.stance.base import Side, Similarity, Stance, Thresholds, stem_similarity
from claimcheck.stance.cues import NEGATION
from claimcheck.stance.dates import compare_dates, compare_firsts
from claimcheck.stance.figures import compare_figures
from claimcheck.stance.members import compare_members
from claimcheck.stance.statements import compare_statements
from claimcheck.text.words import shared_words

STANCE_VERSION = "frames-5"
"""Bump when stance rules change, so `check` recomputes stored suggestions."""


def classify(
    claim: Side,
    passage: Side,
    similarity: float,
    t: Thresholds | None = None,
    similar: Similarity | None = None,
) -> Stance:
    """Label a (claim, passage) pair from its frames, denials and similarity."""
    t = t or Thresholds()
    similar = similar or stem_similarity
    findings = [
        finding
        for compare in (
            compare_figures,
            compare_dates,
            compare_firsts,
            compare_statements,
            compare_members,
        )
        for finding in compare(claim, passage, similarity, t, similar)
    ]
    verdict = _verdict(findings)
    if verdict is not None:
        return verdict
    one_sided_negation = bool(NEGATION.search(claim.text)) != bool(NEGATION.search(passage.text))
    if similarity >= t.paraphrase_similarity and not one_sided_negation:
        reason = f"statement: close paraphrase (similarity {similarity:.2f})"
        return Stance("supports", round(similarity, 3), reason, "statement", structured=False)
    shared = shared_words(claim.text, passage.text)
    about = f"; shares {', '.join(shared[:3])}" if shared else ""
    reason = f"related: similarity {similarity:.2f}{about}"
    return Stance("related", round(max(similarity, 0.0), 3), reason, structured=False)


def _verdict(findings: list[Stance]) -> Stance | None:
    """The finding that decides: a contradiction, else an update, else support (unless two
    values of one quantity disagree unsurely), else an unsure related finding."""
    disagree = any(f.disagrees for f in findings)
    ranked = (
        [f for f in findings if f.label == "contradicts"],
        [f for f in findings if f.kind == "update"],
        [f for f in findings if f.label == "supports" and not disagree],
        [f for f in findings if f.label == "related"],
    )
    for group in ranked:
        if group:
            return max(group, key=lambda f: f.score)
    return None
