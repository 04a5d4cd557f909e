"""Where check's heavy stages run: in this process (`local`) or on a Ray cluster (`ray`).

An engine embeds the texts missing from the vector cache and judges claims against a snapshot;
the driver alone writes to SQLite, so the engine never changes what is stored, and it is not
part of the check's configuration digest.
"""

from __future__ import annotations

import os
import sqlite3
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from types import TracebackType
from typing import TYPE_CHECKING, Self

from claimcheck.check.judge import Judge, Snapshot
from claimcheck.embed.base import Embedder, ProgressFn
from claimcheck.embed.cache import embed_missing
from claimcheck.errors import EngineError
from claimcheck.models import Claim
from claimcheck.stance.refine import load_refiners
from claimcheck.store.evidence import NewEvidence

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Vector = npt.NDArray[np.float32]

ENGINES = ("local", "ray")
ENGINE_ENV = "CLAIMCHECK_ENGINE"
RAY_ADDRESS_ENV = "CLAIMCHECK_RAY_ADDRESS"
Judged = tuple[Claim, list[NewEvidence]]


class Engine(ABC):
    """Runs embedding and judging; a context manager that releases what it started."""

    name: str

    @abstractmethod
    def embed_missing(
        self,
        conn: sqlite3.Connection,
        texts_by_hash: dict[str, str],
        model: str,
        make_embedder: Callable[[], Embedder],
        on_progress: ProgressFn | None = None,
    ) -> int:
        """Embed and store every text not yet embedded under `model`; how many were embedded."""

    @abstractmethod
    def judge(
        self,
        conn: sqlite3.Connection,
        snapshot: Snapshot,
        claims: list[Claim],
        vectors: dict[str, Vector],
    ) -> Iterator[Judged]:
        """Each claim with its evidence rows, in the order given; `vectors` are by text hash."""

    @abstractmethod
    def close(self) -> None:
        """Release what the engine started."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


class LocalEngine(Engine):
    """Everything in this process, one claim after another (the default)."""

    name = "local"

    def embed_missing(
        self,
        conn: sqlite3.Connection,
        texts_by_hash: dict[str, str],
        model: str,
        make_embedder: Callable[[], Embedder],
        on_progress: ProgressFn | None = None,
    ) -> int:
        """Embed in this process, chunk by chunk, storing each chunk as it is done."""
        return embed_missing(conn, texts_by_hash, model, make_embedder, on_progress=on_progress)

    def judge(
        self,
        conn: sqlite3.Connection,
        snapshot: Snapshot,
        claims: list[Claim],
        vectors: dict[str, Vector],
    ) -> Iterator[Judged]:
        """Judge claim after claim here, with BM25 from the database itself."""
        from claimcheck.text.hashing import content_hash

        config = snapshot.config
        refiners = load_refiners(
            config.model, stance_head=config.stance_head, nli_model=config.nli_model
        )
        judge = Judge(snapshot, conn, refiners)
        for claim in claims:
            yield claim, judge.evidence(claim, vectors[content_hash(claim.text)])

    def close(self) -> None:
        """Nothing to release: everything ran in this process."""


def make_engine(
    name: str | None = None, *, address: str | None = None, workers: int | None = None
) -> Engine:
    """The engine called `name` (or $CLAIMCHECK_ENGINE, else local); Ray settings for `ray`."""
    chosen = (name or os.environ.get(ENGINE_ENV) or "local").lower()
    if chosen not in ENGINES:
        raise EngineError(f"engine must be {' or '.join(ENGINES)}, not {chosen!r}")
    if chosen == "local":
        return LocalEngine()
    from claimcheck.check.ray_engine import RayEngine

    return RayEngine(address=address or os.environ.get(RAY_ADDRESS_ENV) or None, workers=workers)
