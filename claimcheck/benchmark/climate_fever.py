"""CLIMATE-FEVER through claimcheck's own pipeline: evidence retrieval and stance, measured.

The 5,240 distinct evidence sentences are written out as one plain-text document per Wikipedia
article, ingested, embedded, indexed and searched exactly as `check` does; each claim's top
passages are mapped back to the evidence sentences they come from. Every (claim, sentence) pair
goes through the same code as `claimcheck stance`. Claims whose `claim_id % 5 == 0` are the only
ones any threshold may be tuned on; they are reported apart from the held-out rest.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import ConfigDict, Field, ValidationError

from claimcheck.benchmark.metrics import Classification, any_at, classification, recall_at
from claimcheck.check.pipeline import prepare_search
from claimcheck.embed.base import DEFAULT_MODEL, Embedder
from claimcheck.embed.cache import StoredEmbedder
from claimcheck.errors import InputError
from claimcheck.models import Record
from claimcheck.search.corpus import CorpusPassage, load_corpus
from claimcheck.search.retrieve import RetrievalConfig, retrieve
from claimcheck.store.documents import passage_positions
from claimcheck.store.embeddings import load_vectors
from claimcheck.text.hashing import content_hash

if TYPE_CHECKING:
    from claimcheck.search.vectorindex import VectorIndex
    from claimcheck.stance.base import Stance
    from claimcheck.stance.head import StanceHead

GoldLabel = Literal["SUPPORTS", "REFUTES", "NOT_ENOUGH_INFO"]
LABELS: list[str] = ["SUPPORTS", "REFUTES", "NOT_ENOUGH_INFO"]
STANCE_TO_GOLD = {"supports": "SUPPORTS", "contradicts": "REFUTES", "related": "NOT_ENOUGH_INFO"}
GOLD_TO_STANCE = {gold: stance for stance, gold in STANCE_TO_GOLD.items()}
TOP = 10
ProgressFn = Callable[[str, int, int], None]


class Evidence(Record):
    """One labelled Wikipedia sentence of a CLIMATE-FEVER claim."""

    model_config = ConfigDict(extra="ignore", defer_build=True)

    evidence_id: str
    evidence_label: GoldLabel
    article: str
    evidence: str


class ClimateClaim(Record):
    """A CLIMATE-FEVER claim with its five evidence sentences."""

    model_config = ConfigDict(extra="ignore", defer_build=True)

    claim_id: str
    claim: str
    claim_label: str
    evidences: list[Evidence]

    @property
    def tuning(self) -> bool:
        """Whether this claim is in the 20% slice thresholds may be tuned on."""
        return int(self.claim_id) % 5 == 0

    def gold(self) -> set[str]:
        """Evidence ids labelled SUPPORTS or REFUTES: what retrieval should find."""
        return {e.evidence_id for e in self.evidences if e.evidence_label != "NOT_ENOUGH_INFO"}


class RetrievalScores(Record):
    """Recall of gold evidence in each claim's ranked sentences, averaged over claims with gold."""

    claims: int
    recall_at_1: float
    recall_at_5: float
    recall_at_10: float
    any_gold_at_5: float

    def public(self) -> dict[str, float | int]:
        """The documented JSON keys: recall@1, recall@5, recall@10, any_gold@5."""
        return {
            "claims": self.claims,
            "recall@1": self.recall_at_1,
            "recall@5": self.recall_at_5,
            "recall@10": self.recall_at_10,
            "any_gold@5": self.any_gold_at_5,
        }


class Slice(Record):
    """Retrieval and stance scores over one set of claims."""

    retrieval: RetrievalScores
    stance: Classification
    stance_without_head: Classification
    """The structured rules and similarity alone, before the learned head relabels pairs."""


