"""Every report format carries the Admiralty grade, and PROV records who graded what and where
each source came from (publisher, authors, original URL, archived snapshot)."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path
from typing import Any

from claimcheck.ingest import ingest_paths
from claimcheck.models import Status
from claimcheck.report.build import ReportInput, build_report
from claimcheck.report.formats import render
from claimcheck.store.decisions import decide
from claimcheck.store.grades import grade_claim, grade_source
from claimcheck.store.snapshots import snapshot_for
from claimcheck.store.views import claim_views
from tests.ingest.webserver import serve


def _kirby(data: ReportInput) -> Any:
    return next(c for c in data.report.claims if "more than 1,000 containers" in c.text)


def test_json_csv_markdown_and_html_show_both_axes_and_the_suggestion(
    report_input: ReportInput,
) -> None:
    kirby = _kirby(report_input)
    claim = next(
        c for c in json.loads(render(report_input, "json"))["claims"] if c["id"] == kirby.id
    )
    assert (claim["grade"]["reliability"], claim["grade"]["credibility"]) == ("B", 2)
    assert claim["grade"]["credibility_by"] == "bo" and claim["grade"]["suggested_credibility"] == 3
    rows = list(csv.DictReader(io.StringIO(render(report_input, "csv"))))
    row = next(r for r in rows if r["id"] == kirby.id)
    assert (row["reliability"], row["reliability_by"], row["credibility"]) == ("B", "ana", "2")
    assert (row["credibility_by"], row["suggested_credibility"]) == ("bo", "3")
    assert all(r["suggested_credibility"] in "123456" for r in rows)
    markdown = render(report_input, "md")
    assert (
        "- Grade: B2: source B (usually reliable) by ana; claim 2 (probably true) by bo;"
        in markdown
    )
    assert "| bo | credibility of claim " + kirby.id + ": 3 → 2 |" in markdown
    html = render(report_input, "html")
    assert "<dt>grade</dt>" in html and "B2: source B (usually reliable) by ana" in html
    assert 'class="gradings"' in html


def test_claimreview_and_annotations_carry_the_grade(report_input: ReportInput) -> None:
    kirby = _kirby(report_input)
    reviews = json.loads(render(report_input, "claimreview"))["@graph"]
    review = next(r for r in reviews if r["@id"].endswith(kirby.id))
    properties = {p["name"]: p for p in review["additionalProperty"]}
    assert properties["admiraltyGrade"]["value"] == "B2"
    assert properties["sourceReliability"]["description"] == "B (usually reliable) by ana"
    assert properties["informationCredibility"]["value"] == 2
    assert properties["suggestedCredibility"]["value"] == 3
    items = json.loads(render(report_input, "annotations"))["first"]["items"]
    claim = next(a for a in items if a["id"] == f"urn:claimcheck:claim:{kirby.id}")
    assert claim["grade"]["code"] == "B2"
    gradings = [a for a in items if a.get("eventKind", "").startswith("grade-")]
    mine = [a for a in gradings if a["id"].endswith(kirby.id)]
    assert [(a["eventKind"], a["creator"]["name"]) for a in mine] == [
        ("grade-reliability", "ana"), ("grade-credibility", "ana"), ("grade-credibility", "bo"),
    ]  # fmt: skip
    assert mine[2]["body"]["value"].endswith(": 3 → 2")


def test_prov_records_each_grading_with_its_analyst(report_input: ReportInput) -> None:
    from prov.model import ProvDocument

    kirby = _kirby(report_input)
    parsed = ProvDocument.deserialize(content=render(report_input, "prov"), format="json")
    records = parsed.get_records()
    gradings = {
        str(r.identifier): r
        for r in records
        if type(r).__name__ == "ProvActivity" and str(r.identifier).startswith("cc:grading-")
    }
    assert len(gradings) == 3
    associations = {
        (str(r.args[0]), str(r.args[1])) for r in records if type(r).__name__ == "ProvAssociation"
    }
    used = {(str(r.args[0]), str(r.args[1])) for r in records if type(r).__name__ == "ProvUsage"}
    by = sorted(agent for activity, agent in associations if activity in gradings)
    assert by == ["cc:analyst-ana", "cc:analyst-ana", "cc:analyst-bo"]
    assert (
        sum(entity == f"cc:claim-{kirby.id}" for activity, entity in used if activity in gradings)
        == 2
    )
    assert any(
        entity.startswith("cc:document-") for activity, entity in used if activity in gradings
    )


def test_prov_sources_carry_publisher_authors_url_and_snapshot(
    conn: sqlite3.Connection, tmp_path: Path
) -> None:
    from prov.model import ProvDocument

    with serve() as site:
        url = f"{site.base}/article"
        assert not ingest_paths(conn, [url]).failed
    view = claim_views(conn)[0]
    decide(conn, view.id, Status.confirmed, "ana")
    grade_source(conn, "publisher", "the valley courier", "A", "ana")
    grade_claim(conn, view.id, 1, "ana")
    data = build_report(conn, tmp_path / "db.sqlite", generated_at="2026-01-01T00:00:00+00:00")
    snapshot = snapshot_for(conn, view.document_id)
    assert snapshot is not None
    parsed = ProvDocument.deserialize(content=render(data, "prov"), format="json")
    records = {str(r.identifier): r for r in parsed.get_records() if r.identifier}
    source = {str(k): v for k, v in records[f"cc:document-{view.document_id}"].attributes}
    assert source["cc:publisher"] == "The Valley Courier" and source["cc:url"] == url
    assert source["cc:authors"] == "Dana Whitfield" and source["cc:published"] == "2024-03-05"
    assert source["cc:snapshotSha256"] == snapshot_sha(snapshot.body)
    assert source["cc:retrievedAt"] == snapshot.retrieved_at and source["cc:finalUrl"] == url
    assert "cc:publisher-the_valley_courier" in records and "cc:author-Dana_Whitfield" in records
    attributed = {
        (str(r.args[0]), str(r.args[1]))
        for r in parsed.get_records()
        if type(r).__name__ == "ProvAttribution"
    }
    document = f"cc:document-{view.document_id}"
    assert {
        (document, "cc:publisher-the_valley_courier"),
        (document, "cc:author-Dana_Whitfield"),
    } <= attributed
    used = {
        (str(r.args[0]), str(r.args[1]))
        for r in parsed.get_records()
        if type(r).__name__ == "ProvUsage"
    }
    assert any(
        e == "cc:publisher-the_valley_courier" for a, e in used if a.startswith("cc:grading-")
    )
    grade = next(c for c in data.report.claims if c.id == view.id).grade
    assert grade is not None and (grade.reliability, grade.credibility) == ("A", 1)
    assert grade.source == "The Valley Courier"


def snapshot_sha(body: bytes) -> str:
    import hashlib

    return hashlib.sha256(body).hexdigest()
