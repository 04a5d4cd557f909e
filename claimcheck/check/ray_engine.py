"""The `ray` engine: embedding on a Ray Data actor pool, judging as Ray tasks over claim batches.

`ray` is imported only inside functions (an import-linter contract), so `claimcheck` runs
without the `ray` extra. Workers read a snapshot shipped once per run (corpus, faiss index,
vectors and a BM25 copy of the passages); the driver alone writes, one transaction per chunk of
vectors and per claim as `local` does, so the database ends up exactly as `local` leaves it and
an interrupted run resumes from what was stored.
"""

from __future__ import annotations

import logging
import math
import os
import socket
import sqlite3
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from claimcheck.check.engine import Engine, Judged
from claimcheck.check.judge import Judge, Snapshot
from claimcheck.embed.base import Embedder, ProgressFn
from claimcheck.embed.cache import missing_chunks
from claimcheck.errors import ClaimcheckError, EngineError
from claimcheck.models import Claim
from claimcheck.stance.refine import load_refiners
from claimcheck.store.embeddings import store_vectors
from claimcheck.store.evidence import NewEvidence
from claimcheck.store.search import lexical_snapshot, open_lexical_snapshot
from claimcheck.text.hashing import content_hash

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Vector = npt.NDArray[np.float32]

WORKER_ENV = ("CLAIMCHECK_BACKEND", "HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE")
"""Settings the workers take from the driver: the embedding backend, and never download."""
CONNECT_SECONDS = 5.0
CLAIMS_PER_TASK = 64
AHEAD = 2
"""Tasks kept queued per worker, so a worker never waits for the driver to write."""


class RayEngine(Engine):
    """Runs on the Ray cluster at `address`, or on a local Ray started with `workers` CPUs."""

    name = "ray"

    def __init__(self, address: str | None = None, workers: int | None = None) -> None:
        if address:
            check_reachable(address)  # at once, even when there turns out to be nothing to do
        self.address, self.workers = address, workers
        self._started = False
        self._ray: Any = None

    def _connect(self) -> Any:
        """The `ray` module, connected: to `address`, to a Ray already up, or to a new one."""
        if self._ray is not None:
            return self._ray
        try:
            import ray
        except ImportError:
            raise EngineError("--engine ray needs Ray: pip install 'claimcheck[ray]'") from None
        if not ray.is_initialized():
            self._init(ray)
        import ray.data

        logging.getLogger("ray.data").setLevel(logging.ERROR)
        ray.data.DataContext.get_current().enable_progress_bars = False
        self._ray = ray
        return ray

    def _init(self, ray: Any) -> None:
        """Start or join a cluster; the workers inherit the backend and stay offline."""
        os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
        logging.getLogger("ray").setLevel(logging.ERROR)
        env = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
        env.update({k: os.environ[k] for k in WORKER_ENV if k in os.environ})
        common: dict[str, Any] = {
            "log_to_driver": False,
            "logging_level": logging.ERROR,
            "runtime_env": {"env_vars": env},
        }
        if self.address:
            try:
                ray.init(address=self.address, **common)
            except (ConnectionError, RuntimeError, ValueError) as exc:
                hint = (
                    "" if os.environ.get("RAY_AUTH_MODE") else " (token auth: RAY_AUTH_MODE=token)"
                )
                raise EngineError(
                    f"ray cluster at {self.address}: {_one_line(exc)}{hint}"
                ) from None
        else:
            cpus = self.workers or len(os.sched_getaffinity(0))
            ray.init(address="local", num_cpus=cpus, include_dashboard=False, **common)
        self._started = True

    def worker_count(self) -> int:
        """How many embedding actors and judging tasks run at once."""
        if self.workers:
            return self.workers
        return max(1, int(self._connect().cluster_resources().get("CPU", 1)))

    def close(self) -> None:
        """Shut down the Ray this engine started or joined; a Ray started by the caller stays."""
        if self._started and self._ray is not None:
            self._ray.shutdown()
        self._ray, self._started = None, False

    def embed_missing(
        self,
        conn: sqlite3.Connection,
        texts_by_hash: dict[str, str],
        model: str,
        make_embedder: Callable[[], Embedder],
        on_progress: ProgressFn | None = None,
    ) -> int:
        """Embed the missing chunks on an actor pool (one model load per actor), storing each
        chunk as it comes back."""
        chunks = missing_chunks(conn, texts_by_hash, model)
        if not chunks:
            return 0
        ray = self._connect()
        items = [{"hashes": c, "texts": [texts_by_hash[h] for h in c]} for c in chunks]
        pool = ray.data.ActorPoolStrategy(size=min(self.worker_count(), len(chunks)))
        vectors = ray.data.from_items(items, override_num_blocks=len(items)).map_batches(
            EmbedActor,
            fn_constructor_kwargs={"make_embedder": make_embedder},
            batch_size=1,
            compute=pool,
            num_cpus=1,
        )
        total, done = sum(len(c) for c in chunks), 0
        with _ray_errors(ray):
            for batch in vectors.iter_batches(batch_size=None, batch_format="numpy"):
                hashes = [str(h) for h in batch["hash"]]
                store_vectors(conn, model, hashes, batch["vector"])
                done += len(hashes)
                if on_progress:
                    on_progress(done, total)
        return done

    def judge(
        self,
        conn: sqlite3.Connection,
        snapshot: Snapshot,
        claims: list[Claim],
        vectors: dict[str, Vector],
    ) -> Iterator[Judged]:
        """Judge claim batches as tasks, a few ahead per worker, yielding results in order."""
        ray = self._connect()
        workers = self.worker_count()
        shipment = ray.put(_Shipment(snapshot, lexical_snapshot(conn)))
        size = max(1, min(CLAIMS_PER_TASK, math.ceil(len(claims) / (workers * 4))))
        batches = [claims[i : i + size] for i in range(0, len(claims), size)]
        task = ray.remote(num_cpus=1, max_retries=3)(judge_batch)
        queued: deque[tuple[list[Claim], Any]] = deque()
        try:
            with _ray_errors(ray):
                for batch in batches:
                    queued.append((batch, task.remote([shipment], *_claims_args(batch, vectors))))
                    if len(queued) >= workers * AHEAD:
                        yield from _collected(ray, *queued.popleft())
                while queued:
                    yield from _collected(ray, *queued.popleft())
        finally:
            for _, pending in queued:
                ray.cancel(pending, force=False)


