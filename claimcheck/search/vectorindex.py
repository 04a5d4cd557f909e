"""Nearest-neighbour search over passage vectors: a faiss index cached beside the database.

SQLite holds the vectors; the index here is only a cache of them, identified by a fingerprint of
the (passage id, content hash) pairs and the model, and rebuilt from the stored vectors — never by
re-embedding — whenever the cache is missing, unreadable or stale.

Vectors must be L2-normalised float32 rows (the embedder already normalises), so the inner
product the index ranks by is the cosine similarity; nothing here normalises again.

`faiss` and `numpy` are imported inside the functions that need them, so importing this module
stays cheap for commands that never search.

faiss parallelises with OpenMP, whose thread count is a per-thread global; every build and search
sets it for its own duration and restores the previous value afterwards, so callers see no change.
Builds use every CPU the process may run on (`IndexConfig.threads` overrides); a search uses at
most one thread per query.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
import zlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Vectors = npt.NDArray[np.float32]
    IdArray = npt.NDArray[np.int64]

IndexKind = Literal["flat", "hnsw", "ivf"]
FORMAT_VERSION = 1
"""Bumped whenever the file layout or the meaning of a meta field changes."""

META_SUFFIX = ".json"
_CHUNK = 1 << 20


@dataclass(frozen=True)
class IndexConfig:
    """How to build and search an index; defaults are tuned by benchmarks/bench_search.py."""

    exact_threshold: int = 50_000
    """Below this many vectors `auto` builds an exact flat index; from it on, an IVF one."""
    kind: Literal["auto", "flat", "hnsw", "ivf"] = "auto"
    """Index kind; `auto` picks flat or IVF by `exact_threshold`."""
    hnsw_m: int = 32
    """HNSW graph degree (neighbours per node)."""
    ef_construction: int = 200
    """HNSW candidate list size while building."""
    ef_search: int = 128
    """HNSW candidate list size while searching (recall against speed)."""
    nlist: int = 0
    """IVF inverted lists; 0 picks 4·√n, kept to at most n/39 so k-means has enough points."""
    nprobe: int = 64
    """IVF lists scanned per query (recall against speed): at 1M synthetic 384-d vectors and
    4,000 lists, 64 gives recall@10 0.951 at 1.1 ms p50, 32 only 0.917 (docs/benchmarks.md)."""
    train_per_list: int = 50
    """IVF k-means training sample size, per list."""
    threads: int = 0
    """OpenMP threads for building and searching; 0 means every CPU this process may use."""
    seed: int = 1234
    """Seed for the IVF training sample and k-means, so rebuilds are reproducible."""

    def resolved_kind(self, count: int) -> IndexKind:
        """The kind to build for `count` vectors; an empty corpus is always flat."""
        if count == 0:
            return "flat"
        if self.kind == "auto":
            return "flat" if count < self.exact_threshold else "ivf"
        return self.kind

    def resolved_nlist(self, count: int) -> int:
        """The IVF list count for `count` vectors."""
        wanted = self.nlist or round(4 * count**0.5)
        return max(1, min(wanted, count // 39))

    def structure(self, count: int) -> dict[str, int | str]:
        """The build-time parameters of an index of `count` vectors (search-time ones excluded)."""
        kind = self.resolved_kind(count)
        if kind == "hnsw":
            return {"kind": kind, "hnsw_m": self.hnsw_m, "ef_construction": self.ef_construction}
        if kind == "ivf":
            return {"kind": kind, "nlist": self.resolved_nlist(count), "seed": self.seed}
        return {"kind": kind}


def available_cpus() -> int:
    """CPUs this process may run on (the affinity mask where the OS has one)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


@contextmanager
def omp_threads(count: int) -> Iterator[None]:
    """Run the block with `count` faiss OpenMP threads (0: all CPUs), then restore the old count."""
    import faiss

    previous = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(count or available_cpus())
    try:
        yield
    finally:
        faiss.omp_set_num_threads(previous)


def fingerprint(ids: Sequence[int], content_hashes: Sequence[str], model: str) -> str:
    """sha256 of the sorted (passage id, content hash) pairs and the model: what an index holds."""
    if len(ids) != len(content_hashes):
        raise ValueError(f"{len(ids)} ids but {len(content_hashes)} content hashes")
    digest = hashlib.sha256(f"claimcheck-index\0{model}\0".encode())
    for passage_id, content_hash in sorted(zip(ids, content_hashes, strict=True)):
        digest.update(f"{int(passage_id)}\t{content_hash}\n".encode())
    return digest.hexdigest()


def meta_path(path: Path) -> Path:
    """The sidecar JSON that describes the index file at `path`."""
    return path.with_name(path.name + META_SUFFIX)


