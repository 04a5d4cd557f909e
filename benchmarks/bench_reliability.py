"""Issue 10's figures: ingest of pathological and large files, how long a `mark` waits while an
ingest or a check writes, and `claims --json` on a large database. Each command runs as a
process of its own; wall time and peak RSS (wait4) are that process's.

    .venv/bin/python benchmarks/bench_reliability.py ingest [--work DIR]
    .venv/bin/python benchmarks/bench_reliability.py check [--work DIR]
    .venv/bin/python benchmarks/bench_reliability.py claims-json --db PATH [--claims 80000] \
        [--src CHECKOUT] [--runs 3]

`--src` runs the measured command from another checkout (for a before/after comparison: the
database must be built by the older code first, as newer code migrates it).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CLI = "from claimcheck.cli import main; main()"


def note(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def command(*args: str | Path, src: Path | None = None) -> tuple[list[str], dict[str, str]]:
    """A claimcheck command line and its environment (code from `src` when given)."""
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = str(src)
    return [sys.executable, "-c", CLI, *map(str, args)], env


def measured(*args: str | Path, src: Path | None = None) -> tuple[float, float]:
    """Seconds and peak RSS (MiB) of one claimcheck process, its stdout discarded."""
    argv, env = command(*args, src=src)
    started = time.perf_counter()
    process = subprocess.Popen(
        argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=src or ROOT
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        assert process.stderr is not None
        raise SystemExit(f"{' '.join(argv)} failed: {process.stderr.read().decode()}")
    return seconds, usage.ru_maxrss / 1024


def marks_during(db: Path, claim_id: str, *args: str | Path) -> tuple[float, list[float]]:
    """Run `claimcheck ARGS` and mark a claim again and again (in process) until it ends: its
    wall time and how long each mark took, from the call to the commit."""
    from claimcheck.models import Status
    from claimcheck.store import connect
    from claimcheck.store.decisions import decide

    conn = connect(db)
    argv, env = command("--db", db, *args)
    started = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    waits: list[float] = []
    while process.poll() is None:
        tick = time.perf_counter()
        decide(conn, claim_id, (Status.confirmed, Status.disputed)[len(waits) % 2], "bench")
        waits.append(time.perf_counter() - tick)
        time.sleep(0.05)
    seconds = time.perf_counter() - started
    conn.close()
    return seconds, waits


def one_line(chars: int) -> str:
    from tests.longtext import long_article

    return long_article(chars).replace(".\n\n", " and ").replace("\n", " ")


def seed_claim(db: Path) -> str:
    """A database with one small document; the id of a claim to mark."""
    from claimcheck.ingest import ingest_paths
    from claimcheck.store import connect

    small = db.parent / "small.txt"
    small.write_text("The ministry said on 3 March 2024 that 1,000 troops had crossed.\n")
    conn = connect(db)
    ingest_paths(conn, [small])
    claim = str(conn.execute("SELECT id FROM claims").fetchone()[0])
    conn.close()
    return claim


def latency_row(label: str, seconds: float, waits: list[float]) -> str:
    return (
        f"| {label} | {seconds:.1f} s | {len(waits)} | {statistics.median(waits) * 1e3:.0f} ms | "
        f"{max(waits) * 1e3:.0f} ms |"
    )


def bench_ingest(work: Path) -> None:
    """A 5 MB line without a sentence end, a 9.4 MB article, and marks during the latter."""
    from tests.longtext import long_article

    line = work / "one-line.txt"
    line.write_text(one_line(5_000_000))
    big = work / "big.txt"
    big.write_text(long_article(9_400_000))
    print("| file | size | wall | peak RSS |\n|---|---:|---:|---:|")
    for path in (line, big):
        db = work / f"{path.stem}.db"
        seconds, rss = measured("--db", db, "ingest", path)
        size = path.stat().st_size / 1e6
        print(f"| {path.name} | {size:.1f} MB | {seconds:.1f} s | {rss:.0f} MiB |")
    db = work / "marks.db"
    claim = seed_claim(db)
    seconds, waits = marks_during(db, claim, "ingest", big)
    print("\n| while | run | marks | median wait | longest wait |\n|---|---:|---:|---:|---:|")
    print(latency_row(f"ingest of {big.name}", seconds, waits))


def bench_check(work: Path) -> None:
    """Marks while `check` embeds and labels a corpus with the packaged model."""
    from tests.conftest import EVIDENCE, SEEDS
    from tests.longtext import long_article

    db = work / "check.db"
    claim = seed_claim(db)
    article = work / "article.md"
    article.write_text(long_article(600_000))
    argv, _ = command("--db", db, "ingest", SEEDS, EVIDENCE, article)
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
    seconds, waits = marks_during(db, claim, "check")
    print("| while | run | marks | median wait | longest wait |\n|---|---:|---:|---:|---:|")
    print(latency_row("check (embeds ~7,000 texts)", seconds, waits))


def bench_claims_json(db: Path, claims: int, src: Path | None, runs: int) -> None:
    """`claims --json` on a database of `claims` claims (built by bench_report if missing)."""
    if not db.exists():  # built by the code measured first: newer code migrates, older refuses
        build = (
            f"from pathlib import Path; from benchmarks.bench_report import synthetic; "
            f"synthetic(Path({str(db)!r}), {claims})"
        )
        subprocess.run([sys.executable, "-c", build], cwd=src or ROOT, check=True)
    measured("--db", db, "summary", src=src)  # migrate first, outside the measurement
    results = [measured("--db", db, "claims", "--json", src=src) for _ in range(runs)]
    seconds = statistics.median(s for s, _ in results)
    rss = statistics.median(m for _, m in results)
    with sqlite3.connect(db) as conn:
        stored = int(conn.execute("SELECT count(*) FROM claims").fetchone()[0])
    print("| code | claims --json | wall (median) | peak RSS |\n|---|---:|---:|---:|")
    print(f"| {src or ROOT} | {stored:,} claims | {seconds:.1f} s | {rss:.0f} MiB |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=["ingest", "check", "claims-json"])
    parser.add_argument("--work", type=Path, help="keep the generated files here")
    parser.add_argument("--db", type=Path, help="claims-json: the database (built if missing)")
    parser.add_argument("--claims", type=int, default=80_000)
    parser.add_argument("--src", type=Path, help="claims-json: run another checkout's code")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = args.work or Path(folder)
        work.mkdir(parents=True, exist_ok=True)
        if args.what == "ingest":
            bench_ingest(work)
        elif args.what == "check":
            bench_check(work)
        else:
            bench_claims_json(args.db or work / "claims.db", args.claims, args.src, args.runs)


if __name__ == "__main__":
    main()
