"""`claimcheck source`: a source's metadata shown, corrected by hand as events, kept for later
versions, shown by `show`, and used by the exports."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner

from claimcheck.cli import main
from claimcheck.store import connect
from tests.ingest.makedocs import write_pdf

ARTICLE = (
    "Harwood flood update\n\n"
    "The county said on 4 March 2024 that 17 roads remained closed after the flood.\n"
)


def _run(db: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["--db", str(db), *args])
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_corrections_are_events_shown_and_kept_for_new_versions(tmp_path: Path) -> None:
    db, article = tmp_path / "db.sqlite", tmp_path / "update.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    _run(db, "ingest", str(article))
    shown = json.loads(_run(db, "source", str(article), "--json"))
    assert (shown["publisher"], shown["url"], shown["events"]) == (None, None, [])
    url = "https://valley-courier.example/2024/03/flood-update"
    options = ["--publisher", "The Valley Courier", "--url", url, "--published", "2024-03-04"]
    options += ["--author", "Dana Whitfield", "--author", "Sam Ortiz", "--analyst", "ana"]
    corrected = json.loads(_run(db, "source", str(article), *options, "--json"))
    assert corrected["publisher"] == "The Valley Courier" and corrected["url"] == url
    assert corrected["authors"] == ["Dana Whitfield", "Sam Ortiz"]
    assert (corrected["published"], corrected["published_from"]) == ("2024-03-04", "analyst")
    assert [(e["field"], e["analyst"]) for e in corrected["events"]] == [
        ("publisher", "ana"), ("url", "ana"), ("published", "ana"), ("authors", "ana"),
    ]  # fmt: skip
    article.write_text(ARTICLE + "\nA second bridge reopened on 6 March 2024, officials said.\n")
    _run(db, "ingest", str(article))
    again = json.loads(_run(db, "source", str(article), "--json"))
    assert again["version"] == 2 and again["publisher"] == "The Valley Courier"
    assert again["published_from"] == "analyst" and len(again["events"]) == 4
    claim = json.loads(_run(db, "claims", "--json"))[0]
    assert claim["document_url"] == url and claim["document_publisher"] == "The Valley Courier"
    detail = _run(db, "show", claim["id"])
    assert f"The Valley Courier · Dana Whitfield, Sam Ortiz · {url}" in detail
    text = _run(db, "source", str(article))
    assert "publisher  The Valley Courier" in text and "ana  publisher = The Valley Courier" in text


def test_events_are_append_only(tmp_path: Path) -> None:
    db, article = tmp_path / "db.sqlite", tmp_path / "update.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    _run(db, "ingest", str(article))
    _run(db, "source", str(article), "--publisher", "Courier")
    conn = connect(db)
    try:
        for statement in ("UPDATE source_events SET value = 'x'", "DELETE FROM source_events"):
            try:
                conn.execute(statement)
            except Exception as exc:  # sqlite3.IntegrityError from the trigger
                assert "append-only" in str(exc)
            else:
                raise AssertionError(f"{statement} was allowed")
    finally:
        conn.close()


def test_bad_corrections_are_one_line_errors_and_change_nothing(tmp_path: Path) -> None:
    db, article = tmp_path / "db.sqlite", tmp_path / "update.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    _run(db, "ingest", str(article))
    for args, message in (
        (["--published", "4 March"], "--published '4 March' is not a date (YYYY-MM-DD)"),
        (["--url", "ftp://x"], "--url 'ftp://x' is not an http:// or https:// URL"),
        (["--title", " "], "--title cannot be empty"),
    ):
        result = CliRunner().invoke(main, ["--db", str(db), "source", str(article), *args])
        assert result.exit_code == 1 and result.stderr == f"error: {message}\n"
    missing = CliRunner().invoke(main, ["--db", str(db), "source", "nope"])
    assert missing.stderr == "error: no document with id, path or URL 'nope'\n"
    assert json.loads(_run(db, "source", str(article), "--json"))["events"] == []


URL = "https://harwood.example/reports/flood.pdf"


def _pdf_with_source(tmp_path: Path) -> Path:
    """A database holding the test PDF, its URL and publisher set by hand."""
    db = tmp_path / "db.sqlite"
    pdf = write_pdf(tmp_path / "report.pdf")
    _run(db, "ingest", str(pdf))
    _run(db, "source", str(pdf), "--url", URL, "--publisher", "Harwood County")
    return db


def test_exports_cite_the_corrected_url_with_the_version_hash(tmp_path: Path) -> None:
    db, url = _pdf_with_source(tmp_path), URL
    claim = json.loads(_run(db, "claims", "--json"))[0]
    _run(db, "mark", claim["id"], "confirmed", "--analyst", "ana")
    _run(db, "report", "--format", "annotations", "-o", str(tmp_path / "a.json"))
    _run(db, "report", "--format", "claimreview", "-o", str(tmp_path / "c.json"))
    annotation = json.loads((tmp_path / "a.json").read_text())["first"]["items"][0]
    assert annotation["target"]["source"]["id"] == url
    assert annotation["target"]["source"]["sha256"] == claim["sha256"]
    review = json.loads((tmp_path / "c.json").read_text())["@graph"][0]
    appearance = review["itemReviewed"]["appearance"]
    assert (appearance["url"], appearance["sha256"]) == (url, claim["sha256"])
    assert appearance["publisher"] == {"name": "Harwood County"}


def test_markdown_html_and_csv_show_where_a_claim_was_published(tmp_path: Path) -> None:
    db, url = _pdf_with_source(tmp_path), URL
    for fmt in ("md", "html", "csv"):
        _run(db, "report", "--format", fmt, "-o", str(tmp_path / f"r.{fmt}"))
    shown = f"Harwood County · Dana Whitfield · {url} · page 2"
    assert f"- Published by: {shown}" in (tmp_path / "r.md").read_text(encoding="utf-8")
    assert shown in (tmp_path / "r.html").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "r.csv").read_text(encoding="utf-8"))))
    last = rows[-1]
    assert (last["page"], last["source_url"], last["publisher"]) == ("2", url, "Harwood County")
    assert (last["authors"], last["published"]) == ("Dana Whitfield", "2024-03-06")
