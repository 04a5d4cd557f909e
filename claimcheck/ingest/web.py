"""Web pages as sources: fetch a URL (time and size limits, redirects followed), keep the raw
response as a snapshot, and read the page's main text and metadata with trafilatura."""

from __future__ import annotations

import hashlib
import logging
import re
import socket
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from email.message import Message

from claimcheck.errors import InputError
from claimcheck.ingest.sources import Source, make_source
from claimcheck.models import Snapshot

DEFAULT_TIMEOUT = 20.0
"""Seconds a fetch may take, from connecting to the last byte."""

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
"""Larger responses are refused, as larger files are."""

HTML_TYPES = {"text/html": "html", "application/xhtml+xml": "html", "application/pdf": "pdf"}
"""Content types a fetched page may have, and the format each is read as."""

USER_AGENT = "claimcheck (source archiving for fact-checking)"
_CHUNK = 64 * 1024
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)

for _name in ("trafilatura", "htmldate", "courlan", "justext"):
    logging.getLogger(_name).addHandler(logging.NullHandler())  # their warnings are not ours


@dataclass(frozen=True)
class FetchLimits:
    """How long a fetch may take and how large a page may be."""

    timeout: float = DEFAULT_TIMEOUT
    max_bytes: int = DEFAULT_MAX_BYTES


def fetch(url: str, limits: FetchLimits | None = None) -> Snapshot:
    """GET a URL, following redirects; every failure is an InputError with a one-line reason."""
    limits = limits or FetchLimits()
    timeout, max_bytes = limits.timeout, limits.max_bytes
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    deadline = time.monotonic() + timeout
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            content_type = response.headers.get("Content-Type", "")
            _check_type(content_type)
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise InputError(_too_large(int(length), max_bytes))
            body = _read_body(response, max_bytes, deadline, timeout)
            status, final_url = int(response.status), str(response.geturl())
    except urllib.error.HTTPError as exc:
        raise InputError(f"HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError | socket.timeout):
            raise InputError(f"timed out after {timeout:g} s") from None
        raise InputError(f"cannot be fetched ({_reason(exc.reason)})") from None
    except TimeoutError:
        raise InputError(f"timed out after {timeout:g} s") from None
    except OSError as exc:
        raise InputError(f"cannot be fetched ({_reason(exc)})") from None
    return Snapshot(
        url=url,
        final_url=final_url,
        status=status,
        content_type=content_type,
        retrieved_at=datetime.now(UTC).isoformat(timespec="seconds"),
        body=body,
    )


def _read_body(response: object, max_bytes: int, deadline: float, timeout: float) -> bytes:
    """The response body, refused past `max_bytes` or past the deadline (a trickling server)."""
    chunks: list[bytes] = []
    size = 0
    read = response.read  # type: ignore[attr-defined]
    while chunk := read(_CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise InputError(_too_large(size, max_bytes, at_least=True))
        if time.monotonic() > deadline:
            raise InputError(f"timed out after {timeout:g} s")
        chunks.append(chunk)
    return b"".join(chunks)


def _check_type(content_type: str) -> None:
    """Refuse what is not an HTML page or a PDF, naming what it is."""
    if media_type(content_type) not in HTML_TYPES:
        shown = media_type(content_type) or "of no stated type"
        raise InputError(f"is {shown}, not an HTML page or a PDF")


def media_type(content_type: str) -> str:
    """'text/html' of 'text/html; charset=utf-8'."""
    return content_type.split(";", 1)[0].strip().lower()


def _too_large(size: int, max_bytes: int, *, at_least: bool = False) -> str:
    more = "over " if at_least else ""
    return f"is {more}{size / 1_048_576:.1f} MiB; the limit is {max_bytes / 1_048_576:g} MiB"


def _reason(reason: object) -> str:
    """An OS or socket error as a few words: 'connection refused', 'name not known'."""
    text = getattr(reason, "strerror", None) or str(reason)
    return " ".join(str(text).split()).lower()


def decode_html(body: bytes, content_type: str) -> str:
    """A page's bytes as text: the charset the header or a <meta> states, else UTF-8; bytes the
    charset cannot decode are replaced (a page is read as a browser would show it)."""
    message = Message()
    message["Content-Type"] = content_type or "text/html"
    charset = message.get_content_charset()
    if charset is None:
        found = _META_CHARSET.search(body[:4096])
        charset = found[1].decode("ascii") if found else "utf-8"
    try:
        text = body.decode(charset, errors="replace")
    except LookupError:
        text = body.decode("utf-8", errors="replace")
    text = text.replace("\x00", "\ufffd")
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


@dataclass(frozen=True)
class PageText:
    """A web page's main text and what its markup says about it."""

    text: str
    title: str | None
    authors: list[str]
    publisher: str | None
    date: str | None


def main_text(html: str, url: str | None = None) -> PageText:
    """The article a page holds, without navigation, asides and footers (trafilatura); a page
    trafilatura finds no article in is read whole, as an HTML file is."""
    import trafilatura

    found = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=True
    )
    if isinstance(found, dict):  # only with as_dict=True, which is not asked for
        raise TypeError("trafilatura returned a dict")
    if found is None or not (found.text or "").strip():
        from claimcheck.ingest.htmltext import html_to_text

        text, title = html_to_text(html)
        return PageText(text, title, [], None, None)
    lines = [line.strip() for line in (found.text or "").split("\n")]
    from claimcheck.ingest.pdf import split_authors

    return PageText(
        text="\n\n".join(line for line in lines if line),
        title=found.title,
        authors=split_authors(found.author),
        publisher=found.sitename,
        date=found.date,
    )


def web_source(snapshot: Snapshot, key: str) -> Source:
    """A Source from a fetched or archived response; `key` (the URL as given) names its versions,
    and is the source's original URL."""
    fmt = HTML_TYPES.get(media_type(snapshot.content_type))
    if fmt is None:
        _check_type(snapshot.content_type)
    if fmt == "pdf":
        return replace(
            make_source(key, "pdf", snapshot.body, fallback_title=key, url=key), snapshot=snapshot
        )
    from claimcheck.ingest.htmlmeta import html_published

    html = decode_html(snapshot.body, snapshot.content_type)
    page = main_text(html, snapshot.final_url)
    if not page.text.strip():
        raise InputError("is empty (no visible text)")
    stated = html_published(html)
    return Source(
        path=key,
        format="html",
        sha256=hashlib.sha256(snapshot.body).hexdigest(),
        text=page.text,
        title=(page.title or key).strip(),
        published=stated[0] if stated else None,
        published_from=stated[1] if stated else None,
        created=(page.date, "page") if page.date and len(page.date) == 10 else None,
        authors=page.authors,
        publisher=page.publisher,
        url=key,
        snapshot=snapshot,
    )
