"""Sets of text spans that answer "does [start, end) overlap any of them?" in logarithmic time."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from itertools import accumulate


class SpanSet:
    """Half-open spans, sorted once; overlap queries bisect instead of scanning every span."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        self._reach = list(accumulate((end for _, end in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        """Whether [start, end) shares a character with any span of the set."""
        before = bisect_left(self._starts, end)  # spans starting before this one ends
        return before > 0 and self._reach[before - 1] > start
