"""Benchmark results as plain-text tables for the terminal."""

from __future__ import annotations

from claimcheck.benchmark.climate_fever import ClimateFeverResult, Slice
from claimcheck.benchmark.metrics import Classification
from claimcheck.cli.render import table

SHORT = {"SUPPORTS": "SUP", "REFUTES": "REF", "NOT_ENOUGH_INFO": "NEI"}


def _confusion(stance: Classification) -> str:
    headers = ["gold \\ predicted", *(SHORT[label] for label in stance.labels)]
    rows = [
        [SHORT[label], *counts]
        for label, counts in zip(stance.labels, stance.confusion, strict=True)
    ]
    return table(headers, rows)


def render_climate_fever(result: ClimateFeverResult) -> str:
    """Retrieval and stance per slice, the held-out confusion matrix and the time per stage."""
    slices: list[tuple[str, Slice]] = [
        ("all", result.all),
        ("held-out 80%", result.held_out),
        ("tuning 20% (claim_id % 5 == 0)", result.tuning),
    ]
    retrieval = table(
        ["claims", "with gold", "recall@1", "recall@5", "recall@10", "any gold@5"],
        [
            [
                name,
                s.retrieval.claims,
                s.retrieval.recall_at_1,
                s.retrieval.recall_at_5,
                s.retrieval.recall_at_10,
                s.retrieval.any_gold_at_5,
            ]
            for name, s in slices
        ],
    )
    stance = table(
        ["claims", "pairs", "macro-F1", "rules only", "F1 SUP", "F1 REF", "F1 NEI", "accuracy"],
        [
            [
                name,
                s.stance.pairs,
                s.stance.macro_f1,
                s.stance_without_head.macro_f1,
                *(s.stance.per_label[label].f1 for label in s.stance.labels),
                s.stance.accuracy,
            ]
            for name, s in slices
        ],
    )
    seconds = ", ".join(f"{stage} {value:.1f} s" for stage, value in result.seconds.items())
    return "\n".join(
        [
            f"CLIMATE-FEVER: {result.claims} claims, {result.sentences} evidence sentences; "
            f"model {result.model}, lexical {'on' if result.lexical else 'off'}, "
            f"stance head: {result.head}",
            "",
            "retrieval (top 10 sentences per claim from the pooled corpus):",
            retrieval,
            "",
            "stance (every labelled claim-sentence pair):",
            stance,
            "",
            "held-out confusion:",
            _confusion(result.held_out.stance),
            "",
            f"time: {seconds}",
        ]
    )
