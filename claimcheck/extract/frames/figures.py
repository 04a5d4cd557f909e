"""Figure frames: each figure with what it measures, its scope, its event and when it holds."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from claimcheck.extract.counted import counted_head
from claimcheck.extract.frames.lexicon import (
    CURRENCIES,
    DIMENSIONS,
    JOB_NOUNS,
    NEUTRAL_MODIFIERS,
    OUTCOMES,
    PART_WORDS,
    PERSON_NOUNS,
    REPORTING_VERBS,
    SEPARATE_WORDS,
)
from claimcheck.extract.frames.modality import hedged, projected
from claimcheck.extract.frames.timing import PlacedDate, SentenceTime, as_of, ref
from claimcheck.extract.frames.tree import (
    clause_verb,
    content_verb,
    directed_action,
    owner_name,
    particle,
    places,
    span_root,
    subject,
    tokens_in,
)
from claimcheck.models import FigureFrame, Quantity, TimeRef

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_CLIMB = frozenset({"nummod", "quantmod", "compound", "nmod", "amod", "advmod"})
_SCALE_WORDS = frozenset({"hundred", "thousand", "million", "billion", "trillion", "dozen"})
_BARE_DOLLAR = re.compile(r"(?<![A-Za-z])\$")
_ADDED_AFTER = re.compile(r"\s+(more|further|additional|extra)\s+[a-z]", re.IGNORECASE)
_AGE_BEFORE = re.compile(
    r"(?i:\b(?:aged?|ages|age\s+from|in\s+age\s+from)\s+(?:between\s+|from\s+)?)$"
)
_UNIT_TAIL = re.compile(r"\s+(?:of|in|to|from|for|on|at|by|with)\s+.*$", re.IGNORECASE)


def figure_frames(
    doc: Doc, offset: int, quantities: list[Quantity], placed: list[PlacedDate], time: SentenceTime
) -> list[FigureFrame]:
    """A frame for every figure of a parsed sentence (offsets into the document)."""
    return [_frame(doc, offset, q, placed, time) for q in quantities]


def _frame(
    doc: Doc, offset: int, q: Quantity, placed: list[PlacedDate], time: SentenceTime
) -> FigureFrame:
    tokens = tokens_in(doc, q.start - offset, q.end - offset)
    unit_token = _unit_token(tokens)
    before = doc.text[max(0, q.start - offset - 30) : q.start - offset]
    dimension, unit = _dimension(q, before)
    noun, noun_text = _noun(q, unit_token, dimension)
    verb = content_verb(unit_token) if unit_token is not None else None
    if unit_token is not None and (verb is None or verb.lemma_.lower() == "come"):
        verb = _described_by(unit_token) or verb
    year = _bound_year(unit_token, verb, placed)
    frame_time = _year_time(year, placed) or as_of(unit_token or verb, placed, time)
    return FigureFrame(
        text=q.text,
        start=q.start,
        end=q.end,
        value=q.value,
        low=q.low,
        high=q.high,
        qualifier=q.qualifier,
        dimension=dimension,
        unit=unit,
        noun=noun,
        noun_text=noun_text,
        nouns=_related_nouns(unit_token, verb or _clause(unit_token), dimension),
        predicate=_predicate(directed_action(verb) or verb),
        predicate_text=_predicate_text(directed_action(verb) or verb),
        outcome=_outcome(unit_token, verb, noun),
        modifiers=_modifiers(unit_token, dimension),
        places=places(_direct(unit_token, verb)),
        owner=_owner(unit_token, verb),
        part=_part(doc, unit_token, verb, q, offset),
        event_year=year,
        as_of=frame_time,
        measure=_measure(unit_token, verb, noun_text),
        projected=projected(unit_token, verb),
        hedged=hedged(unit_token, verb),
    )


def _unit_token(tokens: list[Token]) -> Token | None:
    """The noun a figure's number attaches to ('acres' of '12,400 acres'), or the number."""
    numbers = [t for t in tokens if t.like_num or t.pos_ == "NUM"]
    current = numbers[-1] if numbers else span_root(tokens)
    for _ in range(6):
        if current is None or current.head.i == current.i:
            break
        numeric = (
            current.like_num
            or current.pos_ in ("NUM", "SYM")
            or current.lower_ in (_SCALE_WORDS | {"percent", "%"})
        )
        if not numeric or current.dep_ not in _CLIMB:
            break
        current = current.head
    return current


