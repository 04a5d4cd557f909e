"""Stance on free-standing (claim, passage) pairs, for `claimcheck stance` and the benchmark."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from claimcheck.dates import DateContext
from claimcheck.embed import Embedder
from claimcheck.errors import InputError
from claimcheck.extract import sentence_facts
from claimcheck.stance import Side, Stance, Thresholds, classify
from claimcheck.stancetext import content_terms

if TYPE_CHECKING:
    from claimcheck.embed import Vectors
    from claimcheck.stancehead import StanceHead


def side(text: str) -> Side:
    """A text's figures and dates, read as one passage with its own dates as its time scope."""
    dates, quantities, _ = sentence_facts(text, 0, len(text), DateContext())
    return Side(text, quantities, dates, dates)


def lexical_similarity(a: str, b: str) -> float:
    """Overlap of content stems (Dice coefficient): a stand-in when no embedder is given."""
    terms_a, terms_b = set(content_terms(a)), set(content_terms(b))
    if not terms_a or not terms_b:
        return 0.0
    return 2 * len(terms_a & terms_b) / (len(terms_a) + len(terms_b))


def similarities(pairs: Sequence[tuple[str, str]], embedder: Embedder | None) -> list[float]:
    """Cosine similarity of each pair's embeddings (each distinct text embedded once)."""
    if embedder is None:
        return [lexical_similarity(a, b) for a, b in pairs]
    u, v = pair_vectors(pairs, embedder)
    return [float(x) for x in (u * v).sum(axis=1)]


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
    comparison left to similarity are relabelled by the head.
    """
    if head is not None and embedder is None:
        raise InputError("a stance head needs the embedding model it was trained with")
    vectors = pair_vectors(pairs, embedder) if embedder is not None and pairs else None
    if vectors is not None:
        scores = [float(x) for x in (vectors[0] * vectors[1]).sum(axis=1)]
    else:
        scores = [lexical_similarity(a, b) for a, b in pairs]
    sides: dict[str, Side] = {}
    results = []
    for (claim, passage), similarity in zip(pairs, scores, strict=True):
        for text in (claim, passage):
            if text not in sides:
                sides[text] = side(text)
        results.append(classify(sides[claim], sides[passage], similarity, thresholds))
    if head is not None and vectors is not None:
        claims, passages = [a for a, _ in pairs], [b for _, b in pairs]
        results = head.refine(results, vectors[0], vectors[1], claims, passages)
    return results


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
