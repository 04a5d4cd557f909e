"""The check pipeline: embed what is new, index, retrieve evidence per claim, suggest a stance."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from claimcheck.check.config import CheckConfig, CheckReport
from claimcheck.check.engine import Engine, LocalEngine
from claimcheck.check.frames import ensure_frames
from claimcheck.check.judge import Snapshot, own_passage
from claimcheck.embed.base import Embedder
from claimcheck.extract.frames import frames_current
from claimcheck.models import Claim
from claimcheck.search.corpus import CorpusPassage, load_corpus, texts_to_embed
from claimcheck.search.corpus_index import corpus_fingerprint, corpus_index
from claimcheck.stance.phrases import frame_texts
from claimcheck.store.checks import CheckRun, count_claims, pending_claims, record_run
from claimcheck.store.decisions import now
from claimcheck.store.embeddings import load_vectors, missing_hashes
from claimcheck.store.evidence import CheckedClaim, NewEvidence, conflicts, replace_evidence
from claimcheck.text.hashing import content_hash

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from claimcheck.search.vectorindex import VectorIndex

    Vector = npt.NDArray[np.float32]

ProgressFn = Callable[[str, int, int], None]


def check(
    conn: sqlite3.Connection,
    db_path: Path,
    config: CheckConfig | None = None,
    *,
    make_embedder: Callable[[], Embedder] | None = None,
    on_progress: ProgressFn | None = None,
    engine: Engine | None = None,
) -> CheckReport:
    """Bring every current claim's evidence up to date; unchanged claims and corpus cost nothing.

    `engine` says where embedding and judging run (in this process by default); it never changes
    what is stored, so it is not part of the configuration digest.
    """
    config = config or CheckConfig()
    engine = engine or LocalEngine()
    started = time.perf_counter()
    report = CheckReport(engine=engine.name)
    corpus = load_corpus(conn)
    fingerprint = corpus_fingerprint(corpus, config.model)
    pending = pending_claims(conn, fingerprint, config.digest())
    report.claims_total = count_claims(conn)
    if pending:
        corpus = ensure_frames(conn, corpus)
        pending = _with_frames(pending, corpus)
        claim_texts = {content_hash(c.text): c.text for c in pending}
        phrases = frame_texts(
            [*(c.frames for c in pending), *(p.passage.frames for p in corpus.values())]
        )
        new_phrases = missing_hashes(conn, [content_hash(t) for t in phrases], config.model)
        claim_texts.update({content_hash(t): t for t in phrases})
        ready = prepare_search(
            conn, db_path, corpus, config.model, claim_texts, make_embedder, on_progress, engine
        )
        ready.fill(report)
        report.phrases_embedded = len(set(new_phrases) - {content_hash(c.text) for c in pending})
        report.passages_embedded -= report.phrases_embedded
        if not config.nli_model and not config.stance_head:
            report.messages.append(
                "stance: no NLI model configured; using structured comparison and similarity"
            )
        snapshot = _snapshot(conn, config, corpus, ready.index, phrases)
        judged = engine.judge(conn, snapshot, pending, _claim_vectors(conn, config, pending))
        _store_judged(
            conn, CheckedRun(config, fingerprint), judged, len(pending), report, on_progress
        )
    report.seconds = time.perf_counter() - started
    if pending:
        record_run(conn, _run_row(config, fingerprint, report))
    report.conflicts = len(conflicts(conn))
    return report


def _with_frames(pending: list[Claim], corpus: dict[int, CorpusPassage]) -> list[Claim]:
    """Claims stored without current frames take the frames of the passage their quote lies in."""
    by_document: dict[str, list[CorpusPassage]] = {}
    for passage in corpus.values():
        by_document.setdefault(passage.passage.document_id, []).append(passage)
    updated = []
    for claim in pending:
        own = own_passage(by_document.get(claim.document_id, []), claim)
        if not frames_current(claim.frames) and own is not None:
            claim = claim.model_copy(update={"frames": own.passage.frames})
        updated.append(claim)
    return updated


def _snapshot(
    conn: sqlite3.Connection,
    config: CheckConfig,
    corpus: dict[int, CorpusPassage],
    index: VectorIndex,
    phrases: set[str],
) -> Snapshot:
    """What judging reads, with the passages' and the frame phrases' stored vectors."""
    hashes = [p.passage.content_hash for p in corpus.values()]
    ordered = sorted(phrases)
    stored = load_vectors(conn, [content_hash(t) for t in ordered], config.model)
    return Snapshot(
        config=config,
        corpus=corpus,
        index=index,
        passage_vectors=load_vectors(conn, hashes, config.model),
        phrase_vectors={t: stored[content_hash(t)] for t in ordered if content_hash(t) in stored},
    )


def _claim_vectors(
    conn: sqlite3.Connection, config: CheckConfig, pending: list[Claim]
) -> dict[str, Vector]:
    """The pending claims' stored vectors, by text hash."""
    return load_vectors(conn, [content_hash(c.text) for c in pending], config.model)


