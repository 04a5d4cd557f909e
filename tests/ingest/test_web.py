"""Web pages: fetched from a real server on 127.0.0.1, archived with their bytes, read for their
main text and metadata, versioned on change; fetch failures are one-line errors; WARC import."""

from __future__ import annotations

import hashlib
import io
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck.cli import main
from claimcheck.ingest import ingest_paths
from claimcheck.store.documents import current_for_path
from claimcheck.store.snapshots import snapshot_for
from tests.ingest.test_ingest import assert_spans_exact
from tests.ingest.webserver import ARTICLE, Site, closed_port, serve

SENTENCES = [
    "The Mill Street bridge was closed on Monday after inspectors found cracks in two of its "
    "supports, the county engineer said.",
    "About 9,000 vehicles cross the bridge each day, according to a 2023 traffic count.",
]


@pytest.fixture
def site() -> Iterator[Site]:
    """A local web server for one test."""
    with serve() as running:
        yield running


def test_a_fetched_page_is_archived_and_read_for_its_article(
    conn: sqlite3.Connection, site: Site
) -> None:
    url = f"{site.base}/article"
    result = ingest_paths(conn, [url]).files[0]
    assert (result.outcome, result.path) == ("new", url), result.message
    doc = current_for_path(conn, url)
    assert doc is not None and (doc.format, doc.url) == ("html", url)
    assert all(sentence in doc.text for sentence in SENTENCES)
    assert "Most read" not in doc.text and "Copyright" not in doc.text and "Sport" not in doc.text
    assert (doc.title, doc.publisher, doc.authors) == (
        "Bridge closed after flood",
        "The Valley Courier",
        ["Dana Whitfield"],
    )
    assert (doc.published, doc.published_from) == ("2024-03-05", "meta")
    snapshot = snapshot_for(conn, doc.id)
    assert snapshot is not None and snapshot.body == site.pages["/article"]
    assert doc.sha256 == hashlib.sha256(snapshot.body).hexdigest()
    assert (snapshot.status, snapshot.final_url, snapshot.via) == (200, url, "http")
    assert snapshot.content_type.startswith("text/html") and snapshot.retrieved_at[:2] == "20"
    assert_spans_exact(conn)


def test_a_redirect_is_followed_and_the_final_url_kept(
    conn: sqlite3.Connection, site: Site
) -> None:
    url = f"{site.base}/moved"
    assert ingest_paths(conn, [url]).files[0].outcome == "new"
    doc = current_for_path(conn, url)
    assert doc is not None and doc.url == url
    snapshot = snapshot_for(conn, doc.id)
    assert snapshot is not None and snapshot.final_url == f"{site.base}/article"


def test_a_changed_page_is_a_new_version_with_claims_reanchored(
    conn: sqlite3.Connection, site: Site
) -> None:
    url = f"{site.base}/article"
    ingest_paths(conn, [url])
    (claim_id,) = conn.execute("SELECT id FROM claims WHERE exact LIKE 'About 9,000%'").fetchone()
    assert ingest_paths(conn, [url]).files[0].outcome == "unchanged"
    site.pages["/article"] = ARTICLE.format(vehicles="12,000").encode()
    result = ingest_paths(conn, [url]).files[0]
    assert (result.outcome, result.orphaned) == ("updated", 0), result.message
    row = conn.execute("SELECT exact, facts_changed_at FROM claims WHERE id = ?", (claim_id,))
    exact, changed = row.fetchone()
    assert exact.startswith("About 12,000 vehicles") and changed is not None
    bodies = [r[0] for r in conn.execute("SELECT body FROM snapshots ORDER BY retrieved_at")]
    assert len(bodies) == 2 and bodies[1] == site.pages["/article"]
    assert_spans_exact(conn)


def test_fetch_failures_are_one_line_errors_and_store_nothing(site: Site, tmp_path: Path) -> None:
    db = str(tmp_path / "db.sqlite")
    refused = f"http://127.0.0.1:{closed_port()}/article"
    expected = {
        f"{site.base}/missing": "HTTP 404 Not Found",
        f"{site.base}/image.png": "is image/png, not an HTML page or a PDF",
        f"{site.base}/big": "is 2.0 MiB; the limit is 1 MiB",
        f"{site.base}/slow": "timed out after 0.5 s",
        refused: "cannot be fetched (connection refused)",
    }
    args = ["--db", db, "ingest", "--timeout", "0.5", "--max-size", "1", *expected]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert lines == [f"error: {url}: {reason}" for url, reason in expected.items()]
    count = CliRunner().invoke(main, ["--db", db, "documents", "--json"])
    assert count.stdout.strip() == "[]"


def _warc(path: Path, records: list[tuple[str, int, str, bytes, str]]) -> Path:
    """A WARC (gzipped when the name ends .gz) of (uri, status, content type, body, date)
    responses, each after a request record."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=path.suffix == ".gz")
        for uri, status, kind, body, date in records:
            request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")])
            writer.write_record(
                writer.create_warc_record(uri, "request", http_headers=request)
            )  # fmt: skip
            headers = StatusAndHeaders(f"{status} X", [("Content-Type", kind)], "HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    uri,
                    "response",
                    payload=io.BytesIO(body),
                    http_headers=headers,
                    warc_headers_dict={"WARC-Date": date},
                )
            )
    return path


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_responses_become_versions_of_their_urls(
    conn: sqlite3.Connection, tmp_path: Path, name: str
) -> None:
    url = "https://valley-courier.example/2024/03/bridge"
    first = ARTICLE.format(vehicles="9,000").encode()
    later = ARTICLE.format(vehicles="12,000").encode()
    path = _warc(
        tmp_path / name,
        [
            (url, 200, "text/html; charset=utf-8", first, "2024-03-05T10:00:00Z"),
            ("https://valley-courier.example/gone", 404, "text/html", b"<p>no</p>", "2024-03-05"),
            ("https://valley-courier.example/logo.png", 200, "image/png", b"\x89PNG", "2024-03-05"),
            (url, 200, "text/html; charset=utf-8", later, "2024-03-07T10:00:00Z"),
        ],
    )
    results = ingest_paths(conn, [path]).files
    assert [(r.path, r.outcome) for r in results] == [
        (url, "new"),
        ("https://valley-courier.example/gone", "skipped"),
        ("https://valley-courier.example/logo.png", "skipped"),
        (url, "updated"),
    ]
    assert results[1].message == "skipped: archived with HTTP status 404"
    assert results[2].message == "skipped: image/png, not an HTML page or a PDF"
    doc = current_for_path(conn, url)
    assert doc is not None and doc.version == 2 and "About 12,000 vehicles" in doc.text
    snapshot = snapshot_for(conn, doc.id)
    assert snapshot is not None and (snapshot.via, snapshot.retrieved_at, snapshot.body) == (
        "warc",
        "2024-03-07T10:00:00Z",
        later,
    )
    assert [r.outcome for r in ingest_paths(conn, [path]).files if r.path == url][-1] == "updated"
    assert_spans_exact(conn)


def test_a_file_that_is_not_a_warc_is_a_one_line_error(
    conn: sqlite3.Connection, tmp_path: Path
) -> None:
    bad = tmp_path / "broken.warc"
    bad.write_bytes(b"this is not an archive\n" * 4)
    (result,) = ingest_paths(conn, [bad]).files
    assert result.outcome == "failed" and result.message.startswith("is not a readable WARC file")
