"""Search benchmark for claimcheck.search.vectorindex: exact against approximate search on
synthetic clustered vectors.

For each corpus size it measures the exact flat index (single-query latency, and the ground truth),
then each approximate index configuration: build time, single-query p50/p99 latency, recall@10
against the exact result, save/load time and peak RSS. Each size runs in a fresh child process so
its peak RSS is its own.

    python benchmarks/bench_search.py --n 100000 1000000 --queries 1000 --json

The vectors imitate sentence embeddings: random cluster centres plus Gaussian noise in a
32-dimensional latent subspace, mapped into 384 dimensions, with a little isotropic noise on top
and L2-normalised. Clusters overlap, so nearest neighbours cross cluster borders; pure random
384-d vectors would be a pathological case no real embedding model produces.

The markdown table goes to stdout, or with --json to stderr while stdout carries the JSON.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import platform
import resource
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimcheck.search.vectorindex import IndexConfig, VectorIndex, available_cpus, build_index

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Vectors = npt.NDArray[np.float32]

DIM = 384
LATENT_DIM = 32
SPREAD = 1.0
ISOTROPIC_NOISE = 0.05
VECTORS_PER_CLUSTER = 500
GENERATE_CHUNK = 100_000
K = 10
BIG_N = 500_000
"""From this size on, exact single-query latency is timed on fewer queries (see --flat-queries)."""


@dataclass(frozen=True)
class Corpus:
    """The fixed parts of the synthetic distribution: latent basis and cluster centres."""

    basis: Vectors
    centres: Vectors


def make_corpus(n: int, seed: int) -> Corpus:
    """A distribution with about `VECTORS_PER_CLUSTER` vectors per cluster at size `n`."""
    import numpy as np

    rng = np.random.default_rng(seed)
    basis = np.linalg.qr(rng.standard_normal((DIM, LATENT_DIM)))[0].T.astype(np.float32)
    centres = rng.standard_normal((max(16, n // VECTORS_PER_CLUSTER), LATENT_DIM))
    return Corpus(basis=basis, centres=centres.astype(np.float32))


def sample(corpus: Corpus, n: int, seed: int) -> Vectors:
    """`n` normalised float32 vectors from `corpus`, generated in chunks to bound memory."""
    import numpy as np

    rng = np.random.default_rng(seed)
    out = np.empty((n, DIM), dtype=np.float32)
    for start in range(0, n, GENERATE_CHUNK):
        stop = min(n, start + GENERATE_CHUNK)
        labels = rng.integers(0, len(corpus.centres), stop - start)
        latent = corpus.centres[labels] + SPREAD * rng.standard_normal(
            (stop - start, LATENT_DIM), dtype=np.float32
        )
        chunk = latent @ corpus.basis
        chunk /= np.linalg.norm(chunk, axis=1, keepdims=True)
        chunk += (ISOTROPIC_NOISE / DIM**0.5) * rng.standard_normal(chunk.shape, dtype=np.float32)
        chunk /= np.linalg.norm(chunk, axis=1, keepdims=True)
        out[start:stop] = chunk
    return out


def peak_rss_mb() -> float:
    """This process's peak resident set size so far, in MiB."""
    kilobytes = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kilobytes / (1024 * 1024) if sys.platform == "darwin" else kilobytes / 1024


def latencies_ms(index: VectorIndex, queries: Vectors) -> tuple[float, float]:
    """p50 and p99 of single-query search latency, in milliseconds, after a short warm-up."""
    import numpy as np

    for row in queries[:10]:
        index.search(row[None, :], K)
    timings = []
    for row in queries:
        started = time.perf_counter()
        index.search(row[None, :], K)
        timings.append(time.perf_counter() - started)
    p50, p99 = np.percentile(np.array(timings) * 1e3, [50, 99])
    return float(p50), float(p99)


def recall_at_k(found: npt.NDArray[np.int64], truth: npt.NDArray[np.int64]) -> float:
    """Mean fraction of the true top-k ids that the approximate top-k contains."""
    hits = sum(len(set(a.tolist()) & set(b.tolist())) for a, b in zip(found, truth, strict=True))
    return hits / truth.size


def build_configs(args: argparse.Namespace) -> list[IndexConfig]:
    """Every approximate build configuration the command line asks for."""
    configs: list[IndexConfig] = []
    if "ivf" in args.kinds:
        configs += [IndexConfig(kind="ivf", nlist=nlist) for nlist in args.nlist]
    if "hnsw" in args.kinds:
        configs += [
            IndexConfig(kind="hnsw", hnsw_m=m, ef_construction=ef)
            for m in args.hnsw_m
            for ef in args.ef_construction
        ]
    return configs


def search_variants(config: IndexConfig, args: argparse.Namespace) -> list[IndexConfig]:
    """`config` with each search-time setting of the sweep."""
    if config.kind == "ivf":
        return [replace(config, nprobe=nprobe) for nprobe in args.nprobe]
    return [replace(config, ef_search=ef) for ef in args.ef_search]


def measure_exact(data: Vectors, queries: Vectors, flat_queries: int) -> dict[str, Any]:
    """Exact flat index: build time, latency, and the ground-truth top-k for every query."""
    started = time.perf_counter()
    flat = build_index(data, range(len(data)), config=IndexConfig(kind="flat"))
    build_s = time.perf_counter() - started
    _, truth = flat.search(queries, K)
    p50, p99 = latencies_ms(flat, queries[:flat_queries])
    row = {"kind": "flat", "params": "exact", "build_s": build_s, "p50_ms": p50, "p99_ms": p99}
    return {**row, "recall_at_10": 1.0, "timed_queries": flat_queries, "truth": truth}


