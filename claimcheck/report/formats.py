"""Which renderer each `--format` uses."""

from __future__ import annotations

from collections.abc import Callable

from claimcheck.report.annotations import render_annotations
from claimcheck.report.build import ReportInput
from claimcheck.report.claimreview import render_claimreview
from claimcheck.report.csvfmt import render_csv
from claimcheck.report.html import render_html
from claimcheck.report.jsonfmt import render_json
from claimcheck.report.markdown import render_markdown
from claimcheck.report.provfmt import ProvFormat, render_prov

RENDERERS: dict[str, Callable[[ReportInput], str]] = {
    "html": render_html,
    "md": render_markdown,
    "json": render_json,
    "csv": render_csv,
    "claimreview": render_claimreview,
    "annotations": render_annotations,
}
FORMATS = [*RENDERERS, "prov"]


def render(data: ReportInput, format: str, prov_format: ProvFormat = "json") -> str:
    """The report in `format` (one of FORMATS)."""
    if format == "prov":
        return render_prov(data, prov_format)
    return RENDERERS[format](data)
