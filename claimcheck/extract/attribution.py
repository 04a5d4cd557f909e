"""Who a sentence attributes its claim to, in the source's own words, when it says so.

Patterns, tried in this order (the earliest match of the first pattern that matches wins): a closing
``…, X said.`` (the speaker of the whole sentence); the speaker the sentence opens with (``The
sheriff's office said … according to the county``: the sheriff's office; ``The union representing
the workers said``; ``Cal Fire investigators said``); a speaker after the verb (``"…," said Carla
Nguyen``, ``…, the company announced``); ``evaluations|assessments|estimates by X show|suggest``;
``according to [the report by] X``; ``reported|noted|given|expressed by X``; ``X
said|told|reported|accused|denied…`` (also ``X, who said``); ``X's estimates``; ``X puts the cost …
at``; ``X are lobbying …, arguing that``. Failing all, the same with a relative aside taken out
(``X, who …, said``), then the speaker opening the last coordinated clause (``…, and family doctors
report``). After ``by`` and ``according to`` a leading article is dropped ('the report made by China
Daily' -> 'China Daily'); a subject keeps it ('the United States'); a list is taken whole ('South
Korea, the United States and Japan'). Pronoun subjects (``he said``) and impersonal wording (``it is
reported``) give None here; `extract.speakers` resolves pronouns and quotes across sentences.
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
    r"pointed\s+out|points\s+out|assessed|assesses|believes|believed|estimate|say|warn|"
    r"expressed|expresses|vowed|vows|pledged|pledges|promised|promises)\b"
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
    r"Still|Yet|Then|Thus|Instead|Moreover|Yesterday|Today|Earlier|Later|Last|Both|There|"
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
_NAME_WORD = rf"(?:(?!{_STOP_CAPITALS})[A-Z][\w’'.-]*|\([A-Z][\w.&-]+\)|{_ORG_WORDS}\b)"
_SUBJECT = (
    rf"(?:(?:[Tt]he|[Aa]n?)\s+)?(?:[a-z][\w-]*['’]s\s+)?{_NAME_WORD}"
    rf"(?:\s+(?:(?:of|the|for|and|de|al|on|at|&)\s+)*{_NAME_WORD})*"
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
    r"(?i:\baccording\s+to\s+(?:(?:the|a|an)\s+)?"
    r"(?:(?:latest|recent|new|official|early|preliminary|initial|final)\s+)?"
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
_EVIDENCE_START = re.compile(rf"(?i:{_EVIDENCE_NOUN}\b)")
_TRAILING_NOUNS = re.compile(rf"(?i:(?:\s+{_EVIDENCE_NOUN})+)$")
_EDGE_CONNECTORS = re.compile(r"(?i:^(?:and|of|for)\s+|\s+(?:and|of|the|for)$)")
_PRONOUNS = _word_set("it he she they we i you this that these those there who which")
_INSIDE_PHRASE = re.compile(
    r"(?i:\b(?:and|or|of|with|between|to|for|from|about|against|among|than|like|on|in|at)\s*,?\s*)$"
)


_INVERTED = re.compile(
    r"(?:,\s*[”\"’']?|[”\"’']\s*,?)\s*"
    r"(?:said|says|told\s+\w+|added|adds|wrote|writes|explained|announced|warned|insisted|"
    r"argued|noted|stated|recalled|confirmed)\s+"
)
_SUBJECT_HERE = re.compile(_SUBJECT)
_TRAILING = re.compile(
    r",\s+(?P<src>(?:the\s+|a\s+)?[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*){0,3})\s+"
    r"(?:said|say|says|reported|report|reports|estimated|estimate|estimates|announced|"
    r"told\s+\w+)(?:\s+(?:in\s+a\s+statement|on\s+\w+|last\s+\w+))?\s*(?:,|[.!?]?[”\"’']?\s*$)"
)
_CLOSING_VERB = re.compile(
    r"\s+(?:said|says|added|adds|reported|reports|told\s+\w+|wrote|announced|confirmed|found|"
    r"concluded)"
    r"(?:\s+(?:in\s+a\s+statement|on\s+\w+|last\s+\w+|\w+day))?\s*[.!?]?[”\"’']?\s*$"
)
_CLOSING_WORDS = 8
_RELATIVE_ASIDE = re.compile(r",\s+(?:who|which)\s+[^,;:]{1,100},(?=\s+\w)")
"""'Marsh, who has run the business for three years, told staff': the aside between a speaker
and the verb."""
_LAST_CLAUSE = re.compile(r"(?:,\s+(?:and|but)|;)\s+(?!.*(?:,\s+(?:and|but)|;)\s)")
_CLAUSE_SPEAKER = re.compile(
    r"(?P<src>(?:[Tt]he\s+)?[A-Za-z][\w’'&-]*(?:\s+[\w’'&.-]+){0,5}?)\s+"
    r"(?:(?:has|have|had)\s+)?(?:say|says|said|report|reports|reported|warn|warns|warned|"
    r"confirm|confirms|confirmed|find|finds|found|told|estimate|estimates|estimated)\b"
)
_PUTS_AT = re.compile(
    r"(?P<src>(?:The\s+)?[A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&.-]*){0,4})\s+"
    r"(?:puts?|estimates?|estimated|values?|valued)\s+(?:the|its|their)\s+[^,;:]{1,60}?\s+at\s"
)
"""'Cal Fire puts the cost of the fire at $22.4 million': an estimate and who makes it."""
_ARGUING = re.compile(
    r"(?P<src>(?:[Tt]he\s+)?[A-Za-z][\w’'&-]*(?:\s+[a-z][\w’'&-]*){0,3})\s+"
    r"(?:are|is|was|were|has|have|had)\b[^;]{1,120}?,\s+"
    r"(?:arguing|saying|warning|insisting|claiming|noting|adding)\b"
)
"""'Building owners are lobbying against it, arguing that …': the subject argues."""
_LEADING_NOUN = re.compile(
    rf"(?P<src>(?:The|A|An)(?:\s+[a-z][\w-]*){{1,3}})\s+"
    rf"(?:[a-z]+ing\s+(?:the\s+)?[a-z][\w-]*\s+)?{_FILLERS}{_REPORTING_VERB}"
)
_OPENING_PHRASE = re.compile(
    r"(?P<src>[A-Z][\w’'&-]*(?:\s+[\w’'&-]+){0,8}?)\s+(?:said|says|say|told)\b"
)
_STARTS_CLAUSE = re.compile(rf"(?:{_STOP_CAPITALS}|According\b)")
_PASSIVE_AUXILIARIES = _word_set("was were is are be been being")
_NOT_IN_A_SPEAKER = _word_set(
    "is are was were be been being has have had will would can could may might must should "
    "that which who whom whose because if than while when where also not it its this these "
    "there"
)
_OPENING_QUOTES = "\"“‘'«"
_LEADING_WORDS = 3
"""A reporting verb whose subject starts within this many words of the sentence start is the
sentence's own speaker: it wins over a source named inside what is reported."""


