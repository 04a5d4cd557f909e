"""What `check` is asked to do, and what one run did."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field

from claimcheck.embed.base import DEFAULT_MODEL
from claimcheck.search.retrieve import RetrievalConfig
from claimcheck.stance.base import Thresholds
from claimcheck.stance.rules import STANCE_VERSION


@dataclass(frozen=True)
class CheckConfig:
    """What `check` does: model, how many passages per claim, and which signals."""

    model: str = DEFAULT_MODEL
    k: int = 8
    extra: int = 16
    """Passages past the top k that are judged too; kept only when structure finds a relation."""
    candidates: int = 40
    lexical: bool = True
    nli_model: str | None = None
    stance_head: str | None = None
    """Path of a trained stance head (stance/head.py) that relabels similarity-only pairs."""
    thresholds: Thresholds = field(default_factory=Thresholds)

    def retrieval(self) -> RetrievalConfig:
        """The retrieval part of the configuration."""
        return RetrievalConfig(k=self.k, candidates=self.candidates, lexical=self.lexical)

    def digest(self) -> str:
        """A hash of everything that changes results, stored with each claim's check."""
        payload = json.dumps({**asdict(self), "stance": STANCE_VERSION}, sort_keys=True)
        return hashlib.sha256(payload.encode()).hexdigest()[:16]

    def stance_model(self) -> str:
        """The stance rules' version plus any learned signal, as stored with each suggestion."""
        model = STANCE_VERSION
        if self.stance_head:
            model += f"+head:{self.stance_head}"
        if self.nli_model:
            model += f"+nli:{self.nli_model}"
        return model


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
    phrases_embedded: int = 0
    """Short frame phrases (counted nouns, verbs) embedded for comparing figures and dates."""
    seconds: float = 0.0
    messages: list[str] = field(default_factory=list)
    conflicts: int = 0
    """Contradicting or updating evidence passages in the database after the run."""
    engine: str = "local"
    """Where embedding and judging ran (`local` or `ray`); never changes the results."""
