"""The credibility claimcheck suggests from independent sources, and the grade scales' parsing."""

from __future__ import annotations

import pytest

from claimcheck.grading import (
    Grade,
    outlet_key,
    parse_credibility,
    parse_reliability,
    suggest_credibility,
)
from claimcheck.models import EvidenceView, Span
from claimcheck.store.grades import claim_grade


@pytest.mark.parametrize(
    ("checked", "corroborating", "contradicting", "expected"),
    [
        (False, 0, 0, 6),  # no evidence searched yet: cannot be judged
        (True, 0, 0, 3),  # searched, nothing either way: possibly true
        (True, 1, 0, 2),  # one independent corroboration: probably true
        (True, 2, 0, 1),  # two or more, no contradiction: confirmed
        (True, 5, 0, 1),
        (True, 0, 1, 4),  # contradicted, not corroborated: doubtful
        (True, 0, 2, 5),  # contradicted by two or more: improbable
        (True, 2, 1, 3),  # mixed, mostly corroborated: possibly true
        (True, 1, 1, 3),
        (True, 1, 2, 4),  # mixed, mostly contradicted: doubtful
        (False, 1, 0, 2),  # a passage an analyst linked counts before any check
    ],
)
def test_suggestion_follows_the_documented_mapping(
    checked: bool, corroborating: int, contradicting: int, expected: int
) -> None:
    assert suggest_credibility(checked, corroborating, contradicting) == expected


def test_grades_parse_from_what_analysts_type() -> None:
    assert parse_reliability(" b ") == "B" and parse_credibility("6") == 6
    for bad in ("G", "", "AB", "1"):
        with pytest.raises(ValueError, match="A B C D E F"):
            parse_reliability(bad)
    for bad in ("0", "7", "B", "2.0", ""):
        with pytest.raises(ValueError, match="1 2 3 4 5 6"):
            parse_credibility(bad)


def test_an_outlet_is_its_publisher_case_insensitively_else_the_document() -> None:
    assert outlet_key(" The  Courier ", "/a.txt") == outlet_key("the courier", "/b.txt")
    assert outlet_key(None, "/a.txt") == ("document", "/a.txt")
    assert outlet_key("  ", "/a.txt") == ("document", "/a.txt")


def _evidence(path: str, publisher: str | None, stance: str, **extra: object) -> EvidenceView:
    return EvidenceView.model_validate(
        {
            "document_id": path, "document_path": path, "document_title": path.upper(),
            "document_publisher": publisher, "passage_id": len(path), "text": "t",
            "span": Span(start=0, end=1, exact="t"), "stance": stance, "score": 0.5,
            "reason": "r", "kind": None, "similarity": 0.5, "rank": 1, "embedding_model": "m",
            "stance_model": "s", "created_at": "2026-01-01", **extra,
        }
    )  # fmt: skip


def test_only_independent_outlets_count_once_each_and_rejected_links_not_at_all() -> None:
    evidence = [
        _evidence("/own-other-page.txt", "Courier", "supports"),  # the claim's own outlet
        _evidence("/wire1.txt", "Wire", "supports"),
        _evidence("/wire2.txt", "wire", "supports"),  # the same outlet again
        _evidence("/blog.txt", None, "supports", link="rejected", link_at="x"),
        _evidence("/rival.txt", "Rival", "contradicts"),
        _evidence("/topic.txt", None, "related"),
    ]
    grade = claim_grade("Courier", "/claim.txt", evidence, True, {}, [])
    assert grade.corroborating_sources == ["Wire"]
    assert grade.contradicting_sources == ["Rival"]
    assert grade.suggested_credibility == 3 and grade.code == "--"
    assert isinstance(grade, Grade) and grade.source == "Courier"
    assert "1 independent source corroborates, 1 contradicts" in grade.summary
