"""The vector index: exact and approximate search, the on-disk cache and its invalidation."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import faiss
import numpy as np
import pytest

from claimcheck.search.vectorindex import (
    IndexConfig,
    VectorIndex,
    build_index,
    fingerprint,
    load_or_build,
    meta_path,
)

if TYPE_CHECKING:
    import numpy.typing as npt

    Vectors = npt.NDArray[np.float32]

DIM = 384


def random_unit_vectors(count: int, seed: int) -> Vectors:
    """Independent random unit vectors (fine for exactness checks, not for recall)."""
    rng = np.random.default_rng(seed)
    vectors = rng.standard_normal((count, DIM)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors


def clustered_unit_vectors(count: int, seed: int, *, clusters: int = 40) -> Vectors:
    """Unit vectors shaped like sentence embeddings: overlapping clusters in a 32-d subspace."""
    structure = np.random.default_rng(99)  # same basis and centres for data and queries
    basis = np.linalg.qr(structure.standard_normal((DIM, 32)))[0].T.astype(np.float32)
    centres = structure.standard_normal((clusters, 32)).astype(np.float32)
    rng = np.random.default_rng(seed)
    latent = centres[rng.integers(0, clusters, count)] + rng.standard_normal((count, 32))
    vectors = (latent @ basis).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    vectors += 0.05 / DIM**0.5 * rng.standard_normal(vectors.shape).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors


def recall(found: npt.NDArray[np.int64], truth: npt.NDArray[np.int64]) -> float:
    """Mean fraction of each true top-k the found top-k contains."""
    hits = sum(len(set(a.tolist()) & set(b.tolist())) for a, b in zip(found, truth, strict=True))
    return hits / truth.size


def test_flat_index_returns_the_true_top_k() -> None:
    data, queries = random_unit_vectors(3000, 1), random_unit_vectors(40, 2)
    ids = [10_000 + 3 * row for row in range(len(data))]
    index = build_index(data, ids, config=IndexConfig(kind="flat"))
    scores, found = index.search(queries, 10)

    similarities = queries @ data.T
    best = np.argsort(-similarities, axis=1)[:, :10]
    assert index.kind == "flat"
    assert found.tolist() == np.asarray(ids)[best].tolist()
    np.testing.assert_allclose(scores, np.take_along_axis(similarities, best, axis=1), atol=1e-5)


def test_auto_picks_exact_below_the_threshold_and_approximate_from_it() -> None:
    data = random_unit_vectors(2000, 3)
    below = build_index(data, range(2000), config=IndexConfig(exact_threshold=2001))
    at = build_index(data, range(2000), config=IndexConfig(exact_threshold=2000))
    assert (below.kind, at.kind) == ("flat", "ivf")


def test_ivf_recall_at_10_on_clustered_vectors() -> None:
    data, queries = clustered_unit_vectors(20_000, 4), clustered_unit_vectors(300, 5)
    _, truth = build_index(data, range(len(data)), config=IndexConfig(kind="flat")).search(
        queries, 10
    )
    approximate = build_index(data, range(len(data)), config=IndexConfig(kind="ivf"))
    _, found = approximate.search(queries, 10)
    assert approximate.kind == "ivf"
    assert recall(found, truth) >= 0.95


def test_hnsw_recall_at_10_on_clustered_vectors() -> None:
    data, queries = clustered_unit_vectors(5000, 6), clustered_unit_vectors(200, 7)
    _, truth = build_index(data, range(len(data)), config=IndexConfig(kind="flat")).search(
        queries, 10
    )
    config = IndexConfig(kind="hnsw", hnsw_m=16, ef_construction=40, ef_search=64)
    _, found = build_index(data, range(len(data)), config=config).search(queries, 10)
    assert recall(found, truth) >= 0.95


def test_search_time_settings_change_recall_without_a_rebuild() -> None:
    data, queries = clustered_unit_vectors(5000, 8), clustered_unit_vectors(100, 9)
    _, truth = build_index(data, range(5000), config=IndexConfig(kind="flat")).search(queries, 10)
    index = build_index(data, range(5000), config=IndexConfig(kind="ivf"))
    index.config = replace(index.config, nprobe=1)
    narrow = recall(index.search(queries, 10)[1], truth)
    index.config = replace(index.config, nprobe=index.structure["nlist"])
    assert recall(index.search(queries, 10)[1], truth) == 1.0 > narrow


def test_empty_index_returns_no_results() -> None:
    index = build_index(np.zeros((0, DIM), dtype=np.float32), [])
    scores, found = index.search(random_unit_vectors(2, 10), 3)
    assert len(index) == 0 and index.kind == "flat"
    assert found.tolist() == [[-1, -1, -1], [-1, -1, -1]]
    assert np.isneginf(scores).all()


def test_k_beyond_the_corpus_pads_with_minus_one() -> None:
    index = build_index(random_unit_vectors(3, 11), [7, 8, 9])
    scores, found = index.search(random_unit_vectors(1, 12), 5)
    assert sorted(found[0, :3].tolist()) == [7, 8, 9]
    assert found[0, 3:].tolist() == [-1, -1]
    assert np.isfinite(scores[0, :3]).all() and np.isneginf(scores[0, 3:]).all()


def test_a_single_query_may_be_one_dimensional() -> None:
    data = random_unit_vectors(50, 13)
    index = build_index(data, range(50))
    assert index.search(data[17], 1)[1].tolist() == [[17]]


@pytest.mark.parametrize(
    ("vectors", "ids", "message"),
    [
        (np.zeros((2, DIM), dtype=np.float32), [1], "2 vectors but 1 ids"),
        (np.zeros((2, DIM), dtype=np.float32), [1, 1], "unique"),
        (np.zeros((2, DIM), dtype=np.float32), [-1, 2], "non-negative"),
        (np.zeros(DIM, dtype=np.float32), [1], "2-D"),
    ],
)
def test_build_rejects_bad_input(vectors: Vectors, ids: list[int], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        build_index(vectors, ids)


def test_search_rejects_bad_queries() -> None:
    index = build_index(random_unit_vectors(5, 14), range(5))
    with pytest.raises(ValueError, match="shape"):
        index.search(np.zeros((1, DIM - 1), dtype=np.float32), 1)
    with pytest.raises(ValueError, match="k must be"):
        index.search(random_unit_vectors(1, 15), 0)


def test_build_and_search_restore_the_openmp_thread_count() -> None:
    before = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(1)
    try:
        index = build_index(random_unit_vectors(100, 16), range(100), config=IndexConfig(threads=2))
        index.search(random_unit_vectors(30, 17), 3)
        assert faiss.omp_get_max_threads() == 1
    finally:
        faiss.omp_set_num_threads(before)


@pytest.mark.parametrize("kind", ["flat", "hnsw", "ivf"])
def test_save_and_load_give_identical_results(
    tmp_path: Path, kind: Literal["flat", "hnsw", "ivf"]
) -> None:
    data, queries = clustered_unit_vectors(3000, 18), clustered_unit_vectors(20, 19)
    ids = list(range(500, 3500))
    config = IndexConfig(kind=kind, ef_construction=40)
    index = build_index(data, ids, config=config, fingerprint="abc", model="m")
    path = tmp_path / "passages.faiss"
    index.save(path)
    loaded = VectorIndex.load(path, config=config)

    assert loaded is not None
    assert (loaded.kind, loaded.fingerprint, loaded.model, loaded.dim) == (kind, "abc", "m", DIM)
    assert loaded.ids.tolist() == ids
    assert loaded.structure == index.structure
    for expected, actual in zip(index.search(queries, 10), loaded.search(queries, 10), strict=True):
        np.testing.assert_array_equal(expected, actual)
    meta = json.loads(meta_path(path).read_text())
    assert meta["fingerprint"] == "abc" and meta["count"] == 3000 and meta["kind"] == kind
    assert sorted(p.name for p in tmp_path.iterdir()) == ["passages.faiss", "passages.faiss.json"]


def test_an_empty_index_round_trips(tmp_path: Path) -> None:
    build_index(np.zeros((0, DIM), dtype=np.float32), [], fingerprint="e").save(tmp_path / "x")
    loaded = VectorIndex.load(tmp_path / "x")
    assert loaded is not None and len(loaded) == 0 and loaded.fingerprint == "e"


def saved_index(tmp_path: Path) -> Path:
    """A small saved flat index; returns its path."""
    path = tmp_path / "cache.faiss"
    build_index(random_unit_vectors(200, 20), range(200), fingerprint="f").save(path)
    return path


def test_load_of_a_missing_file_is_none(tmp_path: Path) -> None:
    assert VectorIndex.load(tmp_path / "absent.faiss") is None


def test_load_of_a_truncated_file_is_none(tmp_path: Path) -> None:
    path = saved_index(tmp_path)
    path.write_bytes(path.read_bytes()[:1000])
    assert VectorIndex.load(path) is None


def test_load_of_a_corrupt_file_is_none(tmp_path: Path) -> None:
    path = saved_index(tmp_path)
    content = bytearray(path.read_bytes())
    content[len(content) // 2] ^= 0xFF  # one flipped byte inside the vectors
    path.write_bytes(bytes(content))
    assert VectorIndex.load(path) is None


def test_load_of_garbage_with_a_matching_meta_is_none(tmp_path: Path) -> None:
    path = saved_index(tmp_path)
    garbage = b"not a faiss index at all"
    path.write_bytes(garbage)
    meta = json.loads(meta_path(path).read_text())
    meta_path(path).write_text(json.dumps(meta | {"bytes": len(garbage), "crc32": 0}))
    assert VectorIndex.load(path) is None


@pytest.mark.parametrize("sidecar", [None, "", "{", "[]", '{"format": 999}', '{"format": 1}'])
def test_load_with_a_missing_or_bad_meta_is_none(tmp_path: Path, sidecar: str | None) -> None:
    path = saved_index(tmp_path)
    if sidecar is None:
        meta_path(path).unlink()
    else:
        meta_path(path).write_text(sidecar)
    assert VectorIndex.load(path) is None


class CountingLoader:
    """A `load_vectors` callback that counts how often the store is read."""

    def __init__(self, vectors: Vectors) -> None:
        self.vectors = vectors
        self.calls = 0

    def __call__(self) -> tuple[Vectors, list[int]]:
        """The vectors and their ids, as the store would return them."""
        self.calls += 1
        return self.vectors, list(range(100, 100 + len(self.vectors)))


def test_load_or_build_reads_the_store_only_when_the_cache_is_stale(tmp_path: Path) -> None:
    path = tmp_path / "index" / "passages.faiss"
    loader = CountingLoader(random_unit_vectors(300, 21))

    first, rebuilt_first = load_or_build(path, "v1", loader)
    second, rebuilt_second = load_or_build(path, "v1", loader)
    assert (rebuilt_first, rebuilt_second, loader.calls) == (True, False, 1)
    assert second.ids.tolist() == first.ids.tolist()

    third, rebuilt_third = load_or_build(path, "v2", loader)
    assert (rebuilt_third, loader.calls, third.fingerprint) == (True, 2, "v2")
    assert load_or_build(path, "v2", loader)[1] is False and loader.calls == 2


def test_load_or_build_rebuilds_for_a_new_structure_but_not_for_search_settings(
    tmp_path: Path,
) -> None:
    path = tmp_path / "passages.faiss"
    loader = CountingLoader(clustered_unit_vectors(2000, 22))
    ivf = IndexConfig(kind="ivf")
    load_or_build(path, "v1", loader, config=ivf)
    index, rebuilt = load_or_build(path, "v1", loader, config=replace(ivf, nprobe=3))
    assert (rebuilt, loader.calls, index.config.nprobe) == (False, 1, 3)
    index, rebuilt = load_or_build(path, "v1", loader, config=replace(ivf, nlist=8))
    assert (rebuilt, loader.calls, index.structure["nlist"]) == (True, 2, 8)


def test_load_or_build_rebuilds_a_corrupt_cache(tmp_path: Path) -> None:
    path = tmp_path / "passages.faiss"
    loader = CountingLoader(random_unit_vectors(50, 23))
    load_or_build(path, "v1", loader)
    path.write_bytes(path.read_bytes()[:-10])
    index, rebuilt = load_or_build(path, "v1", loader)
    assert (rebuilt, loader.calls, len(index)) == (True, 2, 50)
    assert VectorIndex.load(path) is not None  # and the cache was repaired


def test_load_or_build_still_answers_when_the_cache_cannot_be_written(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    loader = CountingLoader(random_unit_vectors(20, 24))
    index, rebuilt = load_or_build(blocker / "passages.faiss", "v1", loader)
    assert rebuilt and len(index) == 20


def test_fingerprint_identifies_the_set_of_pairs_and_the_model() -> None:
    base = fingerprint([1, 2, 3], ["a", "b", "c"], "m")
    assert base == fingerprint([3, 1, 2], ["c", "a", "b"], "m")
    assert len(base) == 64
    assert base != fingerprint([1, 2, 3], ["a", "b", "x"], "m")
    assert base != fingerprint([1, 2, 4], ["a", "b", "c"], "m")
    assert base != fingerprint([1, 2, 3], ["a", "b", "c"], "other")
    assert base != fingerprint([1, 2], ["a", "b"], "m")
    with pytest.raises(ValueError, match="2 ids but 1"):
        fingerprint([1, 2], ["a"], "m")


def test_importing_the_module_loads_neither_faiss_nor_numpy() -> None:
    probe = (
        "import sys, claimcheck.search.vectorindex; "
        "print(sorted({'faiss', 'numpy'} & set(sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
