"""Every report format, validated: models, required fields, exact anchors, escaping, atomicity."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import stat
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from claimcheck.cli import main
from claimcheck.errors import ClaimcheckError
from claimcheck.report.build import ReportInput
from claimcheck.report.claimreview import said_on
from claimcheck.report.csvfmt import HEADER
from claimcheck.report.formats import FORMATS, render
from claimcheck.report.model import Report
from claimcheck.report.output import write_atomic
from claimcheck.report.provfmt import build_prov
from claimcheck.stance.rules import STANCE_VERSION
from claimcheck.store import connect
from tests.conftest import imported_by
from tests.report.conftest import GENERATED_AT, HOSTILE_NOTE

GOLDEN = Path(__file__).parent / "golden" / "report.md"
TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?\+00:00")


def texts_by_path(db: Path) -> dict[str, str]:
    conn = connect(db)
    try:
        return {r[0]: r[1] for r in conn.execute("SELECT path, text FROM documents")}
    finally:
        conn.close()


def test_json_is_the_report_model(report_input: ReportInput) -> None:
    data = json.loads(render(report_input, "json"))
    assert data["schema"] == "claimcheck.report/1" and data["generated_at"] == GENERATED_AT
    assert {"models", "documents", "claims", "conflicts", "summary"} <= set(data)
    report = Report.model_validate(data)
    statuses = [c.status.value for c in report.claims]
    assert report.summary.by_status == {s: statuses.count(s) for s in report.summary.by_status}
    assert report.summary.by_status["confirmed"] == 1 and len(statuses) > 10
    assert all(
        set(d) >= {"id", "path", "title", "sha256", "ingested_at"} for d in data["documents"]
    )
    assert report.models.embedding_models == ["fake-bow"]
    assert report.models.stance_models == [STANCE_VERSION]
    assert any(c.evidence for c in report.claims) and report.conflicts
    assert data["claims"][0].keys() >= {"id", "span", "status", "history", "evidence"}


def test_json_claims_and_conflicts_are_those_of_the_list_commands(
    report_db: Path, report_input: ReportInput
) -> None:
    data = json.loads(render(report_input, "json"))
    runner = CliRunner()
    claims = runner.invoke(main, ["--db", str(report_db), "claims", "--json"])
    conflicts = runner.invoke(main, ["--db", str(report_db), "conflicts", "--json"])
    assert data["claims"] == json.loads(claims.stdout)
    assert data["conflicts"] == json.loads(conflicts.stdout)


def test_csv_has_a_row_per_claim_and_neutralises_formulas(report_input: ReportInput) -> None:
    rows = list(csv.reader(io.StringIO(render(report_input, "csv"))))
    assert rows[0] == HEADER and len(rows) - 1 == len(report_input.report.claims)
    by_id = {row[0]: dict(zip(HEADER, row, strict=True)) for row in rows[1:]}
    confirmed = next(r for r in by_id.values() if r["status"] == "confirmed")
    assert confirmed["note"] == "Kirby said it" and "1,000" in confirmed["figures"]
    claim = report_input.report.claims[0]
    assert by_id[claim.id]["quote"] == claim.span.exact
    from claimcheck.report.csvfmt import cell

    assert cell("=HYPERLINK(1)") == "'=HYPERLINK(1)" and cell("plain") == "plain"


def test_claimreview_covers_decided_claims_with_the_required_fields(
    report_input: ReportInput,
) -> None:
    data = json.loads(render(report_input, "claimreview"))
    assert data["@context"] == "https://schema.org"
    reviews = data["@graph"]
    decided = [c for c in report_input.report.claims if c.history]
    assert len(reviews) == len(decided) == 3
    for review in reviews:
        assert review["@type"] == "ClaimReview"
        assert {"claimReviewed", "reviewRating", "itemReviewed", "author", "datePublished"} <= (
            set(review)
        )
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", review["datePublished"])
        rating = review["reviewRating"]
        assert rating["@type"] == "Rating"
        assert rating["bestRating"] == 3 and rating["worstRating"] == 1
        expected = {"confirmed": 3, "unverified": 2, "disputed": 1}[rating["alternateName"]]
        assert rating["ratingValue"] == expected
        item = review["itemReviewed"]
        assert item["@type"] == "Claim" and item["appearance"]["url"].startswith("file:///")
        assert len(item["appearance"]["sha256"]) == 64
    by_rating = {r["reviewRating"]["alternateName"]: r for r in reviews}
    assert set(by_rating) == {"confirmed", "disputed", "unverified"}
    assert by_rating["confirmed"]["author"]["name"] == "ana"
    assert by_rating["confirmed"]["reviewBody"] == "Kirby said it"
    pentagon = by_rating["unverified"]  # confirmed, then undone: reviewed, left unverified
    assert pentagon["itemReviewed"]["datePublished"] == "2024-10-28"  # "said on 28 October 2024"
    assert pentagon["itemReviewed"]["author"] == {"name": "Pentagon spokeswoman Sabrina Singh"}


def test_claimreview_dates_a_claim_by_when_it_was_said_not_what_it_is_about(
    report_input: ReportInput,
) -> None:
    claims = {c.text: c for c in report_input.report.claims}
    about = claims["Kirby said the deliveries took place between 7 September and 1 October 2023."]
    assert about.dates and said_on(about) is None
    said = next(c for c in claims.values() if c.text.startswith("White House National Security"))
    assert said_on(said) == "2023-10-13"


def _annotations(report_input: ReportInput) -> list[dict[str, Any]]:
    data = json.loads(render(report_input, "annotations"))
    assert data["type"] == "AnnotationCollection"
    assert data["@context"][0] == "http://www.w3.org/ns/anno.jsonld"
    page = data["first"]
    assert page["type"] == "AnnotationPage" and page["partOf"] == data["id"]
    items: list[dict[str, Any]] = page["items"]
    assert data["total"] == len(items)
    return items


def _specific_resources(annotation: dict[str, Any]) -> list[dict[str, Any]]:
    """The annotation's target and every body that is a SpecificResource (a quote elsewhere)."""
    bodies = annotation.get("body", [])
    bodies = bodies if isinstance(bodies, list) else [bodies]
    return [annotation["target"], *(b for b in bodies if b.get("type") == "SpecificResource")]


