"""The CLI contract: JSON shapes, exit codes, one-line errors, help text and no torch import."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from claimcheck.cli import main
from tests.conftest import SEEDS, imported_by

CLAIM_KEYS = {
    "id",
    "document_id",
    "document_path",
    "text",
    "span",
    "quantities",
    "dates",
    "attribution",
    "checkworthiness",
    "status",
    "note",
    "history",
}


def run(db: Path, *args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, ["--db", str(db), *args], env=env)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "cli.db"
    result = run(path, "ingest", str(SEEDS))
    assert result.exit_code == 0, result.stderr
    return path


def test_claims_json_shape(db: Path) -> None:
    result = run(db, "claims", "--json")
    assert result.exit_code == 0
    claims = json.loads(result.stdout)
    assert len(claims) > 20
    for claim in claims:
        assert set(claim) >= CLAIM_KEYS
        assert set(claim["span"]) >= {"start", "end", "exact", "prefix", "suffix"}
        assert Path(claim["document_path"]).is_absolute()
        assert claim["status"] == "unverified" and claim["history"] == []
        for q in claim["quantities"]:
            assert {"text", "value", "low", "high", "qualifier", "unit"} <= set(q)
        for d in claim["dates"]:
            assert {"text", "value", "precision"} <= set(d)


def test_mark_show_and_filters(db: Path) -> None:
    claims = json.loads(run(db, "claims", "--json").stdout)
    first = claims[0]["id"]
    result = run(db, "mark", first, "disputed", "--note", "figure differs", "--analyst", "ana")
    assert result.exit_code == 0, result.stderr
    shown = json.loads(run(db, "show", first, "--json").stdout)
    assert shown["status"] == "disputed" and shown["note"] == "figure differs"
    (event,) = shown["history"]
    assert {k: event[k] for k in ("analyst", "from", "to", "note")} == {
        "analyst": "ana",
        "from": "unverified",
        "to": "disputed",
        "note": "figure differs",
    }
    disputed = json.loads(run(db, "claims", "--status", "disputed", "--json").stdout)
    assert [c["id"] for c in disputed] == [first]
    by_doc = json.loads(run(db, "claims", "--document", first_doc(claims), "--json").stdout)
    assert by_doc and all(c["document_id"] == first_doc(claims) for c in by_doc)
    by_path = run(db, "claims", "--document", claims[0]["document_path"], "--json")
    assert json.loads(by_path.stdout) == json.loads(
        run(db, "claims", "--document", first_doc(claims), "--json").stdout
    )
    text = run(db, "show", first)
    assert ">>>" in text.stdout and "disputed" in text.stdout


def first_doc(claims: list[dict[str, object]]) -> str:
    return str(claims[0]["document_id"])


def test_analyst_from_environment(db: Path) -> None:
    first = json.loads(run(db, "claims", "--json").stdout)[0]["id"]
    run(db, "mark", first, "confirmed", env={"CLAIMCHECK_ANALYST": "envy"})
    assert json.loads(run(db, "show", first, "--json").stdout)["history"][0]["analyst"] == "envy"


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["show", "cdoesnotexist"], 1, "no claim"),
        (["mark", "cdoesnotexist", "confirmed"], 1, "no claim"),
        (["mark", "x", "maybe"], 2, "maybe"),
        (["ingest", "/no/such/file.txt"], 1, "does not exist"),
        (["claims", "--status", "nope"], 2, "nope"),
    ],
)
def test_errors_are_one_line_and_nonzero(
    db: Path, args: list[str], code: int, message: str
) -> None:
    result = run(db, *args)
    assert result.exit_code == code
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    if code == 1:
        assert len(result.stderr.strip().splitlines()) == 1


def test_database_path_that_is_a_folder(tmp_path: Path) -> None:
    result = run(tmp_path, "claims")
    assert result.exit_code == 2 and "is a directory" in result.stderr


def test_every_command_has_help_text() -> None:
    assert isinstance(main, click.Group)
    for name, command in main.commands.items():
        assert command.help and len(command.help) > 10, name
        for param in command.params:
            if isinstance(param, click.Option):
                assert param.help, f"{name} {param.name}"


def test_summary_and_documents(db: Path) -> None:
    summary = json.loads(run(db, "summary", "--json").stdout)
    assert summary["documents"] == 2 and summary["claims"] > 20
    assert summary["by_status"]["unverified"] == summary["claims"]
    docs = json.loads(run(db, "documents", "--json").stdout)
    assert sorted(Path(d["path"]).name for d in docs) == sorted(p.name for p in SEEDS.iterdir())


HEAVY = ("torch", "sentence_transformers", "faiss", "textual", "sqlite_utils", "numpy")


def test_read_commands_do_not_import_heavy_libraries(db: Path) -> None:
    claim_id = json.loads(run(db, "claims", "--json").stdout)[0]["id"]
    commands = [["--help"], ["--db", str(db), "claims", "--json"]]
    commands.append(["--db", str(db), "show", claim_id, "--json"])
    _, imported = imported_by(commands, HEAVY)
    assert imported == []
