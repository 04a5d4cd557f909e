"""The check pipeline: embed what is new, index, retrieve evidence per claim, suggest a stance."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from claimcheck.check.config import CheckConfig, CheckReport
from claimcheck.check.frames import ensure_frames
from claimcheck.embed.base import Embedder
from claimcheck.embed.cache import embed_missing
from claimcheck.extract.frames import frames_current
from claimcheck.models import Claim, Frames
from claimcheck.search.corpus import CorpusPassage, load_corpus, texts_to_embed
from claimcheck.search.corpus_index import corpus_fingerprint, corpus_index
from claimcheck.search.facts import FactIndex
from claimcheck.search.retrieve import Candidate, retrieve
from claimcheck.stance.base import Side, Similarity, stem_similarity
from claimcheck.stance.phrases import frame_texts, vector_similarity
from claimcheck.stance.refine import Refiners, load_refiners, refine
from claimcheck.stance.rules import classify
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
) -> CheckReport:
    """Bring every current claim's evidence up to date; unchanged claims and corpus cost nothing."""
    config = config or CheckConfig()
    started = time.perf_counter()
    report = CheckReport()
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
            conn, db_path, corpus, config.model, claim_texts, make_embedder, on_progress
        )
        ready.fill(report)
        report.phrases_embedded = len(set(new_phrases) - {content_hash(c.text) for c in pending})
        report.passages_embedded -= report.phrases_embedded
        refiners = load_refiners(
            config.model, stance_head=config.stance_head, nli_model=config.nli_model
        )
        if refiners.empty:
            report.messages.append(
                "stance: no NLI model configured; using structured comparison and similarity"
            )
        run = _Run(conn, config, corpus, fingerprint, ready.index, refiners)
        run.similar = _phrase_similarity(conn, phrases, config.model)
        run.check_claims(pending, report, on_progress)
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
        own = _own_passage(by_document.get(claim.document_id, []), claim)
        if not frames_current(claim.frames) and own is not None:
            claim = claim.model_copy(update={"frames": own.passage.frames})
        updated.append(claim)
    return updated


def _phrase_similarity(conn: sqlite3.Connection, phrases: set[str], model: str) -> Similarity:
    """Similarity of frame phrases by their stored vectors."""
    ordered = sorted(phrases)
    stored = load_vectors(conn, [content_hash(t) for t in ordered], model)
    vectors = {t: stored[content_hash(t)] for t in ordered if content_hash(t) in stored}
    return vector_similarity(vectors)


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
    embedded = embed_missing(conn, texts, model, loader, on_progress=progress)
    load_seconds = sum(loaded)
    index_started = time.perf_counter()
    index, rebuilt = corpus_index(conn, db_path, corpus, model)
    return SearchReady(
        index=index,
        rebuilt=rebuilt,
        embedded=embedded,
        model_loaded=bool(loaded),
        load_seconds=load_seconds,
        embed_seconds=index_started - embed_started - load_seconds,
        index_seconds=time.perf_counter() - index_started,
    )


def passage_side(passage: CorpusPassage) -> Side:
    """A corpus passage as one side of a stance comparison, with its frames."""
    p = passage.passage
    return Side(p.text, p.quantities, p.dates, passage.scope, p.start, p.frames or Frames())


