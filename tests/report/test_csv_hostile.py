"""CSV cells that cannot carry formulas or break rows, whatever notes and quotes hold."""

from __future__ import annotations

import csv
import io
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.models import ClaimView, Span, Status
from claimcheck.report.build import ReportInput
from claimcheck.report.csvfmt import HEADER, cell, render_csv
from claimcheck.report.model import ModelsUsed, Report, ReportSummary

FORMULA_STARTS = "=+-@"
LOOKALIKES = "＝＋－＠﹦﹢﹣﹫⁼⁺⁻₌₊₋−➕➖‐‑‒–—―"
BLANKS = [" ", "\t", "\n", "\r", "\r\n", "\u00a0", "\u3000", "\u200b", "\ufeff", "\u202e", "\x0b"]
PAYLOADS = ["cmd|' /C calc'!A0", 'HYPERLINK("http://x")', "1+2", "SUM(A1:A2)", ""]

hostile_text = st.one_of(
    st.text(max_size=30),
    st.builds(
        lambda lead, start, payload, tail: lead + start + payload + tail,
        st.lists(st.sampled_from(BLANKS), max_size=4).map("".join),
        st.sampled_from(list(FORMULA_STARTS + LOOKALIKES)),
        st.sampled_from(PAYLOADS),
        st.text(alphabet=st.sampled_from(['"', ",", "\r", "\n", "'", "a", "="]), max_size=6),
    ),
    st.builds(
        lambda before, after: f"{before}\r={after}",
        st.text(max_size=10),
        st.sampled_from(PAYLOADS),
    ),
)


def report_with(texts: list[tuple[str, str, str]]) -> ReportInput:
    """A report whose claims carry the given (quote, note, attribution) texts."""
    claims = [
        ClaimView(
            id=f"c{index:011d}",
            document_id="d1",
            document_path="/tmp/x.txt",
            document_title=attribution or "title",
            document_version=1,
            sha256="0" * 64,
            text=quote,
            span=Span(start=0, end=len(quote), exact=quote),
            quantities=[],
            dates=[],
            attribution=attribution or None,
            checkworthiness=0.5,
            status=Status.disputed,
            note=note or None,
            orphaned=False,
            history=[],
        )
        for index, (quote, note, attribution) in enumerate(texts)
    ]
    summary = ReportSummary(
        claims=len(claims),
        by_status={"disputed": len(claims)},
        by_document=[],
        conflicts_by_kind={},
        claims_with_conflicts=0,
    )
    models = ModelsUsed(claimcheck="0", embedding_models=[], stance_models=[], packages={})
    report = Report(
        generated_at="2026-01-01T00:00:00+00:00",
        database="x.db",
        models=models,
        summary=summary,
        documents=[],
        claims=claims,
        conflicts=[],
    )
    return ReportInput(report, {})


def first_visible(value: str) -> str:
    """The first character that is not whitespace, a control or a format character."""
    for char in value:
        if not char.isspace() and unicodedata.category(char) not in ("Cc", "Cf", "Zs"):
            return char
    return ""


def could_start_formula(char: str) -> bool:
    normalised = unicodedata.normalize("NFKC", char)
    return bool(char) and (
        normalised[:1] in FORMULA_STARTS or unicodedata.category(char) == "Pd" or char in "−➕➖"
    )


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(hostile_text, hostile_text, hostile_text), min_size=1, max_size=5))
def test_hostile_cells_read_back_as_one_row_each_and_never_start_a_formula(
    texts: list[tuple[str, str, str]],
) -> None:
    text = render_csv(report_with(texts))
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == HEADER
    assert len(rows) == len(texts) + 1  # a line break inside a cell never starts a new row
    for row, (quote, note, attribution) in zip(rows[1:], texts, strict=True):
        assert len(row) == len(HEADER)
        cells = dict(zip(HEADER, row, strict=True))
        for name, original in (("quote", quote), ("note", note), ("attribution", attribution)):
            written = cells[name]
            assert written in (original, "'" + original)  # nothing else is changed
            assert not could_start_formula(first_visible(written)), (name, written)
            if could_start_formula(first_visible(original)):
                assert written == "'" + original


def test_the_reported_bypasses_are_neutralised() -> None:
    carriage_return = "Reviewed by ana\r=cmd|' /C calc'!A0"
    for value in (" =1+2", "\n=1+2", "＝1+2", "\u3000＠SUM(A1)", "\u200b-1", "−2", "\r\n+1"):
        assert cell(value) == "'" + value
    assert cell("plain") == "plain" and cell("1-2") == "1-2" and cell("") == ""
    rows = list(csv.reader(io.StringIO(render_csv(report_with([("q", carriage_return, "")])))))
    assert len(rows) == 2 and rows[1][HEADER.index("note")] == carriage_return
    line_breaks = render_csv(report_with([("a\rb", "c\nd", "")]))
    assert '"a\rb"' in line_breaks and '"c\nd"' in line_breaks