def _claims_args(batch: list[Claim], vectors: dict[str, Vector]) -> tuple[Any, ...]:
    return batch, [vectors[content_hash(c.text)] for c in batch]


def _collected(ray: Any, batch: list[Claim], pending: Any) -> Iterator[Judged]:
    rows: list[list[NewEvidence]] = ray.get(pending)
    yield from zip(batch, rows, strict=True)


@dataclass(frozen=True)
class _Shipment:
    """One run's snapshot as the workers receive it, BM25 table included."""

    snapshot: Snapshot
    lexical: bytes


_JUDGES: dict[str, Judge] = {}
"""Per worker process: the judge of the current run, built once from its shipment."""


def judge_batch(shipment: list[Any], claims: list[Claim], vectors: list[Vector]) -> list[Any]:
    """A Ray task: the evidence rows of each claim in a batch (the shipment is fetched and
    unpacked once per worker and run, not per batch)."""
    import ray

    [reference] = shipment
    token = reference.hex()
    judge = _JUDGES.get(token)
    if judge is None:
        unpacked: _Shipment = ray.get(reference)
        config = unpacked.snapshot.config
        refiners = load_refiners(
            config.model, stance_head=config.stance_head, nli_model=config.nli_model
        )
        lexical = open_lexical_snapshot(unpacked.lexical)
        _JUDGES.clear()
        judge = _JUDGES[token] = Judge(unpacked.snapshot, lexical, refiners)
    return [judge.evidence(c, v) for c, v in zip(claims, vectors, strict=True)]


class EmbedActor:
    """A Ray Data actor: loads the embedder once, then encodes whole chunks as `local` does."""

    def __init__(self, make_embedder: Callable[[], Embedder]) -> None:
        self.embedder = make_embedder()

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        """One chunk of (hashes, texts) in, one row per text out: its hash and its vector."""
        import numpy as np

        hashes = [str(h) for chunk in batch["hashes"] for h in chunk]
        texts = [str(t) for chunk in batch["texts"] for t in chunk]
        return {"hash": np.array(hashes), "vector": self.embedder.encode(texts)}


def check_reachable(address: str) -> None:
    """Fail in seconds, with one line, when nothing listens at HOST:PORT."""
    host, _, port = address.rpartition(":")
    host = host.removeprefix("[").removesuffix("]")
    if not host or not port.isdigit():
        raise EngineError(f"ray address must be HOST:PORT, not {address!r}")
    try:
        socket.create_connection((host, int(port)), timeout=CONNECT_SECONDS).close()
    except OSError as exc:
        raise EngineError(f"ray cluster at {address} cannot be reached: {_one_line(exc)}") from None


@contextmanager
def _ray_errors(ray: Any) -> Iterator[None]:
    """Turns Ray failures into one-line engine errors; claimcheck's own errors pass through."""
    try:
        yield
    except ray.exceptions.RayError as error:
        cause = getattr(error, "cause", None)
        if isinstance(cause, ClaimcheckError):
            raise cause from None
        raise EngineError(
            f"ray: {type(error).__name__}: {_one_line(error)}; what was stored is kept, "
            "run check again to resume"
        ) from None


def _one_line(error: BaseException) -> str:
    """The first line of an error's message."""
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
