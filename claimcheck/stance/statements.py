"""Statements compared: a denial of the other side's proposition, rank clashes ('the largest'
vs 'the second-largest'), and an open question against an answer ('remains under
investigation' vs 'investigators found')."""

from __future__ import annotations

import re

from claimcheck.models import StatementFrame
from claimcheck.stance.base import Side, Similarity, Stance, Thresholds
from claimcheck.stance.cues import DENIAL, NEGATION, concept, lowercase_terms
from claimcheck.text.words import content_terms

MIN_COVERAGE = 0.4
"""Share of a denial's content words the other side must state for it to deny that side."""
MIN_SHARED = 2
GENERIC = frozenset(
    content_terms(
        "accusation accusations allegation allegations claim claims report reports suggestion "
        "suggestions plan plans plans intention evidence that this would could"
    )
)
"""Words around a denied proposition that are not part of it ('accusations of …')."""
_CAUSES = frozenset(
    content_terms("cause caused sparked started ignited triggered traced blamed source origin")
)
"""Stems of causing: 'sparked the fire', 'traced to', 'was the source of' state one thing."""
CAUSE = "cause"
_PRONOUNS = frozenset({"it", "its", "they", "their", "we", "our", "he", "his", "she", "her"})
_NAME = re.compile(r"\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*")


def _terms(text: str) -> set[str]:
    """Content stems of a text, with words for one kind of act merged ('sold' ~ 'supplied',
    'sparked' ~ 'started' ~ 'was the source of')."""
    return {CAUSE if term in _CAUSES else concept(term) for term in content_terms(text)} - GENERIC


def compare_statements(
    claim: Side, passage: Side, similarity: float, t: Thresholds, similar: Similarity
) -> list[Stance]:
    """Denials of the other side's proposition, rank clashes and answered open questions."""
    if similarity < t.statement_min_similarity * 0.8:
        return []
    score = round(0.5 + 0.4 * similarity, 3)
    found = [
        *_denials(claim, passage, "claim", score),
        *_denials(passage, claim, "passage", score),
        *_ranks(claim, passage, score, similar),
        *_answered(claim, passage, score),
        *_answered(passage, claim, score),
    ]
    if not found and similarity >= t.statement_min_similarity:
        found += _keyword_denial(claim, passage, t, score)
    if not found and similarity >= t.paraphrase_similarity * 0.75:
        found += _same_named_event(claim, passage, score)
    return found


_MULTIWORD_NAME = re.compile(r"(?<!^)(?<![.!?]\s)\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+")


def _same_named_event(claim: Side, passage: Side, score: float) -> list[Stance]:
    """Both state the same thing done to the same named thing ('the suspension of the
    Comprehensive Military Agreement' ~ 'suspended part of the … Agreement'), neither denies or
    negates it: the passage supports the claim."""
    if claim.frames.statements or passage.frames.statements:
        return []
    if bool(NEGATION.search(claim.text)) or bool(NEGATION.search(passage.text)):
        return []
    in_passage = {n.lower() for n in _MULTIWORD_NAME.findall(passage.text)}
    # in the claim's order, so a tie between names goes the same way in every process
    shared_names = [
        n
        for n in dict.fromkeys(m.lower() for m in _MULTIWORD_NAME.findall(claim.text))
        if n in in_passage
    ]
    acts = (lowercase_terms(claim.text) & lowercase_terms(passage.text)) - GENERIC
    if not shared_names or not acts:
        return []
    name = max(shared_names, key=lambda n: len(n.split()))
    if len(name.split()) < 3 and len(acts) < MIN_SHARED:
        return []  # 'North Korea' and one shared word say too little
    reason = f"statement: same event ({', '.join(sorted(acts)[:2])}; {name.title()})"
    return [Stance("supports", round(score * 0.9, 3), reason, "statement")]


def _denials(denier: Side, other: Side, side: str, score: float) -> list[Stance]:
    """`denier` denies a proposition `other` states (and `other` does not deny it too)."""
    if any(f.kind == "denial" for f in other.frames.statements):
        return []
    stated = _terms(other.text)
    found = []
    for frame in (f for f in denier.frames.statements if f.kind == "denial"):
        denied = _terms(frame.proposition)
        shared = denied & stated
        if len(shared) < MIN_SHARED or len(shared) < MIN_COVERAGE * len(denied):
            continue
        holder_named = frame.holder is not None and _named(frame.holder, other.text)
        names = [n for n in _NAME.findall(frame.proposition) if not _named(n, other.text)]
        if names and not holder_named:
            continue
        if not _states_predicate(frame, stated) or not _states_subject(frame, other, holder_named):
            continue
        reason = f'statement: the {side} denies it ("{frame.text} {frame.proposition}")'
        found.append(Stance("contradicts", score, reason, "statement"))
    return found


