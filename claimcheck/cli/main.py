"""The command group and what every command shares: database, progress, JSON, one-line errors."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from claimcheck import __version__
from claimcheck.config import DB_ENV, resolve_db
from claimcheck.errors import ClaimcheckError

if TYPE_CHECKING:
    from claimcheck.models import Scope
    from claimcheck.store.decisions import Outcome

F = TypeVar("F", bound=Callable[..., Any])
STATUSES = ["unverified", "confirmed", "disputed"]


def fail(message: str, code: int = 1) -> NoReturn:
    """Print a one-line error on stderr and exit; runs of whitespace become one space and other
    control and direction characters are shown escaped, so the line reads as written."""
    from claimcheck.text.printable import printable

    click.echo(f"error: {printable(' '.join(message.split()))}", err=True)
    sys.exit(code)


def usage_error(exc: click.UsageError) -> NoReturn:
    """A usage error as one line naming the command's help, exit 2."""
    command = exc.ctx.command_path if exc.ctx else "claimcheck"
    fail(f"{exc.format_message()} (see: {command} --help)", exc.exit_code)


class ClaimcheckGroup(click.Group):
    """A command group that turns expected failures into one line on stderr, never a traceback."""

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        """Parse the group's own options; a usage error there is one line too."""
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.UsageError as exc:
            usage_error(exc)

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command, mapping claimcheck and SQLite errors to clean exits."""
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:
            usage_error(exc)
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
    from claimcheck.text.jsontext import pretty_json

    click.echo(pretty_json(data))


def emit_json_array(items: Iterable[object]) -> None:
    """Write a JSON array on stdout an item at a time (the same text as `emit_json`)."""
    from claimcheck.text.jsontext import json_array_chunks

    for chunk in json_array_chunks(items):
        click.echo(chunk, nl=False)
    click.echo()


def read_input_lines(source: str) -> list[str]:
    """The lines of a UTF-8 text file, or of stdin for "-"; a missing or unreadable file, or
    bytes that are not UTF-8, are a one-line ClaimcheckError naming the file and line."""
    from claimcheck.text.printable import printable

    name = "stdin" if source == "-" else printable(source)
    try:
        data = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    except FileNotFoundError:
        raise ClaimcheckError(f"{name}: does not exist") from None
    except IsADirectoryError:
        raise ClaimcheckError(f"{name}: is a folder, not a file") from None
    except OSError as exc:
        raise ClaimcheckError(f"{name}: cannot be read ({exc.strerror or exc})") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ClaimcheckError(
            f"{name}: line {line} is not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset "
            f"{exc.start})"
        ) from None
    return text.removeprefix("\ufeff").splitlines()


def scope_options(function: F) -> F:
    """`--include-reference` and `--include-dismissed`: what a listing or report covers."""
    function = click.option(
        "--include-dismissed",
        is_flag=True,
        help="Also list claims dismissed as 'not a claim' (hidden by default).",
    )(function)
    return click.option(
        "--include-reference",
        is_flag=True,
        help="Also cover claims of reference documents (only sources under review by default).",
    )(function)


def make_scope(
    include_reference: bool, include_dismissed: bool, analyst: str | None = None
) -> Scope:
    """The Scope the scope options describe."""
    from claimcheck.models import Scope

    return Scope(include_reference, include_dismissed, analyst)


def echo_outcome(outcome: Outcome, as_json: bool) -> None:
    """What a decision command did: the event and the change, or that nothing was recorded."""
    if as_json:
        entry = outcome.entry.model_dump(mode="json", by_alias=True) if outcome.entry else None
        emit_json(
            {
                "claim_id": outcome.claim_id,
                "recorded": entry is not None,
                "event": entry,
                "change": outcome.change if entry else None,
                "message": outcome.message,
            }
        )
        return
    click.echo(outcome.message)


def wide_option(function: F) -> F:
    """`--wide`: one full line per row, nothing wrapped or shortened, whatever the terminal."""
    return click.option(
        "--wide",
        is_flag=True,
        help="One full line per row (default: fit $COLUMNS or the terminal; full when piped).",
    )(function)
