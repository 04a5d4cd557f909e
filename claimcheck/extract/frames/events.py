"""Date frames: each date with the event it dates (its verb, participants and owner)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from claimcheck.extract.frames.lexicon import EVENT_CLASSES, LIGHT_VERBS, OUTCOMES
from claimcheck.extract.frames.timing import PlacedDate
from claimcheck.extract.frames.tree import negated, particle, proper_name, subject
from claimcheck.models import DateFrame

if TYPE_CHECKING:
    from spacy.tokens import Token

_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "oprd", "pobj", "compound", "poss"})
_EVENT_NOUNS_LIGHT = frozenset({"take", "happen", "occur", "be", "come"})


def date_frames(placed: list[PlacedDate]) -> list[DateFrame]:
    """A frame for every resolved date of the sentence."""
    return [_frame(p) for p in placed if p.fact.earliest and p.fact.latest]


def _frame(placed: PlacedDate) -> DateFrame:
    fact, verb = placed.fact, placed.verb
    head = _event_head(verb)
    predicate = _predicate(head)
    participants = _participants(verb, placed) if verb is not None else []
    owner_token = subject(verb) if verb is not None else None
    return DateFrame(
        text=fact.text,
        start=fact.start,
        end=fact.end,
        earliest=fact.earliest or "",
        latest=fact.latest or "",
        precision=fact.precision,
        role=_role(placed.role),
        predicate=predicate,
        predicate_text=head.text if head is not None else None,
        event_class=_event_class(head),
        participants=participants,
        owner=proper_name(owner_token) if owner_token is not None else None,
        negated=negated(verb) if verb is not None else False,
        event=" ".join(filter(None, [predicate, *participants[:3]])),
    )


def _role(role: str) -> Literal["event", "spoken", "since", "dateline", "name", "cutoff"]:
    if role in ("spoken", "since", "dateline", "name", "cutoff"):
        return role  # type: ignore[return-value]
    return "event"


def _event_head(verb: Token | None) -> Token | None:
    """The word naming the event: the verb, or the subject of 'take place' ('the closures')."""
    if verb is None:
        return None
    if verb.lemma_.lower() in _EVENT_NOUNS_LIGHT | LIGHT_VERBS:
        found = subject(verb)
        if found is not None and found.pos_ == "NOUN":
            return found
    return verb


def _predicate(head: Token | None) -> str | None:
    if head is None:
        return None
    prt = particle(head) if head.pos_ in ("VERB", "AUX") else None
    return f"{head.lemma_.lower()} {prt}" if prt else head.lemma_.lower()


def _event_class(head: Token | None) -> str | None:
    if head is None:
        return None
    lemma = head.lemma_.lower()
    return EVENT_CLASSES.get(lemma) or OUTCOMES.get(lemma)


def _participants(verb: Token, placed: PlacedDate) -> list[str]:
    """Noun lemmas of the event's subject, objects and their modifiers, the date left out."""
    skip = {t.i for t in placed.root.subtree} if placed.root is not None else set()
    found: dict[str, None] = {}
    for token in verb.subtree:
        if token.i in skip or token.pos_ not in ("NOUN", "PROPN") or token.is_stop:
            continue
        if token.dep_ in _ARGUMENTS or token.head.i == verb.i:
            found.setdefault(token.lemma_.lower(), None)
    return list(found)
