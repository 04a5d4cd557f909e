"""Optional NLI cross-encoder: an extra stance signal for machines that have entailment weights."""

from __future__ import annotations

import os
from dataclasses import replace

from claimcheck.errors import ModelError
from claimcheck.stance.base import Label, Stance

NLI_THRESHOLD = 0.80
"""An NLI label overrides a 'related' suggestion only when the model is at least this sure."""


class NliModel:
    """A sentence-transformers CrossEncoder with entailment/contradiction/neutral labels."""

    def __init__(self, name_or_path: str) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        from sentence_transformers import CrossEncoder

        from claimcheck.embed.base import model_path

        try:
            self._model = CrossEncoder(model_path(name_or_path), device="cpu")
        except (OSError, ValueError) as exc:
            raise ModelError(f"cannot load NLI model {name_or_path!r}: {exc}") from exc
        self.name = name_or_path
        id2label = getattr(self._model.model.config, "id2label", {}) or {}
        self.labels = {int(i): str(label).lower() for i, label in id2label.items()}
        if not {"entailment", "contradiction"} <= set(self.labels.values()):
            raise ModelError(
                f"NLI model {name_or_path!r} must label entailment and contradiction; "
                f"it has {sorted(self.labels.values())}"
            )

    def probabilities(self, pairs: list[tuple[str, str]]) -> list[dict[str, float]]:
        """Label probabilities for each (premise, hypothesis) pair."""
        import numpy as np

        logits = np.asarray(
            self._model.predict(pairs, convert_to_numpy=True, show_progress_bar=False)
        )
        logits = logits.reshape(len(pairs), -1)
        exp = np.exp(logits - logits.max(axis=1, keepdims=True))
        probs = exp / exp.sum(axis=1, keepdims=True)
        return [{self.labels[i]: float(row[i]) for i in range(row.shape[0])} for row in probs]

    def refine(self, claim: str, passage: str, stance: Stance) -> Stance:
        """Let a confident NLI judgement label a pair that structured comparison left 'related'."""
        if stance.label != "related" or stance.structured:
            return stance
        probs = self.probabilities([(passage, claim)])[0]
        choices: tuple[tuple[Label, str], ...] = (
            ("supports", "entailment"),
            ("contradicts", "contradiction"),
        )
        for label, name in choices:
            if probs.get(name, 0.0) >= NLI_THRESHOLD:
                reason = f"statement: NLI {name} {probs[name]:.2f} ({self.name})"
                return replace(
                    stance,
                    label=label,
                    score=round(probs[name], 3),
                    reason=reason,
                    kind="statement",
                )
        return stance
