"""Commands that change what is reviewed: evidence links, dismissals, document roles, and
claims made by hand (add, edit, split)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from claimcheck.cli.claims import ANALYST_HELP, JSON_HELP, named_document
from claimcheck.cli.main import database, echo_outcome, emit_json, main
from claimcheck.config import resolve_analyst

LINK_ACTIONS = ["accept", "reject", "supports", "contradicts", "related", "note"]

if TYPE_CHECKING:
    pass


@main.command()
@click.argument("claim_id")
@click.argument("passage_id", type=int)
@click.argument("action", type=click.Choice(LINK_ACTIONS))
@click.option("--note", help="A note on the link (replaces its note).")
@click.option("--analyst", help=ANALYST_HELP)
@click.option("--json", "as_json", is_flag=True, help=JSON_HELP)
@click.pass_context
def link(
    ctx: click.Context,
    claim_id: str,
    passage_id: int,
    action: str,
    note: str | None,
    analyst: str | None,
    as_json: bool,
) -> None:
    """Review the link between a claim and a passage (`evidence CLAIM` lists passage ids):
    accept, reject, set its stance (supports, contradicts, related; this accepts it), or note it."""
    from typing import cast

    from claimcheck.models import LinkAction
    from claimcheck.store.decisions import link as decide_link

    with database(ctx) as conn:
        outcome = decide_link(
            conn,
            claim_id,
            passage_id,
            cast(LinkAction, action),
            resolve_analyst(analyst),
            note=note,
        )
    echo_outcome(outcome, as_json)


@main.command()
@click.argument("claim_id")
@click.option("--note", help="Why it is not a claim (becomes the claim's note).")
@click.option("--analyst", help=ANALYST_HELP)
@click.option("--json", "as_json", is_flag=True, help=JSON_HELP)
@click.pass_context
def dismiss(
    ctx: click.Context, claim_id: str, note: str | None, analyst: str | None, as_json: bool
) -> None:
    """Mark a claim 'not a claim' (a byline, a colour quote): hidden from triage and reports
    until restored or undone."""
    from claimcheck.store.decisions import dismiss as dismiss_claim

    with database(ctx) as conn:
        outcome = dismiss_claim(conn, claim_id, resolve_analyst(analyst), note=note)
    echo_outcome(outcome, as_json)


@main.command()
@click.argument("claim_id")
@click.option("--analyst", help=ANALYST_HELP)
@click.option("--json", "as_json", is_flag=True, help=JSON_HELP)
@click.pass_context
def restore(ctx: click.Context, claim_id: str, analyst: str | None, as_json: bool) -> None:
    """Bring a dismissed claim back into triage and reports."""
    from claimcheck.store.decisions import dismiss as dismiss_claim

    with database(ctx) as conn:
        outcome = dismiss_claim(conn, claim_id, resolve_analyst(analyst), restore=True)
    echo_outcome(outcome, as_json)


@main.command()
@click.argument("document")
@click.argument("new_role", metavar="ROLE", type=click.Choice(["source", "reference"]))
@click.option("--analyst", help=ANALYST_HELP)
@click.pass_context
def role(ctx: click.Context, document: str, new_role: str, analyst: str | None) -> None:
    """Make a document (id or path) a source under review or reference material; every version
    of it changes, and the change is logged."""
    from claimcheck.store import write_transaction
    from claimcheck.store.decisions import now
    from claimcheck.store.documents import set_role

    with database(ctx) as conn, write_transaction(conn):
        found = named_document(conn, document)
        before = set_role(conn, found.path, new_role, resolve_analyst(analyst), now())
    if before is None:
        click.echo(f"{found.path}: already {new_role} (nothing changed)")
    else:
        click.echo(f"{found.path}: {before} → {new_role}")


@main.group()
def claim() -> None:
    """Claims by hand: add a sentence the extractor missed, move a span, split a claim."""


def _emit_claim_ids(ids: list[str], as_json: bool, message: str) -> None:
    if as_json:
        emit_json({"claims": ids, "message": message})
    else:
        click.echo(message)


@claim.command("add")
@click.argument("document")
@click.option("--quote", required=True, help="The claim's exact words in the document.")
@click.option("--occurrence", type=click.IntRange(1), help="Which occurrence of the quote (1…).")
@click.option("--analyst", help=ANALYST_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print the new claim's id as JSON.")
@click.pass_context
def claim_add(
    ctx: click.Context,
    document: str,
    quote: str,
    occurrence: int | None,
    analyst: str | None,
    as_json: bool,
) -> None:
    """Add a claim: the quote found in the current version of DOCUMENT (id or path)."""
    from claimcheck.ingest.handmade import add_claim

    with database(ctx) as conn:
        found = named_document(conn, document)
        added = add_claim(conn, found.id, quote, resolve_analyst(analyst), occurrence=occurrence)
    span = f"[{added.span.start}–{added.span.end}]"
    _emit_claim_ids([added.id], as_json, f"added claim {added.id} {span}: {added.text}")


@claim.command("edit")
@click.argument("claim_id")
@click.option("--quote", required=True, help="The claim's new exact words in its document.")
@click.option("--occurrence", type=click.IntRange(1), help="Which occurrence of the quote (1…).")
@click.option("--analyst", help=ANALYST_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print the claim's id as JSON.")
@click.pass_context
def claim_edit(
    ctx: click.Context,
    claim_id: str,
    quote: str,
    occurrence: int | None,
    analyst: str | None,
    as_json: bool,
) -> None:
    """Move a claim's span to another quote of its document; it keeps its id and decisions,
    and the old span stays in its anchor history."""
    from claimcheck.ingest.handmade import edit_claim

    with database(ctx) as conn:
        old, new = edit_claim(
            conn, claim_id, quote, resolve_analyst(analyst), occurrence=occurrence
        )
    message = (
        f"claim {new.id}: [{old.span.start}–{old.span.end}] → [{new.span.start}–{new.span.end}]: "
        f"{new.text}"
    )
    _emit_claim_ids([new.id], as_json, message)


@claim.command("split")
@click.argument("claim_id")
@click.option(
    "--quote", "quotes", multiple=True, required=True, help="A part's exact words (twice or more)."
)
@click.option("--analyst", help=ANALYST_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print the new claims' ids as JSON.")
@click.pass_context
def claim_split(
    ctx: click.Context, claim_id: str, quotes: tuple[str, ...], analyst: str | None, as_json: bool
) -> None:
    """Split a compound claim into one claim per quoted part; the original is dismissed."""
    from claimcheck.ingest.handmade import split_claim

    with database(ctx) as conn:
        split = split_claim(conn, claim_id, list(quotes), resolve_analyst(analyst))
    lines = [f"{part.id} [{part.span.start}–{part.span.end}]: {part.text}" for part in split.parts]
    lines.append(split.dismissed.message)
    _emit_claim_ids([part.id for part in split.parts], as_json, "\n".join(lines))
