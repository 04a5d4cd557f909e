"""The check pipeline on the demo corpus with the real packaged model: planted stances, conflicts,
incremental re-checks that load no model, and the evidence / conflicts / stance commands."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from claimcheck.check import CheckConfig, check
from claimcheck.cli import main
from claimcheck.embed import Embedder
from claimcheck.ingest import ingest_paths
from claimcheck.models import ClaimView, EvidenceView
from claimcheck.search.corpus_index import index_path
from claimcheck.stance.rules import STANCE_VERSION
from claimcheck.store import connect
from claimcheck.store.evidence import conflicts, conflicts_in
from claimcheck.store.views import claim_views
from tests.conftest import EVIDENCE, ROOT, SEEDS, imported_by
from tests.fakes import BagOfWordsEmbedder

PLANTED: list[dict[str, Any]] = json.loads((ROOT / "tests/data/planted.json").read_text("utf-8"))
EVIDENCE_KEYS = {
    "document_id",
    "document_path",
    "passage_id",
    "text",
    "span",
    "stance",
    "score",
    "reason",
    "kind",
}
CONFLICT_KEYS = {
    "claim_id",
    "claim_text",
    "claim_document_id",
    "evidence_document_id",
    "evidence_document_path",
    "evidence_text",
    "evidence_span",
    "kind",
    "reason",
    "score",
}


class NoModel(Embedder):
    """Fails the test if `check` tries to embed anything."""

    name, dim = "none", 384

    def encode(self, texts: Any, *, batch_size: int = 32) -> Any:
        raise AssertionError("the model was loaded on an unchanged corpus")


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Seeds and evidence ingested and checked once with the real all-MiniLM-L6-v2."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    conn = connect(path)
    assert not ingest_paths(conn, [SEEDS, EVIDENCE]).failed
    report = check(conn, path)
    assert report.model_loaded and report.claims_checked == report.claims_total > 100
    conn.close()
    yield path


@pytest.fixture
def demo(demo_db: Path) -> Iterator[sqlite3.Connection]:
    conn = connect(demo_db)
    yield conn
    conn.close()


def _claim(views: list[ClaimView], contains: str, document: str) -> ClaimView:
    found = [v for v in views if contains in v.text and v.document_path.endswith(document)]
    assert found, f"no claim containing {contains!r} in {document}"
    return found[0]


def _evidence(claim: ClaimView, contains: str, document: str) -> EvidenceView | None:
    return next(
        (e for e in claim.evidence if contains in e.text and e.document_path.endswith(document)),
        None,
    )


@pytest.mark.model
@pytest.mark.parametrize("planted", PLANTED, ids=[p["id"] for p in PLANTED])
def test_planted_pair_gets_the_expected_stance(
    demo: sqlite3.Connection, planted: dict[str, Any]
) -> None:
    claim = _claim(claim_views(demo), planted["claim_contains"], planted["claim_document"])
    found = _evidence(claim, planted["evidence_contains"], planted["evidence_document"])
    expected = planted["expected"]
    if expected == "unlinked":
        assert found is None or found.stance == "related", found and found.reason
        return
    assert found is not None, f"{planted['id']}: evidence not retrieved for {claim.text!r}"
    got = "update" if found.kind == "update" else found.stance
    assert got == expected, found.reason
    if expected == "contradicts":
        assert found.kind == planted["kind"], found.reason


@pytest.mark.model
def test_every_evidence_span_is_exact_and_from_another_document(demo: sqlite3.Connection) -> None:
    texts = {r["id"]: r["text"] for r in demo.execute("SELECT id, text FROM documents")}
    views = claim_views(demo)
    assert sum(len(v.evidence) for v in views) > 500
    for view in views:
        for e in view.evidence:
            assert texts[e.document_id][e.span.start : e.span.end] == e.span.exact == e.text
            assert e.document_path != view.document_path
            assert e.embedding_model == "all-MiniLM-L6-v2" and e.stance_model == STANCE_VERSION


@pytest.mark.model
def test_conflicts_show_both_sides_anchored_with_kind_and_reason(demo: sqlite3.Connection) -> None:
    found = conflicts(demo)
    kinds = {c.kind for c in found}
    assert {"figure", "date", "statement", "update"} <= kinds
    texts = {r["id"]: r["text"] for r in demo.execute("SELECT id, text FROM documents")}
    for c in found:
        assert texts[c.claim_document_id][c.claim_span.start : c.claim_span.end] == c.claim_text
        assert texts[c.evidence_document_id][c.evidence_span.start : c.evidence_span.end] == (
            c.evidence_text
        )
        assert c.reason.startswith(("figure:", "date:", "statement:", "update:"))
    # several sources stating the same differing figure share a group under the claim
    troops = [c for c in found if "grown to over 15,000" in c.claim_text]
    assert any(c.group == "figure: about 12,000 troops" for c in troops)


@pytest.mark.model
def test_conflicts_from_loaded_claim_views_are_the_conflicts_query(
    demo: sqlite3.Connection,
) -> None:
    rows = demo.execute("SELECT id FROM documents WHERE superseded_by IS NULL")
    current = {r["id"] for r in rows}
    found = conflicts(demo)
    assert len(found) > 20
    assert conflicts_in(claim_views(demo), current) == found


@pytest.mark.model
def test_unchanged_corpus_rechecks_nothing_and_loads_no_model(demo_db: Path) -> None:
    conn = connect(demo_db)
    before = conn.execute("SELECT count(*), max(created_at) FROM evidence").fetchone()
    report = check(conn, demo_db, make_embedder=NoModel)
    assert report.claims_checked == 0 and not report.model_loaded
    assert tuple(conn.execute("SELECT count(*), max(created_at) FROM evidence").fetchone()) == (
        tuple(before)
    )
    conn.close()
    stdout, imported = imported_by(
        [["--db", str(demo_db), "check"]], ("torch", "sentence_transformers")
    )
    assert "up to date" in stdout
    assert imported == []


def test_a_missing_index_is_rebuilt_from_stored_vectors_not_re_embedded(tmp_path: Path) -> None:
    path = tmp_path / "fake.db"
    conn = connect(path)
    ingest_paths(conn, [SEEDS, EVIDENCE])
    config = CheckConfig(model="fake-bow")
    first = check(conn, path, config, make_embedder=BagOfWordsEmbedder)
    assert first.passages_embedded > 300 and first.index_rebuilt
    index_path(path, "fake-bow").unlink()
    conn.execute("DELETE FROM claim_checks")  # force every claim to be checked again
    again = check(conn, path, config, make_embedder=NoModel)
    assert again.claims_checked == first.claims_checked and again.passages_embedded == 0
    assert again.index_rebuilt and not again.model_loaded


def test_an_edited_source_embeds_only_its_new_sentences(tmp_path: Path) -> None:
    source = tmp_path / "docs"
    source.mkdir()
    for name in ("e01_kirby_containers_2023.md", "e02_shin_containers_2024.md"):
        (source / name).write_bytes((EVIDENCE / name).read_bytes())
    path = tmp_path / "edit.db"
    conn = connect(path)
    ingest_paths(conn, [source])
    config = CheckConfig(model="fake-bow")
    check(conn, path, config, make_embedder=BagOfWordsEmbedder)
    edited = source / "e02_shin_containers_2024.md"
    edited.write_text(
        edited.read_text("utf-8") + "\nShin said on 1 March 2024 that 7,000 containers had gone.\n",
        "utf-8",
    )
    ingest_paths(conn, [source])
    embedder = BagOfWordsEmbedder()
    report = check(conn, path, config, make_embedder=lambda: embedder)
    assert report.passages_embedded == 1 and embedder.calls == 1
    assert report.claims_checked == report.claims_total


def test_stance_is_a_suggestion_that_never_changes_the_analyst_status(tmp_path: Path) -> None:
    path = tmp_path / "status.db"
    conn = connect(path)
    ingest_paths(conn, [SEEDS, EVIDENCE])
    claim_id = claim_views(conn)[0].id
    runner = CliRunner()
    marked = runner.invoke(main, ["--db", str(path), "mark", claim_id, "confirmed"])
    assert marked.exit_code == 0
    check(conn, path, CheckConfig(model="fake-bow"), make_embedder=BagOfWordsEmbedder)
    view = claim_views(conn, claim_ids=[claim_id])[0]
    assert view.status == "confirmed" and len(view.history) == 1


@pytest.mark.model
def test_cli_json_contracts_for_evidence_conflicts_and_claims(demo_db: Path) -> None:
    runner = CliRunner()
    claims = json.loads(runner.invoke(main, ["--db", str(demo_db), "claims", "--json"]).stdout)
    with_evidence = [c for c in claims if c["evidence"]]
    assert len(with_evidence) == len(claims)
    for e in with_evidence[0]["evidence"]:
        assert set(e) >= EVIDENCE_KEYS
        assert set(e["span"]) >= {"start", "end", "exact", "prefix", "suffix"}
    claim_id = with_evidence[0]["id"]
    shown = runner.invoke(main, ["--db", str(demo_db), "evidence", claim_id[:8], "--json"])
    assert shown.exit_code == 0
    assert json.loads(shown.stdout) == with_evidence[0]["evidence"]
    listed = runner.invoke(main, ["--db", str(demo_db), "conflicts", "--json"])
    rows = json.loads(listed.stdout)
    assert rows and all(set(row) >= CONFLICT_KEYS for row in rows)
    missing = runner.invoke(main, ["--db", str(demo_db), "evidence", "nope"])
    assert missing.exit_code == 1 and missing.stderr.startswith("error:")


def test_stance_command_reads_json_lines_and_writes_one_result_per_pair(tmp_path: Path) -> None:
    pairs = [
        {
            "claim": "North Korea has sent over 15,000 troops to Russia.",
            "passage": "The NIS said North Korea had sent about 11,000 troops to Russia.",
        },
        {
            "claim": "Pyongyang launched a satellite on 23 November 2023.",
            "passage": "Pyongyang launched its first reconnaissance satellite on 21 November 2023.",
        },
    ]
    stdin = "\n".join(json.dumps(p) for p in pairs) + "\n"
    result = CliRunner().invoke(main, ["stance", "--input", "-", "--lexical-only"], input=stdin)
    assert result.exit_code == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [set(line) >= {"label", "score", "reason"} for line in lines] == [True, True]
    assert lines[0]["label"] == "contradicts" and "over 15,000" in lines[0]["reason"]
    bad = CliRunner().invoke(main, ["stance", "--input", "-"], input='{"claim": 1}\n')
    assert bad.exit_code == 1 and bad.stderr.strip() == (
        'error: line 1: expected {"claim": "…", "passage": "…"}'
    )


@pytest.mark.model
def test_stance_command_with_the_real_model() -> None:
    pair = {
        "claim": "Pyongyang was able to launch a satellite for the first time on 23 November 2023.",
        "passage": "North Korea launched its Malligyong-1 satellite on 21 November 2023.",
    }
    result = CliRunner().invoke(main, ["stance", "--input", "-"], input=json.dumps(pair) + "\n")
    assert result.exit_code == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["label"] == "contradicts" and out["reason"].startswith("date: 23 Nov 2023 vs 21")
