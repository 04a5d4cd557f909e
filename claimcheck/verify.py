"""The check pipeline: embed what is new, index, retrieve evidence per claim, suggest a stance."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from claimcheck.embed import DEFAULT_MODEL, Embedder, embed_missing, load_vectors
from claimcheck.errors import ModelError
from claimcheck.extract import content_hash
from claimcheck.passageindex import corpus_fingerprint, corpus_index, texts_to_embed
from claimcheck.retrieve import CorpusPassage, RetrievalConfig, load_corpus, retrieve
from claimcheck.stance import Side, Stance, Thresholds, classify
from claimcheck.store import write_transaction
from claimcheck.store.claims import claim_from_row
from claimcheck.store.decisions import now

if TYPE_CHECKING:
    from claimcheck.models import Claim
    from claimcheck.nli import NliModel
    from claimcheck.stancehead import StanceHead

STANCE_VERSION = "structured-2"
"""Bump when stance rules change, so `check` recomputes stored suggestions."""


@dataclass(frozen=True)
class CheckConfig:
    """What `check` does: model, how many passages per claim, and which signals."""

    model: str = DEFAULT_MODEL
    k: int = 8
    candidates: int = 40
    lexical: bool = True
    nli_model: str | None = None
    stance_head: str | None = None
    """Path of a trained stance head (claimcheck.stancehead) that relabels similarity-only pairs."""
    thresholds: Thresholds = field(default_factory=Thresholds)

    def retrieval(self) -> RetrievalConfig:
        """The retrieval part of the configuration."""
        return RetrievalConfig(k=self.k, candidates=self.candidates, lexical=self.lexical)

    def digest(self) -> str:
        """A hash of everything that changes results, stored with each claim's check."""
        payload = json.dumps({**asdict(self), "stance": STANCE_VERSION}, sort_keys=True)
        return hashlib.sha256(payload.encode()).hexdigest()[:16]


@dataclass
class CheckReport:
    """What one `check` run did and how long it took."""

    claims_total: int = 0
    claims_checked: int = 0
    passages_embedded: int = 0
    evidence_rows: int = 0
    index_rebuilt: bool = False
    model_loaded: bool = False
    load_seconds: float = 0.0
    """Time spent loading the embedding model (0 when nothing needed embedding)."""
    embed_seconds: float = 0.0
    """Time spent embedding and storing vectors, model loading excluded."""
    seconds: float = 0.0
    messages: list[str] = field(default_factory=list)


def _pending(conn: sqlite3.Connection, fingerprint: str, config: str) -> list[Claim]:
    rows = conn.execute(
        "SELECT c.*, k.claim_hash AS checked_hash, k.fingerprint AS checked_fp, "
        "k.config AS checked_config FROM claims c JOIN documents d ON d.id = c.document_id "
        "LEFT JOIN claim_checks k ON k.claim_id = c.id "
        "WHERE c.orphaned = 0 AND d.superseded_by IS NULL ORDER BY c.id"
    ).fetchall()
    return [
        claim_from_row(r)
        for r in rows
        if (r["checked_hash"], r["checked_fp"], r["checked_config"])
        != (content_hash(r["text"]), fingerprint, config)
    ]


def check(
    conn: sqlite3.Connection,
    db_path: Path,
    config: CheckConfig | None = None,
    *,
    make_embedder: Callable[[], Embedder] | None = None,
    on_progress: Callable[[str, int, int], None] | None = None,
) -> CheckReport:
    """Bring every current claim's evidence up to date; unchanged claims and corpus cost nothing."""
    config = config or CheckConfig()
    started = time.perf_counter()
    report = CheckReport()
    corpus = load_corpus(conn)
    fingerprint = corpus_fingerprint(corpus, config.model)
    digest = config.digest()
    pending = _pending(conn, fingerprint, digest)
    report.claims_total = conn.execute("SELECT count(*) FROM claims WHERE orphaned = 0").fetchone()[
        0
    ]
    if not pending:
        report.seconds = time.perf_counter() - started
        return report

    loaded: list[Embedder] = []

    def loader() -> Embedder:
        from claimcheck.embed import load_embedder

        load_started = time.perf_counter()
        embedder = make_embedder() if make_embedder else load_embedder(config.model)
        report.load_seconds = time.perf_counter() - load_started
        loaded.append(embedder)
        return embedder

    texts = texts_to_embed(corpus)
    texts.update({content_hash(c.text): c.text for c in pending})
    embed_started = time.perf_counter()
    report.passages_embedded = embed_missing(
        conn,
        texts,
        config.model,
        loader,
        on_progress=(lambda d, t: on_progress("embed", d, t)) if on_progress else None,
    )
    report.model_loaded = bool(loaded)
    report.embed_seconds = time.perf_counter() - embed_started - report.load_seconds
    refiners = _load_refiners(config, report)
    _retrieve_and_classify(
        conn, db_path, config, corpus, fingerprint, pending, refiners, report, on_progress
    )
    report.seconds = time.perf_counter() - started
    with write_transaction(conn):
        conn.execute(
            "INSERT INTO check_runs (at, fingerprint, config, embedding_model, stance_model, "
            "claims_checked, passages_embedded, seconds) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                now(),
                fingerprint,
                digest,
                config.model,
                _stance_model(config),
                report.claims_checked,
                report.passages_embedded,
                report.seconds,
            ),
        )
    return report


