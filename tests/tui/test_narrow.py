"""The stacked layout at 80×24: the list has most of the height and the highlighted claim is shown
whole beneath it; opening a claim gives the detail the whole height, escape brings the list back."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from claimcheck.tui.claims.preview import ClaimPreview
from claimcheck.tui.claims.table import ClaimsTable
from claimcheck.tui.detail.pane import DetailPane, EvidenceTable
from tests.tui.test_reading import screen_text, until
from tests.tui.test_review_tui import RecordingApp, drive
from tests.tui.test_triage import settle

LEAST_ROWS = 12
"""Claims the 80×24 list shows at once (it showed 6 beside a detail of half the height)."""


def flat(text: str) -> str:
    return " ".join(text.split())


def test_at_80_by_24_the_list_fills_the_screen_and_the_claim_is_shown_whole(
    triage_db: Path,
) -> None:
    seen: dict[str, object] = {}

    async def scenario(app: RecordingApp, pilot: Pilot[None]) -> None:
        table = app.query_one(ClaimsTable)
        preview = app.query_one(ClaimPreview)
        on_screen = screen_text(app)
        seen["claim_width"] = table.claim_width  # the status is its symbol: room for the claim
        seen["visible"] = sum(
            flat(row.text)[:24] in flat(on_screen) for row in table.rows[: LEAST_ROWS + 4]
        )
        # a claim too long for its column: cut in the list, whole in the preview
        index = next(i for i, row in enumerate(table.rows) if len(row.text) > 2 * table.claim_width)
        table.move_by_analyst(index)
        claim = table.rows[index]
        await until(pilot, lambda: preview.claim_id == claim.id, "preview follows the cursor")
        await settle(app, pilot)
        seen["long"] = claim.text
        seen["screen"] = flat(screen_text(app))
        seen["preview_on_screen"] = preview.region.bottom <= app.screen.region.bottom
        seen["detail_hidden"] = app.query_one(DetailPane).region.height == 0
        await pilot.press("enter")
        evidence = app.query_one(EvidenceTable)
        await until(pilot, lambda: app.focused is evidence, "enter opens the claim")
        await until(pilot, lambda: app.query_one(DetailPane).region.height > 18, "detail shown")
        seen["list_hidden"] = table.region.height == 0
        await until(pilot, lambda: evidence.region.height > 0, "evidence scrolled into view")
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.focused, ClaimsTable), "escape: the list")
        await until(pilot, lambda: table.region.height > LEAST_ROWS, "the list is back")
        seen["back"] = claim.id == table.current_id

    drive(triage_db, scenario, size=(80, 24))
    visible = seen["visible"]
    assert isinstance(visible, int) and visible >= LEAST_ROWS, visible
    width = seen["claim_width"]
    assert isinstance(width, int) and width >= 50, width  # was 44 with the status in words
    long_text = flat(str(seen["long"]))
    assert long_text in str(seen["screen"])  # every word of it, in order, on screen
    assert seen["preview_on_screen"] and seen["detail_hidden"]
    assert seen["list_hidden"] and seen["back"]
