"""The triage TUI: Textual front end over the claimcheck store (textual is imported only here)."""

from __future__ import annotations

from pathlib import Path


def run(db_path: Path, analyst: str) -> None:
    """Open the triage app on the database at `db_path` until the analyst quits."""
    from claimcheck.tui.app import ClaimcheckApp

    ClaimcheckApp(db_path, analyst).run()
