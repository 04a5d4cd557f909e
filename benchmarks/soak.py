"""Soak: kill -9 during ingest, check and mark, and a TUI deciding while another process ingests.

A folder of articles (one of about 300 kB) is edited between rounds — a figure changed, a paragraph
added or removed, a file put back to an earlier version (A→B→A). Every round starts a process
that marks random claims (printing each decision once `mark` returned, i.e. committed) and one
that ingests the folder or runs `check` (bag-of-words embedder, so no model download), and kills
one or both with SIGKILL: at a random moment, or the moment an ingest starts writing. After each
round, with nothing running: `PRAGMA integrity_check` and `foreign_key_check`, every passage and
claim span exact (`text[start:end] == exact`), and every acknowledged decision stored. TUI rounds
run the real app headless (Pilot), deciding while an ingest runs in another process (killed in
half of the rounds), and check every decision the list showed as saved is stored. A last clean
ingest must finish whatever the kills interrupted and leave every current version equal to its
file on disk.

    .venv/bin/python benchmarks/soak.py [--rounds 60] [--tui-rounds 4] [--seed 1] [--work DIR]

Prints a Markdown table (docs/benchmarks.md keeps the last one); exits 1 if anything was lost.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CLI = "from claimcheck.cli import main; main()"
MARKER = """
import random, sys, time
from claimcheck.models import Status
from claimcheck.store import connect
from claimcheck.store.decisions import decide
db, prefix, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
rng, conn, ids, n = random.Random(seed), connect(db), [], 0
while True:
    if n % 40 == 0:
        ids = [row[0] for row in conn.execute("SELECT id FROM claims")]
    claim, status, note = rng.choice(ids), rng.choice(list(Status)), f"{prefix}-{n}"
    started = time.perf_counter()
    decide(conn, claim, status, "soak", note=note)
    print(note, claim, status.value, f"{time.perf_counter() - started:.4f}", flush=True)
    n += 1
    time.sleep(rng.uniform(0, 0.02))
