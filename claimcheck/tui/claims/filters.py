"""Which claims the list shows, and in which order: pure functions over ClaimRow lists."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from claimcheck.models import Status
from claimcheck.store.listing import ClaimRow

STATUS_ORDER = {Status.disputed: 0, Status.unverified: 1, Status.confirmed: 2}
SORT_KEYS: dict[str, tuple[str, Callable[[ClaimRow], Any]]] = {
    "status": ("status", lambda r: STATUS_ORDER[r.status]),
    "conflict": ("conflict", lambda r: (-r.contradicts, -r.updates)),
    "worth": ("check-worthiness", lambda r: -r.checkworthiness),
    "supports": ("supporting", lambda r: -r.supports),
    "contradicts": ("contradicting", lambda r: -r.contradicts),
    "document": ("document", lambda r: (r.document_title.lower(), r.span_start)),
    "claim": ("claim text", lambda r: r.text.lower()),
}
"""Column key → (label, sort key); the natural order puts the most interesting first."""


@dataclass(frozen=True)
class Filters:
    """The list's filters: status, document and conflicts, plus the search text."""

    status: Status | None = None
    document_id: str | None = None
    conflicts_only: bool = False
    search: str = ""

    def matches(self, row: ClaimRow) -> bool:
        """Whether a claim passes every filter (search is case-insensitive, on the claim text)."""
        if self.status is not None and row.status != self.status:
            return False
        if self.document_id is not None and row.document_id != self.document_id:
            return False
        if self.conflicts_only and not row.has_conflict:
            return False
        return not self.search or self.search.lower() in row.text.lower()

    def describe(self, documents: dict[str, str]) -> str:
        """A short line saying which filters are on, for the list's caption."""
        parts = []
        if self.status is not None:
            parts.append(self.status.value)
        if self.document_id is not None:
            parts.append(f"in {documents.get(self.document_id, self.document_id)}")
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
        """The rows in this order (stable, so ties keep reading order)."""
        if self.column is None:
            return list(reversed(rows)) if self.reverse else list(rows)
        key = SORT_KEYS[self.column][1]
        return sorted(rows, key=key, reverse=self.reverse)

    def toggled(self, column: str) -> Order:
        """Sorting by `column`: a second time on the same column reverses it."""
        if column == self.column:
            return Order(column, not self.reverse)
        return Order(column, False)


def visible(rows: list[ClaimRow], filters: Filters, order: Order) -> list[ClaimRow]:
    """The rows the list shows."""
    return order.apply([row for row in rows if filters.matches(row)])
