"""The benchmark code on a 20-claim slice (synthetic, and the real data set when it is present)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck.benchmark.climate_fever import Options, load_claims, run, write_corpus
from claimcheck.benchmark.metrics import any_at, classification, recall_at
from claimcheck.cli import main
from claimcheck.errors import InputError
from tests.conftest import ROOT
from tests.fakes import BagOfWordsEmbedder

REAL = ROOT.parent / "shared/benchmarks/climate-fever/climate-fever.jsonl"
TOPICS = [
    ("glaciers", "Glaciers in the Alps are shrinking every decade"),
    ("coral", "Coral reefs bleach when ocean water warms"),
    ("arctic", "Arctic sea ice extent reaches record lows in September"),
    ("methane", "Methane traps far more heat than carbon dioxide"),
    ("volcano", "Volcanoes emit less carbon dioxide than human activity"),
]


def synthetic(path: Path, claims: int = 20) -> Path:
    """CLIMATE-FEVER-shaped claims: a supporting, a refuting and three unrelated sentences each."""
    lines = []
    for n in range(claims):
        topic, base = TOPICS[n % len(TOPICS)]
        statement = f"{base} near station{chr(97 + n)}"  # a word only this claim's gold shares
        other = TOPICS[(n + 1) % len(TOPICS)]
        evidences = [
            (f"{topic}:{n}a", "SUPPORTS", f"Measurements show that {statement.lower()} ({n})."),
            (f"{topic}:{n}b", "REFUTES", f"Surveys disagree that {statement.lower()} ({n})."),
            (f"{other[0]}:{n}c", "NOT_ENOUGH_INFO", f"{other[1]} in some studies ({n})."),
            (f"misc:{n}d", "NOT_ENOUGH_INFO", f"The museum opened a new wing in {1900 + n}."),
            (f"misc:{n}e", "NOT_ENOUGH_INFO", f"Local elections were held in district {n}."),
        ]
        lines.append(
            json.dumps(
                {
                    "claim_id": str(n),
                    "claim": f"{statement} ({n})",
                    "claim_label": "DISPUTED",
                    "evidences": [
                        {
                            "evidence_id": i,
                            "evidence_label": label,
                            "article": i.split(":")[0],
                            "evidence": text,
                            "entropy": 0.0,
                            "votes": [label],
                        }
                        for i, label, text in evidences
                    ],
                }
            )
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_recall_and_any_gold() -> None:
    ranked = ["a", "b", "c", "d"]
    assert recall_at(ranked, {"a", "d", "z"}, 1) == pytest.approx(1 / 3)
    assert recall_at(ranked, {"a", "d", "z"}, 4) == pytest.approx(2 / 3)
    assert any_at(ranked, {"c"}, 2) is False and any_at(ranked, {"c"}, 3) is True


def test_macro_f1_and_confusion_by_hand() -> None:
    gold = ["S", "S", "R", "N", "N", "N"]
    predicted = ["S", "N", "R", "N", "S", "N"]
    scores = classification(gold, predicted, ["S", "R", "N"])
    assert scores.confusion == [[1, 0, 1], [0, 1, 0], [1, 0, 2]]
    # S: p 1/2 r 1/2 f1 .5; R: 1, 1, 1; N: p 2/3 r 2/3 f1 2/3 -> macro (0.5 + 1 + 0.6667) / 3
    assert scores.macro_f1 == pytest.approx((0.5 + 1 + 2 / 3) / 3, abs=1e-4)
    assert scores.per_label["N"].support == 3 and scores.accuracy == pytest.approx(4 / 6, 1e-4)


def test_corpus_spans_point_at_each_sentence(tmp_path: Path) -> None:
    claims = load_claims(synthetic(tmp_path / "cf.jsonl"))
    folder = tmp_path / "corpus"
    folder.mkdir()
    spans = write_corpus(claims, folder)
    by_id = {e.evidence_id: e.evidence for c in claims for e in c.evidences}
    assert sum(len(s) for s in spans.values()) == len(by_id)
    for path, placed in spans.items():
        text = Path(path).read_text(encoding="utf-8")
        assert text.startswith("# ")
        for span in placed:
            assert text[span.start : span.end] == by_id[span.evidence_id]


def test_run_on_a_synthetic_slice_measures_retrieval_and_trains_a_head(tmp_path: Path) -> None:
    dataset = synthetic(tmp_path / "cf.jsonl")
    options = Options(model="fake-bow", make_embedder=BagOfWordsEmbedder, save_head=tmp_path / "h")
    result = run(dataset, options)
    assert (result.claims, result.sentences) == (20, 100)
    assert result.all.retrieval.claims == 20 and result.tuning.retrieval.claims == 4
    # Each claim shares its words with its two gold sentences: both are found in the top 5.
    assert result.all.retrieval.any_gold_at_5 == 1.0
    assert result.all.retrieval.recall_at_5 > 0.9
    assert result.all.stance.pairs == 100 and result.held_out.stance.pairs == 80
    assert result.head.startswith("trained on") and (tmp_path / "h").exists()
    # "Surveys disagree" is no denial cue the rules know, so they never say REFUTES; the head,
    # trained on the 4 tuning claims, learns it from the word.
    assert result.all.stance_without_head.per_label["REFUTES"].recall == 0
    assert result.held_out.stance.per_label["REFUTES"].recall > 0.5
    assert set(result.seconds) == {"ingest", "embed", "index", "retrieve", "stance", "total"}
    again = run(dataset, Options(model="fake-bow", make_embedder=BagOfWordsEmbedder, head="none"))
    assert again.head == "none" and again.all.stance == again.all.stance_without_head


def test_a_malformed_line_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"claim_id": "0", "claim": "x", "claim_label": "SUPPORTS", "evidences": []}\n'
                   '{"claim_id": 1}\n', encoding="utf-8")  # fmt: skip
    with pytest.raises(InputError, match="line 2 is not a CLIMATE-FEVER claim"):
        load_claims(bad)
    result = CliRunner().invoke(main, ["bench", "climate-fever", str(bad)])
    assert result.exit_code == 1 and result.stderr.startswith("error:")


@pytest.mark.model
@pytest.mark.skipif(not REAL.exists(), reason="the CLIMATE-FEVER copy in ../shared is absent")
def test_the_cli_on_the_first_20_real_claims() -> None:
    result = CliRunner().invoke(
        main, ["bench", "climate-fever", str(REAL), "--limit", "20", "--json"]
    )
    assert result.exit_code == 0, result.stderr
    out = json.loads(result.stdout)
    assert set(out) >= {"retrieval", "stance", "held_out", "seconds"}
    assert set(out["retrieval"]) >= {"recall@1", "recall@5", "recall@10", "any_gold@5"}
    assert set(out["stance"]) >= {"macro_f1", "per_label", "confusion"}
    assert out["claims"] == 20 and out["stance"]["pairs"] == 100
    assert 0 < out["retrieval"]["recall@10"] <= 1
