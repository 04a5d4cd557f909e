"""Web archives (WARC, ISO 28500) as sources: each archived HTML or PDF response, offline."""

from __future__ import annotations

import contextlib
import gzip
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from claimcheck.config import MAX_FILE_BYTES
from claimcheck.errors import InputError
from claimcheck.ingest.web import HTML_TYPES, media_type
from claimcheck.models import Snapshot


@dataclass(frozen=True)
class WarcRecord:
    """An archived response: its URI and snapshot, or why it is not ingested."""

    uri: str
    snapshot: Snapshot | None = None
    skip_reason: str | None = None


def warc_records(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> Iterator[WarcRecord]:
    """Every response record of a .warc or .warc.gz file, in archive order; requests, metadata
    and revisits are passed over, and a response that is not a 200 HTML page or PDF is skipped."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        _check_magic(path)
        with path.open("rb") as handle, contextlib.redirect_stderr(io.StringIO()):
            # warcio writes its warnings about damaged records to stderr; the records it can
            # read are still ingested
            for record in ArchiveIterator(handle):
                if record.rec_type == "response" and record.http_headers is not None:
                    yield _record(record, max_bytes)
    except FileNotFoundError:
        raise InputError("does not exist") from None
    except (ArchiveLoadFailed, OSError, ValueError) as exc:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise InputError(f"is not a readable WARC file ({reason[:120]})") from None


def _check_magic(path: Path) -> None:
    """Refuse a file that does not start with a WARC record (warcio would read it as ARC)."""
    with path.open("rb") as handle:
        start = handle.read(2)
    opener = gzip.open if start == b"\x1f\x8b" else open
    with opener(path, "rb") as stream:
        if stream.read(5) != b"WARC/":
            raise InputError("is not a readable WARC file (it does not start with a WARC record)")


def _record(record: object, max_bytes: int) -> WarcRecord:
    """One response record as a snapshot (via warc, retrieved when the archive says)."""
    headers = record.rec_headers  # type: ignore[attr-defined]
    http = record.http_headers  # type: ignore[attr-defined]
    uri = str(headers.get_header("WARC-Target-URI") or "")
    status = int(http.get_statuscode() or 0)
    content_type = str(http.get_header("Content-Type") or "")
    if status != 200:
        return WarcRecord(uri, skip_reason=f"skipped: archived with HTTP status {status}")
    if media_type(content_type) not in HTML_TYPES:
        shown = media_type(content_type) or "of no stated type"
        return WarcRecord(uri, skip_reason=f"skipped: {shown}, not an HTML page or a PDF")
    body = record.content_stream().read(max_bytes + 1)  # type: ignore[attr-defined]
    if len(body) > max_bytes:
        return WarcRecord(uri, skip_reason=f"skipped: over {max_bytes / 1_048_576:g} MiB")
    snapshot = Snapshot(
        url=uri,
        final_url=uri,
        status=status,
        content_type=content_type,
        retrieved_at=str(headers.get_header("WARC-Date") or ""),
        body=body,
        via="warc",
    )
    return WarcRecord(uri, snapshot)
