"""Claims by hand: added, edited and split claims are anchored like extracted ones (code points,
quote with context), keep their history, are checked, and say who made them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from claimcheck.check import CheckConfig, check
from claimcheck.errors import ClaimcheckError
from claimcheck.ingest import ingest_paths
from claimcheck.ingest.handmade import add_claim, edit_claim, find_quote, split_claim
from claimcheck.models import Scope, Status
from claimcheck.store import connect
from claimcheck.store.decisions import decide
from claimcheck.store.documents import get_document
from claimcheck.store.views import claim_view, claim_views
from tests.conftest import SEED_EAF
from tests.fakes import BagOfWordsEmbedder

TRICKY = (
    "# 速報 🚀 Update\r\n\r\n"
    "Byline: staff 👩‍👩‍👧 reporters\r\n\r\n"
    "KCNA said on 2 May 2025 that 2,000 troops returned.\r\n"
    "The ministry said the troops were\r\nwelcomed in Pyongyang by 3,000 people.\r\n"
    "The ministry said it again.\r\n"
)


@pytest.fixture
def tricky(tmp_path: Path) -> tuple[sqlite3.Connection, str]:
    source = tmp_path / "tricky.md"
    source.write_bytes(TRICKY.encode("utf-8"))
    conn = connect(tmp_path / "hand.db")
    assert not ingest_paths(conn, [source]).failed
    return conn, str(source)


def test_an_added_claim_is_anchored_in_code_points(tricky: tuple[sqlite3.Connection, str]) -> None:
    conn, path = tricky
    added = add_claim(conn, path, "the troops were welcomed in Pyongyang", "ana")
    text = get_document(conn, added.document_id).text
    assert text[added.span.start : added.span.end] == added.span.exact == added.text
    assert "\n" in added.span.exact  # typed with a space, found across the line break
    assert text[: added.span.start].endswith(added.span.prefix)
    assert text[added.span.end :].startswith(added.span.suffix)
    view = claim_view(conn, added.id)
    assert (view.origin, view.hand_made, view.created_by) == ("added", True, "ana")
    assert view.anchors[0].method == "added" and view.anchors[0].analyst == "ana"
    assert [q.text for q in add_claim(conn, path, "by 3,000 people.", "ana").quantities] == [
        "3,000"
    ]


def test_a_quote_must_be_found_once_or_by_occurrence(
    tricky: tuple[sqlite3.Connection, str],
) -> None:
    conn, path = tricky
    with pytest.raises(ClaimcheckError, match=r"occurs 2 times; pass --occurrence 1\.\.2"):
        add_claim(conn, path, "The ministry said", "ana")
    second = add_claim(conn, path, "The ministry said", "ana", occurrence=2)
    assert second.span.suffix.startswith(" it again")
    with pytest.raises(ClaimcheckError, match="occurs 2 times"):
        add_claim(conn, path, "The ministry said", "ana", occurrence=3)
    with pytest.raises(ClaimcheckError, match="does not occur"):
        add_claim(conn, path, "nobody said this", "ana")
    with pytest.raises(ClaimcheckError, match="already claim"):
        add_claim(conn, path, "The ministry said", "bo", occurrence=2)
    byline = add_claim(conn, path, "staff 👩‍👩‍👧 reporters", "ana")
    text = get_document(conn, byline.document_id).text
    assert text[byline.span.start : byline.span.end] == "staff 👩‍👩‍👧 reporters"
    assert find_quote("a  b\tc", "a b c") == (0, 6)  # a run of white space matches any run


def test_editing_a_span_keeps_the_claim_and_its_old_anchor(
    tricky: tuple[sqlite3.Connection, str],
) -> None:
    conn, _ = tricky
    extracted = claim_views(conn)[0]
    decide(conn, extracted.id, Status.disputed, "ana", note="date is wrong")
    old, new = edit_claim(conn, extracted.id, "2,000 troops returned.", "bo")
    assert (old.id, new.id) == (extracted.id, extracted.id)
    view = claim_view(conn, extracted.id)
    assert view.text == "2,000 troops returned." and view.status == Status.disputed
    assert [a.method for a in view.anchors] == ["extracted", "edited"]
    assert view.anchors[0].exact == extracted.span.exact and view.anchors[1].analyst == "bo"
    assert view.hand_made and view.origin == "extracted"
    with pytest.raises(ClaimcheckError, match="already has that span"):
        edit_claim(conn, extracted.id, "2,000 troops returned.", "bo")


def test_splitting_a_compound_claim(seeded: sqlite3.Connection) -> None:
    compound = next(v for v in claim_views(seeded) if v.text.startswith("While the United States"))
    assert compound.attribution == "the United States"
    split = split_claim(
        seeded,
        compound.id,
        [
            "the United States accuses North Korea of supplying over 1000 containers of military "
            "equipment and munitions to Russia",
            "Pyongyang denies the claims.",
        ],
        "ana",
    )
    us, pyongyang = (claim_view(seeded, part.id) for part in split.parts)
    assert pyongyang.attribution == "Pyongyang" and us.quantities[0].text == "over 1000"
    assert {us.origin, pyongyang.origin} == {"split"} and us.split_from == compound.id
    parent = claim_view(seeded, compound.id)
    assert parent.dismissed and parent.note == f"split into {us.id}, {pyongyang.id}"
    listed = {v.id for v in claim_views(seeded, scope=Scope())}
    assert {us.id, pyongyang.id} <= listed and compound.id not in listed
    with pytest.raises(ClaimcheckError, match="does not occur in the claim"):
        split_claim(seeded, us.id, ["Pyongyang", "nowhere"], "ana")
    with pytest.raises(ClaimcheckError, match="at least two"):
        split_claim(seeded, us.id, ["the United States"], "ana")


def test_hand_made_claims_are_checked_and_survive_a_new_version(tmp_path: Path) -> None:
    source = tmp_path / "eaf.txt"
    source.write_text(SEED_EAF.read_text(encoding="utf-8"), encoding="utf-8")
    db = tmp_path / "hand.db"
    conn = connect(db)
    ingest_paths(conn, [source])
    added = add_claim(conn, str(source), "Pyongyang denies the claims.", "ana")
    report = check(conn, db, CheckConfig(model="fake-bow"), make_embedder=BagOfWordsEmbedder)
    assert report.claims_checked == len(claim_views(conn))
    source.write_text("A new first line.\n\n" + source.read_text(encoding="utf-8"))
    ingest_paths(conn, [source])
    moved = claim_view(conn, added.id)
    assert moved.origin == "added" and moved.document_version == 2 and not moved.orphaned
    assert moved.span.exact == "Pyongyang denies the claims."
    assert [a.method for a in moved.anchors] == ["added", "exact"]
    conn.close()
