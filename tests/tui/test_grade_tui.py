"""Grading from the TUI: g opens a dialog that fits 80×24, a–f and 1–6 pick, ctrl+s stores both
axes as events; the detail shows the grade and the suggestion; the filter dialog filters by grade.
Every step waits for a condition, never a fixed pause."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from claimcheck.store import connect
from claimcheck.store.grades import credibility_events, reliability_events
from claimcheck.tui.app import ClaimcheckApp
from claimcheck.tui.claims.filters import UNGRADED
from claimcheck.tui.modals.filters import FilterScreen
from claimcheck.tui.modals.grade import GradeScreen
from tests.tui.test_snapshots import SnapCompare, app_on, ready
from tests.tui.test_triage import drive, listed, stored


async def until(pilot: Pilot[None], condition: Callable[[], bool], what: str) -> None:
    """Poll until `condition` holds (20 s at most)."""
    for _ in range(400):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError(f"never: {what}")


def test_g_grades_the_claim_and_its_source_and_the_detail_shows_it(triage_db: Path) -> None:
    seen: dict[str, object] = {}

    async def scenario(app: ClaimcheckApp, pilot: Pilot[None]) -> None:
        await ready(pilot)
        claim_id = app.claims.table.current_id
        seen["claim"] = claim_id
        await pilot.press("g")
        await until(pilot, lambda: isinstance(app.screen, GradeScreen), "the grade dialog")
        dialog = app.screen.query_one("#grade-dialog")
        seen["fits"] = dialog.region.bottom <= 24 and dialog.region.right <= 80
        await pilot.press("b", "2", "ctrl+s")
        await until(pilot, lambda: not isinstance(app.screen, GradeScreen), "dialog closed")
        header = app.query_one("#detail-header", Static)
        await until(pilot, lambda: "grade B2" in str(header.render()), "the grade in the detail")
        seen["header"] = " ".join(str(header.render()).split())
        # the same again from the detail pane changes nothing and records nothing
        app.detail.focus()
        await pilot.press("g")
        await until(pilot, lambda: isinstance(app.screen, GradeScreen), "the dialog again")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not isinstance(app.screen, GradeScreen), "closed again")

    drive(triage_db, scenario, size=(80, 24))
    assert seen["fits"]
    claim_id = str(seen["claim"])
    header = str(seen["header"])
    assert "source B (usually reliable) by tester · claim 2 (probably true) by tester" in header
    assert "suggested 6 cannot be judged (+0 −0 sources) · g grades" not in header
    assert "suggested " in header and " sources) · g grades" in header
    view = stored(triage_db)[claim_id]
    assert view.grade is not None and (view.grade.reliability, view.grade.credibility) == ("B", 2)
    conn = connect(triage_db)
    try:
        events = [*reliability_events(conn).values()]
        assert [len(e) for e in events] == [1] and events[0][0].analyst == "tester"
        assert len(credibility_events(conn, [claim_id])[claim_id]) == 1
    finally:
        conn.close()


def test_escape_in_the_grade_dialog_records_nothing(triage_db: Path) -> None:
    async def scenario(app: ClaimcheckApp, pilot: Pilot[None]) -> None:
        await ready(pilot)
        await pilot.press("g")
        await until(pilot, lambda: isinstance(app.screen, GradeScreen), "the grade dialog")
        await pilot.press("a", "1", "escape")
        await until(pilot, lambda: not isinstance(app.screen, GradeScreen), "dialog closed")

    drive(triage_db, scenario)
    assert all(v.grade is not None and not v.grade.history for v in stored(triage_db).values())


def test_the_filter_dialog_filters_by_either_grade(triage_db: Path) -> None:
    counts: dict[str, int] = {}

    async def scenario(app: ClaimcheckApp, pilot: Pilot[None]) -> None:
        await ready(pilot)
        everything = len(listed(app))
        await pilot.press("g")
        await until(pilot, lambda: isinstance(app.screen, GradeScreen), "the grade dialog")
        await pilot.press("e", "5", "ctrl+s")
        await until(
            pilot,
            lambda: sum(r.credibility == 5 for r in app.claims.all_rows) == 1,
            "the graded row listed",
        )
        await pilot.press("f")
        await until(pilot, lambda: isinstance(app.screen, FilterScreen), "the filter dialog")
        dialog = app.screen
        assert isinstance(dialog, FilterScreen)
        dialog.query_one("#filter-credibility").value = "5"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await until(pilot, lambda: len(listed(app)) == 1, "one claim of credibility 5")
        counts["credibility 5"] = len(listed(app))
        caption = app.claims.filters.describe({})
        counts["caption"] = int(caption == "credibility 5")
        await pilot.press("f")
        await until(pilot, lambda: isinstance(app.screen, FilterScreen), "the filter again")
        dialog = app.screen
        assert isinstance(dialog, FilterScreen)
        dialog.query_one("#filter-credibility").value = UNGRADED  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await until(pilot, lambda: len(listed(app)) == everything - 1, "the ungraded claims")

    drive(triage_db, scenario)
    assert counts["credibility 5"] == 1 and counts["caption"] == 1


@pytest.mark.parametrize("size", [(80, 24), (160, 50)], ids=["80x24", "160x50"])
def test_grade_dialog_looks(
    fixed_db: Path, snap_compare: SnapCompare, size: tuple[int, int]
) -> None:
    async def open_grade(pilot: Pilot[None]) -> None:
        await ready(pilot)
        await pilot.press("g")
        app = pilot.app
        await until(pilot, lambda: isinstance(app.screen, GradeScreen), "the grade dialog")
        await pilot.press("c", "3")
        screen = app.screen
        assert isinstance(screen, GradeScreen)
        await until(pilot, lambda: screen.chosen()["reliability"] == "C", "C chosen")

    assert snap_compare(app_on(fixed_db), terminal_size=size, run_before=open_grade)
