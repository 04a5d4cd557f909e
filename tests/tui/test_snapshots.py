"""How the TUI looks: SVG snapshots of the list, the detail, the dialogs and an empty database.

Regenerate after an intended change with `pytest tests/tui --snapshot-update`, then look at the
SVGs in tests/tui/__snapshots__/ before committing them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from claimcheck.tui.app import ClaimcheckApp

SnapCompare = Callable[..., bool]


async def ready(pilot: Pilot[None]) -> None:
    """Wait until the claims are on screen and the detail shows the highlighted claim.

    Polls instead of sleeping a fixed time: on a slow or busy machine (CI) the detail may take
    longer than any pause, and a key pressed before it lands would act on the previous claim.
    """
    app = pilot.app
    assert isinstance(app, ClaimcheckApp)
    await app.loaded.wait()
    for _ in range(200):  # 20 s at most
        await app.workers.wait_for_complete()
        await pilot.pause(0.1)
        current = app.claims.table.current_id
        busy = any(worker.is_running for worker in app.workers)
        if not busy and current in (app.detail_id, None):
            break
    else:
        raise AssertionError("the detail never showed the highlighted claim")
    await pilot.pause()


def app_on(db: Path) -> ClaimcheckApp:
    return ClaimcheckApp(db, "snapshot")


def test_list_and_detail_wide(fixed_db: Path, snap_compare: SnapCompare) -> None:
    assert snap_compare(app_on(fixed_db), terminal_size=(160, 50), run_before=ready)


def test_list_and_detail_at_80_by_24(fixed_db: Path, snap_compare: SnapCompare) -> None:
    assert snap_compare(app_on(fixed_db), terminal_size=(80, 24), run_before=ready)


def test_detail_with_evidence_in_context(fixed_db: Path, snap_compare: SnapCompare) -> None:
    async def open_evidence(pilot: Pilot[None]) -> None:
        await ready(pilot)
        await pilot.press("j", "j")  # Kirby's 1,000 containers: support and an update
        await ready(pilot)
        await pilot.press("enter", "down")
        await ready(pilot)

    assert snap_compare(app_on(fixed_db), terminal_size=(160, 50), run_before=open_evidence)


def test_note_dialog(fixed_db: Path, snap_compare: SnapCompare) -> None:
    async def open_note(pilot: Pilot[None]) -> None:
        await ready(pilot)
        await pilot.press("n", *"Checked against the NIS briefing")

    assert snap_compare(app_on(fixed_db), terminal_size=(120, 36), run_before=open_note)


def test_help_screen(fixed_db: Path, snap_compare: SnapCompare) -> None:
    async def open_help(pilot: Pilot[None]) -> None:
        await ready(pilot)
        await pilot.press("question_mark")

    assert snap_compare(app_on(fixed_db), terminal_size=(120, 44), run_before=open_help)


def test_empty_database(fixed_folder: Path, snap_compare: SnapCompare) -> None:
    from claimcheck.store import connect

    fixed_folder.mkdir(parents=True, exist_ok=True)
    empty = fixed_folder / "empty.db"
    for stale in fixed_folder.glob("empty.db*"):
        stale.unlink()
    connect(empty).close()
    assert snap_compare(app_on(empty), terminal_size=(100, 30), run_before=ready)


def test_a_case_opens_on_its_sources_under_review(
    fixed_case_db: Path, snap_compare: SnapCompare
) -> None:
    """As `make run` leaves it: the seed articles' claims, the evidence as reference material."""
    assert snap_compare(app_on(fixed_case_db), terminal_size=(160, 50), run_before=ready)


def test_evidence_reviewed_and_a_sentence_selected(
    fixed_case_db: Path, snap_compare: SnapCompare, monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimcheck.store import decisions

    monkeypatch.setattr(decisions, "now", lambda: "2026-01-02T03:04:05.000000+00:00")

    async def review(pilot: Pilot[None]) -> None:
        await ready(pilot)
        await pilot.press("enter")
        await ready(pilot)
        await pilot.press("a", "down", "x", "down", "2")
        await ready(pilot)
        await pilot.press("escape", "t", "right")
        await ready(pilot)

    assert snap_compare(app_on(fixed_case_db), terminal_size=(160, 50), run_before=review)
