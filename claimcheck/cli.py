"""The command line: parse, call one core function, print data on stdout and messages on stderr."""

from __future__ import annotations

import json
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from claimcheck import __version__
from claimcheck.config import DB_ENV, resolve_analyst, resolve_db
from claimcheck.errors import ClaimcheckError

F = TypeVar("F", bound=Callable[..., Any])
STATUSES = ["unverified", "confirmed", "disputed"]


def fail(message: str, code: int = 1) -> NoReturn:
    """Print a one-line error on stderr and exit."""
    click.echo(f"error: {' '.join(message.split())}", err=True)
    sys.exit(code)


class ClaimcheckGroup(click.Group):
    """A command group that turns expected failures into one line on stderr, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command, mapping claimcheck and SQLite errors to clean exits."""
        try:
            return super().invoke(ctx)
        except ClaimcheckError as exc:
            fail(str(exc), exc.exit_code)
        except sqlite3.DatabaseError as exc:
            fail(f"database {ctx.obj.get('db') if ctx.obj else ''}: {exc}")
        except KeyboardInterrupt:
            fail("interrupted", 130)
        except BrokenPipeError:
            sys.exit(0)


@click.group(cls=ClaimcheckGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    envvar=DB_ENV,
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help=f"SQLite database file (env {DB_ENV}; default ./claimcheck.db).",
)
@click.version_option(__version__, prog_name="claimcheck")
@click.pass_context
def main(ctx: click.Context, db: Path | None) -> None:
    """Track claims in source documents: who said it, exactly where, and who says otherwise."""
    ctx.ensure_object(dict)
    ctx.obj["db"] = resolve_db(db)


@contextmanager
def database(ctx: click.Context, *, must_exist: bool = False) -> Iterator[sqlite3.Connection]:
    """The command's database connection, migrated and closed afterwards.

    `must_exist` is for commands whose output would be misleading from a database that a mistyped
    `--db` just created (an empty report); the others create it on first use.
    """
    from claimcheck.store import connect

    path = Path(ctx.obj["db"])
    if must_exist and not path.exists():
        raise ClaimcheckError(f"{path}: no such database (claimcheck --db {path} ingest PATH...)")
    conn = connect(path)
    try:
        yield conn
    finally:
        conn.close()


@contextmanager
def progress_bar(label: str) -> Iterator[Callable[[int, int], None]]:
    """A progress bar on stderr for long work, shown only when stderr is a terminal."""
    if not sys.stderr.isatty():
        yield lambda done, total: None
        return
    state: dict[str, Any] = {}

    def advance(done: int, total: int) -> None:
        if "bar" not in state:
            state["bar"] = click.progressbar(length=total, label=label, file=sys.stderr)
            state["bar"].__enter__()
        state["bar"].update(done - state["bar"].pos)

    try:
        yield advance
    finally:
        if "bar" in state:
            state["bar"].__exit__(None, None, None)


def emit_json(data: object) -> None:
    """Write one JSON document on stdout."""
    from claimcheck.jsontext import pretty_json

    click.echo(pretty_json(data))


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the per-file results as JSON.")
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[Path, ...], as_json: bool) -> None:
    """Ingest source files (.txt, .md, .html) and folders, recursively."""
    from claimcheck.ingest import FileResult, ingest_paths

    with database(ctx) as conn, progress_bar("ingest") as advance:

        def report_file(result: FileResult, done: int, total: int) -> None:
            if result.outcome == "failed":
                click.echo(f"error: {result.path}: {result.message}", err=True)
            elif result.outcome == "skipped":
                click.echo(f"{result.path}: {result.message}", err=True)
            advance(done, total)

        report = ingest_paths(conn, list(paths), on_progress=report_file)
    if as_json:
        emit_json([vars(f) for f in report.files])
    else:
        from claimcheck.textrender import table

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
@click.option("--status", type=click.Choice(STATUSES), help="Only claims with this status.")
@click.option("--document", "document_id", help="Only claims in this document (id or path).")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of claim objects.")
@click.pass_context
def claims(ctx: click.Context, status: str | None, document_id: str | None, as_json: bool) -> None:
    """List claims with their status, facts and source."""
    from claimcheck.models import Status
    from claimcheck.sources import absolute
    from claimcheck.store.views import claim_views

    if document_id is not None and ("/" in document_id or Path(document_id).exists()):
        document_id = absolute(document_id)
    with database(ctx) as conn:
        views = claim_views(
            conn, status=Status(status) if status else None, document_id=document_id
        )
    if as_json:
        emit_json([v.model_dump(mode="json", by_alias=True) for v in views])
    else:
        from claimcheck.textrender import claims_table

        click.echo(claims_table(views))
        click.echo(f"{len(views)} claims")


