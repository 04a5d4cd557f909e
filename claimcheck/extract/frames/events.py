"""Date frames: each date with the event it dates (its verb, participants and owner)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from claimcheck.extract.frames.lexicon import (
    EVENT_CLASSES,
    LIGHT_VERBS,
    OUTCOMES,
    REPORTING_VERBS,
)
from claimcheck.extract.frames.nlp import verb_lemmas
from claimcheck.extract.frames.timing import PlacedDate
from claimcheck.extract.frames.tree import negated, particle, proper_name, subject
from claimcheck.models import DateFrame

if TYPE_CHECKING:
    from spacy.tokens import Token

_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "oprd", "pobj", "compound", "poss"})
_EVENT_NOUNS_LIGHT = frozenset({"take", "happen", "occur", "be", "come"})
_OCCASION_ENTITIES = frozenset({"EVENT", "LAW", "WORK_OF_ART"})
_OTHER_TIME = frozenset({"after", "before", "until", "since", "once"})


def date_frames(placed: list[PlacedDate]) -> list[DateFrame]:
    """A frame for every resolved date of the sentence."""
    return [_frame(p) for p in placed if p.fact.earliest and p.fact.latest]


def _frame(placed: PlacedDate) -> DateFrame:
    fact, verb = placed.fact, placed.verb
    head = _event_head(verb)
    predicate = _predicate(head)
    skip = _elsewhere(verb, placed) if verb is not None else set()
    participants = _participants(verb, skip) if verb is not None else []
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
        occasions=_occasions(verb, participants, skip) if verb is not None else [],
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


_COMPLEMENTS = frozenset({"acomp", "advmod", "oprd"})
_UNDERGO = frozenset({"develop", "suffer", "sustain", "contract", "show"})
"""Verbs whose object is what happened to their subject ('developed symptoms')."""


def _event_class(head: Token | None) -> str | None:
    """The kind of event: an outcome its complement or undergone object names ('fell ill',
    'found dead', 'developed symptoms'), one its compound names ('symptom onset'), else the
    class of its own word ('broke out' begins)."""
    if head is None:
        return None
    for child in head.children:
        said = child.dep_ in _COMPLEMENTS or (child.dep_ == "compound" and head.pos_ == "NOUN")
        said = said or (child.dep_ == "dobj" and head.lemma_.lower() in _UNDERGO)
        if said and child.lemma_.lower() in OUTCOMES:
            return OUTCOMES[child.lemma_.lower()]
    lemma = head.lemma_.lower()
    return EVENT_CLASSES.get(lemma) or OUTCOMES.get(lemma)


def _elsewhere(verb: Token, placed: PlacedDate) -> set[int]:
    """Tokens that belong to no participant of the event: the date itself and clauses set at
    another time."""
    skip = {t.i for t in placed.root.subtree} if placed.root is not None else set()
    return skip | _other_times(verb)


def _participants(verb: Token, skip: set[int]) -> list[str]:
    """Noun lemmas of the event's subject, objects and their modifiers, the date left out."""
    found: dict[str, None] = {}
    for token in verb.subtree:
        if token.i in skip or token.pos_ not in ("NOUN", "PROPN") or token.is_stop:
            continue
        if token.dep_ in _ARGUMENTS or token.head.i == verb.i:
            found.setdefault(token.lemma_.lower(), None)
    return list(found)


def _occasions(verb: Token, participants: list[str], skip: set[int]) -> list[str]:
    """What names an occasion rather than a person, place or thing: participants the lemmatizer
    also knows as verbs ('visit', 'parade') or words of a named event, law or treaty, and the
    verbs under the event's own ('made a visit to meet'). Two verbs dating one of these on one
    day date one occasion."""
    named = {
        token.lemma_.lower()
        for entity in verb.doc.ents
        if entity.label_ in _OCCASION_ENTITIES
        for token in entity
    }
    verbs = verb_lemmas()
    found = {p: None for p in participants if p in named or p in verbs}
    for token in verb.subtree:
        lemma = token.lemma_.lower()
        own = token.pos_ == "VERB" and token.i != verb.i and token.i not in skip
        if own and lemma not in LIGHT_VERBS and lemma not in REPORTING_VERBS:
            found.setdefault(lemma, None)
    return list(found)


def _other_times(verb: Token) -> set[int]:
    """Tokens of clauses set at another time ('after the council approved its budget'): their
    nouns belong to that other event, not to the one the date dates."""
    found: set[int] = set()
    for child in verb.children:
        lead = (
            child
            if child.dep_ == "prep"
            else next((m for m in child.children if m.dep_ == "mark"), None)
        )
        if child.dep_ in ("advcl", "prep") and lead is not None and lead.lower_ in _OTHER_TIME:
            found |= {t.i for t in child.subtree}
    return found
