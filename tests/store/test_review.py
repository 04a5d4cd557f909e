"""The review log: undo that cannot lie, notes that stay with their analyst, link decisions that
survive `check`, roles, several analysts, and older databases read under the new rules."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from claimcheck.check import CheckConfig, check
from claimcheck.errors import ClaimcheckError, NotFoundError
from claimcheck.ingest import ingest_paths
from claimcheck.models import Scope, Status
from claimcheck.store import connect, migrations
from claimcheck.store.decisions import current_state, decide, dismiss, history, link, redo, undo
from claimcheck.store.evidence import conflicts, conflicts_in
from claimcheck.store.listing import claim_rows
from claimcheck.store.summary import summarize
from claimcheck.store.views import claim_view, claim_views
from tests.conftest import EVIDENCE, SEEDS
from tests.fakes import BagOfWordsEmbedder


def first_claim(conn: sqlite3.Connection) -> str:
    return str(conn.execute("SELECT id FROM claims ORDER BY id LIMIT 1").fetchone()[0])


def test_undo_walks_back_through_your_decisions_and_redo_says_so(
    seeded: sqlite3.Connection,
) -> None:
    claim = first_claim(seeded)
    disputed = decide(seeded, claim, Status.disputed, "ana").entry
    noted = decide(seeded, claim, None, "ana", note="Kirby said 'more than 1,000'").entry
    assert disputed is not None and noted is not None
    first = undo(seeded, claim, "ana")
    assert first.reverted is not None and first.reverted.id == noted.id
    assert "note “Kirby said 'more than 1,000'” removed" in first.message
    assert current_state(seeded, claim) == (Status.disputed, None)
    second = undo(seeded, claim, "ana")  # the dispute, not a redo of the note
    assert second.reverted is not None and second.reverted.id == disputed.id
    assert f"undoes #{disputed.id} (mark disputed by ana)" in second.message
    assert "status disputed → unverified" in second.message
    assert current_state(seeded, claim) == (Status.unverified, None)
    with pytest.raises(ClaimcheckError, match="no decision of ana's to undo"):
        undo(seeded, claim, "ana")
    again = redo(seeded, claim, "ana")
    assert again.entry is not None and again.entry.kind == "redo"
    assert f"redoes #{disputed.id}" in again.message and "unverified → disputed" in again.message
    redo(seeded, claim, "ana")
    assert current_state(seeded, claim) == (Status.disputed, "Kirby said 'more than 1,000'")
    with pytest.raises(ClaimcheckError, match="nothing of ana's to redo"):
        redo(seeded, claim, "ana")
    kinds = [h.kind for h in history(seeded, [claim])[claim]]
    assert kinds == ["status", "note", "undo", "undo", "redo", "redo"]


def test_undo_only_reverts_your_own_decisions(seeded: sqlite3.Connection) -> None:
    claim = first_claim(seeded)
    decide(seeded, claim, Status.confirmed, "ana")
    decide(seeded, claim, Status.disputed, "bo")
    outcome = undo(seeded, claim, "ana")  # ana's confirmation, though bo's decision is newer
    assert outcome.reverted is not None and outcome.reverted.analyst == "ana"
    assert current_state(seeded, claim)[0] == Status.disputed
    assert "ana's verdict confirmed → none" in outcome.message
    with pytest.raises(ClaimcheckError):
        undo(seeded, claim, "carl")


def test_a_decision_that_changes_nothing_is_not_recorded(seeded: sqlite3.Connection) -> None:
    claim = first_claim(seeded)
    assert decide(seeded, claim, Status.unverified, "ana").entry is None
    decide(seeded, claim, None, "ana", note="check KCNA")
    assert decide(seeded, claim, None, "ana", note="check KCNA").entry is None
    decide(seeded, claim, Status.confirmed, "ana")
    assert decide(seeded, claim, Status.confirmed, "ana").entry is None
    dismiss(seeded, claim, "ana")
    assert dismiss(seeded, claim, "bo").entry is None
    assert len(history(seeded, [claim])[claim]) == 3


def test_a_status_change_keeps_only_your_own_note(seeded: sqlite3.Connection) -> None:
    claim = first_claim(seeded)
    decide(seeded, claim, Status.disputed, "ana", note="NIS said 12,000")
    decide(seeded, claim, Status.disputed, "ana")  # nothing changes: the note is ana's own
    decide(seeded, claim, Status.confirmed, "bo")
    assert current_state(seeded, claim) == (Status.confirmed, None)
    notes = [h.note for h in history(seeded, [claim])[claim]]
    assert notes == ["NIS said 12,000", None]  # the note stays in the audit trail
    undo(seeded, claim, "bo")
    assert current_state(seeded, claim) == (Status.disputed, "NIS said 12,000")


def test_links_are_reviewed_apart_from_the_evidence_check_replaces(tmp_path: Path) -> None:
    db = tmp_path / "links.db"
    conn = connect(db)
    ingest_paths(conn, [SEEDS])
    ingest_paths(conn, [EVIDENCE], role="reference")
    check(conn, db, CheckConfig(model="fake-bow"), make_embedder=BagOfWordsEmbedder)
    claim = next(v for v in claim_views(conn) if len(v.evidence) >= 3)
    kept, rejected, overridden = claim.evidence[:3]
    link(conn, claim.id, kept.passage_id, "accept", "ana", note="the NIS figure")
    link(conn, claim.id, rejected.passage_id, "reject", "ana")
    link(conn, claim.id, overridden.passage_id, "contradicts", "bo")
    confirmed = decide(conn, claim.id, Status.confirmed, "ana").entry
    assert confirmed is not None
    assert set(confirmed.basis) == {kept.passage_id, overridden.passage_id}
    check(conn, db, CheckConfig(model="fake-bow", k=1), make_embedder=BagOfWordsEmbedder)
    view = claim_view(conn, claim.id)
    by_passage = {e.passage_id: e for e in view.evidence}
    assert by_passage[kept.passage_id].link == "accepted"
    assert by_passage[kept.passage_id].link_note == "the NIS figure"
    assert by_passage[overridden.passage_id].stance == "contradicts"
    assert by_passage[overridden.passage_id].analyst_stance == "contradicts"
    assert rejected.passage_id not in by_passage or by_passage[rejected.passage_id].link == (
        "rejected"
    )
    check(conn, db, CheckConfig(model="fake-bow", k=8), make_embedder=BagOfWordsEmbedder)
    again = {e.passage_id: e for e in claim_view(conn, claim.id).evidence}
    assert again[rejected.passage_id].link == "rejected"  # found again, still rejected
    assert again[overridden.passage_id].suggested_stance == overridden.suggested_stance
    assert [b.passage_id for b in claim_view(conn, claim.id).basis] == sorted(
        {kept.passage_id, overridden.passage_id}
    )
    found = conflicts(conn, Scope.everything())
    mine = [c for c in found if c.claim_id == claim.id]
    assert [c.reason.split(" says")[0] for c in mine if "says it contradicts" in c.reason] == ["bo"]
    current = {d for (d,) in conn.execute("SELECT id FROM documents")}
    assert conflicts_in(claim_views(conn), current) == found
    row = next(r for r in claim_rows(conn) if r.id == claim.id)
    assert row.contradicts >= 1 and row.has_conflict
    conn.close()


def test_a_link_needs_a_real_passage(seeded: sqlite3.Connection) -> None:
    with pytest.raises(NotFoundError, match="no passage"):
        link(seeded, first_claim(seeded), 999_999, "accept", "ana")


def test_analysts_who_disagree_are_flagged_everywhere(seeded: sqlite3.Connection) -> None:
    claim = first_claim(seeded)
    decide(seeded, claim, Status.confirmed, "ana")
    decide(seeded, claim, Status.disputed, "bo")
    assert claim_view(seeded, claim).verdicts == {
        "ana": Status.confirmed,
        "bo": Status.disputed,
    }
    assert claim_view(seeded, claim).disagreement
    assert next(r for r in claim_rows(seeded) if r.id == claim).disagreement
    assert summarize(seeded).disagreements == [claim]
    assert [v.id for v in claim_views(seeded, scope=Scope(analyst="bo"))] == [claim]
    decide(seeded, claim, Status.unverified, "bo")  # bo withdraws: no disagreement left
    assert not claim_view(seeded, claim).disagreement and summarize(seeded).disagreements == []


def test_roles_scope_every_listing(tmp_path: Path) -> None:
    conn = connect(tmp_path / "roles.db")
    ingest_paths(conn, [SEEDS])
    ingest_paths(conn, [EVIDENCE], role="reference")
    everything = claim_views(conn)
    sources = claim_views(conn, scope=Scope())
    assert 0 < len(sources) < len(everything)
    assert {v.role for v in sources} == {"source"}
    summary = summarize(conn)
    assert summary.claims == len(sources) and summary.reference_documents == 10
    source_ids = {v.id for v in sources}
    assert summary.top_claims and all(c.id in source_ids for c in summary.top_claims)
    assert {d.path.split("/")[-2] for d in summary.by_document} == {"seeds"}
    ingest_paths(conn, [EVIDENCE])  # unchanged files keep their role without --role
    assert len(claim_views(conn, scope=Scope())) == len(sources)
    dismissed = sources[0].id
    dismiss(conn, dismissed, "ana")
    assert dismissed not in {v.id for v in claim_views(conn, scope=Scope())}
    assert dismissed in {v.id for v in claim_views(conn, scope=Scope(include_dismissed=True))}
    assert summarize(conn).dismissed == 1
    conn.close()


def test_an_older_database_is_read_under_the_new_rules(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = [m for m in migrations.MIGRATIONS if m[0] < "m007"]
    monkeypatch.setattr(migrations, "MIGRATIONS", before)
    conn = connect(db_path)
    conn.execute(  # as claimcheck wrote them before m007: no role, no origin
        "INSERT INTO documents (id, path, title, sha256, ingested_at, format, text, version) "
        "VALUES ('d1', '/a.txt', 'A', 'x', 't0', 'txt', 'KCNA said 2,000 troops returned.', 1)"
    )
    conn.execute(
        "INSERT INTO claims (id, document_id, span_start, span_end, exact, sha256, text, "
        "checkworthiness) VALUES ('c1', 'd1', 0, 32, 'KCNA said 2,000 troops returned.', 'x', "
        "'KCNA said 2,000 troops returned.', 0.5)"
    )
    claim = "c1"
    legacy = (
        "INSERT INTO decisions (claim_id, at, analyst, from_status, to_status, note, reverts) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)"
    )
    conn.execute(legacy, (claim, "t1", "ana", "unverified", "confirmed", None, None))
    conn.execute(legacy, (claim, "t2", "bo", "confirmed", "disputed", None, None))
    conn.execute(legacy, (claim, "t3", "bo", "disputed", "disputed", "see NIS", None))
    conn.execute(legacy, (claim, "t4", "bo", "disputed", "disputed", None, 3))
    monkeypatch.undo()
    assert "m007_review" in migrations.ensure_migrated(conn)
    kinds = [h.kind for h in history(conn, [claim])[claim]]
    assert kinds == ["status", "status", "note", "undo"]
    view = claim_view(conn, claim)
    assert view.verdicts == {"ana": Status.confirmed, "bo": Status.disputed}
    assert view.disagreement
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("UPDATE decisions SET analyst = 'mallory'")
    outcome = undo(conn, claim, "bo")  # bo's note is undone already: the dispute goes
    assert outcome.reverted is not None and outcome.reverted.kind == "status"
    assert current_state(conn, claim)[0] == Status.confirmed
    conn.close()


def test_a_role_given_at_ingest_reaches_every_version_and_is_logged(tmp_path: Path) -> None:
    source = tmp_path / "statement.md"
    source.write_text("The ministry said 1,200 people were evacuated on 4 May 2025.\n", "utf-8")
    conn = connect(tmp_path / "roles.db")
    first = ingest_paths(conn, [source]).files[0]
    assert first.role == "source"
    source.write_text("The ministry said 1,400 people were evacuated on 4 May 2025.\n", "utf-8")
    second = ingest_paths(conn, [source], role="reference").files[0]  # a new, staged version
    assert (second.outcome, second.role) == ("updated", "reference")
    roles = conn.execute("SELECT id, role FROM documents ORDER BY version").fetchall()
    assert [r["role"] for r in roles] == ["reference", "reference"]
    unchanged = ingest_paths(conn, [source], role="source").files[0]
    assert (unchanged.outcome, unchanged.role) == ("unchanged", "source")
    logged = conn.execute("SELECT from_role, to_role, analyst FROM role_changes ORDER BY id")
    assert [tuple(r) for r in logged] == [
        ("source", "reference", "ingest"),
        ("reference", "source", "ingest"),
    ]
    assert claim_views(conn, scope=Scope()) and all(
        v.role == "source" for v in claim_views(conn, scope=Scope())
    )
    conn.close()
