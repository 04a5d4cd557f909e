"""CLI output people read: tables that fit the terminal, the claim wrapped not cut, evidence in
`show`, reasons in words, id prefixes and unknown names, URLs, the summary's two kinds of count."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from claimcheck.cli import main
from claimcheck.text.words import shared_words
from tests.cli.test_review_cli import case, data

__all__ = ["case"]  # the fixture, used by name


def run(db: Path, *args: str, columns: int | None = None) -> Result:
    env = {"COLUMNS": str(columns)} if columns else {"COLUMNS": ""}
    return CliRunner().invoke(main, ["--db", str(db), *args], env=env)


def longest(text: str) -> int:
    return max(len(line) for line in text.splitlines())


def words(text: str) -> str:
    return " ".join(text.split())


def conflicted(case: Path) -> str:
    return str(data(run(case, "conflicts", "--json"))[0]["claim_id"])


def test_claims_fit_80_columns_with_every_claim_whole(case: Path) -> None:
    shown = run(case, "claims", columns=80)
    assert shown.exit_code == 0, shown.stderr
    assert longest(shown.stdout) <= 80
    flat = words(shown.stdout)
    for claim in data(run(case, "claims", "--json")):
        assert words(claim["text"]) in flat  # wrapped beneath its row, never cut


def test_claims_piped_or_wide_are_one_full_line_each(case: Path) -> None:
    claims = data(run(case, "claims", "--json"))
    for args in (["claims"], ["claims", "--wide"]):
        lines = run(case, *args).stdout.splitlines()
        assert len(lines) == len(claims) + 3  # header, rule, rows, count
        assert all(
            words(c["text"]) in words(line) for c, line in zip(claims, lines[2:], strict=False)
        )
    assert longest(run(case, "claims", "--wide", columns=80).stdout) > 80


def test_evidence_and_show_fit_and_show_includes_the_evidence(case: Path) -> None:
    claim = conflicted(case)
    evidence = data(run(case, "evidence", claim, "--json"))
    for command in ("evidence", "show"):
        shown = run(case, command, claim, columns=80)
        assert shown.exit_code == 0, shown.stderr
        assert longest(shown.stdout) <= 80, command
        flat = words(shown.stdout)
        for e in evidence:
            assert words(e["reason"]) in flat and words(e["text"]) in flat, command
    assert "in conflict):" in run(case, "show", claim, columns=80).stdout


def test_reasons_name_words_not_stems() -> None:
    claim = "Pyongyang denied the shipments were cancelled."
    passage = "Moscow denies that any shipment was cancelled."
    assert shared_words(claim, passage) == ["denied", "shipments", "cancelled"]


def test_related_reasons_in_the_database_are_words(case: Path) -> None:
    claims = data(run(case, "claims", "--json"))
    reasons = [e["reason"] for c in claims for e in c["evidence"] if "shares" in e["reason"]]
    assert reasons
    for reason in reasons:
        for word in reason.split("shares ", 1)[1].split(", "):
            assert re.fullmatch(r"[\w'’-]+", word)
    texts = " ".join(c["text"].lower() for c in claims)
    shared = {w for r in reasons for w in r.split("shares ", 1)[1].split(", ")}
    assert all(word in texts for word in shared)  # each word as some claim writes it


def test_document_by_prefix_and_unknown_or_ambiguous_names(case: Path) -> None:
    claims = data(run(case, "claims", "--json"))
    document = str(claims[0]["document_id"])
    by_prefix = data(run(case, "claims", "--document", document[:6], "--json"))
    assert by_prefix and {c["document_id"] for c in by_prefix} == {document}
    for name in ("dd09b1zz", "no/such/file.md"):
        missing = run(case, "claims", "--document", name)
        assert missing.exit_code == 1 and "no document with id or path" in missing.stderr
        assert missing.stdout == ""
    ambiguous = run(case, "claims", "--document", document[0])
    assert ambiguous.exit_code == 1 and "ambiguous" in ambiguous.stderr
    listed = {c["document_id"] for c in claims} | {document}
    assert len(re.findall(rf"\b{document[0]}[0-9a-f]{{11}}\b", ambiguous.stderr)) >= 2
    assert len(ambiguous.stderr.splitlines()) == 1 and listed


def test_an_ambiguous_claim_id_lists_the_candidates(case: Path) -> None:
    ids = [c["id"] for c in data(run(case, "claims", "--include-reference", "--json"))]
    prefix = max({i[:2] for i in ids}, key=lambda p: sum(i.startswith(p) for i in ids))
    result = run(case, "show", prefix)
    assert result.exit_code == 1 and "ambiguous" in result.stderr
    assert sum(i in result.stderr for i in ids if i.startswith(prefix)) >= 2


@pytest.mark.parametrize("url", ["http://127.0.0.1:9/article", "https://127.0.0.1:9/a.html"])
def test_ingest_an_unreachable_url_says_so_in_one_line(tmp_path: Path, url: str) -> None:
    result = run(tmp_path / "u.db", "ingest", url)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {url}: cannot be fetched")
    assert len(result.stderr.splitlines()) == 1


def test_summary_counts_claims_and_passages_apart(case: Path) -> None:
    text = run(case, "summary").stdout
    summary = data(run(case, "summary", "--json"))
    claims_line = f"{summary['checked']} claims checked, {summary['claims_with_conflicts']} of them"
    assert claims_line in text
    kinds = ", ".join(f"{n} {k}" for k, n in sorted(summary["conflicts_by_kind"].items()))
    assert f"conflicting passages by kind: {kinds}" in text
    assert not re.search(r"claims have conflicts \(", text)


def test_json_is_unchanged_by_the_width(case: Path) -> None:
    wide = run(case, "claims", "--json", columns=60).stdout
    assert json.loads(wide) == json.loads(run(case, "claims", "--json").stdout)