@main.command()
@click.argument("claim_id")
@click.option("--json", "as_json", is_flag=True, help="Print the claim object as JSON.")
@click.pass_context
def show(ctx: click.Context, claim_id: str, as_json: bool) -> None:
    """Show one claim: its span in context, facts and status history."""
    from claimcheck.store.documents import get_document
    from claimcheck.store.views import claim_view

    with database(ctx) as conn:
        view = claim_view(conn, claim_id)
        document = get_document(conn, view.document_id)
    if as_json:
        emit_json(view.model_dump(mode="json", by_alias=True))
    else:
        from claimcheck.textrender import claim_detail

        click.echo(claim_detail(view, document.text))


@main.command()
@click.argument("claim_id")
@click.argument("status", type=click.Choice(STATUSES))
@click.option("--note", help="A note on the decision (replaces the current note).")
@click.option("--analyst", help="Who decides (default $CLAIMCHECK_ANALYST, then the login name).")
@click.pass_context
def mark(
    ctx: click.Context, claim_id: str, status: str, note: str | None, analyst: str | None
) -> None:
    """Record an analyst's decision on a claim: confirmed, disputed or unverified."""
    from claimcheck.models import Status
    from claimcheck.store.decisions import decide

    with database(ctx) as conn:
        entry = decide(conn, claim_id, Status(status), resolve_analyst(analyst), note=note)
    click.echo(f"{entry.from_.value} → {entry.to.value} (event #{entry.id} by {entry.analyst})")


@main.command()
@click.argument("claim_id")
@click.option("--analyst", help="Who undoes (default $CLAIMCHECK_ANALYST, then the login name).")
@click.pass_context
def undo(ctx: click.Context, claim_id: str, analyst: str | None) -> None:
    """Revert a claim's latest decision by appending a reverting event (history is kept)."""
    from claimcheck.store.decisions import undo as undo_decision

    with database(ctx) as conn:
        entry = undo_decision(conn, claim_id, resolve_analyst(analyst))
    click.echo(
        f"{entry.from_.value} → {entry.to.value} (event #{entry.id} reverts #{entry.reverts})"
    )


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
        from claimcheck.textrender import table

        rows = [[d.id, d.version, d.format, d.title, d.sha256[:12], d.path] for d in docs]
        click.echo(table(["id", "version", "format", "title", "sha256", "path"], rows))


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.pass_context
def summary(ctx: click.Context, as_json: bool) -> None:
    """Summarise the database: documents, claims by status and by document, top claims."""
    from claimcheck.summary import summarize

    with database(ctx) as conn:
        result = summarize(conn)
    if as_json:
        emit_json(result.model_dump(mode="json"))
    else:
        from claimcheck.summary import render_summary

        click.echo(render_summary(result, db=ctx.obj["db"]))


