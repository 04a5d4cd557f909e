"""Recognising page furniture, bylines, questions and opinion: text that is never a claim."""

from __future__ import annotations

import re

_BOILERPLATE = re.compile(
    r"""^(?:
        scroll\s*(?:to\s*)?top
      | related\s+(?:posts|articles|stories)
      | reading\s+time\b
      | (?:share|tweet|print|email|subscribe|sign\s+up|follow\s+us|advertisement|menu|skip\s+to)\b
      | comments?\s+(?:are\s+)?closed
      | leave\s+a\s+(?:comment|reply)
      | \d+\s+comments?\b
      | in\s+brief$
      | support\s+quality\s+analysis
      | article\s+printed\s+from
      | this\s+article\s+(?:is|was)\s+(?:part\s+of|first\s+published|originally)
      | peer[\s-]reviewed\s+analysis
      | photo(?:graph)?s?\s*:
      | (?:image|picture)\s+(?:credit|source)
      | by\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s*$
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_ANYWHERE = re.compile(
    r"copyright|©|all\s+rights\s+reserved|acknowledges\s+the\s+(?:first\s+peoples|traditional)"
    r"|cookie\s+policy|terms\s+of\s+(?:use|service)|privacy\s+policy",
    re.IGNORECASE,
)
_AUTHOR_BIO = re.compile(
    r"^(?:[A-Z][\w'’-]+\s){1,3}is\s+(?:a|an|the)\s+[^.]{0,80}?"
    r"\b(?:candidate|fellow|professor|researcher|lecturer|journalist|editor|correspondent|"
    r"analyst|director|student|writer|author)\b"
)
_OPINION = re.compile(
    r"\b(?:I|we)\s+(?:think|believe|feel)\b|\bin\s+(?:my|our)\s+view\b|\bshould\b|\bmust\b"
    r"|\bought\s+to\b|\bit\s+is\s+necessary\b|\bhave\s+you\s+ever\b|\bin\s+a\s+word\b"
    r"|\bthe\s+most\s+(?:appealing|important|noticeable|neglected)\b|\bwhat\s+is\s+(?:shocking|"
    r"extremely\s+notable|so\s+important)\b|\bcertainly\b|\bclearly\b|\barguably\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def is_boilerplate(sentence: str) -> bool:
    """True for page furniture: navigation, bylines, copyright, comment and share lines, bios."""
    text = sentence.strip().strip("=-*_#•·|").strip()
    if not text:
        return True
    if len(_WORD.findall(text)) <= 1 and len(text) <= 12:
        return True
    return bool(_BOILERPLATE.match(text) or _ANYWHERE.search(text) or _AUTHOR_BIO.match(text))


def is_question(sentence: str) -> bool:
    """True when the sentence asks rather than asserts."""
    return sentence.rstrip(" \t\"'’”)").endswith("?")


def opinion_markers(sentence: str) -> int:
    """How many opinion or rhetoric markers the sentence has."""
    return len(_OPINION.findall(sentence))


_LINE_MARKUP = re.compile(r"^[\s#>*_~•·|-]+|[\s*_~|]+$")
_BYLINE = re.compile(r"^(?i:by)\s+[A-Z\u00C0-\u024F]")
_SEPARATED = re.compile(r"\s[|·•]\s|\s[|·•]$|^[|·•]\s")
_RELATED_HEADING = re.compile(
    r"^(?i:related(?:\s+(?:stories|articles|posts|links|coverage|content|reading))?|"
    r"more\s+(?:on\s+this\s+story|stories|from\s+\w+|news)|read\s+more|see\s+also|most\s+read|"
    r"recommended(?:\s+for\s+you)?|further\s+reading|you\s+may\s+also\s+like|in\s+other\s+news)"
    r"\s*:?$"
)
_LIST_ITEM = re.compile(r"^\s*(?:[-*+•]|\d{1,2}[.)])\s+")
MAX_BYLINE_WORDS = 16


def furniture_spans(text: str) -> list[tuple[int, int]]:
    """Lines of a document that are page furniture as a whole: bylines, metadata lines joined by
    separators ("News | Business", "Press statement · 13 March 2025"), and the list under a
    "Related stories" heading. Sentences inside them are never claims."""
    spans: list[tuple[int, int]] = []
    in_related, listed = False, False
    offset = 0
    for raw in text.split("\n"):
        start, end = offset, offset + len(raw)
        offset = end + 1
        line = _LINE_MARKUP.sub("", raw).strip()
        if not line:
            continue
        item = bool(_LIST_ITEM.match(raw))
        if in_related and (item or (not listed and not line.endswith((".", "!", "?")))):
            spans.append((start, end))
            listed = listed or item
            continue
        in_related, listed = bool(_RELATED_HEADING.match(line)), False
        separated = (
            not raw.lstrip().startswith("|")
            and _SEPARATED.search(line)
            and (not line.endswith((".", "!", "?")) or len(line.split()) <= MAX_BYLINE_WORDS)
        )
        if in_related or _is_byline(line) or separated:
            spans.append((start, end))
    return spans


def _is_byline(line: str) -> bool:
    """'By Fiona Grant, Business Editor': a credit line, not a sentence."""
    words = line.split()
    return bool(_BYLINE.match(line)) and len(words) <= MAX_BYLINE_WORDS and not line.endswith(".")
