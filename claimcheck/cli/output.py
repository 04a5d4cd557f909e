"""Commands that show the database to people: the report in every format, the triage TUI."""

from __future__ import annotations

from pathlib import Path

import click

from claimcheck.cli.main import STATUSES, database, main, make_scope, scope_options
from claimcheck.config import resolve_analyst


@main.command()
@click.option(
    "--format",
    "report_format",
    type=click.Choice(["html", "md", "json", "csv", "claimreview", "annotations", "prov"]),
    required=True,
    help="html, md, json, csv, claimreview (schema.org), annotations (W3C), prov (W3C PROV).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file (atomically) instead of stdout.",
)
@click.option(
    "--prov-format",
    type=click.Choice(["json", "provn"]),
    default="json",
    show_default=True,
    help="With --format prov: PROV-JSON or PROV-N.",
)
@click.option(
    "--document",
    "documents",
    multiple=True,
    help="Only this document's claims (id, id prefix or path; repeat for more).",
)
@click.option(
    "--status",
    "statuses",
    multiple=True,
    type=click.Choice(STATUSES),
    help="Only claims with this status (repeat for more).",
)
@click.option(
    "--conflicts-only", is_flag=True, help="Only claims another source contradicts or updates."
)
@scope_options
@click.pass_context
def report(
    ctx: click.Context,
    report_format: str,
    output: Path | None,
    prov_format: str,
    documents: tuple[str, ...],
    statuses: tuple[str, ...],
    conflicts_only: bool,
    include_reference: bool,
    include_dismissed: bool,
) -> None:
    """Write the provenance report on the sources under review: claims, evidence, link
    decisions, conflicts and decisions (dismissed claims counted, listed on request)."""
    import gc
    from typing import cast

    from claimcheck.cli.claims import named_document
    from claimcheck.report.build import Limits, build_report
    from claimcheck.report.formats import render
    from claimcheck.report.provfmt import ProvFormat

    # Hundreds of thousands of small acyclic objects (10,000 claims): the cyclic collector's passes
    # over them were 40 % of the time; reference counting still frees everything.
    gc.disable()
    try:
        with database(ctx, must_exist=True) as conn:
            paths = tuple(named_document(conn, given).path for given in documents)
            scope = make_scope(include_reference or bool(paths), include_dismissed)
            limits = Limits(paths, statuses, conflicts_only)
            data = build_report(conn, ctx.obj["db"], scope=scope, limits=limits)
        text = render(data, report_format, cast(ProvFormat, prov_format))
    finally:
        gc.enable()
    if output is None:
        click.echo(text, nl=False)
        return
    from claimcheck.report.output import write_atomic

    write_atomic(output, text)
    click.echo(f"wrote {report_format} report to {output}", err=True)


@main.command()
@click.option("--analyst", help="Who decides (default $CLAIMCHECK_ANALYST, then the login name).")
@click.pass_context
def tui(ctx: click.Context, analyst: str | None) -> None:
    """Triage the sources' claims from the keyboard: confirm, dispute, note, dismiss, review
    evidence links, add claims, undo and redo (? shows every key)."""
    from claimcheck.store import connect
    from claimcheck.tui import run

    connect(ctx.obj["db"]).close()  # create or migrate first: errors become one line here
    run(ctx.obj["db"], resolve_analyst(analyst))
