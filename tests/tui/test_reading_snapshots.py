"""How the reading surfaces look at 80×24 and 160×50: a claim with a conflict, the passage read
in its own document, the filter dialog and the help with its markers.

Regenerate after an intended change with `pytest tests/tui --snapshot-update`, then look at the
SVGs in tests/tui/__snapshots__/ before committing them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.screen import Screen

from claimcheck.tui.app import ClaimcheckApp
from claimcheck.tui.detail.context import EvidenceContext
from claimcheck.tui.modals.filters import FilterScreen
from claimcheck.tui.modals.help import HelpScreen
from tests.tui.test_snapshots import SnapCompare, app_on, ready

SIZES = [(80, 24), (160, 50)]
Steps = Callable[[Pilot[None]], Awaitable[None]]


async def on_a_conflict(pilot: Pilot[None]) -> None:
    """The first claim another source contradicts, its detail shown."""
    await ready(pilot)
    app = pilot.app
    assert isinstance(app, ClaimcheckApp)
    table = app.claims.table
    index = next(i for i, row in enumerate(table.rows) if row.contradicts)
    table.move_by_analyst(index)
    await ready(pilot)


async def reading_the_passage(pilot: Pilot[None]) -> None:
    """Tab to the conflict's evidence, enter: the passage in its own document, focused."""
    await on_a_conflict(pilot)
    await pilot.press("tab", "enter")
    await ready(pilot)
    app = pilot.app
    for _ in range(100):  # the passage loads on a worker; wait until it has the focus
        if isinstance(app.focused, EvidenceContext) and app.focused.has_text:
            break
        await pilot.pause(0.05)
    assert isinstance(app.focused, EvidenceContext)
    await pilot.pause()


async def opened(pilot: Pilot[None], key: str, screen: type[Screen[Any]]) -> None:
    """Press `key` once the app is ready and wait until `screen` is up."""
    await ready(pilot)
    await pilot.press(key)
    for _ in range(100):
        if isinstance(pilot.app.screen, screen):
            break
        await pilot.pause(0.05)
    await pilot.pause()


async def filter_dialog(pilot: Pilot[None]) -> None:
    await opened(pilot, "f", FilterScreen)


async def help_screen(pilot: Pilot[None]) -> None:
    await opened(pilot, "question_mark", HelpScreen)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "160x50"])
@pytest.mark.parametrize(
    "steps",
    [on_a_conflict, reading_the_passage, filter_dialog, help_screen],
    ids=["conflict", "passage", "filters", "help"],
)
def test_reading_surfaces(
    fixed_db: Path, snap_compare: SnapCompare, steps: Steps, size: tuple[int, int]
) -> None:
    app: ClaimcheckApp = app_on(fixed_db)
    assert snap_compare(app, terminal_size=size, run_before=steps)
