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
      | photo(?:graph)?\s*:
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
