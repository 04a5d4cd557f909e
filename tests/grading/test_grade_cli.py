"""`claimcheck grade`: reliability per outlet and credibility per claim as append-only events,
kept across re-ingest and re-check, shown by `show`, filtered by `claims`."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck.check import CheckConfig, check
from claimcheck.cli import main
from claimcheck.store import connect
from tests.fakes import BagOfWordsEmbedder

FLOOD = (
    "Harwood flood update\n\n"
    "The county said on 4 March 2024 that 17 roads remained closed after the flood.\n"
)
RIVAL = (
    "Harwood roads\n\n"
    "The state said on 4 March 2024 that 12 roads remained closed after the flood.\n"
)


def run_ok(db: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["--db", str(db), *args])
    assert result.exit_code == 0, result.stderr
    return result.stdout


def _fails(db: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["--db", str(db), *args])
    assert result.exit_code == 1, result.stdout
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
    return result.stderr


@pytest.fixture
def corpus(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A database with two articles, one of them published by 'The Valley Courier'."""
    db, flood, rival = tmp_path / "db.sqlite", tmp_path / "flood.txt", tmp_path / "rival.txt"
    flood.write_text(FLOOD, encoding="utf-8")
    rival.write_text(RIVAL, encoding="utf-8")
    run_ok(db, "ingest", str(flood), str(rival))
    run_ok(db, "source", str(flood), "--publisher", "The Valley Courier")
    return db, flood, rival


def _claim(db: Path, path: Path) -> dict[str, object]:
    found = json.loads(run_ok(db, "claims", "--document", str(path), "--json"))
    assert len(found) == 1
    claim: dict[str, object] = found[0]
    return claim


def test_grades_are_events_with_who_when_old_and_new(corpus: tuple[Path, Path, Path]) -> None:
    db, flood, rival = corpus
    said = run_ok(db, "grade", "source", "the valley  courier", "b", "--analyst", "ana")
    assert said.strip() == (
        "#1 reliability of publisher 'The Valley Courier': not graded → B (usually reliable) by ana"
    )
    # a document with a publisher stands for it; the same grade again records nothing
    again = run_ok(db, "grade", "source", str(flood), "B", "--analyst", "bo")
    assert again.startswith("no change")
    run_ok(db, "grade", "source", str(flood), "C", "--analyst", "bo")
    # a document without a publisher is graded by itself
    out = json.loads(run_ok(db, "grade", "source", str(rival), "E", "--json", "--analyst", "bo"))
    assert (out["subject_kind"], out["subject"], out["recorded"]) == ("document", str(rival), True)
    claim_id = str(_claim(db, flood)["id"])
    run_ok(db, "grade", "claim", claim_id[:6], "2", "--analyst", "ana")
    cleared = json.loads(run_ok(db, "grade", "claim", claim_id, "--clear", "--json"))
    assert cleared["event"]["from_grade"] == "2" and cleared["event"]["to_grade"] is None
    run_ok(db, "grade", "claim", claim_id, "3", "--analyst", "ana")
    grade = _claim(db, flood)["grade"]
    assert isinstance(grade, dict)
    assert (grade["reliability"], grade["reliability_by"]) == ("C", "bo")
    assert (grade["credibility"], grade["credibility_by"]) == (3, "ana")
    assert grade["source"] == "The Valley Courier" and grade["source_kind"] == "publisher"
    assert grade["suggested_credibility"] == 6  # never checked
    steps = [(g["axis"], g["from_grade"], g["to_grade"], g["analyst"]) for g in grade["history"]]
    assert steps == [
        ("reliability", None, "B", "ana"), ("reliability", "B", "C", "bo"),
        ("credibility", None, "2", "ana"), ("credibility", "2", None, steps[3][3]),
        ("credibility", None, "3", "ana"),
    ]  # fmt: skip
    assert all(g["at"] for g in grade["history"])
    detail = run_ok(db, "show", claim_id)
    assert "grade      C3   source C (fairly reliable) by bo" in detail
    assert "claim 3 (possibly true) by ana" in detail
    assert "suggested  6 (cannot be judged: not checked yet)" in detail
    assert "bo: reliability of publisher The Valley Courier: B → C" in detail