class _Run:
    """One check run over pending claims: retrieval, stance and storage per claim."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        config: CheckConfig,
        corpus: dict[int, CorpusPassage],
        fingerprint: str,
        index: VectorIndex,
        refiners: Refiners,
    ) -> None:
        self.conn, self.config, self.corpus = conn, config, corpus
        self.fingerprint, self.index, self.refiners = fingerprint, index, refiners
        self.digest = config.digest()
        self.similar: Similarity = stem_similarity
        self.by_document: dict[str, list[CorpusPassage]] = {}
        for passage in corpus.values():
            self.by_document.setdefault(passage.passage.document_id, []).append(passage)
        hashes = [p.passage.content_hash for p in corpus.values()]
        self.passage_vectors = load_vectors(conn, hashes, config.model)
        self.facts = FactIndex.build(corpus)

    def check_claims(
        self, pending: list[Claim], report: CheckReport, on_progress: ProgressFn | None
    ) -> None:
        """Find, label and store the evidence of each pending claim, one transaction each."""
        hashes = [content_hash(c.text) for c in pending]
        claim_vectors = load_vectors(self.conn, hashes, self.config.model)
        for done, claim in enumerate(pending, 1):
            rows = self.evidence(claim, claim_vectors[content_hash(claim.text)])
            checked = CheckedClaim(
                claim.id, content_hash(claim.text), self.fingerprint, self.digest
            )
            replace_evidence(
                self.conn,
                checked,
                rows,
                embedding_model=self.config.model,
                stance_model=self.config.stance_model(),
                at=now(),
            )
            report.claims_checked += 1
            report.evidence_rows += len(rows)
            if on_progress:
                on_progress("check", done, len(pending))

    def evidence(self, claim: Claim, query: Vector) -> list[NewEvidence]:
        """The claim's best passages from other sources, each with its suggested stance."""
        import numpy as np

        own = _own_passage(self.by_document.get(claim.document_id, []), claim)
        retrieval = replace(self.config.retrieval(), k=self.config.k + self.config.extra)
        kept = retrieve(
            self.conn,
            self.index,
            self.corpus,
            claim.text,
            query,
            retrieval,
            exclude_path=own.path if own else "",
        )
        scope = own.scope if own else claim.dates
        frames = claim.frames or Frames()
        claim_side = Side(
            claim.text, claim.quantities, claim.dates, scope, claim.span.start, frames
        )
        kept += self._by_fact(claim, query, {c.passage_id for c in kept}, own)
        passages = [self.corpus[cand.passage_id] for cand in kept]
        found = [self.passage_vectors[p.passage.content_hash] for p in passages]
        similarities = [float(np.dot(query, vector)) for vector in found]
        stances = [
            classify(claim_side, passage_side(p), similarity, self.config.thresholds, self.similar)
            for p, similarity in zip(passages, similarities, strict=True)
        ]
        texts = [p.passage.text for p in passages]
        if stances:
            claims = np.repeat(query.reshape(1, -1), len(found), axis=0)
            stances = refine(
                stances, claims, np.stack(found), [claim.text] * len(texts), texts, self.refiners
            )
        rows = [
            NewEvidence(
                cand.passage_id, rank, similarity, cand.lexical, s.label, s.score, s.reason, s.kind
            )
            for rank, (cand, similarity, s) in enumerate(
                zip(kept, similarities, stances, strict=True)
            )
        ]
        return _kept(rows, self.config.k)

    def _by_fact(
        self, claim: Claim, query: Vector, seen: set[int], own: CorpusPassage | None
    ) -> list[Candidate]:
        """Passages of other sources that state a figure or date like the claim's, which the
        text rankings did not bring: judged too, kept only when structure finds a relation."""
        import numpy as np

        exclude = own.path if own else ""
        found = [
            pid
            for pid in self.facts.candidates(claim.frames) - seen
            if self.corpus[pid].path != exclude
        ]
        scored = [
            (float(np.dot(query, self.passage_vectors[self.corpus[p].passage.content_hash])), p)
            for p in found
        ]
        best = sorted(scored, reverse=True)[: self.config.extra]
        return [Candidate(pid, similarity, 0.0, 0.0) for similarity, pid in best]


def _kept(rows: list[NewEvidence], k: int) -> list[NewEvidence]:
    """The top k passages, and any further one that structure found to support, contradict or
    update the claim: a finding a few ranks down is still a finding."""
    extra = [r for r in rows[k:] if r.kind is not None and (r.stance != "related" or r.kind)]
    return rows[:k] + extra


def _own_passage(passages: list[CorpusPassage], claim: Claim) -> CorpusPassage | None:
    """The passage a claim's quote lies in (the quote may skip a heading or bullet marker)."""
    for passage in passages:
        if passage.passage.start <= claim.span.start < passage.passage.end:
            return passage
    return None