"""
CHECK = """
import sys
from pathlib import Path
from claimcheck.check import CheckConfig, check
from claimcheck.store import connect
from tests.fakes import BagOfWordsEmbedder
db = Path(sys.argv[1])
check(connect(db), db, CheckConfig(model="fake-bow"), make_embedder=BagOfWordsEmbedder)
"""


@dataclass
class Tally:
    """What one kind of round did and found."""

    rounds: int = 0
    kills: int = 0
    mid_write: int = 0
    integrity_ok: int = 0
    broken_spans: int = 0
    decisions: int = 0
    lost: int = 0
    longest_wait: float = 0.0
    notes: list[str] = field(default_factory=list)


def python(code: str, *args: str | Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", code, *map(str, args)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def kill(process: subprocess.Popen[str]) -> bool:
    """SIGKILL a process if it still runs; whether it did."""
    if process.poll() is not None:
        return False
    process.send_signal(signal.SIGKILL)
    process.wait()
    return True


class Corpus:
    """Articles on disk, edited between rounds, with every version kept for A→B→A."""

    def __init__(self, folder: Path, rng: random.Random) -> None:
        from tests.longtext import long_article

        self.folder, self.rng = folder, rng
        folder.mkdir(parents=True, exist_ok=True)
        self.history: dict[Path, list[str]] = {}
        for index in range(8):
            self._write(folder / f"article-{index}.md", long_article(20_000, seed=index))
        self._write(folder / "long-report.md", long_article(300_000, seed=99))

    def _write(self, path: Path, text: str) -> None:
        path.write_text(text)
        self.history.setdefault(path, []).append(text)

    def edit(self, path: Path | None = None) -> str:
        """Change one article (`path`, else one at random) in one of four ways; what was done."""
        path = path or self.rng.choice(sorted(self.history))
        text = path.read_text()
        how = self.rng.choice(["figure", "add", "remove", "revert"])
        if how == "revert" and len(self.history[path]) > 1:
            text = self.rng.choice(self.history[path][:-1])
        elif how == "figure":
            text = text.replace("about ", "about 1", 1)
        elif how == "add":
            text += "\n\nKCNA said on 9 June 2025 that 3,000 more troops were sent.\n"
        else:
            paragraphs = text.split("\n\n")
            del paragraphs[self.rng.randrange(1, len(paragraphs))]
            text = "\n\n".join(paragraphs)
        self._write(path, text)
        return f"{how} {path.name}"


def verify(db: Path, acknowledged: list[str], tally: Tally) -> None:
    """Integrity, exact spans and every acknowledged decision, with nothing running."""
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    ok = conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    ok = ok and not conn.execute("PRAGMA foreign_key_check").fetchall()
    tally.integrity_ok += ok
    texts = {row["id"]: row["text"] for row in conn.execute("SELECT id, text FROM documents")}
    for table, exact in (("passages", "text"), ("claims", "exact")):
        rows = conn.execute(f"SELECT document_id, span_start, span_end, {exact} FROM {table}")
        tally.broken_spans += sum(texts[r[0]][r[1] : r[2]] != r[3] for r in rows)
    for line in acknowledged:
        note, claim, status, wait = line.split()
        tally.decisions += 1
        tally.longest_wait = max(tally.longest_wait, float(wait))
        found = conn.execute(
            "SELECT 1 FROM decisions WHERE note = ? AND claim_id = ? AND to_status = ?",
            (note, claim, status),
        ).fetchone()
        tally.lost += found is None
    conn.close()


def half_written(db: Path) -> bool:
    """Whether a killed ingest left a version staged or still anchoring (the next finishes it)."""
    conn = sqlite3.connect(db)
    try:
        unfinished = "SELECT count(*) FROM documents WHERE ingest_state IS NOT NULL"
        return bool(conn.execute(unfinished).fetchone()[0])
    finally:
        conn.close()


def wait_for_writes(db: Path, process: subprocess.Popen[str], limit: float) -> None:
    """Return once an ingest has started writing a version (or has ended, or `limit` passed)."""
    give_up = time.monotonic() + limit
    conn = sqlite3.connect(db)
    try:
        while process.poll() is None and time.monotonic() < give_up:
            row = conn.execute("SELECT 1 FROM documents WHERE ingest_state IS NOT NULL").fetchone()
            if row:
                return
            time.sleep(0.001)
    finally:
        conn.close()


def kill_round(db: Path, corpus: Corpus, kind: str, round_no: int, tally: Tally) -> None:
    """One round: a marker and an ingest or check, one or both killed; then verify."""
    rng = corpus.rng
    if kind == "ingest":  # the long report half the time, so kills land in long writes too
        long = corpus.folder / "long-report.md" if rng.random() < 0.5 else None
        tally.notes.append(corpus.edit(long))
    marker = python(MARKER, db, f"r{round_no}", round_no)
    target = (
        python(CLI, "--db", db, "ingest", corpus.folder) if kind != "check" else python(CHECK, db)
    )
    if kind == "ingest" and rng.random() < 0.5:
        wait_for_writes(db, target, 120)
        time.sleep(rng.uniform(0, 0.2))
    else:
        time.sleep(rng.uniform(0.05, 4.0))
    if kind == "mark":
        tally.kills += kill(marker)
        target.wait()
    else:
        tally.kills += kill(target)
        tally.mid_write += kind == "ingest" and half_written(db)
        time.sleep(rng.uniform(0, 0.3))
        tally.kills += kill(marker)
    acknowledged = (marker.stdout.read() if marker.stdout else "").splitlines()
    if target.returncode not in (0, -signal.SIGKILL):
        tally.notes.append(f"round {round_no}: {kind} exited {target.returncode}")
    tally.rounds += 1
    verify(db, acknowledged, tally)


def tui_round(db: Path, corpus: Corpus, rng: random.Random, tally: Tally) -> None:
    """The app decides while another process ingests (killed half the time); every decision
    the list showed as saved must be stored."""
    from claimcheck.tui.app import ClaimcheckApp
    from claimcheck.tui.claims.table import ClaimsTable

    tally.notes.append(corpus.edit(corpus.folder / "long-report.md"))  # a long ingest
    saved: list[str] = []

    async def run() -> None:
        app = ClaimcheckApp(db, "soak-tui")
        async with app.run_test(size=(160, 50)) as pilot:
            await app.loaded.wait()
            ingest = python(CLI, "--db", db, "ingest", corpus.folder)
            stop_at = time.monotonic() + rng.uniform(0.3, 3.0) if rng.random() < 0.5 else None
            table = app.query_one(ClaimsTable)
            while ingest.poll() is None:
                if stop_at is not None and time.monotonic() > stop_at:
                    tally.kills += kill(ingest)
                    tally.mid_write += half_written(db)
                    break
                claim = table.current_id or ""
                started = time.perf_counter()
                await pilot.press(rng.choice("cdu"))
                while (entry := app.pending.get(claim)) is not None:
                    if entry.failure is not None:
                        tally.notes.append(f"TUI could not save: {entry.failure}")
                        break
                    await asyncio.sleep(0.002)
                tally.longest_wait = max(tally.longest_wait, time.perf_counter() - started)
                status = table.rows[table.index_of(claim) or 0].status.value
                saved.append(f"- {claim} {status} 0")
            ingest.wait()
            await app.workers.wait_for_complete()

    asyncio.run(run())
    tally.rounds += 1
    conn = sqlite3.connect(db)
    for line in saved:  # the app's note is empty: check the latest status matches what it showed
        _, claim, status, _ = line.split()
        tally.decisions += 1
        found = conn.execute(
            "SELECT 1 FROM decisions WHERE claim_id = ? AND analyst = 'soak-tui' AND to_status = ?",
            (claim, status),
        ).fetchone()
        tally.lost += found is None
    conn.close()
    verify(db, [], tally)


def final_check(db: Path, corpus: Corpus) -> str:
    """A clean ingest finishes whatever was interrupted; current versions equal the files."""
    subprocess.run([sys.executable, "-c", CLI, "--db", db, "ingest", corpus.folder], check=True,
                   cwd=ROOT, capture_output=True)  # fmt: skip
    conn = sqlite3.connect(db)
    unfinished = conn.execute("SELECT count(*) FROM documents WHERE ingest_state IS NOT NULL")
    left = unfinished.fetchone()[0]
    current = dict(conn.execute("SELECT path, text FROM documents WHERE superseded_by IS NULL"))
    conn.close()
    differ = sum(current.get(str(path)) != path.read_text() for path in corpus.history)
    return f"{left} unfinished versions, {differ} current versions differ from disk"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=60)
    parser.add_argument("--tui-rounds", type=int, default=4)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as folder:
        work = args.work or Path(folder)
        db = work / "soak.db"
        corpus = Corpus(work / "sources", rng)
        subprocess.run([sys.executable, "-c", CLI, "--db", db, "ingest", corpus.folder],
                       check=True, cwd=ROOT, capture_output=True)  # fmt: skip
        tallies = {kind: Tally() for kind in ("ingest", "check", "mark", "tui + ingest")}
        started = time.monotonic()
        for round_no in range(args.rounds):
            kind = rng.choice(["ingest", "ingest", "check", "mark"])
            kill_round(db, corpus, kind, round_no, tallies[kind])
            print(f"round {round_no + 1}/{args.rounds}: {kind}", file=sys.stderr, flush=True)
        for _ in range(args.tui_rounds):
            tui_round(db, corpus, rng, tallies["tui + ingest"])
        final = final_check(db, corpus)
        minutes = (time.monotonic() - started) / 60
    report(tallies, final, minutes, args)
    if any(t.lost or t.broken_spans or t.integrity_ok < t.rounds for t in tallies.values()):
        raise SystemExit(1)


def report(tallies: dict[str, Tally], final: str, minutes: float, args: argparse.Namespace) -> None:
    print(f"soak: {args.rounds} kill rounds + {args.tui_rounds} TUI rounds, seed {args.seed}, "
          f"{minutes:.1f} min; after a clean ingest: {final}\n")  # fmt: skip
    print("| killed during | rounds | kill -9 | left a version half-written | integrity ok | "
          "broken spans | decisions acknowledged | lost | longest decision |")  # fmt: skip
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for kind, t in tallies.items():
        wait = f"{t.longest_wait * 1e3:.0f} ms"
        print(f"| {kind} | {t.rounds} | {t.kills} | {t.mid_write} | {t.integrity_ok}/{t.rounds} | "
              f"{t.broken_spans} | {t.decisions} | {t.lost} | {wait} |")  # fmt: skip


if __name__ == "__main__":
    main()