class ClimateFeverResult(Record):
    """Everything one benchmark run measured."""

    dataset: str
    claims: int
    sentences: int
    model: str
    lexical: bool
    head: str = Field(description="How the stance head was obtained: trained, a path, or none.")
    all: Slice
    tuning: Slice
    held_out: Slice
    seconds: dict[str, float]

    def public(self) -> dict[str, object]:
        """The `--json` document: all claims, then the held-out 80% and the tuning 20%."""

        def section(part: Slice) -> dict[str, object]:
            return {
                "retrieval": part.retrieval.public(),
                "stance": part.stance.model_dump(),
                "stance_without_head": part.stance_without_head.model_dump(),
            }

        return {
            "dataset": self.dataset,
            "claims": self.claims,
            "sentences": self.sentences,
            "model": self.model,
            "lexical": self.lexical,
            "head": self.head,
            "retrieval": self.all.retrieval.public(),
            "stance": self.all.stance.model_dump(),
            "stance_without_head": self.all.stance_without_head.model_dump(),
            "held_out": section(self.held_out),
            "tuning": section(self.tuning),
            "seconds": self.seconds,
        }


def load_claims(path: Path, *, limit: int | None = None) -> list[ClimateClaim]:
    """Read the CLIMATE-FEVER jsonl; a malformed line is an InputError naming it."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read ({exc})") from None
    claims = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            claims.append(ClimateClaim.model_validate(json.loads(line)))
        except (json.JSONDecodeError, ValidationError) as exc:
            first = str(exc).splitlines()[0]
            raise InputError(
                f"{path}: line {number} is not a CLIMATE-FEVER claim ({first})"
            ) from None
        if limit is not None and len(claims) >= limit:
            break
    if not claims:
        raise InputError(f"{path}: no claims")
    return claims


@dataclass(frozen=True)
class SentenceSpan:
    """Where one evidence sentence sits in the document written for its article."""

    start: int
    end: int
    evidence_id: str


def write_corpus(claims: Sequence[ClimateClaim], folder: Path) -> dict[str, list[SentenceSpan]]:
    """One .md per article: its title as heading, then a sentence per paragraph; spans by path."""
    sentences: dict[str, dict[str, str]] = {}
    for claim in claims:
        for e in claim.evidences:
            sentences.setdefault(e.article, {})[e.evidence_id] = " ".join(e.evidence.split())
    spans: dict[str, list[SentenceSpan]] = {}
    for article, by_id in sorted(sentences.items()):
        name = hashlib.sha1(article.encode("utf-8")).hexdigest()[:16] + ".md"
        heading = "# " + " ".join(article.replace("#", " ").split())
        parts, offset, placed = [heading], len(heading) + 2, []
        for evidence_id, text in sorted(by_id.items()):
            placed.append(SentenceSpan(offset, offset + len(text), evidence_id))
            parts.append(text)
            offset += len(text) + 2
        path = (folder / name).resolve()
        path.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
        spans[str(path)] = placed
    return spans


def _passage_evidence(
    conn: sqlite3.Connection, spans: dict[str, list[SentenceSpan]]
) -> dict[int, str]:
    """The evidence sentence each stored passage lies in."""
    found = {}
    for passage_id, start, path in passage_positions(conn):
        for span in spans.get(path, []):
            if span.start <= start < span.end:
                found[passage_id] = span.evidence_id
                break
    return found


def _retrieval_scores(
    ranked: dict[str, list[str]], claims: Iterable[ClimateClaim]
) -> RetrievalScores:
    with_gold = [c for c in claims if c.gold()]
    n = len(with_gold) or 1

    def mean(values: Iterable[float]) -> float:
        return round(sum(values) / n, 4)

    return RetrievalScores(
        claims=len(with_gold),
        recall_at_1=mean(recall_at(ranked[c.claim_id], c.gold(), 1) for c in with_gold),
        recall_at_5=mean(recall_at(ranked[c.claim_id], c.gold(), 5) for c in with_gold),
        recall_at_10=mean(recall_at(ranked[c.claim_id], c.gold(), 10) for c in with_gold),
        any_gold_at_5=mean(float(any_at(ranked[c.claim_id], c.gold(), 5)) for c in with_gold),
    )


@dataclass(frozen=True)
class Options:
    """How to run the benchmark: model, signals, stance head, where to keep the database."""

    model: str = DEFAULT_MODEL
    lexical: bool = True
    head: str = "train"
    """`train` (on the tuning slice), `none`, or the path of a saved head."""
    save_head: Path | None = None
    limit: int | None = None
    work_dir: Path | None = None
    make_embedder: Callable[[], Embedder] | None = None


def run(
    dataset: Path, options: Options | None = None, *, on_progress: ProgressFn | None = None
) -> ClimateFeverResult:
    """Run retrieval and stance over the data set; `work_dir` keeps the database between runs."""
    options = options or Options()
    claims = load_claims(dataset, limit=options.limit)
    if options.work_dir is not None:
        options.work_dir.mkdir(parents=True, exist_ok=True)
        return _run_in(claims, dataset, options.work_dir, options, on_progress)
    with tempfile.TemporaryDirectory(prefix="claimcheck-cf-") as folder:
        return _run_in(claims, dataset, Path(folder), options, on_progress)


def _loader(model: str, make_embedder: Callable[[], Embedder] | None) -> Callable[[], Embedder]:
    def load() -> Embedder:
        if make_embedder is not None:
            return make_embedder()
        from claimcheck.embed.factory import load_embedder

        return load_embedder(model)

    return load


class _Clock:
    """Seconds per stage, each lap measured from the end of the previous one."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.seconds[stage] = round(now - self._last, 3)
        self._last = now


