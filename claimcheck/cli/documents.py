"""Commands about sources: ingest files, list documents, summarise the database."""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from claimcheck.cli.main import database, emit_json, main, progress_bar

if TYPE_CHECKING:
    from claimcheck.models import Document


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
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=20.0,
    show_default=True,
    help="Seconds a web page may take to fetch.",
)
@click.option(
    "--max-size",
    type=click.FloatRange(min=0.001),
    default=10.0,
    show_default=True,
    help="Largest web page fetched, in MiB.",
)
@click.pass_context
def ingest(
    ctx: click.Context,
    paths: tuple[str, ...],
    role: str | None,
    as_json: bool,
    timeout: float,
    max_size: float,
) -> None:
    """Ingest source files (.txt, .md, .html, .pdf, .docx), folders (recursively), web archives
    (.warc, .warc.gz) and web pages (http:// or https:// URLs, archived in the database)."""
    from typing import cast

    from claimcheck.ingest import FileResult, ingest_paths
    from claimcheck.ingest.sources import is_url
    from claimcheck.ingest.web import FetchLimits
    from claimcheck.models import Role
    from claimcheck.text.printable import printable

    with database(ctx) as conn, progress_bar("ingest") as advance:

        def report_file(result: FileResult, done: int, total: int) -> None:
            shown = f"{printable(result.path)}: {printable(result.message)}"
            if result.outcome == "failed":
                click.echo(f"error: {shown}", err=True)
            elif result.outcome == "skipped":
                click.echo(shown, err=True)
            advance(done, total)

        limits = FetchLimits(timeout=timeout, max_bytes=int(max_size * 1_048_576))
        targets = [p if is_url(p) else Path(p) for p in paths]
        report = ingest_paths(
            conn,
            targets,
            role=cast(Role | None, role),
            on_progress=report_file,
            limits=limits,
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


@main.command()
@click.argument("document")
@click.option("--title", help="The source's title.")
@click.option("--publisher", help="Publisher or outlet ('' clears it).")
@click.option("--url", help="The original URL, http:// or https:// ('' clears it).")
@click.option("--published", help="Publication date, YYYY-MM-DD ('' clears it).")
@click.option(
    "--author", "authors", multiple=True, help="An author; repeat for several ('' clears them)."
)
@click.option("--analyst", help="Who corrects (env CLAIMCHECK_ANALYST; default: login name).")
@click.option("--json", "as_json", is_flag=True, help="Print the source and its events as JSON.")
@click.pass_context
def source(
    ctx: click.Context,
    document: str,
    title: str | None,
    publisher: str | None,
    url: str | None,
    published: str | None,
    authors: tuple[str, ...],
    analyst: str | None,
    as_json: bool,
) -> None:
    """Show a source's metadata (DOCUMENT: id, path or URL) and the corrections made to it, or
    correct it: each change is recorded as an event and kept for later versions. A corrected
    publication date is the document time from then on: the current version's dates are read
    again against it and the next `check` judges every claim again."""
    from claimcheck.config import resolve_analyst
    from claimcheck.ingest.redate import correct_and_redate
    from claimcheck.store.sources import source_events

    given = {"title": title, "publisher": publisher, "url": url, "published": published}
    changes: dict[str, str | list[str] | None] = {k: v for k, v in given.items() if v is not None}
    if authors:
        changes["authors"] = list(authors)
    with database(ctx) as conn:
        doc = _find_document(conn, document)
        if changes:
            doc = correct_and_redate(conn, doc, changes, resolve_analyst(analyst))
        events = source_events(conn, doc.path)
    if as_json:
        shown = doc.model_dump(mode="json", exclude={"text"})
        emit_json({**shown, "events": [e.model_dump(mode="json") for e in events]})
        return
    from claimcheck.cli.render import source_detail

    click.echo(source_detail(doc, events))


def _find_document(conn: sqlite3.Connection, given: str) -> Document:
    """The current version of a document named by id, path (as ingested or relative) or URL."""
    from claimcheck.errors import NotFoundError
    from claimcheck.store.documents import current_for_path, get_document

    for path in (given, os.path.normpath(os.path.abspath(given))):
        found = current_for_path(conn, path)
        if found is not None:
            return found
    try:
        return get_document(conn, given)
    except NotFoundError:
        raise NotFoundError(f"no document with id, path or URL {given!r}") from None
