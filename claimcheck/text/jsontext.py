"""Indented JSON text, serialised in Rust (pydantic-core) rather than by the stdlib.

`json.dumps(..., indent=2)` falls back to the stdlib's pure-Python encoder: at 10,000 claims the
annotations report took 12 s that way against about 1 s here, and `claims --json` spends a third
of its start-up budget in it. The text is the same as `json.dumps(value, ensure_ascii=False,
indent=2)`, except that a float below 1e-4 keeps a shorter exponent (1e-7, not 1e-07: the same
number) and NaN becomes null (tests/test_jsontext.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator


def pretty_json(value: object) -> str:
    """`value` as indented UTF-8 JSON text (no trailing newline)."""
    from pydantic_core import to_json

    return to_json(value, indent=2).decode("utf-8")


def json_array_chunks(items: Iterable[object]) -> Iterator[str]:
    """The text of `pretty_json(list(items))`, one item at a time, so a long array is written
    without holding it (or its text) in memory."""
    from pydantic_core import to_json

    first = True
    for item in items:
        text = to_json(item, indent=2).decode("utf-8").replace("\n", "\n  ")
        yield ("[\n  " if first else ",\n  ") + text
        first = False
    yield "[]" if first else "\n]"
