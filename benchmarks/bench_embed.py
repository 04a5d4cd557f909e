"""Embedding throughput of `claimcheck check` against plain `SentenceTransformer.encode`.

Each run ingests the sources into a fresh database, runs the check pipeline (which embeds every
passage and claim not yet stored) and reads how many texts it embedded and how long that took,
model loading excluded; then, in the same process, it encodes the same texts with a plain
`SentenceTransformer.encode` (same model, batch size and normalisation). The ratio is
check's texts/s over plain texts/s; the target is >= 0.9. `--backend torch` measures the
pipeline's own overhead (both sides run sentence-transformers); the default `auto` runs check on
ONNX Runtime where the model allows.

    .venv/bin/python benchmarks/bench_embed.py --runs 5            # seeds + evidence
    .venv/bin/python benchmarks/bench_embed.py --runs 3 --json PATH...  # other sources
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("HF_HUB_OFFLINE", "1")


def one_run(paths: list[Path], model: str) -> dict[str, float]:
    """Check's embedding rate and plain encode's rate on the same texts, in one process."""
    from sentence_transformers import SentenceTransformer

    from claimcheck.check import CheckConfig, check
    from claimcheck.embed import BATCH_SIZE, model_path
    from claimcheck.ingest import ingest_paths
    from claimcheck.store import connect

    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.db"
        conn = connect(db)
        ingest_paths(conn, paths)
        plain = SentenceTransformer(model_path(model), device="cpu")
        plain.encode(["warm up the thread pools"], normalize_embeddings=True)
        report = check(conn, db, CheckConfig(model=model))
        texts = [
            row[0]
            for row in conn.execute(
                "SELECT text FROM passages UNION SELECT text FROM claims"
            ).fetchall()
        ]
        conn.close()
    started = time.perf_counter()
    plain.encode(texts, batch_size=BATCH_SIZE, normalize_embeddings=True, show_progress_bar=False)
    plain_seconds = time.perf_counter() - started
    return {
        "texts": float(report.passages_embedded),
        "check_per_s": report.passages_embedded / report.embed_seconds,
        "plain_per_s": len(texts) / plain_seconds,
        "check_total_s": report.seconds,
        "load_s": report.load_seconds,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, default=[ROOT / "seeds", ROOT / "evidence"])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--model", default="all-MiniLM-L6-v2")
    parser.add_argument(
        "--backend", default="auto", choices=["auto", "onnx", "torch"], help="check's backend"
    )
    parser.add_argument("--json", action="store_true", help="Print the figures as JSON.")
    args = parser.parse_args()
    os.environ["CLAIMCHECK_BACKEND"] = args.backend
    runs = [one_run(args.paths, args.model) for _ in range(args.runs)]
    median = {key: statistics.median(r[key] for r in runs) for key in runs[0]}
    median["ratio"] = statistics.median(r["check_per_s"] / r["plain_per_s"] for r in runs)
    if args.json:
        print(json.dumps({"runs": runs, "median": median}, indent=2))
        return
    print(f"texts embedded per run: {median['texts']:.0f} ({args.runs} runs, medians)")
    print(
        f"check ({args.backend}): {median['check_per_s']:.1f} texts/s "
        f"(model load {median['load_s']:.2f} s)"
    )
    print(f"plain:  {median['plain_per_s']:.1f} texts/s")
    print(f"ratio:  {median['ratio']:.3f} (target >= 0.9)")
    print(f"whole check run: {median['check_total_s']:.2f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
