"""A web page's own statement of when it was published: meta tags, JSON-LD, a <time> element."""

from __future__ import annotations

import html
import re
from datetime import date

_META_NAMES = (
    "article:published_time|og:published_time|datepublished|date|pubdate|publishdate|"
    "publish-date|publication_date|dc.date|dc.date.issued|dcterms.date|dcterms.issued|"
    "sailthru.date|parsely-pub-date"
)
_META_TAG = re.compile(r"<meta\b[^>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_JSON_LD = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
_TIME = re.compile(r"<time\b[^>]*\bdatetime\s*=\s*[\"']([^\"']+)[\"'][^>]*>", re.IGNORECASE)
_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def html_published(raw: str) -> tuple[str, str] | None:
    """(ISO date, where it was read: meta, json-ld or time) of a page, or None if it says none."""
    for tag in _META_TAG.findall(raw):
        attributes = {
            name.lower(): html.unescape(next(v for v in values if v is not None) or "")
            for name, *values in _ATTRIBUTE.findall(tag)
        }
        key = (
            attributes.get("property") or attributes.get("name") or attributes.get("itemprop") or ""
        ).lower()
        if key and re.fullmatch(_META_NAMES, key):
            day = iso_day(attributes.get("content", ""))
            if day:
                return day, "meta"
    for pattern, source in ((_JSON_LD, "json-ld"), (_TIME, "time")):
        for value in pattern.findall(raw):
            day = iso_day(value)
            if day:
                return day, source
    return None


def iso_day(value: str, pattern: re.Pattern[str] = _ISO_DAY) -> str | None:
    """The calendar day a date or timestamp starts with (year, month and day as the pattern's
    three groups; ISO 8601 by default), if it is a valid one."""
    match = pattern.match(value)
    if match is None:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
    except ValueError:
        return None
