"""Judging claims: retrieval and stance for one claim against a fixed, read-only snapshot.

Nothing here writes: the engines run `Judge.evidence` in the driver (local) or in Ray workers, and
the driver alone stores the rows, so both engines store exactly the same evidence.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from claimcheck.check.config import CheckConfig
from claimcheck.models import Claim, Frames
from claimcheck.search.corpus import CorpusPassage
from claimcheck.search.facts import FactIndex
from claimcheck.search.retrieve import Candidate, retrieve
from claimcheck.stance.base import Side
from claimcheck.stance.phrases import vector_similarity
from claimcheck.stance.refine import Refiners, refine
from claimcheck.stance.rules import classify
from claimcheck.store.evidence import NewEvidence

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from claimcheck.search.vectorindex import VectorIndex

    Vector = npt.NDArray[np.float32]


@dataclass(frozen=True)
class Snapshot:
    """What judging reads, fixed for one run: the corpus, its index and the stored vectors."""

    config: CheckConfig
    corpus: dict[int, CorpusPassage]
    index: VectorIndex
    passage_vectors: dict[str, Vector]
    """Each passage's own vector by content hash (stance similarity ignores the title)."""
    phrase_vectors: dict[str, Vector]
    """The frames' short phrases by text, so "troops" ~ "soldiers" is judged by the model."""


def passage_side(passage: CorpusPassage) -> Side:
    """A corpus passage as one side of a stance comparison, with its frames."""
    p = passage.passage
    return Side(p.text, p.quantities, p.dates, passage.scope, p.start, p.frames or Frames())


class Judge:
    """Finds and labels one claim's evidence from a snapshot; `lexical` answers BM25 queries."""

    def __init__(self, snapshot: Snapshot, lexical: sqlite3.Connection, refiners: Refiners) -> None:
        self.snapshot, self.lexical, self.refiners = snapshot, lexical, refiners
        self.config, self.corpus = snapshot.config, snapshot.corpus
        self.passage_vectors = snapshot.passage_vectors
        self.similar = vector_similarity(snapshot.phrase_vectors)
        self.by_document: dict[str, list[CorpusPassage]] = {}
        for passage in self.corpus.values():
            self.by_document.setdefault(passage.passage.document_id, []).append(passage)
        self.facts = FactIndex.build(self.corpus)

    def evidence(self, claim: Claim, query: Vector) -> list[NewEvidence]:
        """The claim's best passages from other sources, each with its suggested stance."""
        import numpy as np

        own = own_passage(self.by_document.get(claim.document_id, []), claim)
        retrieval = replace(self.config.retrieval(), k=self.config.k + self.config.extra)
        kept = retrieve(
            self.lexical,
            self.snapshot.index,
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


def own_passage(passages: list[CorpusPassage], claim: Claim) -> CorpusPassage | None:
    """The passage a claim's quote lies in (the quote may skip a heading or bullet marker)."""
    for passage in passages:
        if passage.passage.start <= claim.span.start < passage.passage.end:
            return passage
    return None
