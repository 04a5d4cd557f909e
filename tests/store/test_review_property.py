"""Property: whatever two analysts do — decisions, notes, link reviews, dismissals, undos and
redos — the state the store shows equals a replay of the events in effect, undo and redo revert
exactly what they should, nothing unchanged is recorded, and no event is ever removed."""

from __future__ import annotations

import json
import shutil
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck.errors import ClaimcheckError
from claimcheck.ingest import ingest_paths
from claimcheck.models import Status
from claimcheck.store import connect
from claimcheck.store.decisions import Outcome, current_state, decide, dismiss, link, redo, undo
from claimcheck.store.links import link_states
from claimcheck.store.views import claim_view

ANALYSTS = ("ana", "bo")
NOTES = (None, "NIS said 12,000", "see KCNA", "")
ARTICLE = (
    "# Troops\n\nKCNA said on 2 May 2025 that 2,000 troops returned to Pyongyang.\n\n"
    "The Pentagon said on 28 October 2024 that about 10,000 soldiers were sent to Russia.\n\n"
    "Seoul said on 18 October 2024 that 12,000 troops would be sent.\n"
)

Step = tuple[Any, ...]
steps = st.lists(
    st.tuples(
        st.sampled_from(ANALYSTS),
        st.integers(0, 1),  # which claim
        st.one_of(
            st.tuples(st.just("status"), st.sampled_from(list(Status)), st.sampled_from(NOTES)),
            st.tuples(st.just("note"), st.sampled_from(NOTES)),
            st.tuples(
                st.just("link"),
                st.integers(0, 2),
                st.sampled_from(["accept", "reject", "supports", "contradicts", "related"]),
                st.sampled_from(NOTES),
            ),
            st.tuples(st.sampled_from(["dismiss", "restore", "undo", "redo"])),
        ),
    ),
    min_size=1,
    max_size=30,
)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with one small article: three claims, a handful of passages."""
    folder = tmp_path_factory.mktemp("review")
    (folder / "troops.md").write_text(ARTICLE, encoding="utf-8")
    db = folder / "template.db"
    conn = connect(db)
    assert not ingest_paths(conn, [folder / "troops.md"]).failed
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return db


@dataclass
class Model:
    """The test's own reading of the log: effective events folded in order."""

    status: str = "unverified"
    note: str | None = None
    note_by: str | None = None
    dismissed: bool = False
    verdicts: dict[str, str] = field(default_factory=dict)
    links: dict[int, dict[str, Any]] = field(default_factory=dict)
    basis: list[int] = field(default_factory=list)


def _rows(conn: sqlite3.Connection, claim_id: str) -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT * FROM decisions WHERE claim_id = ? ORDER BY id", (claim_id,)
    ).fetchall()


def _effective(rows: list[sqlite3.Row]) -> set[int]:
    """An event is in effect unless an event in effect, made after it, reverts it."""
    reverted: set[int] = set()
    effective: set[int] = set()
    for row in reversed(rows):
        if row["id"] not in reverted:
            effective.add(row["id"])
            if row["reverts"] is not None:
                reverted.add(row["reverts"])
    return effective


def _fold_link(model: Model, row: sqlite3.Row) -> None:
    link_state = model.links.setdefault(row["passage_id"], {})
    action = row["link"]
    if action in ("accept", "reject"):
        link_state["verdict"] = "accepted" if action == "accept" else "rejected"
    elif action != "note":
        link_state.update(verdict="accepted", stance=action)
    if action != "note":
        link_state["decided_by"] = row["analyst"]
    if row["sets_note"] or action == "note":
        note = row["link_note"]
        link_state.update(note=note, note_by=row["analyst"] if note else None)
    if not any(link_state.values()):
        model.links.pop(row["passage_id"])


def replay_rows(rows: list[sqlite3.Row]) -> Model:
    """The state the events in effect add up to, read straight from the stored rows."""
    effective = _effective(rows)
    model = Model()
    for row in rows:
        kind = row["kind"]
        if row["id"] not in effective or kind in ("undo", "redo"):
            continue
        if kind == "status":
            model.status, model.basis = row["to_status"], json.loads(row["basis"])
            model.verdicts.pop(row["analyst"], None)
            if row["to_status"] != "unverified":
                model.verdicts[row["analyst"]] = row["to_status"]
        elif kind in ("dismiss", "restore"):
            model.dismissed = kind == "dismiss"
        elif kind == "link":
            _fold_link(model, row)
        if kind != "link" and (row["sets_note"] or kind == "note"):
            model.note, model.note_by = row["note"], row["analyst"] if row["note"] else None
    return model


def _latest(rows: list[sqlite3.Row], analyst: str, kinds: set[str]) -> sqlite3.Row | None:
    effective = _effective(rows)
    own = [r for r in rows if r["analyst"] == analyst and r["id"] in effective]
    found = [r for r in own if r["kind"] in kinds]
    return found[-1] if found else None


DECISION_KINDS = {"status", "note", "dismiss", "restore", "link"}


