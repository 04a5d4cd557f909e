"""What a figure counts: the noun phrase after it ("containers of munitions") or before it
("the number of troops … has grown to"), and its singular head noun."""

from __future__ import annotations

import re

ATTACHED_UNIT = re.compile(
    r"(km/h|kph|mph|km|kg|mm|cm|m|t|kt|mt|mw|gw|kw|ha|ft|lbs?)\b(?!/)", re.IGNORECASE
)
"""Unit abbreviations written straight after a number: '12km', '5t'."""


def _word_set(words: str) -> frozenset[str]:
    """A table of words written as one whitespace-separated string."""
    return frozenset(words.split())


_UNIT_WORD = re.compile(r"\s+([^\W\d_][\w’'-]*)")
_HYPHEN_UNIT = re.compile(r"-([^\W\d_]+)\b")
_OF_LEAD = re.compile(r"\s+of(?:\s+(?:the|its|their|his|her|our|these|those))?(?=\s)", re.I)
_PARTITIVE = re.compile(
    r"\s+of\s+(?:the|its|their|his|her|our|these|those)\s+(?:\d[\d,.]*|[a-z]+-?[a-z]*)(?=\s)",
    re.IGNORECASE,
)
_RATE = re.compile(
    r"\s+(?:per|an?)\s+(?:hour|day|week|month|year|second|minute|capita|person|head)\b",
    re.IGNORECASE,
)
_AND_LEAD = re.compile(r"\s+and(?=\s)", re.IGNORECASE)
_DETERMINER = re.compile(r"^(?:the|a|an|its|their|his|her|our|this|these|those)\s+", re.I)
_COUNT_VERB_END = re.compile(
    r"(?i:\s(?:(?:has|have|had)\s+)?(?:grown|grew|risen|rose|reached|reaching|totall?ed|"
    r"totall?ing|stood|stands|numbered|numbering|climbed|increased|fell|fallen|dropped|jumped|"
    r"surged|amounted|swelled|swollen|hit)(?:\s+(?:to|at))?|\s(?P<copula>is|are|was|were)"
    r"(?:\s+(?:now|estimated\s+at))?)\s*$"
)
_NUMBER_OF = re.compile(
    r"(?i:\b(?:the\s+|a\s+)?(?:estimated\s+)?(?:number|total|tally|count|strength|size|toll)\s+of"
    r"\s+(?:the\s+|its\s+|their\s+)?)(?P<np>.+?)(?:\s+(?i:in|on|at|from|across|inside|within|"
    r"deployed|stationed|sent|serving|fighting)\b.*)?$"
)
_PUT_AT_END = re.compile(
    r"(?i:\b(?:put|puts|putting|placed?|places|placing|pegged|pegs|estimated?|estimates|"
    r"estimating)\s+(?P<object>.+?)\s+at)\s*$"
)
"""'assessments put the total number of troops sent to Russia at N'."""
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]—–]")
_UNIT_STOP = _word_set(
    "the a an to in on at for from by with into onto per than as and or but nor that which who "
    "whom whose is are was were be been being has have had will would can could may might should "
    "shall must do does did not it its their his her this these those there here when while where "
    "after before since until during over under about of each more less ago later earlier across "
    "within against including along among between through towards toward around via if so also "
    "only just still now then yet already both either other such what whereas like near without "
    "behind beyond above below up down out off every all some any no we they he she you i our my "
    "your them him us respectively"
)
_PART_LEADS = frozenset({"more", "further", "other", "additional", "extra", "new"})
_MASS_HEADS = _word_set(
    "personnel people staff equipment ammunition police aid fuel oil gas grain fertilizer "
    "fertiliser cash money weaponry artillery manpower labor labour food rice wheat coal "
    "electricity infantry cavalry livestock cattle"
)
_OF_SPLIT = re.compile(r"\s+of\s+", re.IGNORECASE)
_HEAD_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_IRREGULAR = {"people": "person", "men": "man", "women": "woman", "children": "child"}


def _is_head(word: str) -> bool:
    """Whether a word ends a counted noun phrase: a plural or a mass noun."""
    plural = word.endswith("s") and not word.endswith(("ss", "us", "is", "'s", "’s"))
    return word in _MASS_HEADS or word in _IRREGULAR or plural


