"""Who a sentence attributes its claim to, in the source's own words, when it says so.

Patterns, tried in this order (the earliest match of the first pattern that matches wins):
``evaluations|assessments|estimates by X show|suggest``; ``according to [the report by] X``;
``reported|noted|given|expressed by X``; ``X said|told|reported|accused|denied…`` (also
``X, who said``); ``X's estimates``. After ``by`` and ``according to`` a leading article is
dropped ('the report made by China Daily' -> 'China Daily'); a subject keeps it ('the United
States'). Pronoun subjects (``he said``) and impersonal wording (``it is reported``) give None.
"""

from __future__ import annotations

import re
from collections.abc import Callable


def _word_set(words: str) -> frozenset[str]:
    """A table of words written as one whitespace-separated string."""
    return frozenset(words.split())


_REPORTING_VERB = (
    r"(?:says|said|tells|told|states|stated|reports|reported|notes|noted|claims|claimed|"
    r"announces|announced|confirms|confirmed|accuses|accused|denies|denied|estimates|estimated|"
    r"warns|warned|reveals|revealed|insists|insisted|argues|argued|wrote|writes|alleges|alleged|"
    r"asserts|asserted|acknowledges|acknowledged|admits|admitted|declared|declares|added|adds|"
    r"pointed\s+out|points\s+out|assessed|assesses|believes|believed)\b"
)
_EVIDENCE_NOUN = (
    r"(?:evaluations?|assessments?|estimates?|reports?|analys[ie]s|data|figures|findings|"
    r"statements?|surveys?|stud(?:y|ies)|calculations?|records?|counts?|tallies)"
)
_ORG_WORDS = (
    r"(?:officials?|intelligence|service|services|agency|agencies|ministry|ministries|media|"
    r"government|spokes(?:person|man|woman)|military|army|analysts?|experts?|sources|officers?|"
    r"authorities|police|scholars?|researchers?|leaders?|president|minister|news|central|state|"
    r"defen[cs]e|foreign|national|security|office|department|command|staff|diplomats?|"
    r"observers?|monitors?|team|think[\s-]tank|council|committee|press|parliament|lawmakers?|"
    r"senior|former|unnamed|anonymous|top|chief|deputy|local|western|regional)"
)
_STOP_CAPITALS = (
    r"(?:While|When|Whereas|In|However|But|And|After|Before|Although|Though|Since|As|If|On|At|"
    r"This|That|These|Those|It|He|She|They|We|I|His|Her|Their|Its|Our|Meanwhile|Further|Also|"
    r"Still|Yet|Then|Thus|Instead|Moreover|Yesterday|Today|Earlier|Later|Last|Both|There)\b"
)
_NAME_WORD = rf"(?:(?!{_STOP_CAPITALS})[A-Z][\w’'.-]*|\([A-Z][\w.&-]+\)|{_ORG_WORDS}\b)"
_SUBJECT = (
    rf"(?:(?:the|an?)\s+)?{_NAME_WORD}(?:\s+(?:(?:of|the|for|and|de|al|on)\s+)*{_NAME_WORD})*"
)
_FILLERS = (
    r"(?:(?:has|have|had|also|reportedly|publicly|himself|herself|itself|themselves|then|later|"
    r"previously|recently|officially|formally|repeatedly|once|again)\s+)*"
)
_BY_AGENT = re.compile(
    rf"(?i:\b{_EVIDENCE_NOUN}\s+(?:\w+\s+)?by\s+(?:the\s+)?)"
    r"(?P<src>[^,;:.]{1,80}?)\s+"
    r"(?i:show|shows|showed|shown|suggest|suggests|suggested|indicate|indicates|indicated|"
    r"reveal|reveals|revealed|find|finds|found|put|puts|say|says|said|estimate|estimated|"
    r"claim|claims|confirm|confirms|confirmed|point|points|pointed)\b"
)
_ACCORDING_TO = re.compile(
    r"(?i:\baccording\s+to\s+(?:(?:the|a|an)\s+)?(?:(?:latest|recent|new|official)\s+)?"
    rf"(?:{_EVIDENCE_NOUN}\s+(?:(?:made|released|published|issued|compiled|cited)\s+)?"
    r"(?:by|from|of)\s+(?:(?:the|a|an)\s+)?)?)(?P<src>[^\s,;:.!?]+)"
)
_PASSIVE_AGENT = re.compile(
    r"(?i:\b(?:reported|observed|noted|stated|said|claimed|announced|confirmed|estimated|"
    r"assessed|given|expressed|issued|released|published|alleged|cited|quoted|revealed|"
    r"disclosed)\s+by\s+(?:(?:the|a|an)\s+)?)(?P<src>[^\s,;:.!?]+)"
)
_LOOKBACK = 120  # characters searched for a subject before its verb, keeping the search linear
_SUBJECT_AT_END = re.compile(rf"(?<![\w’'.(-])(?P<src>{_SUBJECT})$")
_AFTER_SUBJECT = re.compile(rf"(?<=\S)(?:\s*,\s*(?:who|which))?\s+{_FILLERS}{_REPORTING_VERB}")
_AFTER_POSSESSOR = re.compile(
    r"['’]s?\s+(?:own\s+)?(?:latest\s+)?(?:intelligence\s+)?"
    r"(?:estimates?|assessments?|figures|data|count|tally|reports?)\b"
)
_SOURCE_WORD = re.compile(r"\s*([^\s,;:.!?]+)")
_SOURCE_STOP = _word_set(
    "is are was were be been has have had will would can could may might shall should must that "
    "which who whom whose in on at to for with from as while when where because since if than "
    "this these those it they he she we also not only but said says show shows suggest suggests "
    "indicate indicates"
)
_TRAILING_NOUNS = re.compile(rf"(?i:(?:\s+{_EVIDENCE_NOUN})+)$")
_EDGE_CONNECTORS = re.compile(r"(?i:^(?:and|of|for)\s+|\s+(?:and|of|the|for)$)")
_PRONOUNS = _word_set("it he she they we i you this that these those there who which")
_INSIDE_PHRASE = re.compile(
    r"(?i:\b(?:and|or|of|with|between|to|for|from|about|against|among|than|like)\s*,?\s*)$"
)


