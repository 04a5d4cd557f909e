"""The triage TUI with 10,000 claims: time to first screen and per-keystroke latency, headless.

A database of synthetic news-style documents (figures, dates, attributions; 100 claims each) is
built through the real ingest and given evidence by the check pipeline with the deterministic
bag-of-words embedder, so the list query joins ~80,000 evidence rows as it would in use. Then the
app runs headless (Textual's Pilot) at 160×50: first screen is app start → every claim listed and
drawn. Per key it reports the CPU time the process spends handling the key (moving the cursor,
repainting, loading the claim's detail): the work between the key and the updated screen. Pilot's
wall time per key is printed too, but it is padded by Pilot's own idle detection (sleeps of 20 ms
until the process is idle), so it is an upper bound, not the latency an analyst sees.

    .venv/bin/python benchmarks/bench_tui.py [--claims 10000] [--db PATH] [--runs 5] [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.pilot import Pilot

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ACTORS = ["The ministry", "Seoul's spy agency", "The Pentagon", "KCNA", "Kyiv", "The Kremlin"]
THINGS = ["troops", "containers of shells", "artillery rounds", "workers", "missiles", "drones"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "October"]


def sentence(rng: random.Random, n: int) -> str:
    """One claim-like sentence: who said what figure about what, when."""
    return (
        f"{rng.choice(ACTORS)} said on {rng.randint(1, 28)} {rng.choice(MONTHS)} "
        f"{rng.randint(2019, 2025)} that about {rng.randint(2, 90) * 500:,} "
        f"{rng.choice(THINGS)} had been sent to site {n}."
    )


def build(db: Path, claims: int) -> None:
    """Write synthetic documents, ingest them, and fill evidence with the fake embedder."""
    from claimcheck.check import CheckConfig, check
    from claimcheck.ingest import ingest_paths
    from claimcheck.store import connect
    from tests.fakes import BagOfWordsEmbedder

    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as folder:
        for doc in range(claims // 100):
            lines = [f"# Report {doc}: figures from the front", ""]
            lines += [sentence(rng, doc * 100 + i) for i in range(100)]
            (Path(folder) / f"report-{doc:04d}.md").write_text("\n\n".join(lines) + "\n")
        conn = connect(db)
        started = time.perf_counter()
        ingest_paths(conn, [Path(folder)])
        note(f"ingested in {time.perf_counter() - started:.1f} s")
        started = time.perf_counter()
        check(conn, db, CheckConfig(model="fake-bow"), make_embedder=BagOfWordsEmbedder)
        note(f"checked in {time.perf_counter() - started:.1f} s")
        conn.close()


def note(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


async def one_run(db: Path) -> dict[str, float]:
    """First-screen time and key latencies (ms) for one app start."""
    from claimcheck.tui.app import ClaimcheckApp
    from claimcheck.tui.claims.table import ClaimsTable

    started = time.perf_counter()
    app = ClaimcheckApp(db, "bench")
    async with app.run_test(size=(160, 50)) as pilot:
        await app.loaded.wait()
        await pilot.pause()
        first_screen = time.perf_counter() - started
        rows = app.query_one(ClaimsTable).row_count
        moves, moves_wall = await timed_keys(pilot, ["j"] * 60 + ["k"] * 20)
        decisions, _ = await timed_keys(pilot, ["c"] * 10)
        await app.workers.wait_for_complete()
        await pilot.press("slash")
        typing, _ = await timed_keys(pilot, ["space" if k == " " else k for k in "site 12"])
    return {
        "rows": rows,
        "first_screen_s": first_screen,
        "move_ms": statistics.median(moves),
        "move_p95_ms": sorted(moves)[int(len(moves) * 0.95)],
        "move_wall_ms": statistics.median(moves_wall),
        "decide_ms": statistics.median(decisions),
        "search_key_ms": statistics.median(typing),
    }


async def timed_keys(pilot: Pilot[None], keys: list[str]) -> tuple[list[float], list[float]]:
    """CPU and wall milliseconds per key, each key handled completely before the next."""
    cpu, wall = [], []
    for key in keys:
        tick, tock = time.process_time(), time.perf_counter()
        await pilot.press(key)
        cpu.append((time.process_time() - tick) * 1e3)
        wall.append((time.perf_counter() - tock) * 1e3)
    return cpu, wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--db", type=Path, help="reuse (or build once at) this database")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = args.db or Path(folder) / "tui-bench.db"
        if not db.exists():
            build(db, args.claims)
        runs = [asyncio.run(one_run(db)) for _ in range(args.runs)]
    result = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result["key_latency_ms"] = result["move_ms"]
    if args.json:
        print(json.dumps({"runs": runs, **result}, indent=2))
        return
    print(f"claims listed: {result['rows']:.0f} (median of {args.runs} app starts)")
    print(f"first screen:  {result['first_screen_s']:.2f} s")
    print(
        f"j/k move:      {result['move_ms']:.1f} ms CPU median, {result['move_p95_ms']:.1f} ms p95 "
        f"(Pilot wall {result['move_wall_ms']:.0f} ms)"
    )
    print(f"decision key:  {result['decide_ms']:.1f} ms CPU median (saved in the background)")
    print(f"search key:    {result['search_key_ms']:.1f} ms CPU median (filters every claim)")
    print(f"peak RSS:      {result['peak_rss_mb']:.0f} MiB")


if __name__ == "__main__":
    main()
