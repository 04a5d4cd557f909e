"""Who-said-it accuracy against hand labels: every claim of the labelled files, its attribution
compared with the speaker a person wrote down (tests/data/attribution/labels.json).

    .venv/bin/python benchmarks/bench_attribution.py [--labels FILE] [--root DIR]

`--labels` may name another labels file of the same shape (for example labels of the case files,
kept outside the repository); `--root` is what its file paths are relative to.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.extract.speaker_labels import LABELS, score  # noqa: E402


def main() -> None:
    """Print the accuracy table (docs/benchmarks.md) and every miss."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--root", type=Path, default=ROOT)
    args = parser.parse_args()
    results = score(args.labels, args.root)
    print("| file | right | claims | accuracy |\n| --- | ---: | ---: | ---: |")
    for name, (right, total, _) in results.items():
        print(f"| {name} | {right} | {total} | {right / total:.0%} |")
    right = sum(r for r, _, _ in results.values())
    total = sum(t for _, t, _ in results.values())
    print(f"| all | {right} | {total} | {right / total:.1%} |")
    for name, (_, _, misses) in results.items():
        for miss in misses:
            print(f"miss {name}: {miss}", file=sys.stderr)


if __name__ == "__main__":
    main()
