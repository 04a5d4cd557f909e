"""Scoring who-said-it against hand labels (tests/data/attribution/labels.json): shared by the
accuracy test and benchmarks/bench_attribution.py."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from claimcheck.extract.claims import extract
from claimcheck.ingest.sources import read_source

ROOT = Path(__file__).resolve().parent.parent.parent
LABELS = ROOT / "tests" / "data" / "attribution" / "labels.json"


def normal(speaker: str | None) -> str | None:
    """A speaker compared without case, a leading article or curly apostrophes."""
    if speaker is None:
        return None
    text = " ".join(speaker.replace("’", "'").casefold().split())
    return text.removeprefix("the ").strip(" .,")


def score(labels_path: Path, root: Path) -> dict[str, tuple[int, int, list[str]]]:
    """Per labelled file: (right, labelled claims, the misses as 'quote: got / wanted'); a claim
    is found as the sentence (passage) its quote starts, so older code that made it no claim is
    still scored."""
    labels = json.loads(labels_path.read_text(encoding="utf-8"))["labels"]
    by_file: dict[str, list[dict[str, object]]] = defaultdict(list)
    for label in labels:
        by_file[str(label["file"])].append(label)
    results = {}
    for name, wanted in by_file.items():
        source = read_source(root / name)
        # every sentence is a passage with its attribution, whether or not it became a claim
        passages = extract("d", source.text, source.sha256).passages
        right, misses = 0, []
        for label in wanted:
            quote = str(label["quote"])
            passage = next((p for p in passages if p.text.startswith(quote)), None)
            got = passage.attribution if passage else "(no such sentence)"
            speakers = label["speaker"]
            accepted = {normal(str(s)) for s in speakers} if isinstance(speakers, list) else {None}
            if normal(got) in accepted:
                right += 1
            else:
                misses.append(f"{quote[:50]}…: got {got!r}, wanted {speakers!r}")
        results[name] = (right, len(wanted), misses)
    return results
