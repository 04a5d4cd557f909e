"""Every command given malformed input: one line on stderr, a non-zero exit, no traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck.cli import main
from claimcheck.models import ClaimView
from claimcheck.store import connect
from claimcheck.store.views import claim_views
from claimcheck.text.jsontext import pretty_json
from tests.conftest import SEEDS

NOT_UTF8 = b'{"claim": "1,000 troops", "passage": "about 900 troops"}\n\xff\xfe bad\n'


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with the seeds, and files every command can be handed by mistake."""
    folder = tmp_path_factory.mktemp("malformed")
    assert CliRunner().invoke(main, ["--db", str(folder / "db.sqlite"), "ingest", str(SEEDS)])
    (folder / "not-utf8.jsonl").write_bytes(NOT_UTF8)
    (folder / "not-json.jsonl").write_text("this is not json\n")
    (folder / "binary.txt").write_bytes(b"The army said 1,000 troops.\x00\x01")
    (folder / "latin1.txt").write_bytes("Caf\xe9 said 10 troops.".encode("latin-1"))
    (folder / "new\nline.txt").write_text("")
    (folder / "evil\u202etxt.exe.txt").write_text("")
    (folder / "climate.jsonl").write_text('{"claim": "no id"}\n')
    return folder


def cases(folder: Path) -> list[list[str]]:
    """(arguments) of each command with input it cannot use."""
    db = ["--db", str(folder / "db.sqlite")]
    return [
        [*db, "ingest", str(folder / "missing.txt")],
        [*db, "ingest", str(folder / "binary.txt")],
        [*db, "ingest", str(folder / "latin1.txt")],
        [*db, "ingest", str(folder / "new\nline.txt")],
        [*db, "ingest", str(folder / "evil\u202etxt.exe.txt")],
        [*db, "ingest", "--nope", "x"],
        [*db, "ingest"],
        [*db, "claims", "--status", "maybe"],
        [*db, "show", "cdoesnotexist"],
        [*db, "show", ""],
        [*db, "show"],
        [*db, "mark", "", "confirmed"],
        [*db, "mark", "cdoesnotexist", "confirmed"],
        [*db, "mark", "c", "maybe"],
        [*db, "undo", "cdoesnotexist"],
        [*db, "documents", "--nope"],
        [*db, "summary", "--nope"],
        [*db, "evidence", "cdoesnotexist"],
        [*db, "conflicts", "extra"],
        [*db, "check", "-k", "0"],
        [*db, "report"],
        [*db, "report", "--format", "pdf"],
        [*db, "report", "--format", "md", "-o", str(folder / "no" / "such" / "r.md")],
        ["--db", str(folder / "missing.db"), "report", "--format", "md"],
        ["--db", str(folder / "no" / "db.sqlite"), "claims"],
        ["--db", str(folder), "summary"],
        ["stance", "--lexical-only", "--input", str(folder / "missing.jsonl")],
        ["stance", "--lexical-only", "--input", str(folder / "not-utf8.jsonl")],
        ["stance", "--lexical-only", "--input", str(folder / "not-json.jsonl")],
        ["stance", "--lexical-only", "--input", str(folder)],
        ["stance", "--lexical-only"],
        ["bench", "climate-fever", str(folder / "missing.jsonl")],
        ["bench", "climate-fever", str(folder / "climate.jsonl"), "--head", "none"],
        ["bench", "nothing"],
        ["--nope"],
        [*db, "nosuchcommand"],
        [*db, "tui", "--analyst"],
    ]


def test_every_command_fails_on_one_line_without_a_traceback(inputs: Path) -> None:
    runner = CliRunner()
    for args in cases(inputs):
        result = runner.invoke(main, args)
        shown = " ".join(args[2:] if args[0] == "--db" else args)
        assert result.exit_code not in (0, None), shown
        assert result.exception is None or isinstance(result.exception, SystemExit), shown
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: "), (shown, result.stderr)
        assert "Traceback" not in result.stderr + result.stdout, shown


def test_file_names_are_printed_escaped_on_one_line(inputs: Path) -> None:
    runner = CliRunner()
    db = str(inputs / "db.sqlite")
    newline = runner.invoke(main, ["--db", db, "ingest", str(inputs / "new\nline.txt")])
    assert newline.stderr == f"error: {inputs}/new\\nline.txt: is empty (0 bytes)\n"
    evil = runner.invoke(main, ["--db", db, "ingest", str(inputs / "evil\u202etxt.exe.txt")])
    assert evil.stderr == f"error: {inputs}/evil\\u202etxt.exe.txt: is empty (0 bytes)\n"


def test_stance_errors_in_a_real_process(inputs: Path) -> None:
    """What a shell sees: the message alone on stderr, for a file and for stdin."""
    command = [sys.executable, "-c", "from claimcheck.cli import main; main()", "stance"]
    for extra, stdin in (
        (["--input", str(inputs / "missing.jsonl")], b""),
        (["--input", str(inputs / "not-utf8.jsonl")], b""),
        (["--input", "-"], NOT_UTF8),
    ):
        proc = subprocess.run(
            [*command, "--lexical-only", *extra], input=stdin, capture_output=True
        )
        assert proc.returncode == 1 and proc.stdout == b""
        (line,) = proc.stderr.decode().splitlines()
        assert line.startswith("error: ") and "Traceback" not in line
        assert "does not exist" in line or "line 2 is not valid UTF-8 (byte 0xff" in line


def test_mark_with_an_empty_id_says_so(inputs: Path) -> None:
    result = CliRunner().invoke(main, ["--db", str(inputs / "db.sqlite"), "mark", "", "confirmed"])
    assert result.stderr == "error: no claim id given (an empty id matches no claim)\n"


def test_claims_json_is_written_as_a_stream_of_the_same_text(inputs: Path) -> None:
    db = inputs / "db.sqlite"
    result = CliRunner().invoke(main, ["--db", str(db), "claims", "--json"])
    conn = connect(db)
    views: list[ClaimView] = claim_views(conn)
    conn.close()
    expected = pretty_json([v.model_dump(mode="json", by_alias=True) for v in views]) + "\n"
    assert result.stdout == expected and len(json.loads(result.stdout)) == len(views) > 20
    empty = CliRunner().invoke(main, ["--db", str(db), "claims", "--status", "disputed", "--json"])
    assert empty.stdout == "[]\n"