def expected_target(rows: list[sqlite3.Row], analyst: str, op: str) -> int | None:
    """What an undo (the latest own decision in effect) or a redo (the latest own undo in
    effect, unless a decision of theirs came after it) must revert."""
    if op == "undo":
        target = _latest(rows, analyst, DECISION_KINDS)
        return target["id"] if target else None
    last_undo = _latest(rows, analyst, {"undo"})
    last_decision = _latest(rows, analyst, DECISION_KINDS)
    if last_undo is None or (last_decision is not None and last_decision["id"] > last_undo["id"]):
        return None
    return int(last_undo["id"])


def perform(
    conn: sqlite3.Connection, claim: str, passages: list[int], who: str, op: Step
) -> Outcome:
    kind = op[0]
    if kind == "status":
        return decide(conn, claim, op[1], who, note=op[2])
    if kind == "note":
        return decide(conn, claim, None, who, note=op[1], clear_note=op[1] is None)
    if kind == "link":
        return link(conn, claim, passages[op[1]], op[2], who, note=op[3])
    if kind in ("dismiss", "restore"):
        return dismiss(conn, claim, who, restore=kind == "restore")
    return (undo if kind == "undo" else redo)(conn, claim, who)


def stored_model(conn: sqlite3.Connection, claim: str) -> Model:
    """The state as every reader shows it: claim_state, the claim view, link decisions."""
    status, note = current_state(conn, claim)
    view = claim_view(conn, claim)
    assert (view.status, view.note) == (status, note)
    links = {
        passage: {k: v for k, v in vars(state).items() if v}
        for passage, state in link_states(conn, claim).items()
    }
    rows = _rows(conn, claim)
    note_by = rows[-1]["note_by"] if rows else None
    return Model(
        status.value,
        note,
        note_by,
        view.dismissed,
        {a: s.value for a, s in view.verdicts.items()},
        {p: v for p, v in links.items() if v},
        [b.passage_id for b in view.basis],
    )


def _comparable(model: Model) -> Model:
    links = {p: {k: v for k, v in state.items() if v} for p, state in model.links.items()}
    return Model(
        model.status, model.note, model.note_by, model.dismissed, model.verdicts,
        {p: v for p, v in links.items() if v}, model.basis,
    )  # fmt: skip


def _all_rows(conn: sqlite3.Connection) -> list[tuple[Any, ...]]:
    decisions = [tuple(r) for r in conn.execute("SELECT * FROM decisions ORDER BY id")]
    links = [tuple(r) for r in conn.execute("SELECT * FROM link_decisions ORDER BY id")]
    return decisions + [("link", *row) for row in links]


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(script=steps)
def test_state_is_always_the_replay_of_the_events_in_effect(
    template: Path, tmp_path: Path, script: list[tuple[str, int, Step]]
) -> None:
    db = tmp_path / "review.db"
    for stale in tmp_path.glob("review.db*"):
        stale.unlink()
    shutil.copy(template, db)
    conn = connect(db)
    try:
        claims = [r["id"] for r in conn.execute("SELECT id FROM claims ORDER BY span_start")]
        passages = [r["id"] for r in conn.execute("SELECT id FROM passages ORDER BY id")][:3]
        seen: list[tuple[Any, ...]] = []
        for who, which, op in script:
            claim = claims[which]
            before_rows = _rows(conn, claim)
            before = replay_rows(before_rows)
            try:
                outcome = perform(conn, claim, passages, who, op)
            except ClaimcheckError:
                assert op[0] in ("undo", "redo")
                assert expected_target(before_rows, who, op[0]) is None
                outcome = None
            rows = _rows(conn, claim)
            after = replay_rows(rows)
            if outcome is not None and outcome.entry is None:
                assert rows == before_rows and after == before  # nothing unchanged is recorded
            elif outcome is not None:
                assert len(rows) == len(before_rows) + 1
                if op[0] in ("undo", "redo"):
                    assert rows[-1]["reverts"] == expected_target(before_rows, who, op[0])
                    assert rows[-1]["kind"] == op[0]
                else:
                    assert after != before  # a recorded decision changed something
            assert stored_model(conn, claim) == _comparable(after)
            everything = _all_rows(conn)
            assert set(seen) <= set(everything)  # no event removed or rewritten
            seen = everything
    finally:
        conn.close()


def test_the_log_refuses_to_be_rewritten(template: Path, tmp_path: Path) -> None:
    db = tmp_path / "review.db"
    shutil.copy(template, db)
    conn = connect(db)
    claim = conn.execute("SELECT id FROM claims LIMIT 1").fetchone()[0]
    passage = conn.execute("SELECT id FROM passages LIMIT 1").fetchone()[0]
    link(conn, claim, passage, "reject", "ana")
    for table in ("decisions", "link_decisions"):
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            conn.execute(f"UPDATE {table} SET analyst = 'mallory'")
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            conn.execute(f"DELETE FROM {table}")
    conn.close()