def measure_approximate(
    data: Vectors, queries: Vectors, truth: npt.NDArray[np.int64], config: IndexConfig, args: Any
) -> list[dict[str, Any]]:
    """One approximate build: its build, save and load times, then each search setting's figures."""
    started = time.perf_counter()
    index = build_index(data, range(len(data)), config=config, fingerprint="bench")
    build_s = time.perf_counter() - started
    save_s, load_s, file_mb = save_and_load(index)
    rows = []
    for variant in search_variants(config, args):
        index.config = variant
        _, found = index.search(queries, K)
        p50, p99 = latencies_ms(index, queries)
        structure = ", ".join(f"{k}={v}" for k, v in index.structure.items() if k != "kind")
        search = f"nprobe={variant.nprobe}" if config.kind == "ivf" else f"ef={variant.ef_search}"
        rows.append(
            {"kind": config.kind, "params": f"{structure}, {search}", "build_s": build_s}
            | {"p50_ms": p50, "p99_ms": p99, "recall_at_10": recall_at_k(found, truth)}
            | {"timed_queries": len(queries), "save_s": save_s, "load_s": load_s}
            | {"file_mb": file_mb, "config": asdict(variant)}
        )
    return rows


def save_and_load(index: VectorIndex) -> tuple[float, float, float]:
    """Seconds to save and to load `index` through the cache format, and the file's size in MiB."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.faiss"
        started = time.perf_counter()
        index.save(path)
        save_s = time.perf_counter() - started
        started = time.perf_counter()
        loaded = VectorIndex.load(path)
        load_s = time.perf_counter() - started
        if loaded is None:
            raise RuntimeError("saved index did not load back")
        return save_s, load_s, path.stat().st_size / 2**20


def run_size(n: int, args: argparse.Namespace) -> list[dict[str, Any]]:
    """Every measurement at corpus size `n` (meant to run in its own process)."""
    corpus = make_corpus(n, args.seed)
    data = sample(corpus, n, args.seed + 1)
    queries = sample(corpus, args.queries, args.seed + 2)
    flat_queries = args.flat_queries or (200 if n >= BIG_N else args.queries)
    note(f"n={n:,}: exact ground truth and latency ({flat_queries} timed queries)")
    exact = measure_exact(data, queries, min(flat_queries, args.queries))
    truth = exact.pop("truth")
    rows = [exact | {"peak_rss_mb": peak_rss_mb()}]
    for config in build_configs(args):
        note(f"n={n:,}: building {config.kind} {config.structure(n)}")
        for row in measure_approximate(data, queries, truth, config, args):
            rows.append(row | {"peak_rss_mb": peak_rss_mb()})
            note(f"  {row['params']}: recall@10 {row['recall_at_10']:.4f} p50 {row['p50_ms']:.2f}")
    return [{"n": n, **row} for row in rows]


def note(message: str) -> None:
    """A progress message on stderr."""
    print(message, file=sys.stderr, flush=True)


def markdown_table(rows: list[dict[str, Any]]) -> str:
    """The results as a markdown table."""
    lines = [
        "| n | index | params | build s | p50 ms | p99 ms | recall@10 | load s | peak RSS MiB |",
        "|---:|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        load = f"{row['load_s']:.2f}" if "load_s" in row else "–"
        lines.append(
            f"| {row['n']:,} | {row['kind']} | {row['params']} | {row['build_s']:.1f} "
            f"| {row['p50_ms']:.2f} | {row['p99_ms']:.2f} | {row['recall_at_10']:.4f} "
            f"| {load} | {row['peak_rss_mb']:,.0f} |"
        )
    return "\n".join(lines)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line."""
    defaults = IndexConfig()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--n", type=int, nargs="+", default=[100_000], help="corpus sizes")
    parser.add_argument("--queries", type=int, default=1000, help="queries per size")
    parser.add_argument(
        "--flat-queries",
        type=int,
        default=0,
        help="queries timed on the exact index "
        f"(default: all, but 200 from n={BIG_N:,} on, where each takes tens of ms)",
    )
    parser.add_argument("--kinds", nargs="+", choices=["ivf", "hnsw"], default=["ivf"])
    parser.add_argument("--nlist", type=int, nargs="+", default=[defaults.nlist], help="0: auto")
    parser.add_argument("--nprobe", type=int, nargs="+", default=[16, 32, 64])
    parser.add_argument("--hnsw-m", type=int, nargs="+", default=[defaults.hnsw_m])
    parser.add_argument(
        "--ef-construction", type=int, nargs="+", default=[defaults.ef_construction]
    )
    parser.add_argument("--ef-search", type=int, nargs="+", default=[64, 128, 256])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", action="store_true", help="JSON on stdout, table on stderr")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Run every size in a fresh process and report."""
    import faiss
    import numpy as np

    args = parse_args(argv)
    rows: list[dict[str, Any]] = []
    context = multiprocessing.get_context("spawn")
    for n in args.n:
        with context.Pool(1) as pool:
            rows += pool.apply(run_size, (n, args))
    table = markdown_table(rows)
    environment = {
        "cpus": available_cpus(),
        "python": platform.python_version(),
        "faiss": faiss.__version__,
        "numpy": np.__version__,
        "machine": platform.machine(),
    }
    if args.json:
        print(table, file=sys.stderr)
        json.dump({"environment": environment, "k": K, "rows": rows}, sys.stdout, indent=2)
        print()
    else:
        print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
