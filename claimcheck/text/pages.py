"""Pages of a paged source (PDF): which page a code-point offset of the stored text falls on."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence


def page_at(page_starts: Sequence[int] | None, offset: int) -> int | None:
    """The 1-based page holding `offset`, given each page's first offset; None when unpaged.

    A page with no text starts where the next one does; the offset belongs to the later page.
    """
    if not page_starts:
        return None
    return max(1, bisect_right(page_starts, offset))
