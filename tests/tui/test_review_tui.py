"""Pilot tests for the analyst's decisions: press the keys, then read the database.

The case database is what `make run` builds: the seed articles under review, the evidence folder
as reference material.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

from textual.notifications import SeverityLevel
from textual.pilot import Pilot
from textual.widgets import Checkbox, Select
from textual.widgets._footer import FooterKey

from claimcheck.models import Status
from claimcheck.store import connect
from claimcheck.store.decisions import decide, dismiss, history
from claimcheck.store.links import link_states
from claimcheck.store.listing import claim_rows
from claimcheck.store.views import claim_view
from claimcheck.tui import app as app_module
from claimcheck.tui.app import ClaimcheckApp
from claimcheck.tui.claims.table import ClaimsTable
from claimcheck.tui.detail.pane import EvidenceTable
from claimcheck.tui.detail.source import SourceText
from claimcheck.tui.modals.filters import FilterScreen
from claimcheck.tui.modals.help import HelpScreen
from claimcheck.tui.modals.note import NoteScreen
from tests.conftest import SEEDS
from tests.tui.test_triage import settle


class RecordingApp(ClaimcheckApp):
    """The app, keeping every toast it shows."""

    CSS_PATH = str(Path(app_module.__file__).with_name("app.tcss"))  # relative: to the class

    def __init__(self, db_path: Path, analyst: str) -> None:
        super().__init__(db_path, analyst)
        self.toasts: list[str] = []

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        self.toasts.append(message)
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)


Scenario = Callable[[RecordingApp, Pilot[None]], Awaitable[None]]


def drive(
    db: Path, scenario: Scenario, analyst: str = "ana", size: tuple[int, int] = (160, 50)
) -> RecordingApp:
    """Run the app headless at `size`, play `scenario`, wait for every write; return the app."""

    async def main() -> RecordingApp:
        app = RecordingApp(db, analyst)
        async with app.run_test(size=size) as pilot:
            await app.loaded.wait()
            await settle(app, pilot)
            await scenario(app, pilot)
            await settle(app, pilot)
        return app

    return asyncio.run(main())


def listed(app: ClaimcheckApp) -> list[str]:
    return app.query_one(ClaimsTable).ids


def events(db: Path, claim_id: str) -> list[tuple[str, str]]:
    conn = connect(db)
    try:
        return [(h.kind, h.analyst) for h in history(conn, [claim_id])[claim_id]]
    finally:
        conn.close()


def test_the_tui_opens_on_the_sources_under_review(case_db: Path) -> None:
    seen: dict[str, list[str]] = {}

    async def scenario(app: RecordingApp, pilot: Pilot[None]) -> None:
        seen["default"] = listed(app)
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, FilterScreen)
        await pilot.click("#filter-reference")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        seen["wider"] = listed(app)

    drive(case_db, scenario)
    conn = connect(case_db)
    rows = {row.id: row for row in claim_rows(conn)}
    conn.close()
    assert seen["default"] and {rows[c].role for c in seen["default"]} == {"source"}
    assert all(rows[c].document_path.startswith(str(SEEDS)) for c in seen["default"])
    assert set(seen["wider"]) == set(rows) and len(seen["wider"]) > len(seen["default"])


def test_evidence_keys_review_links_and_the_footer_shows_them(case_db: Path) -> None:
    seen: dict[str, object] = {}

    async def scenario(app: RecordingApp, pilot: Pilot[None]) -> None:
        claim = listed(app)[0]
        seen["claim"] = claim
        await pilot.press("enter")
        await settle(app, pilot)
        table = app.query_one(EvidenceTable)
        assert app.focused is table and table.row_count >= 3
        seen["footer"] = {key.description for key in app.screen.query(FooterKey)}
        seen["first"] = table.evidence[0].passage_id
        await pilot.press("a")  # accept the first suggestion
        await settle(app, pilot)
        await pilot.press("down")
        seen["second"] = table.evidence[table.cursor_row].passage_id
        await pilot.press("x")  # reject the second
        await settle(app, pilot)
        seen["after_reject"] = table.evidence[table.cursor_row].passage_id
        await pilot.press("2")  # the analyst says it contradicts: accepted, stance set
        await settle(app, pilot)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)
        await pilot.press(*"figure differs", "ctrl+s")
        await settle(app, pilot)

    drive(case_db, scenario)
    claim, first, second = str(seen["claim"]), int(str(seen["first"])), int(str(seen["second"]))
    assert seen["after_reject"] == second  # the cursor stays on the link just reviewed
    assert {"Accept", "Reject", "Supports", "Contradicts", "Related", "Link note"} <= set(
        seen["footer"]  # type: ignore[call-overload]
    )
    conn = connect(case_db)
    links = link_states(conn, claim)
    view = claim_view(conn, claim)
    conn.close()
    assert links[first].verdict == "accepted" and links[first].decided_by == "ana"
    assert (links[second].verdict, links[second].stance) == ("accepted", "contradicts")
    assert links[second].note == "figure differs"
    shown = next(e for e in view.evidence if e.passage_id == second)
    assert shown.stance == "contradicts" and shown.suggested_stance is not None
    assert [kind for kind, _ in events(case_db, claim)] == ["link"] * 4


def test_x_dismisses_a_claim_and_z_brings_it_back(case_db: Path) -> None:
    seen: dict[str, object] = {}

    async def scenario(app: RecordingApp, pilot: Pilot[None]) -> None:
        seen["claim"] = claim = listed(app)[0]
        await pilot.press("x")
        await settle(app, pilot)
        seen["hidden"] = claim not in listed(app)
        await pilot.press("z")
        await settle(app, pilot)
        seen["back"] = app.claims.table.current_id == claim

    app = drive(case_db, scenario)
    claim = str(seen["claim"])
    assert seen["hidden"] and seen["back"]
    assert events(case_db, claim) == [("dismiss", "ana"), ("undo", "ana")]
    assert any("restored (no longer dismissed)" in toast for toast in app.toasts)


def test_x_on_a_listed_dismissed_claim_restores_it(case_db: Path) -> None:
    conn = connect(case_db)
    claim = next(r.id for r in claim_rows(conn) if r.role == "source")
    dismiss(conn, claim, "bo")
    conn.close()

    async def scenario(app: RecordingApp, pilot: Pilot[None]) -> None:
        assert claim not in listed(app)
        await pilot.press("f")
        await pilot.pause()
        await pilot.click("#filter-dismissed")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        index = app.claims.table.index_of(claim)
        assert index is not None
        app.claims.table.move_by_analyst(index)
        await settle(app, pilot)
        await pilot.press("x")
        await settle(app, pilot)

    drive(case_db, scenario)
    assert events(case_db, claim) == [("dismiss", "bo"), ("restore", "ana")]


def test_a_note_after_a_dispute_goes_to_the_disputed_claim(case_db: Path) -> None:
    seen: list[str] = []

    async def scenario(app: RecordingApp, pilot: Pilot[None]) -> None:
        seen.extend(listed(app)[:2])
        await pilot.press("d")
        await settle(app, pilot)
        assert app.claims.table.current_id == seen[1]  # the cursor moved on by itself
        await pilot.press("n", *"Kirby said more than 1,000", "ctrl+s")
        await settle(app, pilot)

    drive(case_db, scenario)
    conn = connect(case_db)
    disputed, following = claim_view(conn, seen[0]), claim_view(conn, seen[1])
    conn.close()
    assert (disputed.status, disputed.note) == (Status.disputed, "Kirby said more than 1,000")
    assert following.history == []


def test_undo_and_redo_say_exactly_what_changed(case_db: Path) -> None:
    seen: list[str] = []

    async def scenario(app: RecordingApp, pilot: Pilot[None]) -> None:
        seen.append(listed(app)[0])
        await pilot.press("d")
        await settle(app, pilot)
        await pilot.press("n", *"see NIS", "ctrl+s")
        await settle(app, pilot)
        for key in ("z", "z", "Z", "z"):
            await pilot.press(key)
            await settle(app, pilot)
        await pilot.press("u")  # on an unverified claim: nothing to record
        await settle(app, pilot)

    app = drive(case_db, scenario)
    claim = seen[0]
    assert [kind for kind, _ in events(case_db, claim)] == [
        "status", "note", "undo", "undo", "redo", "undo",
    ]  # fmt: skip
    toasts = [t for t in app.toasts if t.startswith(("Undone", "Redone"))]
    assert "note “see NIS” removed" in toasts[0]
    assert "(mark disputed by ana)" in toasts[1] and "status disputed → unverified" in toasts[1]
    assert toasts[2].startswith("Redone") and "status unverified → disputed" in toasts[2]
    assert "status disputed → unverified" in toasts[3]
    assert any("no change" in t for t in app.toasts)
    conn = connect(case_db)
    assert claim_view(conn, claim).status == Status.unverified
    conn.close()


def test_a_selected_sentence_becomes_a_hand_made_claim(case_db: Path) -> None:
    seen: dict[str, tuple[str, int, int, str]] = {}
    current: list[str | None] = []

    async def scenario(app: RecordingApp, pilot: Pilot[None]) -> None:
        await pilot.press("t")
        await settle(app, pilot)
        source = app.query_one(SourceText)
        assert app.focused is source
        claims = {r.span_start for r in app.claims.all_rows if r.document_id == source.document_id}
        await pilot.press("right")
        while source.sentence is not None and source.sentence.start in claims:
            await pilot.press("right")  # to a sentence no claim starts at
        sentence = source.sentence
        assert sentence is not None
        seen["span"] = (source.document_id, sentence.start, sentence.end, sentence.text)
        await pilot.press("a")
        await settle(app, pilot)
        current.append(app.claims.table.current_id)

    app = drive(case_db, scenario)
    document_id, start, end, text = seen["span"]
    conn = connect(case_db)
    added = claim_view(conn, str(current[0]))
    document_text = conn.execute(
        "SELECT text FROM documents WHERE id = ?", (document_id,)
    ).fetchone()[0]
    conn.close()
    assert (added.document_id, added.span.start, added.span.end) == (document_id, start, end)
    assert added.text == text == document_text[start:end]
    assert added.hand_made and added.origin == "added" and added.created_by == "ana"
    assert any(t.startswith(f"Added claim {added.id}") for t in app.toasts)


def test_filter_by_analyst_and_the_disagreement_flag(case_db: Path) -> None:
    conn = connect(case_db)
    rows = [r for r in claim_rows(conn) if r.role == "source"]
    both, only_ana = rows[2].id, rows[4].id
    decide(conn, both, Status.confirmed, "ana")
    decide(conn, both, Status.disputed, "bo")
    decide(conn, only_ana, Status.confirmed, "ana")
    conn.close()
    seen: dict[str, object] = {}

    async def scenario(app: RecordingApp, pilot: Pilot[None]) -> None:
        table = app.query_one(ClaimsTable)
        index = table.index_of(both)
        assert index is not None
        seen["flag"] = str(table.render_line(index + 1).text)
        await pilot.press("f")
        await pilot.pause()
        app.screen.query_one("#filter-analyst", Select).value = "bo"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        seen["bo"] = listed(app)
        await pilot.press("f")
        await pilot.pause()
        app.screen.query_one("#filter-analyst", Select).clear()
        app.screen.query_one("#filter-disagree", Checkbox).value = True
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        seen["disagree"] = listed(app)

    drive(case_db, scenario, analyst="carl")
    assert "≠" in str(seen["flag"])
    assert seen["bo"] == [both] and seen["disagree"] == [both]


def test_help_lists_the_new_keys(case_db: Path) -> None:
    async def scenario(app: RecordingApp, pilot: Pilot[None]) -> None:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-keys").render())
        for key_id in ("claims.dismiss", "claims.redo", "claims.source", "evidence.accept",
                       "evidence.reject", "evidence.supports", "evidence.contradicts",
                       "evidence.related", "evidence.note", "source.add"):  # fmt: skip
            assert key_id in text

    drive(case_db, scenario)