@main.command()
@click.option(
    "--model",
    envvar="CLAIMCHECK_MODEL",
    default=None,
    help="Embedding model name or path (env CLAIMCHECK_MODEL; default all-MiniLM-L6-v2, packaged).",
)
@click.option(
    "-k",
    "--top-k",
    "k",
    type=click.IntRange(1, 100),
    default=8,
    show_default=True,
    help="Evidence passages kept per claim.",
)
@click.option(
    "--no-lexical", is_flag=True, help="Rank by embeddings alone, without the FTS5/BM25 signal."
)
@click.option(
    "--nli-model",
    envvar="CLAIMCHECK_NLI_MODEL",
    default=None,
    help="Optional NLI cross-encoder (name or path): an extra stance signal. "
    "Env CLAIMCHECK_NLI_MODEL.",
)
@click.option(
    "--stance-head",
    envvar="CLAIMCHECK_STANCE_HEAD",
    type=click.Path(exists=True, dir_okay=False),
    default=None,
    help="A trained stance head (JSON, see `bench climate-fever --save-head`) that relabels "
    "pairs only similarity decided. Env CLAIMCHECK_STANCE_HEAD.",
)
@click.option("--json", "as_json", is_flag=True, help="Print what the run did as JSON.")
@click.pass_context
def check(
    ctx: click.Context,
    model: str | None,
    k: int,
    no_lexical: bool,
    nli_model: str | None,
    stance_head: str | None,
    as_json: bool,
) -> None:
    """Find evidence for every claim in other sources and suggest a stance; incremental."""
    from dataclasses import asdict

    from claimcheck.embed import DEFAULT_MODEL
    from claimcheck.verify import CheckConfig
    from claimcheck.verify import check as run_check

    config = CheckConfig(
        model=model or DEFAULT_MODEL,
        k=k,
        lexical=not no_lexical,
        nli_model=nli_model or None,
        stance_head=stance_head or None,
    )
    with database(ctx) as conn, progress_bar("check") as advance:
        report = run_check(
            conn, ctx.obj["db"], config, on_progress=lambda stage, d, t: advance(d, t)
        )
        from claimcheck.store.evidence import conflicts as find_conflicts

        conflict_count = len(find_conflicts(conn))
    for message in report.messages:
        click.echo(message, err=True)
    if as_json:
        emit_json({**asdict(report), "conflicts": conflict_count})
        return
    if report.claims_checked == 0:
        click.echo(
            f"up to date: {report.claims_total} claims, nothing to do "
            f"({report.seconds:.2f} s); {conflict_count} conflicts"
        )
        return
    click.echo(
        f"checked {report.claims_checked} of {report.claims_total} claims "
        f"in {report.seconds:.1f} s: "
        f"{report.passages_embedded} texts embedded, {report.evidence_rows} evidence passages, "
        f"index {'rebuilt' if report.index_rebuilt else 'reused'}; {conflict_count} conflicts"
    )


@main.command()
@click.argument("claim_id")
@click.option("--json", "as_json", is_flag=True, help="Print the evidence array as JSON.")
@click.pass_context
def evidence(ctx: click.Context, claim_id: str, as_json: bool) -> None:
    """Show the evidence found for one claim, with stance and reason."""
    from claimcheck.store.views import claim_view

    with database(ctx) as conn:
        view = claim_view(conn, claim_id)
    if as_json:
        emit_json([e.model_dump(mode="json") for e in view.evidence])
        return
    from claimcheck.textrender import evidence_table

    click.echo(f"{view.id}: {view.text}")
    click.echo(
        evidence_table(view.evidence)
        if view.evidence
        else "no evidence yet: run `claimcheck check`"
    )


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print the conflicts as a JSON array.")
@click.pass_context
def conflicts(ctx: click.Context, as_json: bool) -> None:
    """List claims contradicted (or updated) by other sources, grouped by claim."""
    from claimcheck.store.evidence import conflicts as find_conflicts

    with database(ctx) as conn:
        found = find_conflicts(conn)
    if as_json:
        emit_json([c.model_dump(mode="json") for c in found])
        return
    from claimcheck.textrender import conflicts_text

    click.echo(conflicts_text(found))


