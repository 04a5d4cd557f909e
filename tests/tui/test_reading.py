"""Pilot tests for reading from the keyboard: tab between the list, the evidence and the passage
in its own document; decisions from the detail; what fits at 80×24; the filter dialog's escape;
the help's markers; reversing the sort."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Button, Checkbox, Label

from claimcheck.models import Status
from claimcheck.store import connect
from claimcheck.store.views import claim_view
from claimcheck.text.shorten import shorten_middle
from claimcheck.tui.app import ClaimcheckApp
from claimcheck.tui.badges import MARKERS
from claimcheck.tui.claims.table import ClaimsTable
from claimcheck.tui.detail.context import EvidenceContext
from claimcheck.tui.detail.pane import DetailPane, EvidenceTable
from claimcheck.tui.modals.filters import FilterScreen
from claimcheck.tui.modals.help import HelpScreen
from tests.tui.test_review_tui import RecordingApp, drive
from tests.tui.test_triage import settle


async def until(pilot: Pilot[None], condition: Callable[[], bool], what: str) -> None:
    """Wait for a condition (a worker may still be loading), never a fixed pause."""
    for _ in range(200):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError(f"never happened: {what}")


async def to_a_conflict(app: ClaimcheckApp, pilot: Pilot[None]) -> str:
    """Put the cursor on the first claim another source contradicts; return its id."""
    table = app.claims.table
    index = next(i for i, row in enumerate(table.rows) if row.contradicts)
    table.move_by_analyst(index)
    await settle(app, pilot)
    return table.rows[index].id


def screen_text(app: ClaimcheckApp) -> str:
    """What the terminal shows, as plain text."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


def test_tab_cycles_list_evidence_and_passage_and_enter_reads_it(triage_db: Path) -> None:
    seen: dict[str, int] = {}

    async def scenario(app: RecordingApp, pilot: Pilot[None]) -> None:
        await to_a_conflict(app, pilot)
        evidence, context = app.query_one(EvidenceTable), app.query_one(EvidenceContext)
        await pilot.press("tab")
        await until(pilot, lambda: app.focused is evidence, "tab focuses the evidence")
        await pilot.press("j")
        await until(pilot, lambda: evidence.cursor_row == 1, "j moves in the evidence")
        await pilot.press("k", "tab")
        await until(pilot, lambda: app.focused is context, "tab focuses the passage")
        await pilot.press("tab")
        await until(pilot, lambda: isinstance(app.focused, ClaimsTable), "tab: back to the list")
        await pilot.press("shift+tab")
        await until(pilot, lambda: app.focused is context, "shift+tab goes backwards")
        await pilot.press("shift+tab", "j", "enter")
        await until(pilot, lambda: app.focused is context, "enter reads the passage")
        shown = evidence.evidence[1]
        await until(
            pilot, lambda: shown.text[:30] in " ".join(context.render().__str__().split()),
            "the passage shown is the one enter was pressed on",
        )  # fmt: skip
        detail = app.query_one(DetailPane)
        await until(
            pilot, lambda: detail.scroll_offset.y > 0 and context.region.y >= detail.region.y,
            "the passage scrolled into view",
        )  # fmt: skip
        seen["top"] = context.region.y - detail.region.y
        before = detail.scroll_offset.y
        await pilot.press("j", "j")
        await until(pilot, lambda: detail.scroll_offset.y == before + 2, "j scrolls the passage")

    drive(triage_db, scenario, size=(80, 24))
    assert seen["top"] <= 1  # the passage starts at the top of the detail (below its margin)


def test_c_d_u_in_the_detail_decide_on_the_claim_shown(triage_db: Path) -> None:
    seen: dict[str, str | None] = {}

    async def scenario(app: RecordingApp, pilot: Pilot[None]) -> None:
        seen["claim"] = await to_a_conflict(app, pilot)
        await pilot.press("tab", "d")
        await settle(app, pilot)
        seen["cursor"] = app.claims.table.current_id
        await pilot.press("tab")  # the passage: decisions work there too
        await until(pilot, lambda: isinstance(app.focused, EvidenceContext), "passage focused")
        await pilot.press("c")
        await settle(app, pilot)

    app = drive(triage_db, scenario)
    assert seen["cursor"] == seen["claim"]  # the list cursor stays on the claim shown
    conn = connect(triage_db)
    view = claim_view(conn, str(seen["claim"]))
    conn.close()
    assert [(h.from_, h.to) for h in view.history] == [
        (Status.unverified, Status.disputed),
        (Status.disputed, Status.confirmed),
    ]
    assert any("confirmed" in toast and str(seen["claim"]) in toast for toast in app.toasts)


