"""The TUI never shows a decision it has not stored, and stores every one, whatever else writes.

Each test waits for conditions (the database holding a decision, the list showing it), never for
a fixed time; the deadlines only stop a broken build from hanging.
"""

from __future__ import annotations

import asyncio
import itertools
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from textual.widgets import Static

from claimcheck.ingest import ingest_paths
from claimcheck.models import Status
from claimcheck.store import connect
from claimcheck.store.decisions import decide
from claimcheck.tui.app import ClaimcheckApp
from claimcheck.tui.claims.table import ClaimsTable
from tests.ingest.test_reliability import VERSION_A, VERSION_B
from tests.longtext import long_article, start_cli

DEADLINE = 120.0
"""Seconds after which a condition that never came true fails the test instead of hanging."""


async def until(condition: Callable[[], bool], what: str) -> None:
    """Wait until `condition` holds, checking every few milliseconds."""
    give_up = time.monotonic() + DEADLINE
    while not condition():
        assert time.monotonic() < give_up, f"never happened: {what}"
        await asyncio.sleep(0.005)


def decisions_of(db: Path) -> list[tuple[str, Status]]:
    """Every decision stored, oldest first (read as another process would)."""
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute("SELECT claim_id, to_status FROM decisions ORDER BY id").fetchall()
    finally:
        conn.close()
    return [(row[0], Status(row[1])) for row in rows]


def shown_status(app: ClaimcheckApp, claim_id: str) -> str:
    """The status cell of a claim's line as the list draws it."""
    table = app.query_one(ClaimsTable)
    index = table.index_of(claim_id)
    assert index is not None
    line = table.render_line(index - int(table.scroll_offset.y) + 1).text
    return line[1:15].strip()


def test_every_decision_made_while_another_process_ingests_is_stored(
    triage_db: Path, tmp_path: Path
) -> None:
    big = tmp_path / "long-report.md"
    big.write_text(long_article(150_000))
    made: list[tuple[str, Status]] = []
    times: list[float] = []

    async def main() -> None:
        app = ClaimcheckApp(triage_db, "tester")
        async with app.run_test(size=(160, 50)) as pilot:
            await app.loaded.wait()
            await pilot.pause()
            table = app.query_one(ClaimsTable)
            ingest = start_cli("--db", triage_db, "ingest", big)
            times.append(time.monotonic())
            while ingest.poll() is None:
                claim, key = table.current_id or "", "cd"[len(made) % 2]
                status = Status.confirmed if key == "c" else Status.disputed
                await pilot.press(key)
                made.append((claim, status))
                await until(lambda: decisions_of(triage_db) == made, f"decision {len(made)}")
                times.append(time.monotonic())
                await until(shows(app, claim, app_label(status)), "shown")
            times.append(time.monotonic())
            await app.workers.wait_for_complete()
            await pilot.pause()
            _, errors = ingest.communicate()
            assert ingest.returncode == 0, errors

    asyncio.run(main())
    assert len(made) >= 4 and decisions_of(triage_db) == made
    longest_wait = max(b - a for a, b in itertools.pairwise(times))
    assert longest_wait < (times[-1] - times[0]) / 4, (longest_wait, times[-1] - times[0])


def shows(app: ClaimcheckApp, claim_id: str, label: str) -> Callable[[], bool]:
    """A condition: the list draws `label` as the claim's status."""
    return lambda: shown_status(app, claim_id) == label


def app_label(status: Status) -> str:
    return {Status.confirmed: "✔ confirmed", Status.disputed: "✘ disputed"}.get(
        status, "· unverified"
    )


def test_a_decision_waiting_for_the_lock_shows_pending_until_stored(triage_db: Path) -> None:
    seen: dict[str, object] = {}

    async def main() -> None:
        app = ClaimcheckApp(triage_db, "tester")
        async with app.run_test(size=(160, 50)) as pilot:
            await app.loaded.wait()
            await pilot.pause()
            claim = app.query_one(ClaimsTable).current_id or ""
            other = sqlite3.connect(triage_db, isolation_level=None)
            other.execute("BEGIN IMMEDIATE")  # another process holds the write lock
            await pilot.press("c")
            seen["while_locked"] = shown_status(app, claim)
            seen["stored_while_locked"] = decisions_of(triage_db)
            other.execute("ROLLBACK")
            other.close()
            await until(lambda: decisions_of(triage_db) == [(claim, Status.confirmed)], "stored")
            await until(shows(app, claim, "✔ confirmed"), "shown saved")
            await app.workers.wait_for_complete()
            await pilot.pause()

    asyncio.run(main())
    assert seen["while_locked"] == "… confirmed"  # pending, never shown as saved before it is
    assert seen["stored_while_locked"] == []


