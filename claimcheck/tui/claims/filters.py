"""Which claims the list shows, and in which order: pure functions over ClaimRow lists."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from claimcheck.models import Status
from claimcheck.store.listing import ClaimRow

UNGRADED = "-"
"""The filter value for a claim not graded on that axis."""
STATUS_ORDER = {Status.disputed: 0, Status.unverified: 1, Status.confirmed: 2}
SORT_KEYS: dict[str, tuple[str, Callable[[ClaimRow], Any]]] = {
    "status": ("status", lambda r: STATUS_ORDER[r.status]),
    "conflict": ("conflict", lambda r: (-r.contradicts, -r.updates)),
    "worth": ("check-worthiness", lambda r: -r.checkworthiness),
    "supports": ("supporting", lambda r: -r.supports),
    "contradicts": ("contradicting", lambda r: -r.contradicts),
    "flags": ("flags", lambda r: (not r.disagreement, not r.hand_made)),
    "document": ("document", lambda r: (r.document_title.lower(), r.span_start)),
    "claim": ("claim text", lambda r: r.text.lower()),
}
"""Column key → (label, sort key); the natural order puts the most interesting first."""


@dataclass(frozen=True)
class Filters:
    """The list's filters: status, document, conflicts, analyst and disagreement, plus the
    search text; and the scope: reference material's claims and dismissed claims, both off by
    default (the list shows the sources under review)."""

    status: Status | None = None
    document_id: str | None = None
    conflicts_only: bool = False
    search: str = ""
    include_reference: bool = False
    include_dismissed: bool = False
    analyst: str | None = None
    disagreements_only: bool = False
    reliability: str | None = None
    """A source reliability grade A–F, or UNGRADED; None: any."""
    credibility: str | None = None
    """A credibility grade 1–6, or UNGRADED; None: any."""

    def in_scope(self, row: ClaimRow) -> bool:
        """Whether a claim is in the list's scope (its role and dismissal)."""
        return (self.include_reference or row.role == "source") and (
            self.include_dismissed or not row.dismissed
        )

    def matches(self, row: ClaimRow) -> bool:
        """Whether a claim passes every filter (search is case-insensitive, on the claim text)."""
        if not self.in_scope(row):
            return False
        if self.status is not None and row.status != self.status:
            return False
        if self.document_id is not None and row.document_id != self.document_id:
            return False
        if self.conflicts_only and not row.has_conflict:
            return False
        if self.analyst is not None and self.analyst not in row.analysts:
            return False
        if self.disagreements_only and not row.disagreement:
            return False
        if not self.grades_match(row):
            return False
        return not self.search or self.search.lower() in row.text.lower()

    def grades_match(self, row: ClaimRow) -> bool:
        """Whether the claim has the source reliability and credibility asked for, if any."""
        reliability = row.reliability or UNGRADED
        credibility = str(row.credibility) if row.credibility else UNGRADED
        return self.reliability in (None, reliability) and self.credibility in (None, credibility)

    @property
    def narrowed(self) -> bool:
        """Whether a filter beyond the default scope is on."""
        return self.describe({}) != ""

    def describe(self, documents: dict[str, str]) -> str:
        """A short line saying which filters are on, for the list's caption."""
        parts = []
        if self.include_reference:
            parts.append("incl. reference")
        if self.include_dismissed:
            parts.append("incl. dismissed")
        if self.analyst is not None:
            parts.append(f"decided by {self.analyst}")
        if self.disagreements_only:
            parts.append("analysts disagree")
        if self.status is not None:
            parts.append(self.status.value)
        if self.document_id is not None:
            parts.append(f"in {documents.get(self.document_id, self.document_id)}")
        for axis, value in (("source", self.reliability), ("credibility", self.credibility)):
            if value is not None:
                parts.append(f"{axis} {'not graded' if value == UNGRADED else value}")
        if self.conflicts_only:
            parts.append("with conflicts")
        if self.search:
            parts.append(f"matching “{self.search}”")
        return ", ".join(parts)


@dataclass(frozen=True)
class Order:
    """Sort column and direction; `None` keeps document and reading order."""

    column: str | None = None
    reverse: bool = False

    def apply(self, rows: list[ClaimRow]) -> list[ClaimRow]:
        """The rows in this order (stable, so ties keep reading order); reversed, the whole
        list is turned over, ties too, so reversing always shows a change."""
        ordered = list(rows) if self.column is None else sorted(rows, key=SORT_KEYS[self.column][1])
        return ordered[::-1] if self.reverse else ordered

    def toggled(self, column: str) -> Order:
        """Sorting by `column`: a second time on the same column reverses it."""
        if column == self.column:
            return Order(column, not self.reverse)
        return Order(column, False)


def visible(rows: list[ClaimRow], filters: Filters, order: Order) -> list[ClaimRow]:
    """The rows the list shows."""
    return order.apply([row for row in rows if filters.matches(row)])