def test_every_annotation_selector_matches_the_document_text(
    report_input: ReportInput, report_db: Path
) -> None:
    texts = texts_by_path(report_db)
    items = _annotations(report_input)
    assert {a["motivation"] for a in items} == {"highlighting", "linking", "assessing"}
    checked = 0
    for annotation in items:
        assert annotation["id"].startswith("urn:claimcheck:") and annotation["type"] == "Annotation"
        for resource in _specific_resources(annotation):
            assert resource["type"] == "SpecificResource" and "source" in resource
            text = texts[Path(resource["source"]["id"].removeprefix("file://")).as_posix()]
            quote, position = resource["selector"]
            assert quote["type"] == "TextQuoteSelector"
            assert position["type"] == "TextPositionSelector"
            assert text[position["start"] : position["end"]] == quote["exact"]
            assert text[: position["start"]].endswith(quote["prefix"])
            assert text[position["end"] :].startswith(quote["suffix"])
            checked += 1
    linking = [a for a in items if a["motivation"] == "linking"]
    assert checked == len(items) + len(linking)  # a linking body quotes the claim it supports


def test_decisions_are_assessing_annotations_with_creator_and_time(
    report_input: ReportInput,
) -> None:
    assessing = [
        a
        for a in _annotations(report_input)
        if a["motivation"] == "assessing" and not a["eventKind"].startswith("grade-")
    ]
    assert len(assessing) == 6
    assert {a["creator"]["name"] for a in assessing} == {"ana", "bo", "eve"}
    assert all(a["creator"]["type"] == "Person" for a in assessing)
    assert all(TIMESTAMP.fullmatch(a["created"]) for a in assessing)
    notes = [a["body"]["value"] for a in assessing]
    assert "confirmed: Kirby said it" in notes and f"unverified: {HOSTILE_NOTE}" in notes


def test_prov_json_parses_back_and_provn_is_written(report_input: ReportInput) -> None:
    from prov.model import ProvDocument

    text = render(report_input, "prov")
    parsed = ProvDocument.deserialize(content=text, format="json")
    assert parsed == build_prov(report_input)
    kinds = {type(record).__name__ for record in parsed.get_records()}
    assert {"ProvEntity", "ProvActivity", "ProvAgent", "ProvGeneration", "ProvUsage"} <= kinds
    labels = {str(r.identifier) for r in parsed.get_records() if r.identifier}
    assert "cc:analyst-ana" in labels and "cc:model-fake-bow" in labels
    assert any(label.startswith("cc:check-") for label in labels)
    provn = render(report_input, "prov", "provn")
    assert provn.startswith("document") and "wasAttributedTo(cc:decision-" in provn