def test_a_decision_that_cannot_be_saved_is_shown_unsaved_kept_and_retried(
    triage_db: Path,
) -> None:
    seen: dict[str, object] = {}

    async def main() -> None:
        app = ClaimcheckApp(triage_db, "tester", write_timeout=0.3)
        async with app.run_test(size=(160, 50)) as pilot:
            await app.loaded.wait()
            await pilot.pause()
            claim = app.query_one(ClaimsTable).current_id or ""
            other = sqlite3.connect(triage_db, isolation_level=None)
            other.execute("BEGIN IMMEDIATE")  # held past the write timeout
            await pilot.press("d")
            await until(shows(app, claim, "⚠ disputed"), "shown unsaved")
            banner = app.query_one("#unsaved", Static)
            seen["banner_shown"] = banner.display
            seen["banner"] = str(banner.render())
            seen["stored_while_locked"] = decisions_of(triage_db)
            await pilot.press("q")
            seen["still_running"] = app.is_running
            seen["quit_banner"] = str(banner.render())
            other.execute("ROLLBACK")
            other.close()
            await pilot.press("r")
            await until(lambda: decisions_of(triage_db) == [(claim, Status.disputed)], "stored")
            await until(shows(app, claim, "✘ disputed"), "shown saved")
            seen["banner_after"] = banner.display
            await app.workers.wait_for_complete()
            await pilot.pause()

    asyncio.run(main())
    assert seen["stored_while_locked"] == []
    banner = str(seen["banner"])
    assert (
        seen["banner_shown"] and "1 decision NOT saved" in banner and "database is locked" in banner
    )
    assert seen["still_running"] and "press q again" in str(seen["quit_banner"])
    assert seen["banner_after"] is False


def test_a_claim_whose_figures_changed_since_the_decision_is_marked(tmp_path: Path) -> None:
    article = tmp_path / "report.txt"
    article.write_text(VERSION_A)
    db = tmp_path / "db.sqlite"
    conn = connect(db)
    ingest_paths(conn, [article])
    troops = conn.execute("SELECT id FROM claims WHERE exact LIKE '%troops%'").fetchone()[0]
    decide(conn, troops, Status.confirmed, "ana")
    article.write_text(VERSION_B)
    ingest_paths(conn, [article])
    conn.close()
    seen: dict[str, str] = {}

    async def main() -> None:
        app = ClaimcheckApp(db, "tester")
        async with app.run_test(size=(160, 50)) as pilot:
            await app.loaded.wait()
            await pilot.pause()
            seen["row"] = shown_status(app, troops)
            app.load_detail(troops)
            header = app.query_one("#detail-header", Static)
            await until(lambda: troops in str(header.render()), "detail shown")
            seen["detail"] = str(header.render())
            await app.workers.wait_for_complete()
            await pilot.pause()

    asyncio.run(main())
    assert seen["row"] == "✔ confirmed Δ"
    assert "changed since decided" in seen["detail"]


def test_undo_waits_for_a_decision_still_being_stored(triage_db: Path) -> None:
    said: list[str] = []

    async def main() -> None:
        app = ClaimcheckApp(triage_db, "tester")
        async with app.run_test(size=(160, 50)) as pilot:
            await app.loaded.wait()
            await pilot.pause()
            claim = app.query_one(ClaimsTable).current_id or ""
            other = sqlite3.connect(triage_db, isolation_level=None)
            other.execute("BEGIN IMMEDIATE")  # another process holds the write lock
            await pilot.press("d")
            await until(lambda: claim in app.pending, "the decision pending")
            await pilot.press("z")  # acts on the claim just decided
            await until(lambda: bool(list(app._notifications)), "a message")
            said.extend(n.message for n in app._notifications)
            other.execute("ROLLBACK")
            other.close()
            await until(lambda: decisions_of(triage_db) == [(claim, Status.disputed)], "stored")
            await until(shows(app, claim, "✘ disputed"), "shown")

    asyncio.run(main())
    assert any("still being saved" in m for m in said), said
    assert len(decisions_of(triage_db)) == 1  # no undo was recorded against an older state