def _ingested(
    claims: list[ClimateClaim], folder: Path
) -> tuple[Path, dict[str, list[SentenceSpan]]]:
    """Write the corpus into `folder`, ingest it into a database there; its path and the spans."""
    from claimcheck.ingest import ingest_paths
    from claimcheck.store import connect

    corpus_folder = folder / "corpus"
    corpus_folder.mkdir(exist_ok=True)
    spans = write_corpus(claims, corpus_folder)
    db_path = folder / "climate-fever.db"
    conn = connect(db_path)
    try:
        report = ingest_paths(conn, [corpus_folder])
    finally:
        conn.close()
    if report.failed:
        first = report.failed[0]
        raise InputError(f"ingest failed for {first.path}: {first.message}")
    return db_path, spans


def _run_in(
    claims: list[ClimateClaim],
    dataset: Path,
    folder: Path,
    options: Options,
    on_progress: ProgressFn | None,
) -> ClimateFeverResult:
    from claimcheck.store import connect

    clock = _Clock()
    db_path, spans = _ingested(claims, folder)
    clock.lap("ingest")
    conn = connect(db_path)
    corpus = load_corpus(conn)
    load = _loader(options.model, options.make_embedder)
    queries = {content_hash(c.claim): c.claim for c in claims}
    ready = prepare_search(conn, db_path, corpus, options.model, queries, load, on_progress)
    clock.lap("embed")
    clock.seconds["embed"] = round(clock.seconds["embed"] - ready.index_seconds, 3)
    clock.seconds["index"] = round(ready.index_seconds, 3)
    ranked = _rank(conn, claims, corpus, ready.index, options, spans, on_progress)
    clock.lap("retrieve")
    embedder = StoredEmbedder(conn, options.model, load)
    rules, final, head_label = _stance(claims, embedder, options)
    clock.lap("stance")
    conn.close()
    seconds = clock.seconds
    seconds["total"] = round(sum(seconds.values()), 3)

    def part(selected: list[ClimateClaim]) -> Slice:
        keys = [(c.claim_id, e.evidence_id) for c in selected for e in c.evidences]
        gold = [e.evidence_label for c in selected for e in c.evidences]
        return Slice(
            retrieval=_retrieval_scores(ranked, selected),
            stance=classification(gold, [final[k] for k in keys], LABELS),
            stance_without_head=classification(gold, [rules[k] for k in keys], LABELS),
        )

    return ClimateFeverResult(
        dataset=str(dataset),
        claims=len(claims),
        sentences=sum(len(s) for s in spans.values()),
        model=options.model,
        lexical=options.lexical,
        head=head_label,
        all=part(claims),
        tuning=part([c for c in claims if c.tuning]),
        held_out=part([c for c in claims if not c.tuning]),
        seconds=seconds,
    )