@main.command()
@click.option(
    "--input",
    "input_path",
    required=True,
    type=click.Path(allow_dash=True, dir_okay=False),
    help='JSON lines {"claim": …, "passage": …}; "-" reads stdin.',
)
@click.option(
    "--model",
    envvar="CLAIMCHECK_MODEL",
    default=None,
    help="Embedding model name or path for similarity (default all-MiniLM-L6-v2).",
)
@click.option(
    "--lexical-only",
    is_flag=True,
    help="Use word overlap instead of embeddings (no model is loaded).",
)
@click.option(
    "--head",
    "head_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="A trained stance head (JSON) for pairs only similarity decides; needs its model.",
)
def stance(input_path: str, model: str | None, lexical_only: bool, head_path: Path | None) -> None:
    """Label (claim, passage) pairs supports/contradicts/related with a reason; no database."""
    from claimcheck.errors import InputError
    from claimcheck.pairs import read_pairs, stance_for_pairs

    if head_path is not None and lexical_only:
        raise InputError("--head needs embeddings: drop --lexical-only")
    with click.open_file(input_path, encoding="utf-8") as handle:
        pairs = read_pairs(handle)
    embedder, head = None, None
    if head_path is not None:
        from claimcheck.stancehead import StanceHead

        head = StanceHead.load(head_path)
        model = model or head.head.embedding_model
    if pairs and not lexical_only:
        from claimcheck.embed import DEFAULT_MODEL, load_embedder

        embedder = load_embedder(model or DEFAULT_MODEL)
    for result in stance_for_pairs(pairs, embedder, head=head):
        click.echo(
            json.dumps(
                {
                    "label": result.label,
                    "score": result.score,
                    "reason": result.reason,
                    "kind": result.kind,
                },
                ensure_ascii=False,
            )
        )


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
@click.pass_context
def report(ctx: click.Context, report_format: str, output: Path | None, prov_format: str) -> None:
    """Write the provenance report: claims, sources, evidence, conflicts and decisions."""
    import gc
    from typing import cast

    from claimcheck.report.build import build_report
    from claimcheck.report.formats import render
    from claimcheck.report.provfmt import ProvFormat

    # Hundreds of thousands of small acyclic objects (10,000 claims): the cyclic collector's passes
    # over them were 40 % of the time; reference counting still frees everything.
    gc.disable()
    try:
        with database(ctx, must_exist=True) as conn:
            data = build_report(conn, ctx.obj["db"])
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
    """Triage claims from the keyboard: confirm, dispute, note, undo (? shows every key)."""
    from claimcheck.store import connect
    from claimcheck.tui import run

    connect(ctx.obj["db"]).close()  # create or migrate first: errors become one line here
    run(ctx.obj["db"], resolve_analyst(analyst))


@main.group()
def bench() -> None:
    """Benchmarks against public data sets (see docs/benchmarks.md)."""


@bench.command("climate-fever")
@click.argument("dataset", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--model", default=None, help="Embedding model name or path (default packaged).")
@click.option("--no-lexical", is_flag=True, help="Retrieve by embeddings alone, without BM25.")
@click.option(
    "--head",
    default="train",
    show_default=True,
    help="Stance head: `train` (on claims with claim_id % 5 == 0), `none`, or a saved head's path.",
)
@click.option(
    "--save-head",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the trained stance head here (for `check --stance-head`).",
)
@click.option("--limit", type=click.IntRange(1), help="Only the first N claims (a quick run).")
@click.option(
    "--work-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Keep the corpus and database here, so a rerun embeds nothing (default: a temp dir).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON document.")
def climate_fever(
    dataset: Path,
    model: str | None,
    no_lexical: bool,
    head: str,
    save_head: Path | None,
    limit: int | None,
    work_dir: Path | None,
    as_json: bool,
) -> None:
    """Retrieval recall and stance macro-F1 on CLIMATE-FEVER (the jsonl file at DATASET)."""
    from claimcheck.benchmark.climate_fever import Options, run
    from claimcheck.embed import DEFAULT_MODEL

    options = Options(
        model=model or DEFAULT_MODEL,
        lexical=not no_lexical,
        head=head,
        save_head=save_head,
        limit=limit,
        work_dir=work_dir,
    )
    with progress_bar("climate-fever") as advance:
        result = run(dataset, options, on_progress=lambda stage, d, t: advance(d, t))
    if as_json:
        emit_json(result.public())
        return
    from claimcheck.benchmark.render import render_climate_fever

    click.echo(render_climate_fever(result))


if __name__ == "__main__":
    main()
