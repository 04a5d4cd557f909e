"""Tables that fit the terminal: short columns on one line, long text wrapped beneath each row.

The width is `--wide` (no limit), else $COLUMNS, else the terminal's when stdout is one; piped to
a file without $COLUMNS the output is full width, one line per row, nothing cut.
"""

from __future__ import annotations

import os
import shutil
import sys
import textwrap
from collections.abc import Sequence

from claimcheck.text.printable import printable
from claimcheck.text.shorten import shorten_middle

INDENT = "    "
MIN_WIDTH = 40


def output_width(wide: bool = False) -> int | None:
    """How many columns stdout has, or None for no limit (`--wide`, or piped without $COLUMNS)."""
    if wide:
        return None
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return max(MIN_WIDTH, int(columns))
    if sys.stdout.isatty():
        return max(MIN_WIDTH, shutil.get_terminal_size().columns)
    return None


def flat(value: object) -> str:
    """A cell's text on one line, control characters made visible."""
    return "" if value is None else " ".join(printable(str(value)).split())


def wrap(text: str, width: int, indent: str = "", first: str | None = None) -> list[str]:
    """`text` in lines of at most `width`, broken at spaces only (a hyphenated word stays whole,
    so the text reads back by joining the lines with spaces)."""
    return textwrap.wrap(
        text,
        width,
        initial_indent=indent if first is None else first,
        subsequent_indent=indent,
        break_on_hyphens=False,
    )


def _line(cells: Sequence[str], widths: Sequence[int]) -> str:
    return "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()


def aligned(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """Header, rule and rows, each column as wide as its widest cell."""
    widths = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(headers)]
    return [_line(headers, widths), "  ".join("-" * w for w in widths)] + [
        _line(row, widths) for row in rows
    ]


def records(
    headers: Sequence[str],
    rows: Sequence[tuple[Sequence[object], Sequence[str]]],
    width: int,
    *,
    squeeze: int,
) -> str:
    """Each row's short cells aligned on one line (column `squeeze` cut from the middle so the
    line fits `width`), then its long texts wrapped to `width` beneath it, indented."""
    cells = [[flat(c) for c in short] for short, _ in rows]
    widths = [max([len(h), *(len(r[i]) for r in cells)]) for i, h in enumerate(headers)]
    others = sum(w for i, w in enumerate(widths) if i != squeeze) + 2 * (len(widths) - 1)
    room = max(len(headers[squeeze]), min(widths[squeeze], width - others))
    for row in cells:
        row[squeeze] = shorten_middle(row[squeeze], room)
    widths[squeeze] = room
    lines = [_line(headers, widths), "  ".join("-" * w for w in widths)]
    for row, (_, long_texts) in zip(cells, rows, strict=True):
        lines.append(_line(row, widths))
        for text in long_texts:
            lines += wrap(flat(text), width, INDENT)
    return "\n".join(lines)