def _dimension(q: Quantity, before: str = "") -> tuple[str, str]:
    """(dimension, normalised unit) of a figure: money, percent, a unit of measure, an age, or
    a count."""
    unit = q.unit or ""
    if _AGE_BEFORE.search(before):
        return "age", "year"
    if unit == "percent":
        return "percent", "percent"
    if unit in CURRENCIES:
        dollar = unit == "USD" and _BARE_DOLLAR.search(q.text) is not None
        return "money", "$" if dollar else unit
    phrase = _UNIT_TAIL.sub("", unit.lower()).strip()
    for key in sorted(DIMENSIONS, key=len, reverse=True):
        if phrase == key or phrase.startswith(key + " ") or phrase.rstrip("s") == key:
            return DIMENSIONS[key][0], key
    head = counted_head(q.unit) or ""
    if head and (len(head) <= 2 or not head.replace("-", "").isalpha()):
        return "symbol", head.lower()  # 'F', 'K', 'W/m2': a unit symbol, not a thing counted
    return "count", head


def _noun(q: Quantity, unit_token: Token | None, dimension: str) -> tuple[str | None, str | None]:
    """What a count counts, as a lemma and as written."""
    if dimension != "count":
        return None, None
    if unit_token is not None and unit_token.pos_ in ("NOUN", "PROPN"):
        if not unit_token.text.replace("-", "").isalpha():
            return None, None  # '0.9˚C' read as one token: a number, not a thing counted
        return unit_token.lemma_.lower(), unit_token.text
    whole = _partitive(unit_token)
    if whole is not None:  # '22 of the patients'
        return whole.lemma_.lower(), whole.text
    head = counted_head(q.unit)
    return head, head


def _direct(unit_token: Token | None, verb: Token | None) -> list[Token]:
    """The words of the figure's own phrases: its verb's and noun's prepositional phrases, not
    those of clauses nested in them ('… to aid forces in Ukraine')."""
    found: list[Token] = []
    for head in (t for t in (verb, unit_token) if t is not None):
        for prep in (c for c in head.children if c.dep_ == "prep"):
            found += [
                t for t in prep.subtree if t.head.i == prep.i or t.dep_ in ("conj", "compound")
            ]
    return found


def _described_by(noun: Token) -> Token | None:
    """The verb of a clause describing the counted noun: 'the 3,100 jobs it shed in 2009'."""
    return next((c for c in noun.children if c.dep_ in ("relcl", "acl") and c.pos_ == "VERB"), None)


def _clause(token: Token | None) -> Token | None:
    return clause_verb(token) if token is not None else None


def _partitive(number: Token | None) -> Token | None:
    """The noun of 'of the patients' after a bare number ('22 of the patients')."""
    if number is None:
        return None
    for child in number.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((c for c in child.children if c.pos_ == "NOUN"), None)
    return None


