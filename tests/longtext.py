"""Long, deterministic news-like text and a CLI in another process: for tests where an ingest
must run long enough for other work to happen meanwhile."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

ACTORS = ["The ministry", "Seoul's spy agency", "The Pentagon", "KCNA", "Kyiv", "The Kremlin"]
THINGS = ["troops", "containers of shells", "artillery rounds", "workers", "missiles", "drones"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "October"]


def long_article(chars: int, *, seed: int = 11) -> str:
    """About `chars` characters of claim-like sentences, one paragraph each."""
    rng = random.Random(seed)
    sentences: list[str] = []
    size = 0
    while size < chars:
        sentence = (
            f"{rng.choice(ACTORS)} said on {rng.randint(1, 28)} {rng.choice(MONTHS)} "
            f"{rng.randint(2019, 2025)} that about {rng.randint(2, 90) * 500:,} "
            f"{rng.choice(THINGS)} had been sent to site {len(sentences)}."
        )
        sentences.append(sentence)
        size += len(sentence) + 2
    return "# A long report\n\n" + "\n\n".join(sentences) + "\n"


def start_cli(*args: str | Path) -> subprocess.Popen[str]:
    """`claimcheck ARGS` in a process of its own, its output captured."""
    return subprocess.Popen(
        [sys.executable, "-c", "from claimcheck.cli import main; main()", *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
