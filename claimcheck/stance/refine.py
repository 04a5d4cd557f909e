"""The one refinement chain: a learned head, then an NLI model, relabel similarity-only pairs.

Structured comparison decides figures, dates and denials; what it leaves to similarity may be
relabelled by optional learned signals. `check`, `claimcheck stance` and the benchmark all call
`refine`, so the same pair gets the same label everywhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from claimcheck.errors import ModelError

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from claimcheck.stance.base import Stance
    from claimcheck.stance.head import StanceHead
    from claimcheck.stance.nli import NliModel

    Matrix = npt.NDArray[np.float32]


@dataclass(frozen=True)
class Refiners:
    """Optional learned signals that may relabel pairs structured comparison left to similarity."""

    nli: NliModel | None = None
    head: StanceHead | None = None

    @property
    def empty(self) -> bool:
        """Whether no learned signal is configured."""
        return self.nli is None and self.head is None


def load_refiners(model: str, *, stance_head: str | None, nli_model: str | None) -> Refiners:
    """Load the configured head (which must match the embedding `model`) and NLI model."""
    nli, head = None, None
    if stance_head:
        from claimcheck.stance.head import StanceHead

        head = StanceHead.load(Path(stance_head))
        if head.head.embedding_model != model:
            raise ModelError(
                f"stance head {stance_head} was trained with {head.head.embedding_model}, "
                f"not {model}"
            )
    if nli_model:
        from claimcheck.stance.nli import NliModel

        nli = NliModel(nli_model)
    return Refiners(nli=nli, head=head)


def refine(
    stances: Sequence[Stance],
    claim_vectors: Matrix | None,
    passage_vectors: Matrix | None,
    claims: Sequence[str],
    passages: Sequence[str],
    refiners: Refiners,
) -> list[Stance]:
    """Relabel the similarity-only stances of row-aligned pairs: the head first, then NLI."""
    refined = list(stances)
    if refiners.head is not None and refined:
        if claim_vectors is None or passage_vectors is None:
            raise ModelError("a stance head needs the embedding model it was trained with")
        refined = refiners.head.refine(refined, claim_vectors, passage_vectors, claims, passages)
    if refiners.nli is not None:
        nli = refiners.nli
        refined = [
            nli.refine(claim, passage, stance)
            for claim, passage, stance in zip(claims, passages, refined, strict=True)
        ]
    return refined
