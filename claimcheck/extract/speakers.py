"""Who says a sentence that names no speaker itself: 'She said …' and '"We will fight," she
said' take the last person named as a speaker before them; 'It said' and 'they said' the last
organisation; a quote opened in one sentence and closed with '…," said X' in a later one of the
same paragraph is X's throughout."""

from __future__ import annotations

import re
from collections.abc import Sequence

_PERSON_PRONOUN = re.compile(
    r"(?:^|[,”\"’']\s*)(?:he|she)\s+(?:also\s+|later\s+|then\s+)?"
    r"(?:said|says|added|adds|told|wrote|explained|argued|insisted|warned|noted|recalled)\b",
    re.IGNORECASE,
)
_GROUP_PRONOUN = re.compile(
    r"(?:^|[,”\"’']\s*)(?:it|they)\s+(?:also\s+|later\s+|then\s+)?"
    r"(?:said|says|added|adds|told|wrote|warned|noted|announced|reported|stated)\b",
    re.IGNORECASE,
)
_GROUP_WORDS = re.compile(
    r"(?i:\b(?:office|agency|ministry|department|council|union|company|service|police|"
    r"authority|government|officials|committee|board|news|association|group|court|army|"
    r"military|insurers|analysts|inspectors|residents)\b)"
)
_OPEN_QUOTES = '“"'
_QUOTE_MARKS = '“”"'


def resolve_speakers(
    sentences: Sequence[str], found: Sequence[str | None], paragraph_starts: Sequence[bool]
) -> list[str | None]:
    """Each sentence's speaker: its own when it names one, else one resolved from the sentences
    before it (pronouns) or after it in its paragraph (a quote closed later)."""
    speakers = list(found)
    last_person: str | None = None
    last_group: str | None = None
    for i, text in enumerate(sentences):
        if speakers[i] is None:
            if _PERSON_PRONOUN.search(text):
                speakers[i] = last_person
            elif _GROUP_PRONOUN.search(text):
                speakers[i] = last_group
        speaker = speakers[i]
        if speaker is not None:
            if is_person(speaker):
                last_person = speaker
            else:
                last_group = speaker
    return _quotes_closed_later(sentences, speakers, paragraph_starts)


def is_person(speaker: str) -> bool:
    """Whether a speaker reads as a named person ('Carla Nguyen', 'Baker'), not a body."""
    words = speaker.split()
    if words[0].lower() in ("the", "a", "an"):
        return False
    name = words[-2:]  # 'Union organiser Priya Shah': the title may name a body, the name not
    if len(words) > 2 and not name[0][:1].isupper():
        name = name[1:]
    return all(word[:1].isupper() for word in name) and not _GROUP_WORDS.search(" ".join(name))


def _quotes_closed_later(
    sentences: Sequence[str], speakers: list[str | None], paragraph_starts: Sequence[bool]
) -> list[str | None]:
    """A sentence inside a quote that a later sentence of the paragraph closes and attributes
    gets that sentence's speaker."""
    waiting: list[int] = []
    for i, text in enumerate(sentences):
        if paragraph_starts[i]:
            waiting = []
        odd = sum(text.count(mark) for mark in _QUOTE_MARKS) % 2 == 1
        opened_here = text.lstrip()[:1] in _OPEN_QUOTES
        if waiting and odd and not opened_here:  # the quote closes here
            for index in waiting:
                speakers[index] = speakers[index] or speakers[i]
            waiting = []
        elif odd and opened_here:
            waiting = [i]
        elif waiting:
            waiting.append(i)  # the quote goes on
    return speakers
