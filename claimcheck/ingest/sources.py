"""Reading source files into stored text: format detection, validation and decoding."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from claimcheck.config import INGEST_SUFFIXES, MAX_FILE_BYTES
from claimcheck.errors import InputError
from claimcheck.models import Snapshot

SKIPPED_NAMES = {"readme.md", "readme.txt", "readme"}
"""README files describe a folder rather than being a source; name one explicitly to ingest it."""


@dataclass(frozen=True)
class Decoded:
    """A source's bytes read as text, with what the format itself says about the source."""

    text: str
    title: str | None = None
    published: tuple[str, str] | None = None
    """(ISO day, where read) that the markup states; it wins over the text's dateline."""
    created: tuple[str, str] | None = None
    """(ISO day, where read) from document properties; used only when the text has no dateline."""
    page_starts: list[int] | None = None
    authors: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Source:
    """A source read and decoded: the text every offset will index."""

    path: str
    format: str
    sha256: str
    text: str
    title: str
    published: str | None = None
    """The publication date the file's own markup states (HTML meta, JSON-LD, <time>)."""
    published_from: str | None = None
    created: tuple[str, str] | None = None
    page_starts: list[int] | None = None
    authors: list[str] = field(default_factory=list)
    url: str | None = None
    publisher: str | None = None
    snapshot: Snapshot | None = None
    """The response a web page was read from, archived with its version."""


@dataclass(frozen=True)
class SourcePath:
    """A path or URL found for ingest, or the reason it is skipped."""

    path: Path
    skip_reason: str | None = None
    url: str | None = None
    warc: bool = False


def is_url(given: str) -> bool:
    """Whether an ingest argument names a web page rather than a file."""
    return given.startswith(("http://", "https://"))


def is_warc(path: Path) -> bool:
    """Whether a file is a web archive (.warc, .warc.gz)."""
    return path.name.lower().endswith((".warc", ".warc.gz"))


def absolute(path: Path | str) -> str:
    """The path as given, made absolute (symlinks kept, so the analyst recognises it)."""
    return os.path.normpath(os.path.abspath(os.fspath(path)))


def find_sources(paths: Sequence[Path | str]) -> Iterator[SourcePath]:
    """Files named, and files found recursively in folders named, in a stable order."""
    for given in paths:
        if isinstance(given, str) and is_url(given.strip()):
            yield SourcePath(Path(), url=given.strip())
            continue
        path = Path(given)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if any(part.startswith(".") for part in child.relative_to(path).parts):
                    continue
                if (
                    child.is_file() or child.is_symlink()
                ) and child.name.lower() not in SKIPPED_NAMES:
                    yield _candidate(child)
        else:
            yield _candidate(path)


def _candidate(path: Path) -> SourcePath:
    if is_warc(path):
        return SourcePath(path, warc=True)
    if path.exists() and path.suffix.lower() not in INGEST_SUFFIXES:
        return SourcePath(
            path,
            f"skipped: {path.suffix or 'no extension'} is not .txt, .md, .html, .pdf, .docx "
            "or .warc",
        )
    return SourcePath(path)


def read_source(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> Source:
    """Read and validate one file; raise InputError with a one-line reason when it can't be used."""
    fmt = INGEST_SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise InputError(f"unsupported file type {path.suffix!r}")
    raw = _read_bytes(path, max_bytes)
    return make_source(absolute(path), fmt, raw, fallback_title=path.name)


def make_source(
    key: str, fmt: str, raw: bytes, *, fallback_title: str, url: str | None = None
) -> Source:
    """A Source from a file's or a fetched page's bytes; `key` is its path or URL."""
    decoded = decode(raw, fmt)
    if not decoded.text.strip():
        raise InputError("is empty (no visible text)")
    return Source(
        path=key,
        format=fmt,
        sha256=hashlib.sha256(raw).hexdigest(),
        text=decoded.text,
        title=(decoded.title or fallback_title).strip(),
        published=decoded.published[0] if decoded.published else None,
        published_from=decoded.published[1] if decoded.published else None,
        created=decoded.created,
        page_starts=decoded.page_starts,
        authors=decoded.authors,
        url=url,
    )


def decode(raw: bytes, fmt: str) -> Decoded:
    """The text of a source's bytes in format `fmt` (txt, md, html, pdf, docx)."""
    if fmt == "pdf":
        from claimcheck.ingest.pdf import read_pdf

        pdf = read_pdf(raw)
        created = (pdf.created, "pdf") if pdf.created else None
        title = pdf.title or title_line(pdf.text)
        return Decoded(pdf.text, title, None, created, pdf.page_starts, pdf.authors)
    if fmt == "docx":
        from claimcheck.ingest.docxtext import read_docx

        word = read_docx(raw)
        created = (word.created, "docx") if word.created else None
        return Decoded(word.text, word.title, None, created, None, word.authors)
    text = decode_utf8(raw)
    if fmt == "html":
        from claimcheck.ingest.htmlmeta import html_published
        from claimcheck.ingest.htmltext import html_to_text

        body, title = html_to_text(text)
        return Decoded(body, title, html_published(text))
    if fmt == "md":
        from claimcheck.text.segment import first_heading

        return Decoded(text, first_heading(text))
    return Decoded(text, title_line(text))


def decode_utf8(raw: bytes) -> str:
    """Text bytes as a str: no NUL byte, valid UTF-8, BOM dropped, newlines made universal."""
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise InputError(f"looks binary (a NUL byte at offset {nul}), not text")
    try:
        decoded = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"is not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})"
        ) from None
    return decoded.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def title_line(text: str) -> str | None:
    """A plain-text document's title: its first short heading-like line that is not furniture."""
    from claimcheck.text.boilerplate import is_boilerplate

    for line in text.split("\n")[:12]:
        candidate = line.strip().lstrip("#").strip()
        words = candidate.split()
        heading_like = 3 <= len(words) <= 20 and len(candidate) <= 150
        if heading_like and candidate[-1] not in ".?!:;," and not is_boilerplate(candidate):
            return candidate
    return None


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(
                f"is {size / 1_048_576:.1f} MiB; the limit is {max_bytes / 1_048_576:.0f} MiB"
            )
        if size == 0:
            raise InputError("is empty (0 bytes)")
        with path.open("rb") as handle:
            return handle.read(max_bytes + 1)
    except FileNotFoundError:
        reason = "is a broken link" if path.is_symlink() else "does not exist"
        raise InputError(reason) from None
    except IsADirectoryError:
        raise InputError("is a folder") from None
    except PermissionError:
        raise InputError("cannot be read (permission denied)") from None
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror or exc})") from None
