"""`claimcheck bench`: benchmarks against public data sets, and their tables."""

from __future__ import annotations

from pathlib import Path

import click

from claimcheck.cli.main import emit_json, main, progress_bar


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
    from claimcheck.cli.benchrender import render_climate_fever

    click.echo(render_climate_fever(result))
