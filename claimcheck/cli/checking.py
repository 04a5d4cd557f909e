"""Commands about evidence: check, evidence for a claim, conflicts, stance on free pairs."""

from __future__ import annotations

import json
from pathlib import Path

import click
from click.core import ParameterSource

from claimcheck.cli.main import (
    database,
    emit_json,
    main,
    make_scope,
    progress_bar,
    scope_options,
    wide_option,
)


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
@click.option(
    "--engine",
    envvar="CLAIMCHECK_ENGINE",
    type=click.Choice(["local", "ray"]),
    default="local",
    show_default=True,
    help="Where embedding and judging run: this process, or a Ray cluster (the `ray` extra). "
    "Results are identical. Env CLAIMCHECK_ENGINE.",
)
@click.option(
    "--address",
    envvar="CLAIMCHECK_RAY_ADDRESS",
    metavar="HOST:PORT",
    default=None,
    help="The Ray cluster's head (GCS) address; without it a local Ray is started. "
    "Env CLAIMCHECK_RAY_ADDRESS.",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 4096),
    default=None,
    help="Ray workers at once (default: the cluster's CPUs).",
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
    engine: str,
    address: str | None,
    workers: int | None,
    as_json: bool,
) -> None:
    """Find evidence for every claim in other sources and suggest a stance; incremental."""
    from dataclasses import asdict

    from claimcheck.check import CheckConfig
    from claimcheck.check import check as run_check
    from claimcheck.check.engine import make_engine
    from claimcheck.embed.base import DEFAULT_MODEL

    address_given = ctx.get_parameter_source("address") == ParameterSource.COMMANDLINE
    if engine == "local" and (address_given or workers):
        raise click.UsageError("--address and --workers need --engine ray")

    config = CheckConfig(
        model=model or DEFAULT_MODEL,
        k=k,
        lexical=not no_lexical,
        nli_model=nli_model or None,
        stance_head=stance_head or None,
    )
    with (
        database(ctx) as conn,
        make_engine(engine, address=address, workers=workers) as runner,
        progress_bar("check") as advance,
    ):
        report = run_check(
            conn,
            ctx.obj["db"],
            config,
            on_progress=lambda stage, d, t: advance(d, t),
            engine=runner,
        )
    for message in report.messages:
        click.echo(message, err=True)
    if as_json:
        emit_json(asdict(report))
        return
    if report.claims_checked == 0:
        click.echo(
            f"up to date: {report.claims_total} claims, nothing to do "
            f"({report.seconds:.2f} s); {report.conflicts} conflicts"
        )
        return
    click.echo(
        f"checked {report.claims_checked} of {report.claims_total} claims "
        f"in {report.seconds:.1f} s: "
        f"{report.passages_embedded} texts embedded, {report.evidence_rows} evidence passages, "
        f"index {'rebuilt' if report.index_rebuilt else 'reused'}; {report.conflicts} conflicts"
    )


@main.command()
@click.argument("claim_id")
@wide_option
@click.option("--json", "as_json", is_flag=True, help="Print the evidence array as JSON.")
@click.pass_context
def evidence(ctx: click.Context, claim_id: str, wide: bool, as_json: bool) -> None:
    """Show the evidence found for one claim, with stance and reason."""
    from claimcheck.store.views import claim_view

    with database(ctx) as conn:
        view = claim_view(conn, claim_id)
    if as_json:
        emit_json([e.model_dump(mode="json") for e in view.evidence])
        return
    from claimcheck.cli.layout import output_width, wrap
    from claimcheck.cli.render import evidence_section

    width = output_width(wide)
    heading = f"{view.id}: {view.text}"
    click.echo("\n".join(wrap(heading, width, "  ", first="")) if width else heading)
    click.echo(evidence_section(view, width=width))


@main.command()
@scope_options
@click.option("--json", "as_json", is_flag=True, help="Print the conflicts as a JSON array.")
@click.pass_context
def conflicts(
    ctx: click.Context, include_reference: bool, include_dismissed: bool, as_json: bool
) -> None:
    """List claims under review contradicted (or updated) by other sources, grouped by claim."""
    from claimcheck.store.evidence import conflicts as find_conflicts

    with database(ctx) as conn:
        found = find_conflicts(conn, make_scope(include_reference, include_dismissed))
    if as_json:
        emit_json([c.model_dump(mode="json") for c in found])
        return
    from claimcheck.cli.render import conflicts_text

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
    from claimcheck.cli.main import read_input_lines
    from claimcheck.stance.pairs import label_pairs, read_pairs

    pairs = read_pairs(read_input_lines(input_path))
    labelled = label_pairs(pairs, model=model, lexical_only=lexical_only, head_path=head_path)
    for result in labelled:
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