def test_grade_rows_are_append_only(corpus: tuple[Path, Path, Path]) -> None:
    db, flood, _ = corpus
    run_ok(db, "grade", "source", str(flood), "A")
    conn = connect(db)
    try:
        for sql in ("UPDATE grades SET to_grade = 'F'", "DELETE FROM grades"):
            with pytest.raises(sqlite3.IntegrityError, match="append-only"):
                conn.execute(sql)
    finally:
        conn.close()


def test_bad_input_is_one_line_and_records_nothing(corpus: tuple[Path, Path, Path]) -> None:
    db, flood, _ = corpus
    claim_id = str(_claim(db, flood)["id"])
    assert "not one of A B C D E F" in _fails(db, "grade", "source", str(flood), "G")
    assert "not one of 1 2 3 4 5 6" in _fails(db, "grade", "claim", claim_id, "7")
    assert "not one of 1 2 3 4 5 6" in _fails(db, "grade", "claim", claim_id, "B")
    assert "no document or publisher named 'Nobody'" in _fails(db, "grade", "source", "Nobody", "A")
    assert "no claim with id" in _fails(db, "grade", "claim", "nope", "1")
    assert "give the GRADE, or --clear" in _fails(db, "grade", "claim", claim_id)
    assert "give the GRADE, or --clear" in _fails(db, "grade", "claim", claim_id, "1", "--clear")
    assert _claim(db, flood)["grade"] == {**_claim(db, flood)["grade"], "history": []}  # type: ignore[dict-item]


def test_claims_filter_by_either_axis(corpus: tuple[Path, Path, Path]) -> None:
    db, flood, rival = corpus
    run_ok(db, "grade", "source", "The Valley Courier", "A")
    run_ok(db, "grade", "claim", str(_claim(db, rival)["id"]), "5")

    def listed(*options: str) -> list[str]:
        return [c["document_path"] for c in json.loads(run_ok(db, "claims", "--json", *options))]

    assert listed("--reliability", "a") == [str(flood)]
    assert listed("--reliability", "none") == [str(rival)]
    assert listed("--reliability", "A", "--reliability", "none") == [str(flood), str(rival)]
    assert listed("--credibility", "5") == [str(rival)]
    assert listed("--credibility", "none") == [str(flood)]
    assert listed("--reliability", "A", "--credibility", "5") == []
    assert "1 claims" in run_ok(db, "claims", "--credibility", "5")


def test_grades_survive_reingest_and_recheck_and_suggestion_counts_sources(
    corpus: tuple[Path, Path, Path],
) -> None:
    db, flood, rival = corpus
    claim_id = str(_claim(db, flood)["id"])
    run_ok(db, "grade", "source", str(flood), "B", "--analyst", "ana")
    run_ok(db, "grade", "source", str(rival), "D", "--analyst", "ana")
    run_ok(db, "grade", "claim", claim_id, "2", "--analyst", "ana")
    conn = connect(db)
    try:
        check(conn, db, CheckConfig(model="fake-bow"), make_embedder=BagOfWordsEmbedder)
        flood.write_text(FLOOD + "\nA bridge reopened on 6 March 2024, officials said.\n")
        run_ok(db, "ingest", str(flood), str(rival))
        check(conn, db, CheckConfig(model="fake-bow"), make_embedder=BagOfWordsEmbedder)
    finally:
        conn.close()
    claims = json.loads(run_ok(db, "claims", "--json"))
    kept = next(c for c in claims if c["id"] == claim_id)
    assert kept["document_version"] == 2
    assert (kept["grade"]["reliability"], kept["grade"]["credibility"]) == ("B", 2)
    other = next(c for c in claims if c["document_path"] == str(rival))
    assert other["grade"]["reliability"] == "D"
    # the rival's 12 roads contradict the Courier's 17: one independent source against
    assert kept["grade"]["contradicting_sources"] == ["rival.txt"]
    assert kept["grade"]["suggested_credibility"] == 4
    assert len(kept["grade"]["history"]) == 2
