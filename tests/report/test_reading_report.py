"""Reports an editor can read: limits (documents, statuses, conflicts only) in every format, a
conflict table with status and note that keeps updates apart, a CSV naming each conflicting
passage, and an HTML page that reflows on a phone (headless Chromium at 420 and 1400 px)."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck.cli import main
from claimcheck.models import Status
from claimcheck.report.build import Limits, ReportInput, build_report
from claimcheck.report.csvfmt import HEADER
from claimcheck.report.formats import render
from claimcheck.store import connect
from claimcheck.store.decisions import decide
from tests.report.cdp import Browser
from tests.report.test_browser import BINARY

FORMATS = ["html", "md", "json", "csv", "claimreview", "annotations", "prov"]


def limited(db: Path, limits: Limits) -> ReportInput:
    conn = connect(db)
    try:
        return build_report(conn, db, generated_at="2026-01-01T00:00:00+00:00", limits=limits)
    finally:
        conn.close()


def test_limits_keep_only_the_claims_asked_for(report_db: Path, report_input: ReportInput) -> None:
    every = report_input.report
    conflicted = {c.claim_id for c in every.conflicts}
    only = limited(report_db, Limits(conflicts_only=True)).report
    assert {c.id for c in only.claims} == conflicted and only.conflicts == every.conflicts
    confirmed = limited(report_db, Limits(statuses=("confirmed",))).report
    assert confirmed.claims and {c.status.value for c in confirmed.claims} == {"confirmed"}
    assert confirmed.summary.claims == len(confirmed.claims)
    path = every.claims[-1].document_path
    one = limited(report_db, Limits(documents=(path,))).report
    assert one.claims and {c.document_path for c in one.claims} == {path}
    assert one.scope.documents == [path]


@pytest.mark.parametrize("fmt", FORMATS)
def test_report_cli_limits_in_every_format(
    report_db: Path, report_input: ReportInput, fmt: str
) -> None:
    runner = CliRunner()
    document = report_input.report.claims[0].document_id
    args = ["--db", str(report_db), "report", "--format", fmt, "--conflicts-only"]
    full = runner.invoke(main, ["--db", str(report_db), "report", "--format", fmt])
    narrow = runner.invoke(main, [*args, "--document", document[:6], "--status", "unverified"])
    assert full.exit_code == 0 and narrow.exit_code == 0, narrow.stderr
    assert len(narrow.stdout) < len(full.stdout)
    unknown = runner.invoke(main, [*args, "--document", "no/such/file.md"])
    assert unknown.exit_code == 1 and "no document with id or path" in unknown.stderr


def test_json_scope_says_what_was_left_out(report_db: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(
        main, ["--db", str(report_db), "report", "--format", "json", "--status", "disputed"]
    )
    scope = json.loads(result.stdout)["scope"]
    assert scope["statuses"] == ["disputed"] and scope["conflicts_only"] is False


def test_conflict_tables_show_status_and_note_and_keep_updates_apart(
    report_db: Path, report_input: ReportInput, tmp_path: Path
) -> None:
    copy = tmp_path / "noted.db"
    with sqlite3.connect(report_db) as source, sqlite3.connect(copy) as target_db:
        source.backup(target_db)  # the WAL's pages too, unlike a file copy
    conn = connect(copy)
    target = report_input.report.conflicts[0].claim_id
    decide(conn, target, Status.disputed, "ana", note="other counts differ")
    conn.close()
    data = limited(copy, Limits())
    page = render(data, "html")
    report = data.report
    kinds = {c.kind for c in report.conflicts}
    assert "update" in kinds, kinds  # the fake model's fixture finds updates only
    conflicts = page.split('<section id="conflicts">')[1].split("</section>")[0]
    updates = page.split('<section id="updates">')[1].split("</section>")[0]
    assert '<tr class="update">' not in conflicts and '<tr class="conflict">' not in updates
    assert ">update</td>" in updates and ">update</td>" not in conflicts
    if kinds == {"update"}:
        assert "No other source contradicts a claim." in conflicts
    claims = {c.id: c for c in report.claims}
    for conflict in report.conflicts:
        section = updates if conflict.kind == "update" else conflicts
        claim = claims[conflict.claim_id]
        cell = section.split(f'href="#{conflict.claim_id}"')[0].rsplit("<td", 1)[1]
        assert f'class="badge {claim.status.value}"' in cell
    assert claims[target].status == Status.disputed
    assert "note: other counts differ" in page.split('<section id="claims">')[0]
    assert '<nav class="contents"' in page and 'href="#claims"' in page


def test_csv_names_each_conflicting_passage(report_input: ReportInput) -> None:
    rows = list(csv.reader(io.StringIO(render(report_input, "csv"))))
    assert rows[0] == HEADER
    by_id = {row[0]: dict(zip(HEADER, row, strict=True)) for row in rows[1:]}
    for conflict in report_input.report.conflicts:
        listed = by_id[conflict.claim_id]["conflict_passages"]
        named = f"{Path(conflict.evidence_document_path).name} [{conflict.evidence_span.start}–"
        assert named in listed and conflict.reason in listed
    for row in by_id.values():
        count = int(row["conflicts"])
        assert len(re.findall(r"\[\d+–\d+\]: ", row["conflict_passages"])) == count


LAYOUT = """(() => {
  const other = [...document.querySelectorAll('td.c-other')].map(td => td.getBoundingClientRect());
  return {
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
    narrowest: Math.min(...other.map(r => r.width)),
    claims: document.querySelector('nav.contents a[href="#claims"]') !== null,
  };
})()"""


@pytest.mark.parametrize(("width", "least"), [(420, 300), (1400, 300)])
def test_html_reads_on_a_phone_and_a_desktop(
    report_input: ReportInput, tmp_path: Path, width: int, least: int
) -> None:
    assert BINARY is not None, "Debian's chromium is not installed: run `make browser`"
    page = tmp_path / "report.html"
    page.write_text(render(report_input, "html"), encoding="utf-8")
    with Browser(BINARY) as browser:
        browser.open(page)
        shot = tmp_path / f"report-{width}.png"
        browser.screenshot(shot, width=width, height=900)  # sets the viewport, then captures
        layout = browser.evaluate(LAYOUT)
        assert shot.stat().st_size > 10_000
        browser.evaluate("document.querySelector('nav.contents a[href=\"#claims\"]').click()")
        top = browser.evaluate("document.getElementById('claims').getBoundingClientRect().top")
    assert layout["scroll"] <= layout["inner"], layout  # no horizontal scrolling
    assert layout["narrowest"] >= least, layout  # "other source says" gets room to read
    assert layout["claims"] and abs(top) < 5  # one tap from the top to the claim cards