def test_decision_keys_in_an_empty_detail_say_why_nothing_happens(empty_db: Path) -> None:
    async def scenario(app: RecordingApp, pilot: Pilot[None]) -> None:
        app.query_one(DetailPane).focus()
        await pilot.press("c")
        await pilot.press("tab")

    app = drive(empty_db, scenario)
    assert any("No claim is shown" in toast for toast in app.toasts)


def test_at_80_by_24_evidence_reasons_wrap_instead_of_being_cut(triage_db: Path) -> None:
    seen: dict[str, object] = {}

    async def scenario(app: RecordingApp, pilot: Pilot[None]) -> None:
        await to_a_conflict(app, pilot)
        await pilot.press("tab")
        evidence = app.query_one(EvidenceTable)
        await until(pilot, lambda: app.focused is evidence, "evidence focused")
        reason = evidence.evidence[0].reason
        seen["reason"] = reason
        seen["screen"] = " ".join(screen_text(app).split())
        seen["fits"] = evidence.region.right <= app.screen.region.right

    drive(triage_db, scenario, size=(80, 24))
    words = str(seen["reason"]).split()
    screen = str(seen["screen"])
    assert seen["fits"]
    assert all(word in screen for word in words), (words, screen)


def test_filter_dialog_fits_80_by_24_and_escape_asks_before_dropping_a_change(
    triage_db: Path,
) -> None:
    seen: dict[str, object] = {}

    async def scenario(app: RecordingApp, pilot: Pilot[None]) -> None:
        before = list(app.claims.table.ids)
        await pilot.press("f")
        await until(pilot, lambda: isinstance(app.screen, FilterScreen), "dialog open")
        screen = app.screen
        for button in screen.query(Button):
            assert button.region.bottom <= 24 and button.region.height > 0, button.id
        screen.query_one("#filter-conflict", Checkbox).value = True
        await pilot.press("escape")
        await pilot.pause()
        seen["still_open"] = app.screen is screen
        seen["hint"] = str(screen.query_one("#filter-hint", Label).render())
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, FilterScreen), "closed")
        seen["unchanged"] = app.claims.table.ids == before
        await pilot.press("f")
        await until(pilot, lambda: isinstance(app.screen, FilterScreen), "open again")
        await pilot.press("escape")  # nothing changed: closes at once
        await until(pilot, lambda: not isinstance(app.screen, FilterScreen), "closed at once")

    drive(triage_db, scenario, size=(80, 24))
    assert seen["still_open"] and seen["unchanged"]
    assert "escape again discards" in str(seen["hint"])


def test_help_explains_every_marker_and_never_wraps_an_id(triage_db: Path) -> None:
    seen: dict[str, str] = {}

    async def scenario(app: RecordingApp, pilot: Pilot[None]) -> None:
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen), "help open")
        await pilot.pause()
        seen["text"] = str(app.screen.query_one("#help-keys").render())

    drive(triage_db, scenario, size=(80, 24))
    lines = seen["text"].splitlines()
    for marker, meaning in MARKERS:
        assert any(marker in line and meaning.split()[0] in line for line in lines), marker
    assert all(len(line) <= 78 for line in lines)
    ids = [line.split()[-1] for line in lines if "." in line and line.split()]
    assert "claims.confirm" in ids and "evidence.read" in ids and "detail.confirm" in ids
    alone = [line for line in lines if re.fullmatch(r"\s*[a-z]+\.[a-z-]+\s*", line)]
    assert not alone, alone


def test_s_sorts_by_the_next_column_and_capital_s_reverses(triage_db: Path) -> None:
    seen: dict[str, list[str] | str] = {}

    async def scenario(app: RecordingApp, pilot: Pilot[None]) -> None:
        table = app.claims.table
        seen["reading"] = list(table.ids)
        await pilot.press("S")
        await until(pilot, lambda: table.ids != seen["reading"], "reversed")
        seen["reversed"] = list(table.ids)
        await pilot.press("S", "s")
        await until(pilot, lambda: "sorted by status" in caption(app), "sorted")
        seen["status"] = list(table.ids)
        await pilot.press("S")
        await until(pilot, lambda: "(reversed)" in caption(app), "status reversed")
        seen["status_reversed"] = list(table.ids)

    drive(triage_db, scenario)
    assert seen["reversed"] == list(reversed(seen["reading"]))
    assert seen["status_reversed"] != seen["status"]


def caption(app: ClaimcheckApp) -> str:
    return str(app.claims.query_one("#caption").render())


def test_titles_are_shortened_from_the_middle() -> None:
    first = "Pine Hollow Fire forces evacuation of 2,000 homes near the ridge"
    second = "Pine Hollow Fire: evacuation orders lifted for Cedar Flats"
    short = [shorten_middle(title, 18) for title in (first, second)]
    assert all(len(s) <= 18 and "…" in s for s in short) and short[0] != short[1]
    assert shorten_middle("short title", 18) == "short title"
