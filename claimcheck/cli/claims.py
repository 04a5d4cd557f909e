"""Commands about claims: list, show, and the analyst's decisions (mark, note, undo, redo)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import click

from claimcheck.cli.main import (
    database,
    echo_outcome,
    emit_json,
    emit_json_array,
    main,
    make_scope,
    scope_options,
    wide_option,
)
from claimcheck.config import resolve_analyst

if TYPE_CHECKING:
    import sqlite3

    from claimcheck.models import ClaimView, Document

STATUSES = ["unverified", "confirmed", "disputed"]
ANALYST_HELP = "Who decides (default $CLAIMCHECK_ANALYST, then the login name)."
JSON_HELP = "Print what was recorded as JSON."


def named_document(conn: sqlite3.Connection, given: str) -> Document:
    """The current version of the document a user named by id, unique id prefix, path, or
    relative path; an unknown or ambiguous one is an error that says so."""
    from claimcheck.errors import NotFoundError
    from claimcheck.ingest.sources import absolute
    from claimcheck.store.documents import find_document

    try:
        return find_document(conn, given)
    except NotFoundError as exc:
        if "ambiguous" in str(exc):
            raise
        try:
            return find_document(conn, absolute(given))
        except NotFoundError:
            raise exc from None


@main.command()
@click.option("--status", type=click.Choice(STATUSES), help="Only claims with this status.")
@click.option("--document", "document_id", help="Only claims in this document (id or path).")
@click.option("--analyst", help="Only claims this analyst decided anything on.")
@click.option(
    "--disagreements", is_flag=True, help="Only claims whose analysts' verdicts disagree."
)
@click.option(
    "--reliability",
    multiple=True,
    type=click.Choice([*"ABCDEF", "none"], case_sensitive=False),
    help="Only claims whose source has this reliability grade ('none': not graded); repeatable.",
)
@click.option(
    "--credibility",
    multiple=True,
    type=click.Choice([*"123456", "none"]),
    help="Only claims an analyst graded with this credibility ('none': not graded); repeatable.",
)
@scope_options
@wide_option
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of claim objects.")
@click.pass_context
def claims(
    ctx: click.Context,
    status: str | None,
    document_id: str | None,
    analyst: str | None,
    disagreements: bool,
    reliability: tuple[str, ...],
    credibility: tuple[str, ...],
    include_reference: bool,
    include_dismissed: bool,
    wide: bool,
    as_json: bool,
) -> None:
    """List the claims of the sources under review with their status, facts and source."""
    from claimcheck.models import Status
    from claimcheck.store.views import claim_views, iter_claim_views

    wanted = Status(status) if status else None
    scope = make_scope(include_reference or document_id is not None, include_dismissed, analyst)
    graded = GradeFilter(
        frozenset(r.upper() for r in reliability), frozenset(credibility), disagreements
    )
    if as_json:
        with database(ctx) as conn:
            document_id = _document_path(conn, document_id)
            streamed = iter_claim_views(conn, status=wanted, document_id=document_id, scope=scope)
            emit_json_array(
                v.model_dump(mode="json", by_alias=True) for v in streamed if graded.keeps(v)
            )
        return
    with database(ctx) as conn:
        document_id = _document_path(conn, document_id)
        views = claim_views(conn, status=wanted, document_id=document_id, scope=scope)
    views = [v for v in views if graded.keeps(v)]
    from claimcheck.cli.layout import output_width
    from claimcheck.cli.render import claims_table

    click.echo(claims_table(views, analyst=analyst, width=output_width(wide)))
    click.echo(f"{len(views)} claims")


@dataclass(frozen=True)
class GradeFilter:
    """The listing's filters on a claim's view: grades ('none' for ungraded), disagreement."""

    reliability: frozenset[str]
    credibility: frozenset[str]
    disagreements: bool

    def keeps(self, view: ClaimView) -> bool:
        """Whether the claim passes every filter given."""
        grade = view.grade
        source = (grade.reliability if grade else None) or "NONE"
        claim = str(grade.credibility) if grade and grade.credibility else "none"
        return (
            (not self.reliability or source in self.reliability)
            and (not self.credibility or claim in self.credibility)
            and (view.disagreement or not self.disagreements)
        )


def _document_path(conn: sqlite3.Connection, given: str | None) -> str | None:
    """The path of the document `--document` names (every version's claims are its claims)."""
    return None if given is None else named_document(conn, given).path


@main.command()
@click.argument("claim_id")
@wide_option
@click.option("--json", "as_json", is_flag=True, help="Print the claim object as JSON.")
@click.pass_context
def show(ctx: click.Context, claim_id: str, wide: bool, as_json: bool) -> None:
    """Show one claim: its span in context, facts, status history and evidence."""
    from claimcheck.store.documents import get_document
    from claimcheck.store.views import claim_view

    with database(ctx) as conn:
        view = claim_view(conn, claim_id)
        document = get_document(conn, view.document_id)
    if as_json:
        emit_json(view.model_dump(mode="json", by_alias=True))
    else:
        from claimcheck.cli.layout import output_width
        from claimcheck.cli.render import claim_detail, evidence_section

        width = output_width(wide)
        click.echo(claim_detail(view, document.text, width=width))
        click.echo(evidence_section(view, width=width))


@main.command()
@click.argument("claim_id")
@click.argument("status", type=click.Choice(STATUSES))
@click.option("--note", help="A note on the decision (replaces the current note).")
@click.option("--analyst", help=ANALYST_HELP)
@click.option("--json", "as_json", is_flag=True, help=JSON_HELP)
@click.pass_context
def mark(
    ctx: click.Context,
    claim_id: str,
    status: str,
    note: str | None,
    analyst: str | None,
    as_json: bool,
) -> None:
    """Record a verdict on a claim (confirmed, disputed or unverified), resting on the passages
    accepted so far; a decision that changes nothing is not recorded."""
    from claimcheck.models import Status
    from claimcheck.store.decisions import decide

    with database(ctx) as conn:
        outcome = decide(conn, claim_id, Status(status), resolve_analyst(analyst), note=note)
    echo_outcome(outcome, as_json)


@main.command()
@click.argument("claim_id")
@click.argument("text", required=False)
@click.option("--clear", is_flag=True, help="Remove the claim's note.")
@click.option("--analyst", help=ANALYST_HELP)
@click.option("--json", "as_json", is_flag=True, help=JSON_HELP)
@click.pass_context
def note(
    ctx: click.Context,
    claim_id: str,
    text: str | None,
    clear: bool,
    analyst: str | None,
    as_json: bool,
) -> None:
    """Set (or with --clear remove) a claim's note without changing its status."""
    from claimcheck.errors import ClaimcheckError
    from claimcheck.store.decisions import decide

    if (text is None) == (not clear):
        raise ClaimcheckError("give the note TEXT, or --clear")
    with database(ctx) as conn:
        outcome = decide(
            conn, claim_id, None, resolve_analyst(analyst), note=text, clear_note=clear
        )
    echo_outcome(outcome, as_json)


@main.command()
@click.argument("claim_id")
@click.option("--analyst", help="Whose decision to undo (default $CLAIMCHECK_ANALYST, then login).")
@click.option("--json", "as_json", is_flag=True, help=JSON_HELP)
@click.pass_context
def undo(ctx: click.Context, claim_id: str, analyst: str | None, as_json: bool) -> None:
    """Revert your most recent decision in effect on a claim (status, note, link or dismissal)
    by appending an event that names it; history is kept."""
    from claimcheck.store.decisions import undo as undo_decision

    with database(ctx) as conn:
        outcome = undo_decision(conn, claim_id, resolve_analyst(analyst))
    echo_outcome(outcome, as_json)


@main.command()
@click.argument("claim_id")
@click.option("--analyst", help="Whose undo to redo (default $CLAIMCHECK_ANALYST, then login).")
@click.option("--json", "as_json", is_flag=True, help=JSON_HELP)
@click.pass_context
def redo(ctx: click.Context, claim_id: str, analyst: str | None, as_json: bool) -> None:
    """Undo your most recent undo on a claim (puts the decision back), if you decided nothing
    on it since."""
    from claimcheck.store.decisions import redo as redo_decision

    with database(ctx) as conn:
        outcome = redo_decision(conn, claim_id, resolve_analyst(analyst))
    echo_outcome(outcome, as_json)