def extract_attribution(text: str) -> str | None:
    """The source a sentence attributes its claim to, as written, or None when unattributed."""
    finders: list[Callable[[str], str | None]] = [
        _closing_clause,
        _leading_subject,
        _inverted,
        _by_agent,
        _after_trigger(_ACCORDING_TO),
        _after_trigger(_PASSIVE_AGENT),
        _subject_of_verb,
        _possessive,
        _estimate_at,
        _argues,
    ]
    for finder in finders:
        source = finder(text)
        if source:
            return source
    return _without_aside(text, finders) or _last_clause(text)


def _without_aside(text: str, finders: list[Callable[[str], str | None]]) -> str | None:
    """The finders again with a relative aside taken out ('X, who …, said')."""
    plain = _RELATIVE_ASIDE.sub("", text, count=1)
    if plain == text:
        return None
    return next((found for finder in finders if (found := finder(plain))), None)


def _last_clause(text: str) -> str | None:
    """'…, and family doctors report …', '…; the coroner confirmed …': the speaker opening the
    sentence's last coordinated clause, when nothing before names one."""
    joint = _LAST_CLAUSE.search(text)
    if joint is None:
        return None
    found = _CLAUSE_SPEAKER.match(text, joint.end())
    if found is None or not _common_speaker(found["src"]):
        return None
    source = _clean(found["src"], keep_article=True)
    return source if source and source.lower() not in _PRONOUNS else None


def _estimate_at(text: str) -> str | None:
    """'Cal Fire puts the cost … at $22.4 million' -> 'Cal Fire' (opening the sentence)."""
    found = _PUTS_AT.match(text)
    return _clean(found["src"], keep_article=True) if found else None


def _argues(text: str) -> str | None:
    """'Building owners are lobbying against the change, arguing that …' -> 'Building owners'."""
    found = _ARGUING.match(text)
    if found is None or not _common_speaker(found["src"]):
        return None
    return _clean(found["src"], keep_article=True)


def _common_speaker(phrase: str) -> bool:
    """Whether the words before 'said' at a sentence's start can be its speaker: no clause
    opener ('In', 'According'), no verb or relative word among them."""
    words = {word.lower() for word in phrase.split()}
    return not _STARTS_CLAUSE.match(phrase) and not _NOT_IN_A_SPEAKER & words


