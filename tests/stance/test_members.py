"""None against one: a count of none somewhere against a named member there. Text written here."""

from __future__ import annotations

import pytest

from claimcheck.stance import classify
from tests.stance.test_frames_stance import dated

NONE = "The chief executive said no depots in Wales would close under the plan."


def judged(claim: str, passage: str) -> tuple[str, str]:
    result = classify(dated(claim, "2025-05-02"), dated(passage, "2025-05-09"), 0.45)
    return result.label, result.reason


def test_a_named_member_there_that_will_do_it_contradicts_none() -> None:
    label, reason = judged(
        NONE, "The firm confirmed that its Swansea depot, one of six in Wales, will close in July."
    )
    assert label == "contradicts" and "its Swansea depot" in reason and "Wales" in reason
    # from either side
    label, _ = judged(
        "The firm confirmed that its Swansea depot, one of six in Wales, will close in July.", NONE
    )
    assert label == "contradicts"


@pytest.mark.parametrize(
    ("passage", "why"),
    [
        (
            "The firm confirmed that its Bristol depot will close in July.",
            "the place is not stated",
        ),
        ("The firm confirmed that two depots in Wales will close in July.", "no named member"),
        ("The firm confirmed that its Swansea depot in Wales will not close.", "negated"),
        (
            "The firm confirmed that its Swansea depot in Wales closed in 2019.",
            "past against a plan",
        ),
        ("The firm confirmed that its Swansea depot in Wales will hire 40 drivers.", "another act"),
        ("The firm said its Wales depots will stay open.", "the place, not a member"),
    ],
)
def test_what_is_not_a_member_doing_it(passage: str, why: str) -> None:
    assert judged(NONE, passage)[0] != "contradicts", why