def _states_predicate(frame: StatementFrame, stated: set[str]) -> bool:
    """The other side states what the denial denies happened ('close', 'sparked' ~ 'started')."""
    if frame.predicate is None:
        return False  # nothing says what is denied happened: too little to contradict
    return bool(_terms(frame.predicate) & stated)


def _states_subject(frame: StatementFrame, other: Side, holder_named: bool) -> bool:
    """The other side speaks of what the denial is about: the denier's own thing ('its
    equipment' → the denier named) or the same subject ('North Korean troops')."""
    if not frame.subject:
        return True
    words = frame.subject.lower().split()
    if words and words[0] in _PRONOUNS:
        return holder_named or bool(_terms(" ".join(words[1:])) & _terms(other.text))
    return bool(_terms(frame.subject) & _terms(other.text)) or _named(frame.subject, other.text)


def _named(name: str, text: str) -> bool:
    """Whether `text` names `name`: each of its words begins a word of the text ('North Korean'
    is named by 'North Korea')."""
    words = [w.lower() for w in re.findall(r"[\w'’-]+", text)]
    parts = [p.lower() for p in re.findall(r"[\w'’-]+", name) if len(p) > 2]
    return all(
        any(w.startswith(p[:5]) or p.startswith(w[:5]) for w in words if len(w) > 2) for p in parts
    )


def _keyword_denial(claim: Side, passage: Side, t: Thresholds, score: float) -> list[Stance]:
    """A denial word on one side of an otherwise matching statement, when no parse found what
    it denies (a sentence too short or too odd for the parser)."""
    if claim.frames.statements or passage.frames.statements:
        return []
    shared = lowercase_terms(claim.text) & lowercase_terms(passage.text)
    if len(shared) < t.statement_min_shared_terms:
        return []
    denial_c, denial_p = DENIAL.search(claim.text), DENIAL.search(passage.text)
    if bool(denial_c) == bool(denial_p):
        return []
    cue = denial_p or denial_c
    assert cue is not None
    side = "passage" if denial_p else "claim"
    return [
        Stance(
            "contradicts", score, f'statement: the {side} denies it ("{cue.group(0)}")', "statement"
        )
    ]


def _ranks(claim: Side, passage: Side, score: float, similar: Similarity) -> list[Stance]:
    """'the largest' against 'the second-largest' of one class, within one domain."""
    found = []
    for a in (f for f in claim.frames.statements if f.kind == "rank"):
        for b in (f for f in passage.frames.statements if f.kind == "rank"):
            if not _same_ranking(a, b, similar) or a.rank == b.rank:
                continue
            reason = (
                f"statement: rank {a.rank} ({a.text} {a.proposition}) vs rank {b.rank} ({b.text})"
            )
            found.append(Stance("contradicts", score, reason, "statement"))
    return found


def _same_ranking(a: StatementFrame, b: StatementFrame, similar: Similarity) -> bool:
    """One scale, one class of thing, one domain, and nothing marking another subject."""
    if a.scale != b.scale or (a.domain and b.domain and a.domain != b.domain):
        return False
    if a.year is not None or b.year is not None:
        return a.year == b.year
    class_a, class_b = _terms(a.proposition), _terms(b.proposition)
    return bool(class_a & class_b) or similar(a.proposition, b.proposition) >= 0.6


def _answered(open_side: Side, other: Side, score: float) -> list[Stance]:
    """'The cause remains under investigation' against a sentence that names the cause."""
    if any(f.kind == "undetermined" for f in other.frames.statements):
        return []
    stated = _terms(other.text)
    found = []
    for frame in (f for f in open_side.frames.statements if f.kind == "undetermined"):
        topic = _terms(frame.proposition) - {CAUSE}
        if CAUSE in stated and len(topic & stated) >= 1 and CAUSE in _terms(frame.proposition):
            reason = f'statement: "{frame.proposition} {frame.text}" vs an answer'
            found.append(Stance("contradicts", score, reason, "statement"))
    return found