def _normalised(markdown: str) -> str:
    return TIMESTAMP.sub("<time>", markdown)


def _pinned(data: ReportInput) -> ReportInput:
    """The report with fixed package versions, so upgrading a library does not move the golden."""
    models = data.report.models.model_copy(update={"packages": {"prov": "2.x", "torch": "2.x"}})
    return ReportInput(data.report.model_copy(update={"models": models}), data.texts)


def test_markdown_matches_the_golden_file(report_input: ReportInput) -> None:
    got = _normalised(render(_pinned(report_input), "md"))
    if os.environ.get("CLAIMCHECK_UPDATE_GOLDEN") == "1":  # then review the diff before committing
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(got, encoding="utf-8")
    assert GOLDEN.exists(), f"{GOLDEN} is missing: rerun with CLAIMCHECK_UPDATE_GOLDEN=1"
    assert got == GOLDEN.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_hostile_source_text_and_notes_stay_inert(report_input: ReportInput, fmt: str) -> None:
    text = render(report_input, fmt)
    plain = text.replace("\\", "")  # Markdown escapes are backslashes
    assert "window.__pwned=1" in plain and "window.__pwned=3" in plain  # shown, as text
    for raw in ("<script>window", "<img src", "<img"):
        assert raw not in text, raw
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in plain
    assert 'href="javascript:' not in text
    if fmt == "md":
        assert not re.search(r"(?<!\\)\]\(", text.replace("](#", ""))  # no link but ours
        assert "\\[link\\](javascript:alert(1))" in text and "\\*\\*bold\\*\\*" in text
    if fmt == "html":
        assert text.count("<script>") == 1  # the report's own, allowed by hash in the CSP
        assert "script-src 'sha256-" in text and "default-src 'none'" in text
        assert 'onerror="' not in text


def test_report_cli_formats_exit_codes_and_atomic_output(report_db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    for fmt in FORMATS:
        result = runner.invoke(main, ["--db", str(report_db), "report", "--format", fmt])
        assert result.exit_code == 0 and result.stdout, fmt
    bad = runner.invoke(main, ["--db", str(report_db), "report", "--format", "pdf"])
    assert bad.exit_code == 2
    target = tmp_path / "report.html"
    target.write_text("previous report")
    ok = runner.invoke(
        main, ["--db", str(report_db), "report", "--format", "html", "-o", str(target)]
    )
    assert ok.exit_code == 0 and target.read_text().startswith("<!doctype html>")
    missing = tmp_path / "nowhere" / "report.md"
    failed = runner.invoke(
        main, ["--db", str(report_db), "report", "--format", "md", "-o", str(missing)]
    )
    assert failed.exit_code == 1 and failed.stderr.startswith("error:")
    assert len(failed.stderr.strip().splitlines()) == 1 and not missing.parent.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]  # no temp file left

    typo = tmp_path / "claimcheck.bd"
    refused = runner.invoke(main, ["--db", str(typo), "report", "--format", "md"])
    assert refused.exit_code == 1 and not typo.exists() and not refused.stdout
    assert (
        refused.stderr
        == f"error: {typo}: no such database (claimcheck --db {typo} ingest PATH...)\n"
    )


def test_a_failed_write_keeps_the_previous_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.md"
    target.write_text("previous report")

    def refuse(source: str, destination: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ClaimcheckError, match="No space left on device"):
        write_atomic(target, "new report")
    assert target.read_text() == "previous report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]


def test_a_written_report_has_ordinary_permissions(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        new = tmp_path / "new.html"
        write_atomic(new, "report")
        assert stat.S_IMODE(new.stat().st_mode) == 0o644  # not mkstemp's 0600
        kept = tmp_path / "kept.html"
        kept.write_text("old")
        kept.chmod(0o640)
        write_atomic(kept, "report")
        assert stat.S_IMODE(kept.stat().st_mode) == 0o640 and kept.read_text() == "report"
    finally:
        os.umask(umask)


def test_report_imports_no_model_library(report_db: Path) -> None:
    heavy = ("torch", "sentence_transformers", "faiss", "onnxruntime", "textual")
    _, imported = imported_by([["--db", str(report_db), "report", "--format", "html"]], heavy)
    assert imported == []


def test_the_note_is_in_the_report_escaped(report_input: ReportInput) -> None:
    html = render(report_input, "html")
    from html import escape

    assert escape(HOSTILE_NOTE) in html
