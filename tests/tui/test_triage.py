"""Pilot tests: press the keys an analyst presses, then read what the database holds."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import RadioButton, Static

from claimcheck.models import ClaimView, Status
from claimcheck.store import connect
from claimcheck.store.decisions import decide
from claimcheck.store.views import claim_views
from claimcheck.tui.app import ClaimcheckApp
from claimcheck.tui.claims.pane import ClaimsPane
from claimcheck.tui.claims.table import ClaimsTable
from claimcheck.tui.detail.pane import EvidenceTable
from claimcheck.tui.modals.filters import FilterScreen
from claimcheck.tui.modals.help import HelpScreen
from claimcheck.tui.modals.note import NoteScreen

Scenario = Callable[[ClaimcheckApp, Pilot[None]], Awaitable[None]]


def drive(db: Path, scenario: Scenario, size: tuple[int, int] = (160, 50)) -> None:
    """Run the app headless on `db`, wait for the claims, play `scenario`, wait for writes."""

    async def main() -> None:
        app = ClaimcheckApp(db, "tester")
        async with app.run_test(size=size) as pilot:
            await app.loaded.wait()
            await pilot.pause()
            await scenario(app, pilot)
            await app.workers.wait_for_complete()
            await pilot.pause()

    asyncio.run(main())


def stored(db: Path) -> dict[str, ClaimView]:
    conn = connect(db)
    try:
        return {view.id: view for view in claim_views(conn)}
    finally:
        conn.close()


def listed(app: ClaimcheckApp) -> list[str]:
    return app.query_one(ClaimsTable).ids


async def settle(app: ClaimcheckApp, pilot: Pilot[None]) -> None:
    """Wait until no worker runs and the detail shows the highlighted claim: polled, never a
    fixed pause, so a busy machine only makes it slower (10 s at most)."""
    for _ in range(200):
        await app.workers.wait_for_complete()
        await pilot.pause(0.05)
        busy = any(worker.is_running for worker in app.workers)
        if not busy and app.claims.table.current_id in (app.detail_id, None):
            return
    raise AssertionError("the app did not settle")


def test_a_decision_is_saved_at_once_with_the_analyst_and_the_cursor_advances(
    triage_db: Path,
) -> None:
    seen: dict[str, object] = {}

    async def scenario(app: ClaimcheckApp, pilot: Pilot[None]) -> None:
        table = app.query_one(ClaimsTable)
        seen["first"], seen["second"] = listed(app)[:2]
        await pilot.press("c")
        await settle(app, pilot)
        seen["cursor"] = table.current_id
        await pilot.press("d")
        await settle(app, pilot)
        seen["stored_mid_session"] = stored(triage_db)[str(seen["first"])].status

    drive(triage_db, scenario)
    claims = stored(triage_db)
    first, second = claims[str(seen["first"])], claims[str(seen["second"])]
    assert seen["stored_mid_session"] == Status.confirmed  # saved before the app closed
    assert seen["cursor"] == second.id
    assert (first.status, second.status) == (Status.confirmed, Status.disputed)
    assert first.history[0].analyst == "tester" and first.history[0].from_ == Status.unverified


def test_j_and_k_move_and_u_resets_a_claim(triage_db: Path) -> None:
    async def scenario(app: ClaimcheckApp, pilot: Pilot[None]) -> None:
        ids = listed(app)
        await pilot.press("j", "j", "k")
        assert app.query_one(ClaimsTable).current_id == ids[1]
        await pilot.press("d", "k", "u")
        await settle(app, pilot)

    drive(triage_db, scenario)
    history = [v for v in stored(triage_db).values() if v.history]
    assert len(history) == 1
    assert [(h.from_, h.to) for h in history[0].history] == [
        (Status.unverified, Status.disputed),
        (Status.disputed, Status.unverified),
    ]


def test_a_note_is_saved_without_changing_the_status(triage_db: Path) -> None:
    target: list[str] = []

    async def scenario(app: ClaimcheckApp, pilot: Pilot[None]) -> None:
        target.append(listed(app)[0])
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)
        await pilot.press(*"NIS said 12,000")
        await pilot.press("ctrl+s")
        await settle(app, pilot)

    drive(triage_db, scenario)
    claim = stored(triage_db)[target[0]]
    assert claim.note == "NIS said 12,000" and claim.status == Status.unverified
    assert claim.history[-1].note == "NIS said 12,000"


def test_escape_cancels_a_note(triage_db: Path) -> None:
    async def scenario(app: ClaimcheckApp, pilot: Pilot[None]) -> None:
        await pilot.press("n", "x", "y", "escape")
        await settle(app, pilot)
        assert not isinstance(app.screen, NoteScreen)

    drive(triage_db, scenario)
    assert not any(v.history for v in stored(triage_db).values())


def test_undo_appends_a_reverting_event_and_returns_to_the_claim(triage_db: Path) -> None:
    seen: list[str | None] = []

    async def scenario(app: ClaimcheckApp, pilot: Pilot[None]) -> None:
        seen.append(listed(app)[0])
        await pilot.press("d")
        await settle(app, pilot)
        await pilot.press("z")
        await settle(app, pilot)
        seen.append(app.query_one(ClaimsTable).current_id)

    drive(triage_db, scenario)
    claim = stored(triage_db)[str(seen[0])]
    assert seen[1] == seen[0]
    assert claim.status == Status.unverified
    assert [h.to for h in claim.history] == [Status.disputed, Status.unverified]
    assert claim.history[1].reverts == claim.history[0].id


def test_undo_with_nothing_decided_changes_nothing(triage_db: Path) -> None:
    async def scenario(app: ClaimcheckApp, pilot: Pilot[None]) -> None:
        await pilot.press("z")
        await settle(app, pilot)

    drive(triage_db, scenario)
    assert not any(v.history for v in stored(triage_db).values())


def test_slash_searches_claim_text_and_escape_clears_it(triage_db: Path) -> None:
    counts: list[int] = []

    async def scenario(app: ClaimcheckApp, pilot: Pilot[None]) -> None:
        counts.append(len(listed(app)))
        await pilot.press("slash", *"satellite", "enter")
        await pilot.pause()
        texts = {row.id: row.text for row in app.query_one(ClaimsPane).all_rows}
        found = [texts[claim_id] for claim_id in listed(app)]
        counts.append(len(found))
        assert all("satellite" in text.lower() for text in found)
        await pilot.press("c")  # the table has focus again after enter
        await settle(app, pilot)
        await pilot.press("slash", "escape")
        await pilot.pause()
        counts.append(len(listed(app)))

    drive(triage_db, scenario)
    assert 0 < counts[1] < counts[0] == counts[2]
    confirmed = [v for v in stored(triage_db).values() if v.status == Status.confirmed]
    assert len(confirmed) == 1 and "satellite" in confirmed[0].text.lower()


def test_the_detail_follows_the_cursor_through_search_and_sort(triage_db: Path) -> None:
    shown: list[tuple[str | None, str | None]] = []

    async def rest(app: ClaimcheckApp, pilot: Pilot[None]) -> None:
        await settle(app, pilot)  # the detail loads once the cursor has rested: wait for it
        shown.append((app.claims.table.current_id, app.detail_id))

    async def scenario(app: ClaimcheckApp, pilot: Pilot[None]) -> None:
        await rest(app, pilot)
        await pilot.press("slash", *"satellite", "enter")
        await rest(app, pilot)
        await pilot.press("s", "s")
        await rest(app, pilot)
        await pilot.press("c")  # decides the claim the detail showed

    drive(triage_db, scenario)
    first, searched, sorted_ = shown
    assert searched[0] != first[0]  # the search moved the cursor to another claim...
    for current, detail in shown:
        assert current is not None and detail == current  # ...and the detail went with it
    assert stored(triage_db)[sorted_[1] or ""].status == Status.confirmed


def test_a_search_that_matches_nothing_keeps_the_keys_that_get_out_of_it(triage_db: Path) -> None:
    seen: list[object] = []

    async def scenario(app: ClaimcheckApp, pilot: Pilot[None]) -> None:
        await pilot.press("slash", *"no claim says this", "enter")
        await pilot.pause()
        seen.append(len(listed(app)))
        seen.append(app.query_one("#empty", Static).display)
        seen.append(app.detail.has_class("empty") and app.detail_id is None)  # no stale claim
        await pilot.press("f")  # still bound: the empty table keeps the focus
        await pilot.pause()
        seen.append(type(app.screen).__name__)
        await pilot.press("escape", "slash")
        await pilot.pause()
        seen.append(type(app.focused).__name__)

    drive(triage_db, scenario)
    assert seen == [0, True, True, "FilterScreen", "SearchInput"]


def test_f_filters_by_status_and_conflicts(triage_db: Path) -> None:
    conn = connect(triage_db)
    disputed_id = claim_views(conn)[3].id
    decide(conn, disputed_id, Status.disputed, "someone")
    conn.close()
    shown: list[list[str]] = []

    async def scenario(app: ClaimcheckApp, pilot: Pilot[None]) -> None:
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, FilterScreen)
        button = next(b for b in app.screen.query(RadioButton) if b.name == "disputed")
        await pilot.click(button)
        await pilot.press("ctrl+s")
        await pilot.pause()
        shown.append(listed(app))
        await pilot.press("f")
        await pilot.pause()
        await pilot.click("#clear")
        await pilot.pause()
        await pilot.press("f")
        await pilot.pause()
        await pilot.click("#filter-conflict")
        await pilot.press("ctrl+s")
        await pilot.pause()
        shown.append(listed(app))

    drive(triage_db, scenario)
    assert shown[0] == [disputed_id]
    claims = stored(triage_db)
    conflicted = {
        cid
        for cid, view in claims.items()
        if any(e.stance == "contradicts" or e.kind == "update" for e in view.evidence)
    }
    assert shown[1] and set(shown[1]) == conflicted


def test_enter_opens_the_evidence_and_escape_returns(triage_db: Path) -> None:
    async def scenario(app: ClaimcheckApp, pilot: Pilot[None]) -> None:
        await pilot.press("enter")
        await settle(app, pilot)
        evidence = app.query_one(EvidenceTable)
        assert app.focused is evidence and evidence.row_count > 0
        await pilot.press("down")
        await settle(app, pilot)
        context = str(app.query_one("#evidence-context").render())
        highlighted = evidence.evidence[evidence.cursor_row]
        assert highlighted.text[:40] in " ".join(context.split())
        await pilot.press("escape")
        assert isinstance(app.focused, ClaimsTable)

    drive(triage_db, scenario)


def test_question_mark_lists_every_key_with_its_id(triage_db: Path) -> None:
    async def scenario(app: ClaimcheckApp, pilot: Pilot[None]) -> None:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-keys").render())
        for key_id in ("claims.confirm", "claims.dispute", "claims.note", "claims.undo",
                       "claims.search", "claims.filter", "app.refresh", "detail.back"):  # fmt: skip
            assert key_id in text
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)

    drive(triage_db, scenario)


def test_r_picks_up_claims_another_process_added(triage_db: Path, tmp_path: Path) -> None:
    counts: list[int] = []

    async def scenario(app: ClaimcheckApp, pilot: Pilot[None]) -> None:
        counts.append(len(listed(app)))
        extra = tmp_path / "new.md"
        extra.write_text("# Late report\n\nKCNA said on 2 May 2025 that 2,000 troops returned.\n")
        from claimcheck.ingest import ingest_paths

        other = connect(triage_db)  # a second connection, as another process would hold
        ingest_paths(other, [extra])
        decided = listed(app)[0]
        decide(other, decided, Status.confirmed, "colleague")
        other.close()
        await pilot.press("r")
        await settle(app, pilot)
        counts.append(len(listed(app)))
        table = app.query_one(ClaimsTable)
        index = table.index_of(decided)
        counts.append(int(index is not None and table.rows[index].status == Status.confirmed))

    drive(triage_db, scenario)
    assert counts[1] == counts[0] + 1 and counts[2] == 1  # the KCNA sentence; a title is not


def test_an_empty_database_says_what_to_do(empty_db: Path) -> None:
    async def scenario(app: ClaimcheckApp, pilot: Pilot[None]) -> None:
        message = str(app.query_one("#empty").render())
        assert "No claims yet" in message and "claimcheck ingest" in message
        await pilot.press("c", "z", "n")
        await settle(app, pilot)

    drive(empty_db, scenario)
