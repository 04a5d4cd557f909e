"""Reading source files into stored text: format detection, validation and decoding."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from claimcheck.config import INGEST_SUFFIXES, MAX_FILE_BYTES
from claimcheck.errors import InputError

SKIPPED_NAMES = {"readme.md", "readme.txt", "readme"}
"""README files describe a folder rather than being a source; name one explicitly to ingest it."""


@dataclass(frozen=True)
class Source:
    """A source file read and decoded: the text every offset will index."""

    path: str
    format: str
    sha256: str
    text: str
    title: str
    published: str | None = None
    """The publication date the file's own markup states (HTML meta, JSON-LD, <time>)."""
    published_from: str | None = None


@dataclass(frozen=True)
class SourcePath:
    """A path found for ingest, or the reason it is skipped."""

    path: Path
    skip_reason: str | None = None


def absolute(path: Path | str) -> str:
    """The path as given, made absolute (symlinks kept, so the analyst recognises it)."""
    return os.path.normpath(os.path.abspath(os.fspath(path)))


def find_sources(paths: Sequence[Path | str]) -> Iterator[SourcePath]:
    """Files named, and files found recursively in folders named, in a stable order."""
    for given in paths:
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
    if path.exists() and path.suffix.lower() not in INGEST_SUFFIXES:
        return SourcePath(
            path, f"skipped: {path.suffix or 'no extension'} is not .txt, .md or .html"
        )
    return SourcePath(path)


def read_source(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> Source:
    """Read and validate one file; raise InputError with a one-line reason when it can't be used."""
    fmt = INGEST_SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise InputError(f"unsupported file type {path.suffix!r}")
    raw = _read_bytes(path, max_bytes)
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise InputError(f"looks binary (a NUL byte at offset {nul}), not text")
    try:
        decoded = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"is not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})"
        ) from None
    decoded = decoded.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    title: str | None
    published = None
    if fmt == "html":
        from claimcheck.ingest.htmlmeta import html_published
        from claimcheck.ingest.htmltext import html_to_text

        text, title = html_to_text(decoded)
        published = html_published(decoded)
    else:
        text = decoded
        title = None
        if fmt == "md":
            from claimcheck.text.segment import first_heading

            title = first_heading(text)
        else:
            title = title_line(text)
    if not text.strip():
        raise InputError("is empty (no visible text)")
    return Source(
        path=absolute(path),
        format=fmt,
        sha256=hashlib.sha256(raw).hexdigest(),
        text=text,
        title=(title or path.name).strip(),
        published=published[0] if published else None,
        published_from=published[1] if published else None,
    )


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