def _stance_model(config: CheckConfig) -> str:
    model = STANCE_VERSION
    if config.stance_head:
        model += f"+head:{config.stance_head}"
    if config.nli_model:
        model += f"+nli:{config.nli_model}"
    return model


@dataclass(frozen=True)
class Refiners:
    """Optional learned signals that may relabel pairs structured comparison left to similarity."""

    nli: NliModel | None = None
    head: StanceHead | None = None


def _load_refiners(config: CheckConfig, report: CheckReport) -> Refiners:
    nli, head = None, None
    if config.stance_head:
        from claimcheck.stancehead import StanceHead

        head = StanceHead.load(Path(config.stance_head))
        if head.head.embedding_model != config.model:
            raise ModelError(
                f"stance head {config.stance_head} was trained with {head.head.embedding_model}, "
                f"not {config.model}"
            )
    if config.nli_model:
        from claimcheck.nli import NliModel

        nli = NliModel(config.nli_model)
    if nli is None and head is None:
        report.messages.append(
            "stance: no NLI model configured; using structured comparison and similarity"
        )
    return Refiners(nli=nli, head=head)


def _retrieve_and_classify(
    conn: sqlite3.Connection,
    db_path: Path,
    config: CheckConfig,
    corpus: dict[int, CorpusPassage],
    fingerprint: str,
    pending: list[Claim],
    refiners: Refiners,
    report: CheckReport,
    on_progress: Callable[[str, int, int], None] | None,
) -> None:
    import numpy as np

    index, report.index_rebuilt = corpus_index(conn, db_path, corpus, config.model)
    hashes = [p.passage.content_hash for p in corpus.values()]
    claim_vectors = load_vectors(conn, [content_hash(c.text) for c in pending], config.model)
    passage_vectors = load_vectors(conn, hashes, config.model)
    by_document: dict[str, list[CorpusPassage]] = {}
    for passage in corpus.values():
        by_document.setdefault(passage.passage.document_id, []).append(passage)
    digest = config.digest()
    for done, claim in enumerate(pending, 1):
        query = claim_vectors[content_hash(claim.text)]
        own = _own_passage(by_document.get(claim.document_id, []), claim)
        kept = retrieve(
            conn,
            index,
            corpus,
            claim.text,
            query,
            config.retrieval(),
            exclude_path=own.path if own else "",
        )
        scope = own.scope if own else claim.dates
        claim_side = Side(claim.text, claim.quantities, claim.dates, scope, claim.span.start)
        passages = [corpus[cand.passage_id] for cand in kept]
        found = [passage_vectors[p.passage.content_hash] for p in passages]
        similarities = [float(np.dot(query, vector)) for vector in found]
        stances = [
            classify(claim_side, p.side(), similarity, config.thresholds)
            for p, similarity in zip(passages, similarities, strict=True)
        ]
        texts = [p.passage.text for p in passages]
        if refiners.head is not None and stances:
            claims = np.repeat(query.reshape(1, -1), len(found), axis=0)
            stances = refiners.head.refine(
                stances, claims, np.stack(found), [claim.text] * len(texts), texts
            )
        if refiners.nli is not None:
            nli = refiners.nli
            stances = [nli.refine(claim.text, t, s) for t, s in zip(texts, stances, strict=True)]
        rows = [
            (claim.id, cand.passage_id, rank, similarity, cand.lexical, stance)
            for rank, (cand, similarity, stance) in enumerate(
                zip(kept, similarities, stances, strict=True)
            )
        ]
        _store_evidence(conn, claim, rows, fingerprint, digest, config)
        report.claims_checked += 1
        report.evidence_rows += len(rows)
        if on_progress:
            on_progress("check", done, len(pending))


def _own_passage(passages: list[CorpusPassage], claim: Claim) -> CorpusPassage | None:
    """The passage a claim's quote lies in (the quote may skip a heading or bullet marker)."""
    for passage in passages:
        if passage.passage.start <= claim.span.start < passage.passage.end:
            return passage
    return None


def _store_evidence(
    conn: sqlite3.Connection,
    claim: Claim,
    rows: list[tuple[str, int, int, float, float, Stance]],
    fingerprint: str,
    digest: str,
    config: CheckConfig,
) -> None:
    at = now()
    with write_transaction(conn):
        conn.execute("DELETE FROM evidence WHERE claim_id = ?", (claim.id,))
        conn.executemany(
            "INSERT INTO evidence (claim_id, passage_id, rank, similarity, lexical, stance, score, "
            "reason, kind, embedding_model, stance_model, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    cid,
                    pid,
                    rank,
                    round(sim, 4),
                    round(lex, 4),
                    s.label,
                    s.score,
                    s.reason,
                    s.kind,
                    config.model,
                    _stance_model(config),
                    at,
                )
                for cid, pid, rank, sim, lex, s in rows
            ],
        )
        conn.execute(
            "INSERT OR REPLACE INTO claim_checks (claim_id, claim_hash, fingerprint, config, at) "
            "VALUES (?, ?, ?, ?, ?)",
            (claim.id, content_hash(claim.text), fingerprint, digest, at),
        )
