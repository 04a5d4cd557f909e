"""A small case written for these tests: one source under review says a storm closed 40 bridges;
two reference documents say 25, a third 31, and a later one gives the final count of 52."""

from __future__ import annotations

from pathlib import Path

from claimcheck.check import CheckConfig, check
from claimcheck.ingest import ingest_paths
from claimcheck.store import connect
from tests.fakes import BagOfWordsEmbedder

CLAIM = (
    "# Storm closes harbour bridges\n\n"
    "The port authority said on 3 March 2025 that the storm closed 40 bridges across the harbour "
    "district.\n\nCrews began clearing debris the same afternoon.\n"
)
REFERENCES = {
    "coastguard.md": "# Coastguard update on the harbour storm\n\nThe coastguard said on "
    "3 March 2025 that the storm closed 25 bridges across the harbour district.\n",
    "mayor.md": "# Mayor briefs residents after the storm\n\nThe mayor said on 3 March 2025 that "
    "the storm closed 25 bridges across the harbour district, and urged drivers to stay home.\n",
    "radio.md": "# Harbour radio bulletin\n\nHarbour radio reported on 3 March 2025 that the "
    "storm closed 31 bridges across the harbour district.\n",
    "later.md": "# Harbour bridges: the final tally\n\nThe port authority said on 12 March 2025 "
    "that the storm had closed 52 bridges across the harbour district in all.\n",
}


def build_bridges(folder: Path) -> Path:
    """Write the documents under `folder`, ingest them (the references as such) and check them
    with the fake embedder; return the database."""
    (folder / "src").mkdir()
    (folder / "ref").mkdir()
    (folder / "src" / "harbour.md").write_text(CLAIM, encoding="utf-8")
    for name, text in REFERENCES.items():
        (folder / "ref" / name).write_text(text, encoding="utf-8")
    db = folder / "bridges.db"
    conn = connect(db)
    assert not ingest_paths(conn, [folder / "src"]).failed
    assert not ingest_paths(conn, [folder / "ref"], role="reference").failed
    check(conn, db, CheckConfig(model="fake-bow"), make_embedder=BagOfWordsEmbedder)
    conn.close()
    return db