def _related_nouns(unit_token: Token | None, verb: Token | None, dimension: str) -> list[str]:
    """What a share, sum or measure is of: 'value' in 'a fifth of their value', 'cost' in 'the
    cost … reached $22.4 million', 'savings' in 'savings of £140m'."""
    if unit_token is None:
        return []
    found: list[Token] = []
    for child in unit_token.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "in", "for", "on"):
            found += [c for c in child.children if c.dep_ == "pobj"]
        if child.dep_ in ("compound", "amod") and child.pos_ == "NOUN":
            found.append(child)
    if unit_token.dep_ == "pobj" and unit_token.head.head.pos_ == "NOUN":
        found.append(unit_token.head.head)
    if unit_token.dep_ == "pobj" and unit_token.head.lower_ == "at":  # 'puts the cost at $22m'
        verb_at = unit_token.head.head
        found += [c for c in verb_at.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
    if unit_token.dep_ == "appos" and unit_token.head.pos_ == "NOUN":
        found.append(unit_token.head)
    if verb is not None and dimension != "count":
        found += [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"]
    if dimension != "count":
        found += _path_nouns(unit_token)
    else:
        counted = (_partitive(unit_token) if unit_token.like_num else None) or unit_token
        found = [t for t in found if t.i != counted.i]
        if verb is not None:  # what people fell ill with, were treated for, died of
            for prep in (c for c in verb.children if c.lower_ in ("with", "for", "of", "from")):
                found += [c for c in prep.children if c.dep_ == "pobj"]
    found += [c for t in list(found) for c in t.children if c.dep_ in ("poss", "compound")]
    words = (t.lemma_.lower() for t in found if t.pos_ in ("NOUN", "PROPN") and len(t.text) > 2)
    return list(dict.fromkeys(words))


def _path_nouns(token: Token) -> list[Token]:
    """Nouns a sum or share hangs from, up to its clause, with the subjects of 'was' on the
    way: 'puts the cost of fighting the fire at $22m' → fire, cost; 'whose deficit … was
    £1.1bn' → deficit."""
    found: list[Token] = []
    current = token
    for _ in range(6):
        if current.head.i == current.i:
            break
        current = current.head
        if current.pos_ == "NOUN":
            found.append(current)
        if current.pos_ in ("VERB", "AUX"):
            found += [
                c
                for c in current.children
                if c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.pos_ == "NOUN"
            ]
            if (
                current.dep_ in ("ROOT", "ccomp", "conj")
                or current.lemma_.lower() in REPORTING_VERBS
            ):
                break
    return found


def _predicate(verb: Token | None) -> str | None:
    if verb is None:
        return None
    prt = particle(verb)
    return f"{verb.lemma_.lower()} {prt}" if prt else verb.lemma_.lower()


def _predicate_text(verb: Token | None) -> str | None:
    if verb is None:
        return None
    prt = particle(verb)
    return f"{verb.text} {prt}" if prt else verb.text


def _outcome(unit_token: Token | None, verb: Token | None, noun: str | None) -> str | None:
    """The outcome class a figure counts ('died' → death, 'under evacuation orders' →
    evacuation, 'at risk of redundancy' → job loss), from its verb and the verb's complements,
    its own modifiers, the counted noun, or its clause."""
    clause = clause_verb(unit_token) if unit_token is not None else None
    heads: list[Token] = [v for v in (verb, clause) if v is not None]
    words: list[Token] = []
    for head in heads:  # 'fell ill': the complement says more than the verb
        for child in head.children:
            if child.dep_ in ("acomp", "oprd", "advmod"):
                words.append(child)
    words += heads
    for head in heads:
        for child in head.children:
            if child.dep_ in ("dobj", "attr", "acomp", "oprd", "xcomp", "prep", "advcl", "advmod"):
                words += [child, *_complements(child)]
    if unit_token is not None:
        words += [c for c in unit_token.children if c.dep_ in ("amod", "compound")]
    for token in words:
        found = _outcome_of(token, noun)
        if found:
            return found
    if noun in PERSON_NOUNS:
        return None
    return _class(OUTCOMES.get(noun or ""), noun)


def _complements(token: Token) -> list[Token]:
    """A complement's own objects and modifiers ('at risk of redundancy' → risk, redundancy)."""
    found = []
    for child in token.children:
        if child.dep_ in ("pobj", "compound", "amod", "acomp", "oprd", "xcomp", "prep"):
            found += [child, *_complements(child)]
    return found


def _outcome_of(token: Token, noun: str | None) -> str | None:
    lemma = token.lemma_.lower()
    found = OUTCOMES.get(lemma) or OUTCOMES.get(token.lower_)
    if found == "hospital" and lemma == "admit" and not _to_hospital(token):
        return None
    return _class(found, noun)


def _class(found: str | None, noun: str | None) -> str | None:
    """Job loss only describes jobs ('jobs cut', 'jobs lost', 'roles at risk'); for other
    counts 'cut' and 'lost' are a decrease and 'go' says nothing."""
    if noun in JOB_NOUNS and found == "decrease":
        return "job_loss"
    if found == "job_loss" and noun not in JOB_NOUNS:
        return None
    return found


def _to_hospital(token: Token) -> bool:
    """'admitted to hospital' rather than 'admitted that …'."""
    return any(c.lower_ in ("hospital", "hospitals") for c in token.subtree)


def _modifiers(unit_token: Token | None, dimension: str) -> list[str]:
    """Words that narrow what is counted ('store' in 'store jobs'); not 'estimated', not names."""
    if unit_token is None or dimension != "count":
        return []
    return [
        c.lemma_.lower()
        for c in unit_token.children
        if c.dep_ in ("compound", "amod")
        and c.pos_ in ("NOUN", "ADJ", "VERB")
        and not c.ent_type_
        and c.lemma_.lower() not in NEUTRAL_MODIFIERS | PART_WORDS
        and c.lower_ not in NEUTRAL_MODIFIERS
        and c.i < unit_token.i
    ]


def _owner_token(unit_token: Token | None, verb: Token | None) -> Token | None:
    """The noun whose figure it is: a possessor of the counted noun, else its verb's subject."""
    if unit_token is not None:
        for child in unit_token.children:
            if child.dep_ == "poss":
                return child
    return subject(verb) if verb is not None else None


def _owner(unit_token: Token | None, verb: Token | None) -> str | None:
    """Whose figure it is: a named organisation, person or event owning it."""
    found = _owner_token(unit_token, verb)
    return owner_name(found) if found is not None else None


def _separate(unit_token: Token | None, verb: Token | None) -> bool:
    """'the separate Dry Creek Fire', 'another outbreak': the figure is another event's."""
    words = [t for t in (unit_token, _owner_token(unit_token, verb)) if t is not None]
    return any(
        c.lower_ in SEPARATE_WORDS and c.dep_ in ("amod", "det") for t in words for c in t.children
    )


def _part(
    doc: Doc, unit_token: Token | None, verb: Token | None, q: Quantity, offset: int
) -> str | None:
    """A word marking the figure as a part of a larger whole ('further', 'alone', 'first'),
    another event's ('separate'), or a share described only by where it lies ('1,900 of the
    jobs are in stores')."""
    if _separate(unit_token, verb):
        return "separate"
    if unit_token is not None and unit_token.like_num and verb is None and _partitive(unit_token):
        return "of the"
    if unit_token is not None:
        for child in unit_token.children:
            if child.lower_ in PART_WORDS and child.dep_ in ("amod", "det", "advmod", "nummod"):
                return child.lower_
    before = doc.text[max(0, q.start - offset - 12) : q.start - offset].lower().split()
    if before and before[-1] in ("another", "first", "further", "additional"):
        return before[-1]
    after = _ADDED_AFTER.match(doc.text, q.end - offset)
    if after:
        return after[1].lower()  # "11 more stores"
    if re.search(r"\balone\b", doc.text, re.IGNORECASE):
        return "alone"
    return None


def _bound_year(
    unit_token: Token | None, verb: Token | None, placed: list[PlacedDate]
) -> int | None:
    """A year stated on the figure's own clause ('in 2009 it cut 3,100 jobs'), on its noun
    ('its 2019 cuts') or on whose it is ('the 2018 Ridge Complex burned 31,000 acres')."""
    owner = _owner_token(unit_token, verb)
    heads = {t.i for t in (unit_token, owner) if t is not None}
    verbs = _governing(verb)
    for date in placed:
        fact = date.fact
        if fact.precision not in ("year", "approximate") or date.role not in ("event", "name"):
            continue
        attached = date.verb is not None and date.verb.i in verbs
        on_noun = date.root is not None and (date.root.head.i in heads or date.root.head.i in verbs)
        if (attached or on_noun) and fact.earliest:
            return int(fact.earliest[:4])
    return None


def _governing(verb: Token | None) -> set[int]:
    """A verb and the clauses it hangs from as 'when …' or 'in which …' ('came in 2019, when
    Harwood's cut 2,300 jobs'; 'the 1996 outbreak, in which four died')."""
    found: set[int] = set()
    current = verb
    for _ in range(3):
        if current is None:
            break
        found.add(current.i)
        if current.dep_ not in ("advcl", "relcl", "conj") or current.head.i == current.i:
            break
        relative = current.dep_ == "relcl"
        current = current.head
        if relative:  # a clause on a noun: that noun, what it is part of, and their clause
            while (
                current.dep_ in ("pobj", "prep", "compound", "appos")
                and current.head.i != current.i
            ):
                found.add(current.i)
                current = current.head
            found.add(current.i)
            current = clause_verb(current) if current.pos_ not in ("VERB", "AUX") else current
    return found


def _year_time(year: int | None, placed: list[PlacedDate]) -> TimeRef | None:
    if year is None:
        return None
    fact = next(p.fact for p in placed if p.fact.earliest and p.fact.earliest[:4] == str(year))
    return ref(fact, "stated")


def _measure(unit_token: Token | None, verb: Token | None, noun_text: str | None) -> str:
    """What is measured, as a short phrase for reasons: 'homes destroyed', 'acres burned'."""
    words = []
    if unit_token is not None:
        words += [
            c.text for c in unit_token.children
            if c.dep_ in ("compound", "amod") and c.i < unit_token.i and not c.like_num
        ]  # fmt: skip
        words.append(noun_text or unit_token.text)
    if verb is not None:
        words.append(_predicate_text(verb) or "")
    return " ".join(w for w in words if w).strip()


def word_count_frames(
    doc: Doc, offset: int, placed: list[PlacedDate], time: SentenceTime
) -> list[FigureFrame]:
    """Counts stated without a figure: 'no deaths' (0), 'no one was hurt' (0), and one person
    an outcome befell ('a man in his 80s died', 'one resident died': 1)."""
    frames = []
    for token in doc:
        count, noun = _word_count(token)
        if count is None or noun is None:
            continue
        verb = content_verb(noun) or clause_verb(noun)
        if verb is None:
            continue
        outcome = _outcome(noun, verb, noun.lemma_.lower())
        if count == 1 and outcome is None:
            continue
        start = min(token.idx, noun.idx)
        end = max(token.idx + len(token.text), noun.idx + len(noun.text))
        lemma = "person" if noun.lower_ in ("one", "body", "nobody") else noun.lemma_.lower()
        frames.append(
            FigureFrame(
                text=doc.text[start:end], start=offset + start, end=offset + end,
                value=float(count), low=float(count), high=float(count), qualifier=None,
                dimension="count", unit=lemma, noun=lemma, noun_text=noun.text,
                predicate=_predicate(verb), predicate_text=_predicate_text(verb),
                outcome=outcome, modifiers=_modifiers(noun, "count"),
                places=places(_direct(noun, verb)), owner=None, event_year=None,
                part=next((c.lower_ for c in noun.children if c.lower_ in PART_WORDS), None),
                as_of=as_of(noun, placed, time), measure=_measure(noun, verb, noun.text),
            )
        )  # fmt: skip
    return frames


def _word_count(token: Token) -> tuple[int | None, Token | None]:
    """(0, noun) for 'no deaths' and 'no one'; (1, noun) for 'a man', 'one resident' as the
    subject or object of a verb ('confirmed a case'); else (None, None)."""
    lower = token.lower_
    if lower in ("nobody", "none") and token.dep_ in ("nsubj", "nsubjpass"):
        return 0, token
    if lower == "no" and token.dep_ == "det" and token.head.pos_ == "NOUN":
        if token.head.lemma_.lower() in ("plan", "intention", "evidence", "longer"):
            return None, None
        return 0, token.head
    if lower == "one" and token.head.lower_ == "no":
        return 0, token
    subject_noun = token.head if token.dep_ in ("det", "nummod") else None
    if (
        subject_noun is not None
        and lower in ("a", "an", "one")
        and subject_noun.dep_ in ("nsubj", "nsubjpass", "dobj")
        and subject_noun.tag_ == "NN"
        and subject_noun.lemma_.lower() in PERSON_NOUNS
    ):
        return 1, subject_noun
    return None, None
