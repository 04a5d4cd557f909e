"""`--format json`: the report model itself (schema `claimcheck.report/1`)."""

from __future__ import annotations

from claimcheck.report.build import ReportInput


def render_json(data: ReportInput) -> str:
    """The report as indented JSON; keys as documented in docs/cli.md."""
    return data.report.model_dump_json(by_alias=True, indent=2) + "\n"
