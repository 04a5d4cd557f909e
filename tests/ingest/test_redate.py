"""A publication date corrected with `claimcheck source --published` is the document time from
then on: shown, read into the current version's dates and frames, and used by the next check."""

from __future__ import annotations

import json
from pathlib import Path

from claimcheck.check import CheckConfig, check
from claimcheck.store import connect
from tests.fakes import BagOfWordsEmbedder
from tests.grading.test_grade_cli import run_ok

UNDATED = (
    "Harwood update\n\nThe county said on Thursday that 17 roads remained closed after the flood.\n"
)
DATED = (
    "Harwood roads\n\nOn 7 March 2024 the state said that 12 roads remained closed after the "
    "flood.\n"
)


def _checked(db: Path) -> int:
    conn = connect(db)
    try:
        return check(
            conn, db, CheckConfig(model="fake-bow"), make_embedder=BagOfWordsEmbedder
        ).claims_checked
    finally:
        conn.close()


def test_a_corrected_date_redates_the_version_and_the_next_check_uses_it(tmp_path: Path) -> None:
    db, undated, dated = tmp_path / "db.sqlite", tmp_path / "a.txt", tmp_path / "b.txt"
    undated.write_text(UNDATED, encoding="utf-8")
    dated.write_text(DATED, encoding="utf-8")
    run_ok(db, "ingest", str(undated), str(dated))
    assert _checked(db) == 2 and _checked(db) == 0  # nothing changed: nothing checked again
    claim = json.loads(run_ok(db, "claims", "--document", str(undated), "--json"))[0]
    assert claim["dates"][0]["value"] is None  # "Thursday" of an undated article
    assert claim["evidence"][0]["reason"] == "figure: 17 roads (undated) vs 12 roads (7 Mar 2024)"
    run_ok(db, "grade", "claim", claim["id"], "3")
    run_ok(db, "source", str(undated), "--published", "2024-03-08", "--analyst", "ana")
    claim = json.loads(run_ok(db, "claims", "--document", str(undated), "--json"))[0]
    assert claim["document_published"] == "2024-03-08"
    assert (claim["dates"][0]["value"], claim["dates"][0]["precision"]) == ("2024-03-07", "day")
    as_of = claim["frames"]["figures"][0]["as_of"]
    assert (as_of["earliest"], as_of["source"]) == ("2024-03-07", "spoken")
    assert "published  2024-03-08" in run_ok(db, "show", claim["id"])
    assert _checked(db) == 2  # every claim is judged again against the corrected time
    after = json.loads(run_ok(db, "claims", "--document", str(undated), "--json"))[0]
    assert (
        after["evidence"][0]["reason"] == "figure: 17 roads (7 Mar 2024) vs 12 roads (7 Mar 2024)"
    )
    assert after["grade"]["credibility"] == 3  # the analyst's grade is kept
    conn = connect(db)
    try:
        (passage_dates,) = conn.execute(
            "SELECT dates FROM passages p JOIN documents d ON d.id = p.document_id "
            "WHERE d.path = ? AND p.text LIKE '%Thursday%'",
            (str(undated),),
        ).fetchone()
    finally:
        conn.close()
    assert json.loads(passage_dates)[0]["value"] == "2024-03-07"
    # the same date again records an event but re-reads nothing and checks nothing again
    run_ok(db, "source", str(undated), "--publisher", "Harwood County")
    assert _checked(db) == 0
