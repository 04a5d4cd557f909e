"""Commands about sources: ingest files, list documents, summarise the database."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import click

from claimcheck.cli.main import database, emit_json, fail, main, progress_bar
from claimcheck.text.printable import printable

URL_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def refuse_urls(paths: tuple[str, ...]) -> None:
    """URLs are not ingested (yet): say what to do instead, before anything is read or stored."""
    urls = [p for p in paths if URL_SCHEME.match(p)]
    if urls:
        fail(
            f"{urls[0]}: URLs are not supported yet; save the page "
            "(e.g. curl -o page.html URL) and ingest the file (nothing was ingested)"
        )


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--role",
    type=click.Choice(["source", "reference"]),
    default=None,
    help="source: under review (default for new files); reference: material claims are checked "
    "against. Without it a known file keeps its role.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the per-file results as JSON.")
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], role: str | None, as_json: bool) -> None:
    """Ingest source files (.txt, .md, .html) and folders, recursively."""
    from typing import cast

    from claimcheck.ingest import FileResult, ingest_paths
    from claimcheck.models import Role

    refuse_urls(paths)

    with database(ctx) as conn, progress_bar("ingest") as advance:

        def report_file(result: FileResult, done: int, total: int) -> None:
            shown = f"{printable(result.path)}: {printable(result.message)}"
            if result.outcome == "failed":
                click.echo(f"error: {shown}", err=True)
            elif result.outcome == "skipped":
                click.echo(shown, err=True)
            advance(done, total)

        report = ingest_paths(
            conn, [Path(p) for p in paths], role=cast(Role | None, role), on_progress=report_file
        )
    if as_json:
        emit_json([vars(f) for f in report.files])
    else:
        from claimcheck.cli.render import table

        done = [f for f in report.files if f.outcome not in ("failed", "skipped")]
        rows = [
            [f.title, f.role, f.outcome, f.passages, f.claims, f.reanchored, f.orphaned]
            for f in done
        ]
        headers = ["document", "role", "outcome", "passages", "claims", "re-anchored", "orphaned"]
        click.echo(table(headers, rows))
        click.echo(
            f"{len(done)} documents, {sum(f.claims for f in done)} claims; "
            f"{len(report.failed)} failed"
        )
    if report.failed:
        sys.exit(1)


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print the documents as JSON.")
@click.pass_context
def documents(ctx: click.Context, as_json: bool) -> None:
    """List the current version of every ingested document."""
    from claimcheck.store.documents import list_documents

    with database(ctx) as conn:
        docs = list_documents(conn)
    if as_json:
        emit_json([d.model_dump(mode="json", exclude={"text"}) for d in docs])
    else:
        from claimcheck.cli.render import table

        rows = [
            [d.id, d.role, d.version, d.format, d.published or "—", d.title, d.sha256[:12], d.path]
            for d in docs
        ]
        headers = ["id", "role", "version", "format", "published", "title", "sha256", "path"]
        click.echo(table(headers, rows))


@main.command()
@click.option(
    "--include-reference",
    is_flag=True,
    help="Also count reference documents and their claims (sources under review by default).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.pass_context
def summary(ctx: click.Context, include_reference: bool, as_json: bool) -> None:
    """Summarise the sources under review: claims by status and by document, top claims,
    dismissed and hand-made claims, and claims the analysts disagree on."""
    from claimcheck.models import Scope
    from claimcheck.store.summary import summarize

    with database(ctx) as conn:
        result = summarize(conn, scope=Scope(include_reference=include_reference))
    if as_json:
        emit_json(result.model_dump(mode="json"))
    else:
        from claimcheck.cli.render import render_summary

        click.echo(render_summary(result, db=ctx.obj["db"]))
