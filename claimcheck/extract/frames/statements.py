"""Statement frames: denials with what they deny, ranks ('the second-largest'), open questions."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from claimcheck.extract.frames.timing import PlacedDate
from claimcheck.extract.frames.tree import content_lemmas, proper_name, subject
from claimcheck.models import StatementFrame

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

DENY_VERBS = frozenset({"deny", "reject", "dismiss", "refute", "dispute", "contest", "rebut"})
FALSE_WORDS = frozenset(
    {"wrong", "false", "untrue", "inaccurate", "incorrect", "baseless", "groundless", "unfounded"}
)
NO_PLAN_NOUNS = frozenset({"plan", "intention", "evidence", "truth", "basis"})
_SCALES = {
    "largest": "size", "biggest": "size", "greatest": "size", "smallest": "size",
    "worst": "severity", "deadliest": "deaths", "costliest": "cost", "highest": "level",
    "lowest": "level", "longest": "length", "busiest": "activity",
}  # fmt: skip
_INVERSE = frozenset({"smallest", "lowest"})
_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "2nd": 2, "3rd": 3, "4th": 4}
_RANK = re.compile(
    r"(?i:\b(?:(?P<ord>second|third|fourth|fifth|2nd|3rd|4th)[\s-]+)?(?P<sup>"
    + "|".join(_SCALES)
    + r")\b)"
)
_UNDETERMINED = re.compile(
    r"(?i:\b(?:remains?|remained|is|are|was|were)\s+(?:still\s+)?(?:under\s+investigation|"
    r"unknown|unclear|undetermined|not\s+(?:yet\s+)?(?:known|clear|determined))|"
    r"ha(?:s|ve)\s+not\s+(?:yet\s+)?been\s+(?:determined|established|identified))"
)


def statement_frames(doc: Doc, offset: int, placed: list[PlacedDate]) -> list[StatementFrame]:
    """Denials, ranks and open questions a parsed sentence states."""
    frames = [*_denials(doc, offset), *_ranks(doc, offset, placed)]
    open_question = _UNDETERMINED.search(doc.text)
    if open_question:
        before = doc.text[: open_question.start()]
        terms = content_lemmas(t for t in doc if t.idx < open_question.start())
        frames.append(
            StatementFrame(
                kind="undetermined", text=open_question[0], start=offset + open_question.start(),
                end=offset + open_question.end(), proposition=before.strip(), terms=terms,
            )
        )  # fmt: skip
    return frames


def _denials(doc: Doc, offset: int) -> list[StatementFrame]:
    """'X denied that Y', 'there are no plans to Y', 'reports that Y were simply wrong'."""
    found = []
    for token in doc:
        lemma = token.lemma_.lower()
        clause: list[Token] = []
        holder: Token | None = None
        if token.pos_ == "VERB" and lemma in DENY_VERBS and not _negated(token):
            clause = [c for c in token.children if c.dep_ in ("ccomp", "dobj", "xcomp")]
            holder = subject(token)
        elif lemma in NO_PLAN_NOUNS and any(c.lower_ == "no" for c in token.children):
            clause = [c for c in token.children if c.dep_ in ("acl", "relcl", "prep")]
        elif token.pos_ == "ADJ" and lemma in FALSE_WORDS and token.dep_ in ("acomp", "attr"):
            reported = subject(token.head)
            if reported is not None:
                clause = [c for c in reported.children if c.dep_ in ("acl", "ccomp", "relcl")]
        if not clause:
            continue
        words = sorted({t.i for c in clause for t in c.subtree})
        tokens = [doc[i] for i in words]
        head = _clause_head(clause[0])
        said_by = subject(head) if head.pos_ in ("VERB", "AUX") else None
        found.append(
            StatementFrame(
                kind="denial", text=token.text, start=offset + token.idx,
                end=offset + token.idx + len(token.text),
                proposition=doc.text[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)],
                terms=content_lemmas(tokens),
                holder=proper_name(holder) if holder is not None else None,
                subject=" ".join(t.text for t in said_by.subtree) if said_by is not None else None,
                predicate=_predicate_lemma(head),
            )
        )  # fmt: skip
    return found


def _clause_head(token: Token) -> Token:
    """The verb of a denied clause ('started' in 'that its equipment started the fire'), or
    what 'plans to' leads to ('close' in 'plans to close the depot')."""
    head = token.head if token.dep_ == "prep" else token
    for _ in range(3):
        follow = next((c for c in head.children if c.dep_ in ("xcomp", "acl")), None)
        if head.lemma_.lower() in ("plan", "intend", "aim", "be") and follow is not None:
            head = follow
        else:
            break
    return head


def _predicate_lemma(head: Token) -> str | None:
    """The denied clause's predicate: its verb, or after 'was' the noun ('the source')."""
    if head.lemma_.lower() == "be":
        attr = next((c for c in head.children if c.dep_ in ("attr", "acomp")), None)
        return attr.lemma_.lower() if attr is not None else None
    return head.lemma_.lower() if head.pos_ in ("VERB", "NOUN", "ADJ") else None