class VectorIndex:
    """A searchable set of (passage id, vector) pairs; scores are inner products (cosine)."""

    def __init__(
        self,
        faiss_index: Any,
        *,
        kind: IndexKind,
        fingerprint: str,
        model: str,
        structure: dict[str, Any],
        config: IndexConfig,
    ) -> None:
        import faiss

        self._index = faiss_index
        self.kind: IndexKind = kind
        self.fingerprint = fingerprint
        self.model = model
        self.structure = structure
        """The build-time parameters (kind, nlist, M...) the index was made with."""
        self.config = config
        """Search-time settings (nprobe, efSearch, threads); may differ from the build's config."""
        self.dim = int(faiss_index.d)
        self.ids: IdArray = faiss.vector_to_array(faiss_index.id_map).astype("int64", copy=False)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle as the serialised faiss index, so a snapshot can go to other processes."""
        import faiss

        state = (self.kind, self.fingerprint, self.model, self.structure, self.config)
        return (_unpickle, (faiss.serialize_index(self._index), *state))

    def __len__(self) -> int:
        """How many vectors the index holds."""
        return int(self._index.ntotal)

    def __repr__(self) -> str:
        """A short description for logs and debuggers."""
        return f"VectorIndex(kind={self.kind!r}, count={len(self)}, dim={self.dim})"

    def search(self, queries: Vectors, k: int) -> tuple[Vectors, IdArray]:
        """The `k` best (scores, passage ids) per query row, best first; empty slots: -inf, -1."""
        import numpy as np

        if k < 1:
            raise ValueError(f"k must be at least 1, got {k}")
        matrix = np.ascontiguousarray(np.atleast_2d(queries), dtype=np.float32)
        if matrix.ndim != 2 or matrix.shape[1] != self.dim:
            raise ValueError(f"queries must have shape (n, {self.dim}), got {queries.shape}")
        # faiss parallelises search over queries, so fewer threads than queries are never slower,
        # and one query on one thread skips an OpenMP fork/join that costs ms on a busy machine.
        threads = min(self.config.threads or available_cpus(), max(1, matrix.shape[0]))
        with omp_threads(threads):
            scores, labels = self._index.search(matrix, k, params=self._search_params())
        scores[labels < 0] = -np.inf
        return scores, labels

    def _search_params(self) -> Any:
        """faiss per-call search parameters for this kind (None for flat)."""
        import faiss

        if self.kind == "ivf":
            return faiss.SearchParametersIVF(nprobe=self.config.nprobe)  # type: ignore[call-arg]
        if self.kind == "hnsw":
            return faiss.SearchParametersHNSW(efSearch=self.config.ef_search)  # type: ignore[attr-defined]
        return None

    def meta(self) -> dict[str, Any]:
        """What the sidecar JSON records about this index (the checksum is added by `save`)."""
        import faiss

        return {
            "format": FORMAT_VERSION,
            "fingerprint": self.fingerprint,
            "model": self.model,
            "kind": self.kind,
            "dim": self.dim,
            "count": len(self),
            "metric": "inner_product",
            "structure": self.structure,
            "faiss_version": faiss.__version__,
        }

    def save(self, path: Path) -> None:
        """Write the index to `path` and its meta to `path`.json, each atomically (temp, rename)."""
        import faiss

        path.parent.mkdir(parents=True, exist_ok=True)
        crc, size = 0, 0
        with _atomic_file(path) as stream:

            def write(chunk: bytes) -> int:
                nonlocal crc, size
                crc, size = zlib.crc32(chunk, crc), size + len(chunk)
                return stream.write(chunk)

            writer = faiss.PyCallbackIOWriter(write, _CHUNK)  # type: ignore[attr-defined]
            faiss.write_index(self._index, writer)
        meta = {**self.meta(), "bytes": size, "crc32": crc}
        with _atomic_file(meta_path(path)) as stream:
            stream.write(json.dumps(meta, indent=2, sort_keys=True).encode() + b"\n")

    @classmethod
    def load(cls, path: Path, *, config: IndexConfig = IndexConfig()) -> VectorIndex | None:
        """The index saved at `path`, or None if it or its meta is missing, corrupt or unusable."""
        try:
            meta = read_meta(path)
            if meta is None:
                return None
            if meta["kind"] not in _KINDS:
                return None
            faiss_index = _read_verified(path, size=meta["bytes"], crc=meta["crc32"])
            if faiss_index is None:
                return None
            index = cls(
                faiss_index,
                kind=meta["kind"],
                fingerprint=meta["fingerprint"],
                model=meta["model"],
                structure=meta["structure"],
                config=config,
            )
        except Exception:  # a cache that cannot be read, for whatever reason, is simply rebuilt
            return None
        return index if (index.dim, len(index)) == (meta["dim"], meta["count"]) else None


def _unpickle(
    data: Any,
    kind: IndexKind,
    fingerprint: str,
    model: str,
    structure: dict[str, Any],
    config: IndexConfig,
) -> VectorIndex:
    """A pickled `VectorIndex` back from its serialised faiss index and its settings."""
    import faiss

    return VectorIndex(
        faiss.deserialize_index(data),
        kind=kind,
        fingerprint=fingerprint,
        model=model,
        structure=structure,
        config=config,
    )


_KINDS: frozenset[str] = frozenset({"flat", "hnsw", "ivf"})


def read_meta(path: Path) -> dict[str, Any] | None:
    """The sidecar meta of the index at `path`, or None if missing, unreadable or another format."""
    try:
        meta = json.loads(meta_path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(meta, dict) or meta.get("format") != FORMAT_VERSION:
        return None
    return meta


def _read_verified(path: Path, *, size: int, crc: int) -> Any:
    """Deserialise the faiss index at `path` only if its bytes match `size` and `crc`, else None."""
    import faiss

    with path.open("rb") as stream:
        # One open file for both passes: a concurrent replace cannot swap the bytes in between.
        if os.fstat(stream.fileno()).st_size != size:
            return None
        actual = 0
        while chunk := stream.read(_CHUNK):
            actual = zlib.crc32(chunk, actual)
        if actual != crc:
            return None
        stream.seek(0)
        reader = faiss.PyCallbackIOReader(stream.read, _CHUNK)  # type: ignore[attr-defined]
        return faiss.read_index(reader)


@contextmanager
def _atomic_file(path: Path) -> Iterator[IO[bytes]]:
    """A binary stream whose content replaces `path` only when the block completes."""
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        with temporary.open("wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    finally:
        with suppress(FileNotFoundError):
            temporary.unlink()


def build_index(
    vectors: Vectors,
    ids: Sequence[int] | IdArray,
    *,
    config: IndexConfig = IndexConfig(),
    fingerprint: str = "",
    model: str = "",
) -> VectorIndex:
    """Index `vectors` (normalised float32 rows) under the external `ids` (unique, non-negative)."""
    import faiss
    import numpy as np

    matrix = np.ascontiguousarray(vectors, dtype=np.float32)
    labels = np.ascontiguousarray(ids, dtype=np.int64).reshape(-1)
    if matrix.ndim != 2:
        raise ValueError(f"vectors must be a 2-D array (n, dim), got shape {matrix.shape}")
    if labels.shape[0] != matrix.shape[0]:
        raise ValueError(f"{matrix.shape[0]} vectors but {labels.shape[0]} ids")
    if labels.size and (labels.min() < 0 or np.unique(labels).size != labels.size):
        raise ValueError("ids must be unique and non-negative (-1 marks a missing result)")
    kind = config.resolved_kind(matrix.shape[0])
    with omp_threads(config.threads):
        inner = _new_faiss_index(kind, matrix, config)
        faiss_index = faiss.IndexIDMap2(inner)
        faiss_index.add_with_ids(matrix, labels)
    return VectorIndex(
        faiss_index,
        kind=kind,
        fingerprint=fingerprint,
        model=model,
        structure=config.structure(matrix.shape[0]),
        config=config,
    )


def _new_faiss_index(kind: IndexKind, matrix: Vectors, config: IndexConfig) -> Any:
    """An empty (but trained) faiss index of `kind` for rows like `matrix`."""
    import faiss
    import numpy as np

    count, dim = matrix.shape
    if kind == "hnsw":
        hnsw = faiss.IndexHNSWFlat(dim, config.hnsw_m, faiss.METRIC_INNER_PRODUCT)
        hnsw.hnsw.efConstruction = config.ef_construction
        return hnsw
    if kind == "ivf":
        nlist = config.resolved_nlist(count)
        ivf = faiss.IndexIVFFlat(faiss.IndexFlatIP(dim), dim, nlist, faiss.METRIC_INNER_PRODUCT)
        ivf.cp.seed = config.seed
        ivf.cp.min_points_per_centroid = (
            1  # tiny explicit-IVF corpora train without a stderr warning
        )
        sample_size = min(count, nlist * config.train_per_list)
        rng = np.random.default_rng(config.seed)
        sample = matrix[np.sort(rng.choice(count, size=sample_size, replace=False))]
        ivf.train(sample)
        return ivf
    return faiss.IndexFlatIP(dim)


def load_or_build(
    path: Path,
    fingerprint: str,
    load_vectors: Callable[[], tuple[Vectors, list[int]]],
    *,
    config: IndexConfig = IndexConfig(),
    model: str = "",
) -> tuple[VectorIndex, bool]:
    """The cached index at `path` if current, else one rebuilt from `load_vectors()` and saved.

    Returns (index, rebuilt). The cache is current when its fingerprint equals `fingerprint` and
    it was built with the structure `config` asks for (search-time settings never force a rebuild).
    `load_vectors` returns the stored vectors and their passage ids, read from SQLite. A cache
    that cannot be written (read-only directory, full disk) is skipped: the index is still
    returned, and the next call rebuilds it again.
    """
    meta = read_meta(path)
    if meta is not None and _cache_matches(meta, fingerprint, config):
        cached = VectorIndex.load(path, config=config)
        if cached is not None and cached.fingerprint == fingerprint:
            return cached, False
    vectors, ids = load_vectors()
    index = build_index(vectors, ids, config=config, fingerprint=fingerprint, model=model)
    with suppress(OSError):
        index.save(path)
    return index, True


def _cache_matches(meta: dict[str, Any], fingerprint: str, config: IndexConfig) -> bool:
    """Whether sidecar `meta` describes an index of `fingerprint` built the way `config` asks."""
    count = meta.get("count")
    if meta.get("fingerprint") != fingerprint or not isinstance(count, int):
        return False
    return bool(meta.get("structure") == config.structure(count))
