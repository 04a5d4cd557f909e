"""What the report says about the analysts' work, in every format: document roles, link
decisions, what a verdict rests on, dismissed claims (a count; listed on request), hand-made
claims and analysts who disagree."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from claimcheck.check import CheckConfig, check
from claimcheck.ingest import ingest_paths
from claimcheck.ingest.handmade import add_claim
from claimcheck.models import Scope, Status
from claimcheck.report.build import ReportInput, build_report
from claimcheck.report.formats import render
from claimcheck.store import connect
from claimcheck.store.decisions import decide, dismiss, link
from claimcheck.store.views import claim_views
from tests.conftest import EVIDENCE, SEED_EAF, SEEDS
from tests.fakes import BagOfWordsEmbedder


@dataclass(frozen=True)
class Case:
    """The database and the ids the tests look for."""

    db: Path
    confirmed: str
    accepted: int
    rejected: int
    dismissed: str
    hand_made: str
    disputed_twice: str


@pytest.fixture(scope="module")
def case(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Case]:
    db = tmp_path_factory.mktemp("review-report") / "case.db"
    conn = connect(db)
    ingest_paths(conn, [SEEDS])
    ingest_paths(conn, [EVIDENCE], role="reference")
    check(conn, db, CheckConfig(model="fake-bow"), make_embedder=BagOfWordsEmbedder)
    views = claim_views(conn, scope=Scope())
    target = next(v for v in views if len(v.evidence) >= 2)
    accepted, rejected = target.evidence[0].passage_id, target.evidence[1].passage_id
    link(conn, target.id, accepted, "supports", "ana", note="same figure")
    link(conn, target.id, rejected, "reject", "ana")
    decide(conn, target.id, Status.confirmed, "ana")
    dismissed = views[0].id if views[0].id != target.id else views[1].id
    dismiss(conn, dismissed, "ana", note="a byline")
    hand = add_claim(conn, str(SEED_EAF), "Pyongyang denies the claims.", "bo")
    decide(conn, hand.id, Status.disputed, "bo")
    twice = next(v.id for v in views if v.id not in (target.id, dismissed))
    decide(conn, twice, Status.confirmed, "ana")
    decide(conn, twice, Status.disputed, "bo")
    conn.close()
    yield Case(db, target.id, accepted, rejected, dismissed, hand.id, twice)


def report(
    case: Case, *, include_reference: bool = False, include_dismissed: bool = False
) -> ReportInput:
    conn = connect(case.db)
    try:
        scope = Scope(include_reference=include_reference, include_dismissed=include_dismissed)
        return build_report(conn, case.db, scope=scope)
    finally:
        conn.close()


def test_json_carries_roles_links_basis_dismissals_and_hand_made_claims(case: Case) -> None:
    data = json.loads(render(report(case), "json"))
    roles = {d["role"] for d in data["documents"]}
    assert roles == {"source", "reference"}
    claims = {c["id"]: c for c in data["claims"]}
    assert {c["role"] for c in claims.values()} == {"source"}
    assert case.dismissed not in claims and data["summary"]["dismissed"] == 1
    assert data["scope"] == {
        "include_reference": False,
        "include_dismissed": False,
        "documents": [],
        "statuses": [],
        "conflicts_only": False,
    }
    confirmed = claims[case.confirmed]
    evidence = {e["passage_id"]: e for e in confirmed["evidence"]}
    assert evidence[case.accepted]["analyst_stance"] == "supports"
    assert evidence[case.rejected]["link"] == "rejected"
    assert [b["passage_id"] for b in confirmed["basis"]] == [case.accepted]
    assert claims[case.hand_made]["hand_made"] and claims[case.hand_made]["created_by"] == "bo"
    assert data["summary"]["disagreements"] == [case.disputed_twice]
    assert data["summary"]["links"] == {"accepted": 1, "rejected": 1}
    assert data["summary"]["hand_made"] == 1 and data["summary"]["reference_documents"] == 10
    listed = json.loads(render(report(case, include_dismissed=True), "json"))
    assert next(c for c in listed["claims"] if c["id"] == case.dismissed)["dismissed"] is True
    wider = json.loads(render(report(case, include_reference=True), "json"))
    assert len(wider["claims"]) > len(data["claims"])


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_pages_show_the_review(case: Case, fmt: str) -> None:
    text = render(report(case), fmt)
    plain = text.replace("\\", "")
    data = report(case).report
    basis = next(c for c in data.claims if c.id == case.confirmed).basis[0]
    assert "Confirmed on the strength of" in plain
    quoted = basis.text if fmt == "md" else basis.text.replace("'", "&#x27;")
    assert quoted.split(",")[0] in plain
    assert "Dismissed as not a claim: 1" in plain and "hand-made" in plain
    assert "Analysts disagree on" in plain and case.disputed_twice in plain
    assert "rejected by ana" in plain and "supports" in plain
    assert "reference" in plain and "added by bo" in plain
    assert case.dismissed not in plain.replace(f"#{case.dismissed}", "")  # counted, not listed
    if fmt == "html":
        assert text.count("<script>") == 1


def test_csv_has_the_review_columns(case: Case) -> None:
    rows = list(csv.DictReader(io.StringIO(render(report(case), "csv"))))
    by_id = {r["id"]: r for r in rows}
    confirmed = by_id[case.confirmed]
    assert confirmed["role"] == "source" and confirmed["basis"] == str(case.accepted)
    assert confirmed["accepted_passages"] == str(case.accepted)
    assert confirmed["rejected_passages"] == str(case.rejected)
    assert by_id[case.hand_made]["hand_made"] == "yes"
    assert by_id[case.hand_made]["origin"] == "added by bo"
    assert by_id[case.disputed_twice]["analysts_disagree"] == "yes"
    assert by_id[case.disputed_twice]["verdicts"] == "ana: confirmed, bo: disputed"
    assert case.dismissed not in by_id
    listed = csv.DictReader(io.StringIO(render(report(case, include_dismissed=True), "csv")))
    assert {r["id"]: r for r in listed}[case.dismissed]["dismissed"] == "yes"


def test_claimreview_cites_the_basis_and_marks_hand_made_claims(case: Case) -> None:
    graph = json.loads(render(report(case), "claimreview"))["@graph"]
    reviews = {r["@id"].rsplit(":", 1)[-1]: r for r in graph}
    citation = reviews[case.confirmed]["citation"]
    assert citation[0]["@type"] == "Quotation" and citation[0]["isPartOf"]["url"].startswith(
        "file:///"
    )
    assert reviews[case.hand_made]["itemReviewed"]["keywords"] == ["hand-made"]
    assert reviews[case.hand_made]["itemReviewed"]["appearance"]["genre"] == "source under review"
    assert case.dismissed not in reviews


def _items(case: Case) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = json.loads(render(report(case), "annotations"))["first"]["items"]
    return items


def test_annotations_carry_link_decisions_and_hand_made_claims(case: Case) -> None:
    items = _items(case)
    linking = {a["id"]: a for a in items if a["motivation"] == "linking"}
    accepted = linking[f"urn:claimcheck:evidence:{case.confirmed}:{case.accepted}"]
    assert accepted["linkDecision"] == "accepted" and accepted["creator"]["name"] == "ana"
    assert accepted["body"][0]["value"] == "supports" and "suggestedStance" in accepted
    rejected = linking[f"urn:claimcheck:evidence:{case.confirmed}:{case.rejected}"]
    assert rejected["linkDecision"] == "rejected"
    claims = {a["id"]: a for a in items if a["motivation"] == "highlighting"}
    hand = claims[f"urn:claimcheck:claim:{case.hand_made}"]
    assert hand["handMade"] is True and hand["creator"]["name"] == "bo"
    kinds = {a["eventKind"] for a in items if a["motivation"] == "assessing"}
    assert {"status", "link"} <= kinds


def test_prov_records_roles_links_and_what_a_decision_rests_on(case: Case) -> None:
    from prov.model import ProvDocument

    text = render(report(case), "prov")
    parsed = ProvDocument.deserialize(content=text, format="json")
    data = json.loads(text)
    roles = {e.get("cc:role") for e in data["entity"].values() if "cc:path" in e}
    assert roles == {"source", "reference"}
    assert f"cc:passage-{case.accepted}" in data["entity"]
    derivations = [d for d in data["wasDerivedFrom"].values()
                   if d["prov:usedEntity"] == f"cc:passage-{case.accepted}"]  # fmt: skip
    assert any(d["prov:generatedEntity"].startswith("cc:decision-") for d in derivations)
    attributed = {a["prov:entity"] for a in data["wasAttributedTo"].values()}
    assert f"cc:claim-{case.hand_made}" in attributed
    assert parsed.get_records()
