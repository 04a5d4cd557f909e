"""Stance on free-standing (claim, passage) pairs, for `claimcheck stance` and the benchmark."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from claimcheck.embed.base import DEFAULT_MODEL, Embedder
from claimcheck.errors import InputError
from claimcheck.extract.claims import sentence_facts
from claimcheck.extract.dates import DateContext
from claimcheck.extract.frames import (
    SentenceFacts,
    SentenceTime,
    document_frames,
    sentence_frames,
)
from claimcheck.stance.base import (
    Side,
    Similarity,
    Stance,
    Thresholds,
    lexical_similarity,
    stem_similarity,
)
from claimcheck.stance.phrases import frame_texts, vector_similarity
from claimcheck.stance.refine import Refiners, refine
from claimcheck.stance.rules import classify

if TYPE_CHECKING:
    from claimcheck.embed.base import Vectors
    from claimcheck.stance.head import StanceHead


def side(text: str) -> Side:
    """A text read as one sentence: its figures, dates and frames, with no document time."""
    return sides([text])[0]


def sides(texts: Sequence[str]) -> list[Side]:
    """Each text read as one sentence of its own document (parsed together, in one batch)."""
    facts = []
    for text in texts:
        dates, quantities, _ = sentence_facts(text, 0, len(text), DateContext())
        facts.append(SentenceFacts(text, 0, quantities, dates, SentenceTime()))
    return [
        Side(f.text, f.quantities, f.dates, f.dates, frames=document_frames([f.text], [frames])[0])
        for f, frames in zip(facts, sentence_frames(facts), strict=True)
    ]


def pair_vectors(pairs: Sequence[tuple[str, str]], embedder: Embedder) -> tuple[Vectors, Vectors]:
    """The claim and passage vectors of each pair, as two row-aligned matrices."""
    texts = sorted({t for pair in pairs for t in pair})
    position = {t: i for i, t in enumerate(texts)}
    vectors = embedder.encode(texts)
    return (
        vectors[[position[a] for a, _ in pairs]],
        vectors[[position[b] for _, b in pairs]],
    )


def stance_for_pairs(
    pairs: Sequence[tuple[str, str]],
    embedder: Embedder | None,
    thresholds: Thresholds | None = None,
    *,
    head: StanceHead | None = None,
) -> list[Stance]:
    """The stance of each passage towards its claim, in input order.

    With a learned `head` (which needs the embedder it was trained with), pairs that structured
    comparison left to similarity are relabelled through the refinement chain `check` uses.
    """
    if head is not None and embedder is None:
        raise InputError("a stance head needs the embedding model it was trained with")
    vectors = pair_vectors(pairs, embedder) if embedder is not None and pairs else None
    if vectors is not None:
        scores = [float(x) for x in (vectors[0] * vectors[1]).sum(axis=1)]
    else:
        scores = [lexical_similarity(a, b) for a, b in pairs]
    texts = list(dict.fromkeys(t for pair in pairs for t in pair))
    read = dict(zip(texts, sides(texts), strict=True))
    similar: Similarity = stem_similarity
    if embedder is not None:
        phrases = sorted(frame_texts(s.frames for s in read.values()))
        similar = vector_similarity(dict(zip(phrases, embedder.encode(phrases), strict=True)))
    results = [
        classify(read[claim], read[passage], similarity, thresholds, similar)
        for (claim, passage), similarity in zip(pairs, scores, strict=True)
    ]
    claims, passages = [a for a, _ in pairs], [b for _, b in pairs]
    u, v = vectors if vectors is not None else (None, None)
    return refine(results, u, v, claims, passages, Refiners(head=head))


def label_pairs(
    pairs: Sequence[tuple[str, str]],
    *,
    model: str | None = None,
    lexical_only: bool = False,
    head_path: Path | None = None,
) -> list[Stance]:
    """`claimcheck stance`: load what the options ask for (a head, its embedder) and label pairs."""
    if head_path is not None and lexical_only:
        raise InputError("--head needs embeddings: drop --lexical-only")
    head = None
    if head_path is not None:
        from claimcheck.stance.head import StanceHead

        head = StanceHead.load(head_path)
        model = model or head.head.embedding_model
    embedder = None
    if pairs and not lexical_only:
        from claimcheck.embed.factory import load_embedder

        embedder = load_embedder(model or DEFAULT_MODEL)
    return stance_for_pairs(pairs, embedder, head=head)


def read_pairs(lines: Iterable[str]) -> list[tuple[str, str]]:
    """Parse JSON lines of {"claim": str, "passage": str}; a bad line is an InputError naming it."""
    pairs = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"line {number}: not JSON ({exc.msg})") from None
        if not isinstance(item, dict) or not all(
            isinstance(item.get(key), str) for key in ("claim", "passage")
        ):
            raise InputError(f'line {number}: expected {{"claim": "…", "passage": "…"}}')
        pairs.append((item["claim"], item["passage"]))
    return pairs