def _negated(token: Token) -> bool:
    """'did not deny' is no denial."""
    return any(c.dep_ == "neg" for c in token.children)


def _ranks(doc: Doc, offset: int, placed: list[PlacedDate]) -> list[StatementFrame]:
    """'the second-largest outbreak in the region's history': rank 2 on size within history."""
    found = []
    for match in _RANK.finditer(doc.text):
        word = next((t for t in doc if t.idx == match.start("sup")), None)
        if word is None:
            continue
        holder = _ranked(word)
        category = _category(word, holder)
        domain = _domain(word)
        years = [
            int(p.fact.earliest[:4]) for p in placed
            if p.fact.earliest and holder is not None and p.root is not None
            and p.root.i in {t.i for t in holder.subtree}
        ]  # fmt: skip
        found.append(
            StatementFrame(
                kind="rank", text=match[0], start=offset + match.start(),
                end=offset + match.end(), proposition=category,
                terms=content_lemmas(t for t in doc if t.text in category.split()),
                holder=_holder_text(holder), rank=_ORDINALS.get((match["ord"] or "").lower(), 1),
                scale=_scale(match["sup"].lower()),
                domain=domain, year=years[0] if years else None,
            )
        )  # fmt: skip
    return found


def _scale(superlative: str) -> str:
    """The scale a superlative ranks on; 'smallest' ranks the same scale from the other end."""
    return _SCALES[superlative] + ("-" if superlative in _INVERSE else "")


def _ranked_noun(word: Token) -> Token | None:
    """The noun a superlative describes ('largest … outbreak'), through a name in between
    ('the second-largest Legionnaires' outbreak')."""
    current = word.head
    for _ in range(3):
        if current.pos_ == "NOUN":
            return current
        if current.pos_ != "PROPN" or current.dep_ not in ("poss", "compound"):
            return None
        current = current.head
    return None


def _ranked(word: Token) -> Token | None:
    """What a superlative ranks: the subject of its copula, or what 'the largest' is said to be."""
    head = _ranked_noun(word) or word
    verb = head.head if head.dep_ in ("attr", "acomp", "nsubj", "appos") else None
    if verb is None:
        return None
    if head.dep_ == "nsubj":  # 'the largest remains the 1996 outbreak'
        return next((c for c in verb.children if c.dep_ in ("attr", "dobj", "oprd")), None)
    return subject(verb)


def _category(word: Token, holder: Token | None) -> str:
    """The class a rank is within: the noun the superlative modifies, else the ranked noun."""
    described = _ranked_noun(word)
    noun = described if described is not None and described.i > word.i else holder
    if noun is None:
        return ""
    parts = [c.text for c in noun.children if c.dep_ == "compound"] + [noun.text]
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            parts += ["of", *(t.text for t in child.subtree if t.i != child.i)]
    return " ".join(parts)


def _domain(word: Token) -> str | None:
    """'history' in 'the largest … in the county's history', 'record' in 'on record'."""
    after = {t.lemma_.lower() for t in word.sent if t.i > word.i}
    return next((domain for domain in ("history", "record", "ever") if domain in after), None)


def _holder_text(holder: Token | None) -> str | None:
    if holder is None:
        return None
    return " ".join(
        t.text for t in holder.subtree if t.dep_ not in ("det", "punct", "prep", "pobj")
    )