@dataclass(frozen=True)
class CheckedRun:
    """What every claim of one run is checked against: the config and the corpus fingerprint."""

    config: CheckConfig
    fingerprint: str


def _store_judged(
    conn: sqlite3.Connection,
    run: CheckedRun,
    judged: Iterable[tuple[Claim, list[NewEvidence]]],
    total: int,
    report: CheckReport,
    on_progress: ProgressFn | None,
) -> None:
    """Store each judged claim's evidence as it arrives, one transaction per claim, so an
    interrupted run keeps what it finished and the next run resumes from there."""
    digest, stance_model = run.config.digest(), run.config.stance_model()
    for done, (claim, rows) in enumerate(judged, 1):
        checked = CheckedClaim(claim.id, content_hash(claim.text), run.fingerprint, digest)
        replace_evidence(
            conn,
            checked,
            rows,
            embedding_model=run.config.model,
            stance_model=stance_model,
            at=now(),
        )
        report.claims_checked += 1
        report.evidence_rows += len(rows)
        if on_progress:
            on_progress("check", done, total)


def _run_row(config: CheckConfig, fingerprint: str, report: CheckReport) -> CheckRun:
    return CheckRun(
        at=now(),
        fingerprint=fingerprint,
        config=config.digest(),
        embedding_model=config.model,
        stance_model=config.stance_model(),
        claims_checked=report.claims_checked,
        passages_embedded=report.passages_embedded,
        seconds=report.seconds,
    )


@dataclass(frozen=True)
class SearchReady:
    """The corpus embedded and indexed: the index and what it took to get there."""

    index: VectorIndex
    rebuilt: bool
    embedded: int
    model_loaded: bool
    load_seconds: float
    embed_seconds: float
    index_seconds: float

    def fill(self, report: CheckReport) -> None:
        """Copy what preparing the search did into a check report."""
        report.passages_embedded = self.embedded
        report.model_loaded = self.model_loaded
        report.load_seconds = self.load_seconds
        report.embed_seconds = self.embed_seconds
        report.index_rebuilt = self.rebuilt


def prepare_search(
    conn: sqlite3.Connection,
    db_path: Path,
    corpus: dict[int, CorpusPassage],
    model: str,
    extra_texts: Mapping[str, str],
    make_embedder: Callable[[], Embedder] | None = None,
    on_progress: ProgressFn | None = None,
    engine: Engine | None = None,
) -> SearchReady:
    """Embed every passage, title and extra text not yet embedded, then open or build the index.

    The model loads only when something is missing; `extra_texts` (by content hash) are the
    queries about to be searched, so their vectors are stored beside the corpus's.
    """
    loaded: list[float] = []

    def loader() -> Embedder:
        load_started = time.perf_counter()
        if make_embedder is not None:
            embedder = make_embedder()
        else:
            from claimcheck.embed.factory import load_embedder

            embedder = load_embedder(model)
        loaded.append(time.perf_counter() - load_started)
        return embedder

    texts = {**texts_to_embed(corpus), **extra_texts}
    embed_started = time.perf_counter()
    progress = (lambda d, t: on_progress("embed", d, t)) if on_progress else None
    embedded = (engine or LocalEngine()).embed_missing(conn, texts, model, loader, progress)
    load_seconds = sum(loaded)
    index_started = time.perf_counter()
    index, rebuilt = corpus_index(conn, db_path, corpus, model)
    return SearchReady(
        index=index,
        rebuilt=rebuilt,
        embedded=embedded,
        model_loaded=bool(loaded) or embedded > 0,  # engines may load it elsewhere
        load_seconds=load_seconds,
        embed_seconds=index_started - embed_started - load_seconds,
        index_seconds=time.perf_counter() - index_started,
    )