def extract_attribution(text: str) -> str | None:
    """The source a sentence attributes its claim to, as written, or None when unattributed."""
    finders: list[Callable[[str], str | None]] = [
        _by_agent,
        _after_trigger(_ACCORDING_TO),
        _after_trigger(_PASSIVE_AGENT),
        _subject_of_verb,
        _possessive,
    ]
    for finder in finders:
        source = finder(text)
        if source:
            return source
    return None


def _by_agent(text: str) -> str | None:
    """'evaluations by South Korean officials show' -> 'South Korean officials'."""
    match = _BY_AGENT.search(text)
    return _clean(match["src"]) if match else None


def _after_trigger(pattern: re.Pattern[str]) -> Callable[[str], str | None]:
    """A finder for the noun phrase that follows a trigger such as 'according to'."""

    def find(text: str) -> str | None:
        for match in pattern.finditer(text):
            source = _clean(_source_after(text, match.start("src")))
            if source:
                return source
        return None

    return find


def _source_after(text: str, pos: int) -> str:
    """Up to ten words from `pos` until punctuation, a verb or a clause word."""
    end = pos
    for _ in range(10):
        word = _SOURCE_WORD.match(text, end)
        if word is None or word[1].lower() in _SOURCE_STOP:
            break
        end = word.end()
        if text[end : end + 1] in ",;:.!?":
            break
    return text[pos:end]


def _subject_of_verb(text: str) -> str | None:
    """'Kim Yo-jong said' -> 'Kim Yo-jong'; pronoun subjects give nothing."""
    for verb in _AFTER_SUBJECT.finditer(text):
        subject = _subject_before(text, verb.start())
        if subject is None or _INSIDE_PHRASE.search(text[max(0, subject[0] - 20) : subject[0]]):
            continue  # no subject, or the tail of a longer phrase: 'meetings between A and B'
        source = _clean(subject[1], keep_article=True)
        if source and source.lower() not in _PRONOUNS:
            return source
    return None


def _possessive(text: str) -> str | None:
    """'Seoul's estimates' -> 'Seoul'."""
    for tail in _AFTER_POSSESSOR.finditer(text):
        subject = _subject_before(text, tail.start())
        source = _clean(subject[1], keep_article=True) if subject else None
        if source:
            return source
    return None


def _subject_before(text: str, end: int) -> tuple[int, str] | None:
    """The start and text of the name-like phrase ending exactly at `end`, if any."""
    start = max(0, end - _LOOKBACK)
    if start:
        start = text.find(" ", start, end) + 1 or end  # begin at a word, not inside one
    match = _SUBJECT_AT_END.search(text, start, end)
    return (match.start(), match["src"]) if match else None


def _clean(source: str, keep_article: bool = False) -> str | None:
    """A source phrase without evidence nouns, dangling connectors or (unless kept) article."""
    source = " ".join(source.split()).strip(" ‘’“”'\"")
    source = re.sub(r"['’]s$", "", _TRAILING_NOUNS.sub("", source))
    article = r"(?i)^(?:a|an)\s+" if keep_article else r"(?i)^(?:the|a|an)\s+"
    source = re.sub(article, "", source)
    while (trimmed := _EDGE_CONNECTORS.sub("", source)) != source:
        source = trimmed
    if not source or source.lower() in _PRONOUNS or not any(c.isalpha() for c in source):
        return None
    return source
