"""pretty_json writes what json.dumps(indent=2, ensure_ascii=False) writes, only faster."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from claimcheck.text.jsontext import pretty_json

# Floats as claimcheck writes them: scores, similarities, figures (1e-7 and smaller are written
# 1e-7 by pydantic-core and 1e-07 by the stdlib: the same number, another spelling).
plain_floats = st.floats(allow_nan=False, allow_infinity=False).filter(
    lambda x: x == 0 or abs(x) >= 1e-4
)
scalars = st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | plain_floats | st.text()
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=30,
)


@given(values)
def test_the_text_is_the_stdlib_text(value: object) -> None:
    assert pretty_json(value) == json.dumps(value, ensure_ascii=False, indent=2)


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_every_float_reads_back_as_itself(number: float) -> None:
    assert json.loads(pretty_json({"x": number})) == {"x": number}


def test_non_ascii_and_control_characters() -> None:
    text = 'Pyongyang’s \u202eright-to-left\u202c 평양 \x00 \n "quoted" \\'
    assert pretty_json([text]) == json.dumps([text], ensure_ascii=False, indent=2)
    assert json.loads(pretty_json(text)) == text
