"""Walking a spaCy parse: token spans, governing verbs, subjects, places, proper names."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from claimcheck.extract.frames.lexicon import LIGHT_VERBS, REPORTING_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
OWNER_ENTITIES = frozenset({"ORG", "PERSON", "NORP", "EVENT", "GPE", "FAC"})
PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "across", "within", "around", "inside"})
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
GENERIC_OWNERS = frozenset(
    {"group", "company", "firm", "board", "council", "government", "ministry", "department"}
    | {"agency", "office", "union", "authority", "committee", "bank", "trust", "scheme"}
)
_RELATIVE = frozenset({"which", "that", "who", "whom", "whose"})
DIRECTIVE_VERBS = frozenset(
    {"order", "require", "instruct", "direct", "tell", "ask", "force", "oblige", "compel"}
    | {"urge", "mandate", "command"}
)
"""Verbs that make their object do something ('ordered the owners of 38 towers to sample')."""


def tokens_in(doc: Doc, start: int, end: int) -> list[Token]:
    """The tokens that start inside [start, end) of the parsed text."""
    return [t for t in doc if start <= t.idx < end]


def span_root(tokens: list[Token]) -> Token | None:
    """The token of a span whose head lies outside it (the span's syntactic root)."""
    inside = {t.i for t in tokens}
    for token in tokens:
        if token.head.i not in inside or token.head.i == token.i:
            return token
    return tokens[-1] if tokens else None


def clause_verb(token: Token) -> Token | None:
    """The nearest verb at or above `token` (auxiliaries and copulas included)."""
    current = token
    for _ in range(12):
        if current.pos_ in ("VERB", "AUX"):
            return current
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def content_verb(token: Token) -> Token | None:
    """The nearest verb above `token` that means something for it (not 'be', 'have', 'say');
    'told to leave' and 'expected to close' mean what their second verb means."""
    current = clause_verb(token)
    seen: set[int] = set()
    for _ in range(8):
        if current is None or current.i in seen:
            return None
        seen.add(current.i)
        if current.lemma_.lower() not in LIGHT_VERBS | REPORTING_VERBS:
            return current
        follow = next(
            (c for c in current.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None
        )
        if follow is not None:
            current = follow
        elif current.head.i == current.i:
            return None
        else:
            current = clause_verb(current.head)
    return None


def reporting_ancestor(token: Token) -> Token | None:
    """The verb of saying whose reported clause contains `token` ('said Wednesday that …'), or
    the verb of saying a date is attached to directly ('said on Wednesday')."""
    current = token
    for _ in range(12):
        if current.head.i == current.i:
            return None
        head = current.head
        reporting = head.pos_ == "VERB" and head.lemma_.lower() in REPORTING_VERBS
        if reporting and current.dep_ in ("ccomp", "parataxis", "npadvmod", "prep", "advmod"):
            return head
        current = head
    return None


_PARTICLES = frozenset({"over", "off", "down", "out", "up"})


def particle(verb: Token) -> str | None:
    """A phrasal verb's particle ('down' in 'shut down', 'out' in 'broke out', 'over' in
    'declared the outbreak over'), however the parser attached it."""
    for child in verb.children:
        if child.dep_ == "prt":
            return child.lower_
        if child.lower_ in _PARTICLES and not any(c.dep_ == "pobj" for c in child.children):
            return child.lower_
        if child.dep_ in ("dobj", "nsubjpass"):
            for grand in child.children:
                if grand.lower_ in _PARTICLES and not any(c.dep_ == "pobj" for c in grand.children):
                    return grand.lower_
    return None


def negated(verb: Token) -> bool:
    """Whether a verb is negated ('did not close')."""
    return any(c.dep_ == "neg" for c in verb.children)


def subject(verb: Token) -> Token | None:
    """A verb's subject, seen through a relative pronoun to the noun it stands for."""
    found = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if found is not None and found.lower_ in _RELATIVE and verb.dep_ == "relcl":
        return verb.head
    if found is None and verb.dep_ == "conj" and verb.head.i != verb.i:
        return subject(verb.head)  # 'Harwood's closed 31 stores and cut 2,300 jobs'
    return found


def proper_name(token: Token) -> str | None:
    """The named entity a token belongs to ('Ridge Complex', 'Harwood'), if any; a capitalised
    common word ('the Group') is no name."""
    if token.ent_type_ in OWNER_ENTITIES:
        for ent in token.doc.ents:
            if ent.start <= token.i < ent.end:
                return _clean_name(ent.text)
    return None


def owner_name(token: Token) -> str | None:
    """A name that owns a figure: an organisation, person, event or facility, not a place or a
    nationality (those scope a figure; they do not own it)."""
    if token.ent_type_ not in OWNER_ENTITIES - {"GPE", "NORP"}:
        return None
    name = proper_name(token)
    if name is None or name.lower() in GENERIC_OWNERS:
        return None  # 'the Group', 'the Company': the document's own subject, not a name
    return name


def _clean_name(text: str) -> str:
    """A name without a leading article or trailing possessive."""
    name = text.strip()
    for article in ("the ", "The "):
        name = name.removeprefix(article)
    return name.removesuffix("'s").removesuffix("’s").strip()


def places(tokens: Iterable[Token]) -> list[str]:
    """Where a fact holds: names after 'in', 'at', 'near', 'across' … among `tokens` (with the
    names joined to them: 'in Pine Hollow, Cedar Flats and Millbrook'), not a subject or an
    object that happens to be a country."""
    found: dict[str, None] = {}
    for token in tokens:
        if token.dep_ != "pobj" or token.head.lower_ not in PLACE_PREPOSITIONS:
            continue
        for name in [token, *(c for c in token.subtree if c.dep_ == "conj")]:
            if name.ent_type_ in PLACE_ENTITIES:
                found.setdefault(_entity_text(name).lower(), None)
            elif name.pos_ == "PROPN":
                found.setdefault(_compound_text(name).lower(), None)
    return list(found)


def _entity_text(token: Token) -> str:
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return _clean_name(ent.text)
    return token.text


def _compound_text(token: Token) -> str:
    parts = [c.text for c in token.children if c.dep_ == "compound"]
    return " ".join([*parts, token.text])


def content_lemmas(tokens: Iterable[Token]) -> list[str]:
    """Lemmas of the nouns, proper nouns, verbs and adjectives among `tokens`, in order."""
    found: dict[str, None] = {}
    for token in tokens:
        if token.pos_ in ("NOUN", "PROPN", "VERB", "ADJ") and not token.is_stop:
            lemma = token.lemma_.lower()
            if lemma not in LIGHT_VERBS and len(lemma) > 1:
                found.setdefault(lemma, None)
    return list(found)


def directed_action(verb: Token | None) -> Token | None:
    """The action a directive verb makes its object do ('ordered 38 owners to sample' →
    'sample'), or None: the figure counts what is to be done, not the order."""
    if verb is None or verb.lemma_.lower() not in DIRECTIVE_VERBS:
        return None
    for child in verb.children:
        to = any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
        if child.dep_ in ("xcomp", "ccomp") and child.pos_ == "VERB" and to:
            return child
    return None