def _rank(
    conn: sqlite3.Connection,
    claims: list[ClimateClaim],
    corpus: dict[int, CorpusPassage],
    index: VectorIndex,
    options: Options,
    spans: dict[str, list[SentenceSpan]],
    on_progress: ProgressFn | None,
) -> dict[str, list[str]]:
    """Each claim's top evidence sentences, best first, through `search.retrieve.retrieve`."""
    evidence_of = _passage_evidence(conn, spans)
    vectors = load_vectors(conn, [content_hash(c.claim) for c in claims], options.model)
    config = RetrievalConfig(k=TOP * 2, candidates=40, lexical=options.lexical)
    ranked: dict[str, list[str]] = {}
    for done, claim in enumerate(claims, 1):
        vector = vectors[content_hash(claim.claim)]
        found = retrieve(conn, index, corpus, claim.claim, vector, config)
        order: dict[str, None] = {}
        for candidate in found:
            evidence_id = evidence_of.get(candidate.passage_id)
            if evidence_id is not None:
                order.setdefault(evidence_id, None)
        ranked[claim.claim_id] = list(order)[:TOP]
        if on_progress:
            on_progress("retrieve", done, len(claims))
    return ranked


Labels = dict[tuple[str, str], str]


def _stance(
    claims: list[ClimateClaim], embedder: StoredEmbedder, options: Options
) -> tuple[Labels, Labels, str]:
    """Gold-vocabulary labels of every pair: rules alone, then with the stance head."""
    from claimcheck.stance.pairs import stance_for_pairs

    keys = [(c.claim_id, e.evidence_id) for c in claims for e in c.evidences]
    pairs = [(c.claim, " ".join(e.evidence.split())) for c in claims for e in c.evidences]
    rules = stance_for_pairs(pairs, embedder)
    head, label = _head(claims, pairs, rules, embedder, options)
    final = rules if head is None else stance_for_pairs(pairs, embedder, head=head)

    def gold_vocabulary(results: Sequence[Stance]) -> Labels:
        return {k: STANCE_TO_GOLD[r.label] for k, r in zip(keys, results, strict=True)}

    return gold_vocabulary(rules), gold_vocabulary(final), label


def _head(
    claims: list[ClimateClaim],
    pairs: list[tuple[str, str]],
    rules: Sequence[Stance],
    embedder: StoredEmbedder,
    options: Options,
) -> tuple[StanceHead | None, str]:
    """The stance head: none, loaded from a path, or trained on the tuning slice's open pairs."""
    from claimcheck.stance.head import StanceHead, features, train
    from claimcheck.stance.pairs import pair_vectors

    if options.head == "none":
        return None, "none"
    if options.head != "train":
        return StanceHead.load(Path(options.head)), options.head
    tuning = [c.tuning for c in claims for _ in c.evidences]
    gold = [GOLD_TO_STANCE[e.evidence_label] for c in claims for e in c.evidences]
    rows = [i for i, s in enumerate(rules) if tuning[i] and not s.structured]
    if len({gold[i] for i in rows}) < len(LABELS):
        return None, "none (the tuning slice lacks a label)"
    u, v = pair_vectors([pairs[i] for i in rows], embedder)
    matrix = features(u, v, [pairs[i][0] for i in rows], [pairs[i][1] for i in rows])
    head = train(
        matrix,
        [gold[i] for i in rows],
        embedding_model=options.model,
        trained_on=f"CLIMATE-FEVER claims with claim_id % 5 == 0 ({len(rows)} pairs)",
    )
    head.name = "climate-fever head"
    if options.save_head is not None:
        head.save(options.save_head)
    return head, f"trained on {len(rows)} tuning-slice pairs"
