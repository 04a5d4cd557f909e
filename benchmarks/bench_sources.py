"""Issue 14's PDF reader choice: pypdf against pdfplumber on PDFs the tests generate.

    .venv/bin/python benchmarks/bench_sources.py [--pages 50] [--runs 3]

For each library: whether a page's lines come out in reading order (running header first, body
lines as set, footer last), the share of the body's lines it returns verbatim, whether it gives
line positions (what dropping headers and footers and finding paragraphs needs), the seconds per
page on a long PDF, and claimcheck's own result (`ingest.pdf.read_pdf`, on pdfplumber): the
sentences of the test article recovered whole.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimcheck.ingest.pdf import read_pdf  # noqa: E402
from tests.ingest.makedocs import (  # noqa: E402
    EXPECTED_SENTENCES,
    FOOTER,
    HEADER,
    PAGE_ONE,
    PAGE_TWO,
    PdfSpec,
    write_pdf,
)


def pypdf_pages(raw: bytes) -> list[list[str]]:
    """Each page's lines as pypdf extracts them (content-stream order, no positions)."""
    import pypdf

    return [page.extract_text().splitlines() for page in pypdf.PdfReader(io.BytesIO(raw)).pages]


def pdfplumber_pages(raw: bytes) -> list[list[str]]:
    """Each page's lines as pdfplumber extracts them (top to bottom, with positions)."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(raw)) as pdf:
        return [[ln["text"] for ln in page.extract_text_lines()] for page in pdf.pages]


def in_order(pages: list[list[str]]) -> bool:
    """Header first, body lines in the order set, footer last, on every page."""
    for number, (lines, body) in enumerate(zip(pages, (PAGE_ONE, PAGE_TWO), strict=True), 1):
        expected = [HEADER, *(b for b in body if b), FOOTER.format(page=number, pages=2)]
        if [ln.strip() for ln in lines] != expected:
            return False
    return True


def verbatim(pages: list[list[str]]) -> float:
    """Share of the body lines that come out exactly as set."""
    got = {ln.strip() for lines in pages for ln in lines}
    body = [b for b in PAGE_ONE + PAGE_TWO if b]
    return sum(b in got for b in body) / len(body)


def seconds_per_page(read: Callable[[bytes], object], raw: bytes, pages: int, runs: int) -> float:
    """Median over runs of the time to read every page, divided by the pages."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        read(raw)
        times.append(time.perf_counter() - started)
    return statistics.median(times) / pages


def main() -> None:
    """Print one markdown table (docs/benchmarks.md)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        two = write_pdf(Path(folder) / "two.pdf").read_bytes()
        long_spec = PdfSpec(pages=[PAGE_ONE, PAGE_TWO] * (args.pages // 2))
        long = write_pdf(Path(folder) / "long.pdf", long_spec).read_bytes()
    text = read_pdf(two).text
    whole = sum(s in text for s in EXPECTED_SENTENCES)
    print("| library | reading order | body lines verbatim | line positions | s/page |")
    print("| --- | --- | --- | --- | --- |")
    for name, read in (("pypdf", pypdf_pages), ("pdfplumber", pdfplumber_pages)):
        pages = read(two)
        per_page = seconds_per_page(read, long, len(long_spec.pages), args.runs)
        positions = "yes" if name == "pdfplumber" else "no"
        print(
            f"| {name} | {'yes' if in_order(pages) else 'no'} | {verbatim(pages):.0%} "
            f"| {positions} | {per_page:.4f} |"
        )
    per_page = seconds_per_page(read_pdf, long, len(long_spec.pages), args.runs)
    print(
        f"\nclaimcheck `read_pdf` (pdfplumber + layout rules): {whole}/{len(EXPECTED_SENTENCES)} "
        f"sentences whole, {per_page:.4f} s/page"
    )


if __name__ == "__main__":
    main()
