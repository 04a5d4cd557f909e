"""Commands about claims: list, show, and the analyst's decisions (mark, undo)."""

from __future__ import annotations

from pathlib import Path

import click

from claimcheck.cli.main import database, emit_json, emit_json_array, main
from claimcheck.config import resolve_analyst

STATUSES = ["unverified", "confirmed", "disputed"]


@main.command()
@click.option("--status", type=click.Choice(STATUSES), help="Only claims with this status.")
@click.option("--document", "document_id", help="Only claims in this document (id or path).")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of claim objects.")
@click.pass_context
def claims(ctx: click.Context, status: str | None, document_id: str | None, as_json: bool) -> None:
    """List claims with their status, facts and source."""
    from claimcheck.ingest.sources import absolute
    from claimcheck.models import Status
    from claimcheck.store.views import claim_views, iter_claim_views

    if document_id is not None and ("/" in document_id or Path(document_id).exists()):
        document_id = absolute(document_id)
    wanted = Status(status) if status else None
    if as_json:
        with database(ctx) as conn:
            streamed = iter_claim_views(conn, status=wanted, document_id=document_id)
            emit_json_array(v.model_dump(mode="json", by_alias=True) for v in streamed)
        return
    from claimcheck.cli.render import claims_table

    with database(ctx) as conn:
        views = claim_views(conn, status=wanted, document_id=document_id)
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
        from claimcheck.cli.render import claim_detail

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
