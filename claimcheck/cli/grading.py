"""`claimcheck grade`: the analyst's Admiralty grades, source reliability A–F per outlet and
information credibility 1–6 per claim, each recorded as an event."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import click

from claimcheck.cli.claims import ANALYST_HELP, JSON_HELP, named_document
from claimcheck.cli.main import F, database, emit_json, main
from claimcheck.config import resolve_analyst

if TYPE_CHECKING:
    import sqlite3

    from claimcheck.grading import SubjectKind
    from claimcheck.store.grades import GradeOutcome

CLEAR_HELP = "Remove the grade (recorded as an event too)."


@main.group()
def grade() -> None:
    """Grade a source's reliability (A–F) or a claim's credibility (1–6); `show` lists the
    grade, claimcheck's suggestion and every grading."""


def _value(given: str | None, clear: bool) -> str | None:
    """The grade given, or None with --clear; neither or both is an error."""
    from claimcheck.errors import InputError

    if (given is None) == (not clear):
        raise InputError("give the GRADE, or --clear")
    return given


def _echo(outcome: GradeOutcome, as_json: bool) -> None:
    if as_json:
        event = outcome.event.model_dump(mode="json") if outcome.event else None
        emit_json(
            {
                "subject_kind": outcome.subject_kind,
                "subject": outcome.subject,
                "recorded": event is not None,
                "event": event,
                "message": outcome.message,
            }
        )
        return
    click.echo(outcome.message)


def grading_options(function: F) -> F:
    """GRADE, `--clear`, `--analyst` and `--json`: what both grade commands take."""
    decorators: list[Callable[[F], F]] = [
        click.option("--json", "as_json", is_flag=True, help=JSON_HELP),
        click.option("--analyst", help=ANALYST_HELP),
        click.option("--clear", is_flag=True, help=CLEAR_HELP),
        click.argument("value", metavar="[GRADE]", required=False),
    ]
    for decorate in decorators:
        function = decorate(function)
    return function


@grade.command("source")
@click.argument("source")
@grading_options
@click.pass_context
def grade_source(
    ctx: click.Context,
    source: str,
    value: str | None,
    clear: bool,
    analyst: str | None,
    as_json: bool,
) -> None:
    """Set the reliability (A completely reliable … E unreliable, F cannot be judged) of an
    outlet: SOURCE is a publisher, or a document (id, path or URL) standing for its publisher,
    or for itself when it has none."""
    from claimcheck.errors import InputError
    from claimcheck.grading import parse_reliability
    from claimcheck.store.grades import grade_source as record

    given = _value(value, clear)
    try:
        letter = None if given is None else parse_reliability(given)
    except ValueError as exc:
        raise InputError(str(exc)) from None
    with database(ctx) as conn:
        kind, subject = _outlet(conn, source)
        outcome = record(conn, kind, subject, letter, resolve_analyst(analyst))
    _echo(outcome, as_json)


def _outlet(conn: sqlite3.Connection, given: str) -> tuple[SubjectKind, str]:
    """The outlet `given` names: a publisher of some current document (first, so a short name
    is never read as a document id prefix), else a document's publisher, else the document."""
    from claimcheck.errors import NotFoundError
    from claimcheck.grading import outlet_name
    from claimcheck.store.grades import find_publisher

    try:
        return "publisher", find_publisher(conn, given)
    except NotFoundError as missing:
        try:
            document = named_document(conn, given)
        except NotFoundError as exc:
            raise (exc if "ambiguous" in str(exc) else missing) from None
    name = outlet_name(document.publisher)
    return ("publisher", name) if name else ("document", document.path)


@grade.command("claim")
@click.argument("claim_id")
@grading_options
@click.pass_context
def grade_claim(
    ctx: click.Context,
    claim_id: str,
    value: str | None,
    clear: bool,
    analyst: str | None,
    as_json: bool,
) -> None:
    """Set a claim's credibility (1 confirmed, 2 probably true, 3 possibly true, 4 doubtful,
    5 improbable, 6 cannot be judged); `show` gives the one its evidence suggests."""
    from claimcheck.errors import InputError
    from claimcheck.grading import parse_credibility
    from claimcheck.store.grades import grade_claim as record

    given = _value(value, clear)
    try:
        digit = None if given is None else parse_credibility(given)
    except ValueError as exc:
        raise InputError(str(exc)) from None
    with database(ctx) as conn:
        outcome = record(conn, claim_id, digit, resolve_analyst(analyst))
    _echo(outcome, as_json)
