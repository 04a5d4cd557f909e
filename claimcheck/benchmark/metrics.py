"""Retrieval and classification metrics: recall@k, any-gold@k, macro-F1 with a confusion matrix."""

from __future__ import annotations

from collections.abc import Sequence

from claimcheck.models import Record


def recall_at(ranked: Sequence[str], gold: set[str], k: int) -> float:
    """Share of the gold items found in the first `k` of `ranked`."""
    return len(gold & set(ranked[:k])) / len(gold) if gold else 0.0


def any_at(ranked: Sequence[str], gold: set[str], k: int) -> bool:
    """Whether at least one gold item is in the first `k` of `ranked`."""
    return bool(gold & set(ranked[:k]))


class LabelScores(Record):
    """Precision, recall and F1 of one label, with its support (gold count)."""

    precision: float
    recall: float
    f1: float
    support: int


class Classification(Record):
    """Macro-F1 over a fixed label set, per-label scores and the confusion matrix."""

    labels: list[str]
    macro_f1: float
    accuracy: float
    per_label: dict[str, LabelScores]
    confusion: list[list[int]]
    """confusion[i][j]: pairs whose gold label is labels[i] and prediction labels[j]."""
    pairs: int


def classification(
    gold: Sequence[str], predicted: Sequence[str], labels: list[str]
) -> Classification:
    """Score predictions against gold labels (both drawn from `labels`)."""
    position = {label: i for i, label in enumerate(labels)}
    confusion = [[0] * len(labels) for _ in labels]
    for g, p in zip(gold, predicted, strict=True):
        confusion[position[g]][position[p]] += 1
    per_label = {}
    for i, label in enumerate(labels):
        true_positive = confusion[i][i]
        predicted_count = sum(row[i] for row in confusion)
        support = sum(confusion[i])
        precision = true_positive / predicted_count if predicted_count else 0.0
        recall = true_positive / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_label[label] = LabelScores(
            precision=round(precision, 4), recall=round(recall, 4), f1=round(f1, 4), support=support
        )
    correct = sum(confusion[i][i] for i in range(len(labels)))
    return Classification(
        labels=labels,
        macro_f1=round(sum(s.f1 for s in per_label.values()) / len(labels), 4),
        accuracy=round(correct / len(gold), 4) if gold else 0.0,
        per_label=per_label,
        confusion=confusion,
        pairs=len(gold),
    )