def _phrase(text: str, pos: int) -> tuple[int, int] | None:
    """The span of the noun phrase starting after `pos`, up to its head noun (at most 5 words)."""
    span: tuple[int, int] | None = None
    for step in range(5):
        word = _UNIT_WORD.match(text, pos)
        if word is not None and step == 0 and word[1].lower() in _PART_LEADS:
            following = _UNIT_WORD.match(text, word.end())
            if following is not None and following[1].lower() not in _UNIT_STOP:
                span, pos = (word.start(1), word.end()), word.end()  # '11 more stores'
                continue
        if word is None or word[1].lower() in _UNIT_STOP:
            break
        lowered = word[1].lower()
        if lowered.endswith(("ed", "ing")) and lowered not in _MASS_HEADS:
            following = _UNIT_WORD.match(text, word.end())
            if following is None or following[1].lower() in _UNIT_STOP:
                break  # a verb: '15,000 deployed to Russia'
        span = (span[0] if span else word.start(1), word.end())
        pos = word.end()
        if _is_head(lowered):
            break
    return span


_TEMPERATURE = re.compile(
    r"\s?(?:[°˚º]\s?(?P<sym>[CFK])\b|(?:degrees?|deg\.?)\s+(?P<word>celsius|centigrade|fahrenheit"
    r"|kelvin)\b|[°˚º](?![\w]))",
    re.IGNORECASE,
)
"""'0.9°C', '1.6 ˚F', '2 degrees Celsius', '3°': a temperature, in its scale when one is named."""
_SCALES = {"c": "degree C", "celsius": "degree C", "centigrade": "degree C", "f": "degree F"}
_SCALES |= {"fahrenheit": "degree F", "k": "kelvin", "kelvin": "kelvin"}


_SPACED_RATE = re.compile(r"\s(km/h|km/hr|kph|mph)(?!\w)", re.IGNORECASE)
"""'72 km/h': a speed, though 'km' alone would be a length."""


def temperature_after(text: str, end: int) -> str | None:
    """'degree C', 'degree F', 'kelvin' or 'degree' when a temperature unit follows a figure."""
    found = _TEMPERATURE.match(text, end)
    if found is None:
        return None
    scale = (found["sym"] or found["word"] or "").lower()
    return _SCALES.get(scale, "degree")


def unit_after(text: str, end: int) -> str | None:
    """The counted noun phrase right after a figure, with an 'of …' tail ('containers of …')."""
    temperature = temperature_after(text, end)
    if temperature:
        return temperature
    attached = ATTACHED_UNIT.match(text, end) or _HYPHEN_UNIT.match(text, end)
    attached = attached or _SPACED_RATE.match(text, end)
    if attached:
        return attached[1]
    lead = _OF_LEAD.match(text, end)
    partitive = _PARTITIVE.match(text, end)
    if partitive:  # '42 of its 118 stores': the part counts what the whole counts
        return unit_after(text, partitive.end())
    span = _phrase(text, lead.end() if lead else end)
    if span is None:
        return None
    start, stop = span
    tail = _OF_LEAD.match(text, stop)
    tail_span = _phrase(text, tail.end()) if tail and not lead else None
    if tail_span:
        stop = tail_span[1]
        conjunct = _AND_LEAD.match(text, stop)
        conjunct_span = _phrase(text, conjunct.end()) if conjunct else None
        stop = conjunct_span[1] if conjunct_span else stop
    rate = _RATE.match(text, stop)
    return text[start : rate.end() if rate else stop]


def unit_before(text: str, start: int) -> str | None:
    """The counted thing named before a figure: 'the number of troops … has grown to N'."""
    clause = _CLAUSE_BREAK.split(text[max(0, start - 200) : start])[-1]
    put_at = _PUT_AT_END.search(clause)
    number_of = _NUMBER_OF.search(put_at["object"]) if put_at else None
    if number_of:
        return number_of["np"]
    verb = _COUNT_VERB_END.search(clause, max(0, len(clause) - 40))
    if verb is None:
        return None
    subject = clause[: verb.start()].strip()
    number_of = _NUMBER_OF.search(subject)
    if number_of:
        return number_of["np"]
    subject = _DETERMINER.sub("", subject)
    words = subject.split()
    if verb["copula"] or not 0 < len(words) <= 4:
        return None
    if any(w.lower() in _UNIT_STOP or not w.replace("-", "").isalpha() for w in words):
        return None
    return subject


def counted_head(unit: str | None) -> str | None:
    """The singular lowercase head noun of a unit: 'North Korean troops' -> 'troop'."""
    if not unit:
        return None
    phrase = _OF_SPLIT.split(unit.strip(), maxsplit=1)[0]
    words = _HEAD_WORD.findall(phrase)
    return _singular(words[-1].lower()) if words else None


def _singular(word: str) -> str:
    """A plural English noun made singular by common rules ('divisions' -> 'division')."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes", "zes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word
