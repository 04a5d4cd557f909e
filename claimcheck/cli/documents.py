"""Commands about sources: ingest files, list documents, summarise the database."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from claimcheck.cli.main import database, emit_json, main, progress_bar


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the per-file results as JSON.")
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[Path, ...], as_json: bool) -> None:
    """Ingest source files (.txt, .md, .html) and folders, recursively."""
    from claimcheck.ingest import FileResult, ingest_paths
    from claimcheck.text.printable import printable

    with database(ctx) as conn, progress_bar("ingest") as advance:

        def report_file(result: FileResult, done: int, total: int) -> None:
            shown = f"{printable(result.path)}: {printable(result.message)}"
            if result.outcome == "failed":
                click.echo(f"error: {shown}", err=True)
            elif result.outcome == "skipped":
                click.echo(shown, err=True)
            advance(done, total)

        report = ingest_paths(conn, list(paths), on_progress=report_file)
    if as_json:
        emit_json([vars(f) for f in report.files])
    else:
        from claimcheck.cli.render import table

        done = [f for f in report.files if f.outcome not in ("failed", "skipped")]
        rows = [[f.title, f.outcome, f.passages, f.claims, f.reanchored, f.orphaned] for f in done]
        click.echo(
            table(["document", "outcome", "passages", "claims", "re-anchored", "orphaned"], rows)
        )
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
            [d.id, d.version, d.format, d.published or "—", d.title, d.sha256[:12], d.path]
            for d in docs
        ]
        headers = ["id", "version", "format", "published", "title", "sha256", "path"]
        click.echo(table(headers, rows))


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.pass_context
def summary(ctx: click.Context, as_json: bool) -> None:
    """Summarise the database: documents, claims by status and by document, top claims."""
    from claimcheck.store.summary import summarize

    with database(ctx) as conn:
        result = summarize(conn)
    if as_json:
        emit_json(result.model_dump(mode="json"))
    else:
        from claimcheck.cli.render import render_summary

        click.echo(render_summary(result, db=ctx.obj["db"]))
