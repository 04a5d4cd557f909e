"""Whether a figure is a projection — a promise, target or expectation — rather than a tally,
and whether it is only a possibility ('could rise by six feet').

A tally changes with time, so a later, different figure is an update. A projection does not
move on its own: two different figures for one target are a discrepancy, unless the sentence
says the target was revised ('raised its forecast to …').
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimcheck.extract.frames.lexicon import PROJECTION_NOUNS, PROJECTION_VERBS, REVISION_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Token

_FUTURE_AUX = frozenset({"will", "'ll", "shall"})
_HEDGE_AUX = frozenset({"could", "may", "might"})
_HEDGE_WORDS = frozenset({"perhaps", "possibly", "potentially", "maybe"})
_CHAIN = frozenset({"xcomp", "ccomp", "conj", "advcl"})


def projected(unit_token: Token | None, verb: Token | None) -> bool:
    """A figure in the future or promised: its verb is a projection verb, governed by one
    ('expected to deliver'), carries 'will', or it is a target's figure ('a target of £140m');
    not when its verb, or a verb governing it, says a projection was revised ('raised its
    forecast to', 'will now close')."""
    chain = _verb_chain(verb)
    if any(v.lemma_.lower() in REVISION_VERBS or _now(v) for v in chain):
        return False
    if any(v.lemma_.lower() in PROJECTION_VERBS for v in chain):
        return True
    if any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for v in chain for c in v.children):
        return True
    return unit_token is not None and _target_noun(unit_token)


def _now(verb: Token) -> bool:
    """'will now close 53 stores', 'now expects £150m': a plan stated as changed."""
    return any(c.dep_ == "advmod" and c.lower_ == "now" for c in verb.children)


def _verb_chain(verb: Token | None) -> list[Token]:
    """The verb and the verbs it is the complement of ('deliver' ← 'expected'), up to three."""
    chain: list[Token] = []
    current = verb
    while current is not None and len(chain) < 3:
        chain.append(current)
        if current.dep_ not in _CHAIN or current.head.i == current.i:
            break
        current = current.head
    return chain


def _target_noun(token: Token) -> bool:
    """'a target of £140m', '£140m savings target': a projection noun next to the figure."""
    near = [token, token.head, *token.children, *token.head.children]
    if token.head.dep_ == "prep":  # 'a target of £140m': the noun the preposition hangs on
        near.append(token.head.head)
    return any(t.lemma_.lower() in PROJECTION_NOUNS and t.pos_ == "NOUN" for t in near)


def hedged(unit_token: Token | None, verb: Token | None) -> bool:
    """A figure stated as a possibility: 'could rise by six feet', 'may have infected perhaps
    200' — two possibilities do not contradict each other."""
    chain = _verb_chain(verb)
    if any(c.dep_ == "aux" and c.lower_ in _HEDGE_AUX for v in chain for c in v.children):
        return True
    near = [*(c for v in chain for c in v.children), *(unit_token.subtree if unit_token else [])]
    return any(t.lower_ in _HEDGE_WORDS for t in near)
