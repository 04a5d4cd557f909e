"""Every benchmark `make bench` runs, as one table: start-up, pipeline, embedding, search, quality.

Each timed command runs in its own process, several times; the table gives the median wall time
and the peak resident memory of that process (from wait4, so each figure is the command's own).

    .venv/bin/python benchmarks/bench_all.py [--climate-fever PATH] [--search-sizes N ...]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
CLAIMCHECK = str(BIN / "claimcheck")
PYTHON = sys.executable


@dataclass
class Row:
    """One line of the table."""

    what: str
    figure: str
    target: str = ""
    memory_mb: float | None = None


def timed(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float, str]:
    """Wall seconds, peak RSS in MiB, and stdout of one run of `command`."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, cwd=ROOT, text=True
    )
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited with {process.returncode}")
    return seconds, usage.ru_maxrss / 1024, output


def summary(what: str, runs: list[tuple[float, float]], target: str = "", digits: int = 2) -> Row:
    """Median wall time and largest peak RSS of several (seconds, MiB) runs."""
    seconds = statistics.median(s for s, _ in runs)
    return Row(what, f"{seconds:.{digits}f} s", target, max(mb for _, mb in runs))


def startup_and_pipeline(runs: int, work: Path) -> list[Row]:
    """The seeds + evidence pipeline from cold and unchanged, and start-up of read commands."""
    db = work / "bench.db"
    ingest = [CLAIMCHECK, "--db", str(db), "ingest", "seeds", "evidence"]
    check = [CLAIMCHECK, "--db", str(db), "check"]
    ingested, cold = [], []
    for _ in range(runs):
        for path in work.glob("bench.db*"):
            path.unlink()
        ingested.append(timed(ingest)[:2])
        cold.append(timed(check)[:2])
    unchanged = [timed(check)[:2] for _ in range(runs)]
    rows = [
        summary("ingest seeds + evidence into a new database", ingested),
        summary("check from cold (embed, index, retrieve, stance)", cold),
        summary("check on an unchanged corpus", unchanged, "a fraction of cold"),
    ]
    for label, command in (
        ("claimcheck --help", [CLAIMCHECK, "--help"]),
        ("claimcheck claims --json", [CLAIMCHECK, "--db", str(db), "claims", "--json"]),
    ):
        measured = [timed(command)[:2] for _ in range(max(runs, 7))]
        rows.append(summary(f"start-up: {label}", measured, "< 0.3 s", digits=3))
    for fmt in ("html", "json", "prov"):  # bench_report.py has every format and 10,000 claims
        report = [CLAIMCHECK, "--db", str(db), "report", "--format", fmt, "-o", str(work / "r")]
        measured = [timed(report)[:2] for _ in range(runs)]
        rows.append(summary(f"report --format {fmt} (seeds + evidence)", measured))
    return rows


def embedding(runs: int) -> list[Row]:
    """`check` texts/s against plain SentenceTransformer.encode (benchmarks/bench_embed.py)."""
    command = [PYTHON, str(ROOT / "benchmarks" / "bench_embed.py"), "--runs", str(runs), "--json"]
    _, mb, output = timed(command)
    median = json.loads(output)["median"]
    return [
        Row(
            "embedding: check texts/s vs plain SentenceTransformer.encode",
            f"{median['check_per_s']:.0f} vs {median['plain_per_s']:.0f} texts/s "
            f"= {median['ratio']:.2f}×",
            "≥ 0.9×",
            mb,
        )
    ]


def search(sizes: list[int]) -> list[Row]:
    """faiss latency and recall at each size (benchmarks/bench_search.py), default settings."""
    command = [PYTHON, str(ROOT / "benchmarks" / "bench_search.py"), "--json", "--nprobe", "64"]
    _, _, output = timed([*command, "--n", *map(str, sizes)])
    rows = []
    for row in json.loads(output)["rows"]:
        rows.append(
            Row(
                f"search {row['n']:,} × 384: {row['kind']} {row['params']}",
                f"p50 {row['p50_ms']:.2f} ms, p99 {row['p99_ms']:.2f} ms, "
                f"recall@10 {row['recall_at_10']:.3f}",
                "p50 ≤ 5 ms at recall@10 ≥ 0.95 (1M)",
                row["peak_rss_mb"],
            )
        )
    return rows


def climate_fever(path: Path) -> list[Row]:
    """Retrieval and stance on CLIMATE-FEVER through `claimcheck bench climate-fever`."""
    seconds, mb, output = timed([CLAIMCHECK, "bench", "climate-fever", str(path), "--json"])
    result = json.loads(output)
    held = result["held_out"]
    return [
        Row(
            "CLIMATE-FEVER retrieval, held-out 80%",
            f"recall@5 {held['retrieval']['recall@5']:.3f}, "
            f"any gold@5 {held['retrieval']['any_gold@5']:.3f}",
            "recall@5 ≥ 0.40 (baseline 0.317)",
            mb,
        ),
        Row(
            "CLIMATE-FEVER stance, held-out 80%",
            f"macro-F1 {held['stance']['macro_f1']:.3f} "
            f"(rules only {held['stance_without_head']['macro_f1']:.3f})",
            "≥ 0.50 (baselines 0.261 / 0.408 / 0.336)",
        ),
        Row("CLIMATE-FEVER whole run (cold, temp database)", f"{seconds:.1f} s"),
    ]


def tui() -> list[Row]:
    """Time to first screen with 10,000 claims (benchmarks/bench_tui.py), when it exists."""
    script = ROOT / "benchmarks" / "bench_tui.py"
    if not script.exists():
        return []
    _, mb, output = timed([PYTHON, str(script), "--json"])
    result = json.loads(output)
    return [
        Row(
            "TUI: first screen with 10,000 claims",
            f"{result['first_screen_s']:.2f} s; key {result['key_latency_ms']:.0f} ms",
            "",
            mb,
        )
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--climate-fever", type=Path, help="the CLIMATE-FEVER jsonl")
    parser.add_argument("--search-sizes", type=int, nargs="*", default=[100_000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="claimcheck-bench-") as folder:
        rows += startup_and_pipeline(args.runs, Path(folder))
    rows += embedding(args.runs)
    if args.search_sizes:
        rows += search(args.search_sizes)
    rows += tui()
    if args.climate_fever:
        if args.climate_fever.exists():
            rows += climate_fever(args.climate_fever)
        else:
            print(f"skipped CLIMATE-FEVER: {args.climate_fever} not found", file=sys.stderr)
    cpus = len(os.sched_getaffinity(0))
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    print(
        f"claimcheck benchmarks, {time.strftime('%Y-%m-%d')}, {cpus} CPUs, {memory:.0f} GiB, "
        f"Python {platform.python_version()}; medians of {args.runs} runs\n"
    )
    print("| measure | figure | target | peak RSS MiB |")
    print("|---|---|---|---:|")
    for row in rows:
        memory_cell = f"{row.memory_mb:,.0f}" if row.memory_mb is not None else ""
        print(f"| {row.what} | {row.figure} | {row.target} | {memory_cell} |")


if __name__ == "__main__":
    if shutil.which("claimcheck", path=str(BIN)) is None:
        raise SystemExit(f"run with the project's venv python (no claimcheck in {BIN})")
    main()
