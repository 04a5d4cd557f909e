"""`check --engine ray` against `--engine local` on a generated corpus, in separate processes.

Generates reference reports (20 sentences each) and source articles whose sentences make claims,
ingests them once, then checks copies of that database with each engine: wall time, CPU-seconds
of the whole process tree (the driver and, for Ray, its raylet, GCS and workers; sampled from
/proc every 0.1 s, so up to a tenth of a second per process is missed), and whether both stored
the same evidence. Not part of `make test`: minutes of CPU.

    .venv/bin/python benchmarks/bench_ray.py --reference 1000 --sources 50 --workers 2
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLAIMCHECK = str(Path(sys.executable).parent / "claimcheck")
AGENCIES = [
    "The ministry",
    "The agency",
    "Officials",
    "The regional council",
    "A spokesperson",
    "The port authority",
    "The health board",
    "Police",
    "The statistics office",
]
PLACES = ["Harbin", "Lagos", "Quito", "Tromso", "Busan", "Kassel", "Mombasa", "Cusco", "Perth"]
THINGS = [
    "troops",
    "tonnes of grain",
    "patients",
    "vessels",
    "families",
    "workers",
    "homes",
    "schools",
    "trucks",
    "hectares of forest",
]
VERBS = [
    "arrived in",
    "left",
    "were evacuated from",
    "were counted in",
    "were reported in",
    "were destroyed in",
    "were moved to",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September"]


def sentence(rng: random.Random) -> str:
    """One news-like sentence with an agency, a figure, a place and a date."""
    return (
        f"{rng.choice(AGENCIES)} said {rng.randint(2, 9000):,} {rng.choice(THINGS)} "
        f"{rng.choice(VERBS)} {rng.choice(PLACES)} on {rng.randint(1, 28)} "
        f"{rng.choice(MONTHS)} {rng.choice([2023, 2024])}."
    )


def generate(folder: Path, documents: int, prefix: str, seed: int) -> None:
    """`documents` markdown reports of 20 one-sentence paragraphs each."""
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    for number in range(documents):
        title = f"# {prefix} report {number}: {rng.choice(PLACES)}"
        body = [sentence(rng) for _ in range(20)]
        (folder / f"{prefix}-{number:05d}.md").write_text("\n\n".join([title, *body]) + "\n")


def tree_cpu_seconds(root: int, seen: dict[int, float]) -> None:
    """Record the CPU-seconds so far of `root` and every process below it (by /proc)."""
    ticks = os.sysconf("SC_CLK_TCK")
    children: dict[int, list[int]] = {}
    stats: dict[int, float] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry.name)
        children.setdefault(int(fields[1]), []).append(pid)
        stats[pid] = (int(fields[11]) + int(fields[12])) / ticks
    todo = [root]
    while todo:
        pid = todo.pop()
        if pid in stats:
            seen[pid] = max(seen.get(pid, 0.0), stats[pid])
        todo += children.get(pid, [])


def measured_check(db: Path, engine: str, workers: int) -> dict[str, float | str]:
    """Run `check --json` with `engine`: its report, wall time and the tree's CPU-seconds."""
    argv = [CLAIMCHECK, "--db", str(db), "check", "--json", "--engine", engine]
    if engine == "ray":
        argv += ["--workers", str(workers)]
    started = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    seen: dict[int, float] = {}
    while proc.poll() is None:
        tree_cpu_seconds(proc.pid, seen)
        time.sleep(0.1)  # sampling interval, not a wait for a condition
    wall = time.perf_counter() - started
    report = json.loads(proc.stdout.read() if proc.stdout else "{}")
    return {"engine": engine, "wall_s": wall, "cpu_s": sum(seen.values()), **report}


def evidence(db: Path) -> list[tuple[object, ...]]:
    """The stored evidence, less timestamps."""
    conn = sqlite3.connect(db)
    rows = conn.execute(
        "SELECT claim_id, passage_id, rank, similarity, lexical, stance, score, reason, kind "
        "FROM evidence ORDER BY claim_id, rank"
    ).fetchall()
    conn.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reference", type=int, default=1000, help="reference reports (x20)")
    parser.add_argument("--sources", type=int, default=50, help="source articles (x20)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="keep the generated database here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-ray-") as folder:
        work = Path(folder)
        generate(work / "reference", args.reference, "reference", 1)
        generate(work / "sources", args.sources, "source", 2)
        base = work / "base.db"
        started = time.perf_counter()
        for role, path in (("reference", work / "reference"), ("source", work / "sources")):
            subprocess.run(
                [CLAIMCHECK, "--db", str(base), "ingest", "--role", role, str(path)],
                check=True,
                stdout=subprocess.DEVNULL,
            )
        print(f"ingested in {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
        if args.keep:
            shutil.copy(base, args.keep)
        rows = []
        for engine in ("local", "ray"):
            db = work / f"{engine}.db"
            shutil.copy(base, db)
            rows.append({**measured_check(db, engine, args.workers), "db": db})
            print(
                json.dumps({k: v for k, v in rows[-1].items() if k != "db"}, default=str),
                file=sys.stderr,
                flush=True,
            )
        identical = evidence(rows[0]["db"]) == evidence(rows[1]["db"])  # type: ignore[arg-type]
        print_table(rows, identical)


def print_table(rows: list[dict[str, object]], identical: bool) -> None:
    """One markdown table: per engine, texts, claims, wall, throughput and CPU per passage."""
    print("| engine | texts embedded | claims | wall s | embed s | passages/s | CPU-s/passage |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    local_rate = 0.0
    for row in rows:
        texts = float(row["passages_embedded"])  # type: ignore[arg-type]
        wall = float(row["wall_s"])  # type: ignore[arg-type]
        rate = texts / wall
        local_rate = local_rate or rate
        print(
            f"| {row['engine']} | {texts:,.0f} | {row['claims_checked']:,} | {wall:.1f} | "
            f"{float(row['embed_seconds']):.1f} | {rate:.1f} ({rate / local_rate:.2f}×) | "  # type: ignore[arg-type]
            f"{float(row['cpu_s']) / texts * 1000:.2f} ms |"  # type: ignore[arg-type]
        )
    print(f"\nevidence rows identical: {identical}")


if __name__ == "__main__":
    main()
