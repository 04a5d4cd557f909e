"""`claimcheck report` in every format: wall time and peak memory of the whole command.

Two databases: the demo corpus as `make run` leaves it (seeds + evidence, checked with the real
model; pass it with --demo-db) and a synthetic one with --claims claims (default 10,000) built by
bench_tui's generator through the real ingest and check (bag-of-words embedder), with one claim in
five decided so ClaimReview, the annotations' `assessing` items and PROV's reviews have work. Each
format runs --runs times as a fresh process writing to a file; the table gives the median wall
time, the median peak RSS (from wait4) and the output size.

    .venv/bin/python benchmarks/bench_report.py [--demo-db claimcheck.db] [--claims 10000] \
        [--db PATH] [--runs 3] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FORMATS = ["html", "md", "json", "csv", "claimreview", "annotations", "prov"]
CLAIMCHECK = Path(sys.executable).with_name("claimcheck")


def note(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def synthetic(db: Path, claims: int) -> None:
    """bench_tui's synthetic corpus, then one claim in five confirmed or disputed."""
    from benchmarks.bench_tui import build
    from claimcheck.models import Status
    from claimcheck.store import connect
    from claimcheck.store.decisions import decide
    from claimcheck.store.listing import claim_rows

    build(db, claims)
    conn = connect(db)
    started = time.perf_counter()
    for i, row in enumerate(claim_rows(conn)):
        if i % 5 == 0:
            status = Status.confirmed if i % 10 == 0 else Status.disputed
            decide(conn, row.id, status, f"analyst-{i % 3}", note=f"checked {i}")
    note(f"decided in {time.perf_counter() - started:.1f} s")
    conn.close()


def run_once(db: Path, fmt: str, out: Path) -> tuple[float, float]:
    """Seconds and peak RSS (MiB) of one `claimcheck report` process."""
    command = [str(CLAIMCHECK), "--db", str(db), "report", "--format", fmt, "-o", str(out)]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        assert process.stderr is not None
        raise SystemExit(f"{' '.join(command)} failed: {process.stderr.read().decode()}")
    return seconds, usage.ru_maxrss / 1024


def measure(db: Path, runs: int) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as folder:
        for fmt in FORMATS:
            out = Path(folder) / f"report.{fmt}"
            results = [run_once(db, fmt, out) for _ in range(runs)]
            rows.append(
                {
                    "format": fmt,
                    "seconds": round(statistics.median(s for s, _ in results), 3),
                    "peak_mib": round(statistics.median(m for _, m in results), 1),
                    "bytes": out.stat().st_size,
                }
            )
            note(f"{db.name} {fmt}: {rows[-1]}")
    return rows


def claims_in(db: Path) -> int:
    import sqlite3

    with sqlite3.connect(db) as conn:
        return int(conn.execute("select count(*) from claims").fetchone()[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--demo-db", type=Path, help="the database `make run` fills")
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--db", type=Path, help="keep the synthetic database here (reused)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    results: dict[str, object] = {}
    if args.demo_db is not None:
        demo = measure(args.demo_db, args.runs)
        results["demo"] = {"claims": claims_in(args.demo_db), "formats": demo}
    with tempfile.TemporaryDirectory() as folder:
        db = args.db or Path(folder) / "report-bench.db"
        if not db.exists():
            synthetic(db, args.claims)
        results["synthetic"] = {"claims": claims_in(db), "formats": measure(db, args.runs)}

    if args.json:
        print(json.dumps(results, indent=2))
        return
    print("| database | claims | format | seconds (median) | peak MiB | output |")
    print("|---|---:|---|---:|---:|---:|")
    for name, data in results.items():
        assert isinstance(data, dict)
        for row in data["formats"]:
            print(
                f"| {name} | {data['claims']:,} | {row['format']} | {row['seconds']:.2f} | "
                f"{row['peak_mib']:.0f} | {row['bytes'] / 1e6:.1f} MB |"
            )


if __name__ == "__main__":
    main()
