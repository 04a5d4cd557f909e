"""The analyst's commands: roles, link reviews, dismissals, claims by hand, undo and redo, and
the listings that default to the sources under review."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from claimcheck.check import CheckConfig, check
from claimcheck.cli import main
from claimcheck.store import connect
from tests.conftest import EVIDENCE, SEED_EAF, SEEDS
from tests.fakes import BagOfWordsEmbedder


def run(db: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--db", str(db), *args])


def data(result: Result) -> Any:
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture
def case(tmp_path: Path) -> Path:
    """The seeds under review, the evidence folder as reference material, checked."""
    db = tmp_path / "case.db"
    assert run(db, "ingest", str(SEEDS)).exit_code == 0
    ingested = data(run(db, "ingest", "--role", "reference", str(EVIDENCE), "--json"))
    assert {f["role"] for f in ingested} == {"reference"}
    conn = connect(db)
    check(conn, db, CheckConfig(model="fake-bow"), make_embedder=BagOfWordsEmbedder)
    conn.close()
    return db


def test_listings_default_to_the_sources_under_review(case: Path) -> None:
    sources = data(run(case, "claims", "--json"))
    everything = data(run(case, "claims", "--include-reference", "--json"))
    assert {c["role"] for c in sources} == {"source"} and len(sources) < len(everything)
    assert all(str(SEEDS) in c["document_path"] for c in sources)
    summary = data(run(case, "summary", "--json"))
    assert summary["claims"] == len(sources) and summary["reference_claims"] > 0
    assert summary["include_reference"] is False and summary["documents"] == 2
    wider = data(run(case, "summary", "--include-reference", "--json"))
    assert wider["claims"] == len(everything)
    assert {c["claim_id"] for c in data(run(case, "conflicts", "--json"))} <= {
        c["id"] for c in sources
    }
    docs = data(run(case, "documents", "--json"))
    assert sorted({d["role"] for d in docs}) == ["reference", "source"]
    assert "reference: 10 documents" in run(case, "summary").stdout


def test_role_moves_a_document_between_sources_and_reference(case: Path) -> None:
    path = str(SEED_EAF)
    moved = run(case, "role", path, "reference", "--analyst", "ana")
    assert moved.exit_code == 0 and moved.stdout.strip().endswith("source → reference")
    assert "already reference" in run(case, "role", path, "reference").stdout
    listed = {c["document_path"] for c in data(run(case, "claims", "--json"))}
    assert path not in listed
    bad = run(case, "role", "/no/such.txt", "source")
    assert bad.exit_code == 1 and bad.stderr.startswith("error: no document")


def test_link_review_from_the_command_line(case: Path) -> None:
    claim = next(c for c in data(run(case, "claims", "--json")) if len(c["evidence"]) >= 2)
    first, second = (e["passage_id"] for e in claim["evidence"][:2])
    accepted = data(run(case, "link", claim["id"], str(first), "accept", "--note", "NIS", "--json"))
    assert accepted["recorded"] and accepted["event"]["kind"] == "link"
    assert accepted["event"]["link"] == "accept" and accepted["event"]["link_note"] == "NIS"
    run(case, "link", claim["id"], str(second), "contradicts", "--analyst", "bo")
    same = data(run(case, "link", claim["id"], str(second), "contradicts", "--analyst", "bo",
                    "--json"))  # fmt: skip
    assert same == {
        "claim_id": claim["id"],
        "recorded": False,
        "event": None,
        "change": None,
        "message": f"no change on {claim['id']}: nothing recorded",
    }
    evidence = {e["passage_id"]: e for e in data(run(case, "evidence", claim["id"], "--json"))}
    assert evidence[first]["link"] == "accepted" and evidence[first]["link_note"] == "NIS"
    assert evidence[second]["stance"] == "contradicts" and evidence[second]["link_analyst"] == "bo"
    assert "suggested_stance" in evidence[second]
    marked = data(run(case, "mark", claim["id"], "confirmed", "--json"))
    assert sorted(marked["event"]["basis"]) == sorted([first, second])
    shown = run(case, "show", claim["id"]).stdout
    assert "Confirmed on the strength of:" in shown and f"[{first}]" in shown
    table = run(case, "evidence", claim["id"]).stdout
    assert "accepted by" in table and "contradicts" in table
    missing = run(case, "link", claim["id"], "999999", "reject")
    assert missing.exit_code == 1 and missing.stderr == "error: no passage with id 999999\n"


def test_dismiss_restore_undo_redo(case: Path) -> None:
    claim = data(run(case, "claims", "--json"))[0]["id"]
    dismissed = data(run(case, "dismiss", claim, "--note", "a byline", "--json"))
    assert dismissed["event"]["kind"] == "dismiss" and dismissed["event"]["dismissed"]
    assert claim not in {c["id"] for c in data(run(case, "claims", "--json"))}
    hidden = data(run(case, "claims", "--include-dismissed", "--json"))
    assert next(c for c in hidden if c["id"] == claim)["dismissed"] is True
    assert data(run(case, "summary", "--json"))["dismissed"] == 1
    undone = run(case, "undo", claim)
    assert undone.exit_code == 0 and "restored (no longer dismissed)" in undone.stdout
    redone = run(case, "redo", claim)
    assert "redoes" in redone.stdout and "dismissed" in redone.stdout
    assert "restored" in run(case, "restore", claim).stdout
    assert "no change" in run(case, "restore", claim).stdout
    nothing = run(case, "redo", claim)
    assert nothing.exit_code == 1 and nothing.stderr.startswith("error: nothing of")


def test_notes_and_analysts(case: Path) -> None:
    claim = data(run(case, "claims", "--json"))[0]["id"]
    run(case, "mark", claim, "confirmed", "--analyst", "ana")
    run(case, "note", claim, "Checked against KCNA", "--analyst", "ana")
    run(case, "mark", claim, "disputed", "--analyst", "bo")
    shown = data(run(case, "show", claim, "--json"))
    assert shown["note"] is None and shown["disagreement"] is True
    assert shown["verdicts"] == {"ana": "confirmed", "bo": "disputed"}
    assert [c["id"] for c in data(run(case, "claims", "--analyst", "bo", "--json"))] == [claim]
    assert [c["id"] for c in data(run(case, "claims", "--disagreements", "--json"))] == [claim]
    assert "bo's verdict" in run(case, "claims", "--analyst", "bo").stdout
    assert data(run(case, "summary", "--json"))["disagreements"] == [claim]
    assert run(case, "note", claim).exit_code == 1
    assert data(run(case, "note", claim, "--clear", "--json"))["recorded"] is False


def test_claims_by_hand_from_the_command_line(case: Path) -> None:
    path = str(SEED_EAF)
    added = data(run(case, "claim", "add", path, "--quote", "Pyongyang denies the claims.",
                     "--json"))  # fmt: skip
    (claim_id,) = added["claims"]
    shown = data(run(case, "show", claim_id, "--json"))
    assert (
        shown["hand_made"]
        and shown["origin"] == "added"
        and shown["span"]["exact"] == ("Pyongyang denies the claims.")
    )
    edited = run(case, "claim", "edit", claim_id, "--quote", "Pyongyang denies")
    assert edited.exit_code == 0 and "→" in edited.stdout
    compound = next(
        c["id"]
        for c in data(run(case, "claims", "--json"))
        if c["text"].startswith("While the United States")
    )
    split = run(case, "claim", "split", compound, "--quote", "the United States accuses",
                "--quote", "denies the claims")  # fmt: skip
    assert split.exit_code == 0 and "dismissed" in split.stdout
    ambiguous = run(case, "claim", "add", path, "--quote", "North Korea")
    assert ambiguous.exit_code == 1 and "pass --occurrence" in ambiguous.stderr
    assert len(ambiguous.stderr.strip().splitlines()) == 1
