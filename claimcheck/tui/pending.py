"""Decisions the analyst made that the database does not hold yet.

The list shows such a decision as pending (`… confirmed`) until its transaction commits, never as
saved. When a write fails (another process kept the database locked past the timeout, a full
disk), the decision is kept, shown as not saved (`⚠ confirmed` in red) and retried every
`RETRY_SECONDS`; a banner above the list says how many are not saved and why until they are, and
quitting asks again first. A later decision on the same claim is merged into the waiting one.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.widgets import Static

from claimcheck.models import Status

RETRY_SECONDS = 5.0
"""How often decisions that failed to save are tried again."""


@dataclass
class Unsaved:
    """A decision not yet committed: the status and note to store (None keeps the stored one)."""

    claim_id: str
    status: Status | None
    note: str | None
    seq: int
    failure: str | None = None
    saving: bool = False


class PendingDecisions:
    """The decisions waiting to be stored, one per claim, in the order they were made."""

    def __init__(self) -> None:
        self._by_claim: dict[str, Unsaved] = {}
        self._seq = 0

    def add(self, claim_id: str, status: Status | None, note: str | None) -> Unsaved:
        """Keep a new decision, merged with one still waiting for the same claim."""
        self._seq += 1
        waiting = self._by_claim.pop(claim_id, None)
        if waiting is not None:
            status = status if status is not None else waiting.status
            note = note if note is not None else waiting.note
        entry = Unsaved(claim_id, status, note, self._seq)
        self._by_claim[claim_id] = entry
        return entry

    def get(self, claim_id: str) -> Unsaved | None:
        """The decision waiting for this claim, if any."""
        return self._by_claim.get(claim_id)

    def saved(self, entry: Unsaved) -> bool:
        """Forget a decision that was stored, unless a newer one for its claim is waiting."""
        if self._by_claim.get(entry.claim_id) is entry:
            del self._by_claim[entry.claim_id]
            return True
        return False

    def failed(self, entry: Unsaved, reason: str) -> bool:
        """Record why a decision could not be stored (it stays, to be retried)."""
        if self._by_claim.get(entry.claim_id) is not entry:
            return False
        entry.failure = reason
        return True

    @property
    def failures(self) -> list[Unsaved]:
        """Decisions whose last attempt to be stored failed."""
        return [entry for entry in self._by_claim.values() if entry.failure is not None]

    def __contains__(self, claim_id: object) -> bool:
        return claim_id in self._by_claim

    def __len__(self) -> int:
        return len(self._by_claim)


class UnsavedBanner(Static):
    """A red line above the list while any decision could not be saved; hidden otherwise."""

    def show_failures(self, pending: PendingDecisions, *, quitting: bool = False) -> None:
        """Say how many decisions are not saved and why, or hide when all are."""
        failures = pending.failures
        self.display = bool(failures) or quitting
        if not self.display:
            return
        count = len(failures) or len(pending)
        noun = "decision" if count == 1 else "decisions"
        reason = failures[-1].failure if failures else "still being saved"
        then = (
            "press q again to quit WITHOUT them"
            if quitting
            else f"kept and retried every {RETRY_SECONDS:.0f} s; r retries now"
        )
        self.update(f"⚠ {count} {noun} NOT saved ({reason}); {then}")