def _noun_phrase(words: str) -> str | None:
    """'The company has' -> 'The company'; 'The same opinion was' (a passive) -> None."""
    kept: list[str] = []
    for word in words.split():
        if word.lower() in _PASSIVE_AUXILIARIES:
            return None
        if word.lower() in _NOT_IN_A_SPEAKER:
            break
        kept.append(word)
    return " ".join(kept) if len(kept) >= 2 else None


def _closing_clause(text: str) -> str | None:
    """'…, medical officer of health Dr. Anjali Rao said.' -> the speaker of the whole sentence,
    named in a clause that closes it."""
    verb = _CLOSING_VERB.search(text)
    if verb is None:
        return None
    comma = text.rfind(", ", 0, verb.start())
    phrase = text[comma + 2 : verb.start()] if comma >= 0 else ""
    words = phrase.split()
    if not words or len(words) > _CLOSING_WORDS or words[0].lower() in _PRONOUNS:
        return None
    if any(word.lower() in _SOURCE_STOP for word in words):
        return None  # a clause of its own, not a speaker: '…, which is what he said.'
    return _clean(phrase, keep_article=True)


def _leading_subject(text: str) -> str | None:
    """'The sheriff's office said …, according to the county' -> the sheriff's office: the
    speaker the sentence opens with, not a source inside what it reports."""
    if text.lstrip()[:1] in _OPENING_QUOTES:
        return None  # words inside an opening quote are the speaker's, named after it
    common = _LEADING_NOUN.match(text)
    if common:  # 'The union representing the workers said' -> 'The union'
        return _noun_phrase(common["src"])
    named = _leading_name(text)
    if named:
        return named
    opening = _OPENING_PHRASE.match(text)
    if opening and _common_speaker(opening["src"]):
        return _clean(opening["src"], keep_article=True)  # 'Cal Fire investigators said'
    return None


def _leading_name(text: str) -> str | None:
    """The name-like subject of the first reporting verb, when it opens the sentence."""
    verb = _AFTER_SUBJECT.search(text)
    subject = _subject_before(text, verb.start()) if verb else None
    if subject is None or len(text[: subject[0]].split()) >= _LEADING_WORDS:
        return None
    if _INSIDE_PHRASE.search(text[max(0, subject[0] - 20) : subject[0]]):
        return None
    source = _clean(subject[1], keep_article=True)
    return source if source and source.lower() not in _PRONOUNS else None


def _inverted(text: str) -> str | None:
    """'"…," said Carla Nguyen' and '…, said Mayor Carla Nguyen, after …' -> the name after the
    verb; '…, insurers said.' -> 'insurers'."""
    for verb in _INVERTED.finditer(text):
        named = _SUBJECT_HERE.match(text, verb.end())
        source = _clean(named[0], keep_article=True) if named else None
        if source and source.lower() not in _PRONOUNS:
            return source
    trailing = _TRAILING.search(text)
    if trailing and trailing["src"].split()[-1].lower() not in _PRONOUNS:
        return _clean(trailing["src"], keep_article=True)
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
    """The start and text of the name-like phrase ending exactly at `end`, if any; a list
    ('South Korea, the United States and Japan') is taken whole."""
    found = _phrase_before(text, end)
    while found and " and " in found[1] and text[: found[0]].endswith(", "):
        earlier = _phrase_before(text, found[0] - 2)
        if earlier is None or " and " in earlier[1]:
            break
        found = (earlier[0], text[earlier[0] : end])
    return found


def _phrase_before(text: str, end: int) -> tuple[int, str] | None:
    """The start and text of the name-like phrase ending exactly at `end`, if any."""
    start = max(0, end - _LOOKBACK)
    if start:
        start = text.find(" ", start, end) + 1 or end  # begin at a word, not inside one
    match = _SUBJECT_AT_END.search(text, start, end)
    return (match.start(), match["src"]) if match else None


def _clean(source: str, keep_article: bool = False) -> str | None:
    """A source phrase without evidence nouns, dangling connectors or (unless kept) article."""
    source = " ".join(source.split()).strip(" ‘’“”'\"")
    source = re.sub(r"(?<=\w\w)\.$", "", source)  # a sentence's full stop, not an initial's
    source = re.sub(r"['’]s$", "", _TRAILING_NOUNS.sub("", source))
    article = r"(?i)^(?:a|an)\s+" if keep_article else r"(?i)^(?:the|a|an)\s+"
    source = re.sub(article, "", source)
    while (trimmed := _EDGE_CONNECTORS.sub("", source)) != source:
        source = trimmed
    if not source or source.lower() in _PRONOUNS or not any(c.isalpha() for c in source):
        return None
    if _EVIDENCE_START.match(source):
        return None  # 'figures released' names no one
    return source
