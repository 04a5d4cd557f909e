"""The optional NLI signal, through a tiny cross-encoder the test builds (no weights download)."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.check import CheckConfig, check
from claimcheck.errors import ModelError
from claimcheck.ingest import ingest_paths
from claimcheck.stance import Stance
from claimcheck.stance.nli import NliModel
from claimcheck.stance.rules import STANCE_VERSION
from claimcheck.store import connect
from tests.conftest import EVIDENCE, SEEDS
from tests.fakes import BagOfWordsEmbedder

WORDS = [
    "north",
    "korea",
    "russia",
    "sent",
    "troops",
    "launched",
    "a",
    "satellite",
    "on",
    "november",
    "the",
    "of",
    "to",
]


def tiny_cross_encoder(folder: Path, labels: list[str], favoured: str) -> Path:
    """A one-layer BERT sequence classifier whose bias makes `favoured` near-certain."""
    import torch
    from transformers import BertConfig, BertForSequenceClassification, BertTokenizer

    folder.mkdir(parents=True)
    vocab = folder / "vocab.txt"
    vocab.write_text("\n".join(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *WORDS]) + "\n")
    BertTokenizer(str(vocab)).save_pretrained(folder)
    config = BertConfig(
        vocab_size=len(WORDS) + 5,
        hidden_size=16,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=32,
        max_position_embeddings=64,
    )
    config.id2label = dict(enumerate(labels))
    config.label2id = {label: i for i, label in enumerate(labels)}
    model = BertForSequenceClassification(config)
    with torch.no_grad():
        model.classifier.weight.zero_()
        model.classifier.bias.copy_(torch.tensor([8.0 if x == favoured else 0.0 for x in labels]))
    model.save_pretrained(folder)
    return folder


RELATED = Stance("related", 0.5, "related: similarity 0.50", structured=False)
NLI_LABELS = ["contradiction", "entailment", "neutral"]


def test_a_confident_entailment_turns_related_into_support(tmp_path: Path) -> None:
    model = NliModel(str(tiny_cross_encoder(tmp_path / "nli", NLI_LABELS, "entailment")))
    probs = model.probabilities([("North Korea sent troops", "troops were sent")])[0]
    assert probs["entailment"] > 0.99 and set(probs) == set(NLI_LABELS)
    refined = model.refine("troops were sent", "North Korea sent troops", RELATED)
    assert (refined.label, refined.kind) == ("supports", "statement")
    assert refined.reason.startswith("statement: NLI entailment 1.00")


def test_a_confident_contradiction_turns_related_into_contradiction(tmp_path: Path) -> None:
    model = NliModel(str(tiny_cross_encoder(tmp_path / "nli", NLI_LABELS, "contradiction")))
    refined = model.refine("a satellite launched", "no satellite launched", RELATED)
    assert (refined.label, refined.kind) == ("contradicts", "statement")


def test_nli_never_overrides_a_structured_finding_or_an_unsure_one(tmp_path: Path) -> None:
    model = NliModel(str(tiny_cross_encoder(tmp_path / "nli", NLI_LABELS, "contradiction")))
    figure = Stance("supports", 0.9, "same figure: over 1,000 containers", "figure")
    assert model.refine("a", "b", figure) is figure
    unsure = NliModel(str(tiny_cross_encoder(tmp_path / "flat", NLI_LABELS, "none")))
    assert unsure.refine("a", "b", RELATED) == RELATED


def test_a_model_without_entailment_labels_is_refused(tmp_path: Path) -> None:
    folder = tiny_cross_encoder(tmp_path / "sentiment", ["negative", "positive"], "positive")
    with pytest.raises(ModelError, match="must label entailment and contradiction"):
        NliModel(str(folder))
    with pytest.raises(ModelError, match="cannot load NLI model"):
        NliModel(str(tmp_path / "missing"))


def test_check_with_an_nli_model_records_it_with_each_suggestion(tmp_path: Path) -> None:
    nli = tiny_cross_encoder(tmp_path / "nli", NLI_LABELS, "entailment")
    path = tmp_path / "nli.db"
    conn = connect(path)
    ingest_paths(conn, [SEEDS, EVIDENCE])
    config = CheckConfig(model="fake-bow", nli_model=str(nli))
    report = check(conn, path, config, make_embedder=BagOfWordsEmbedder)
    assert not any("no NLI model" in m for m in report.messages)
    models = {r[0] for r in conn.execute("SELECT DISTINCT stance_model FROM evidence")}
    assert models == {f"{STANCE_VERSION}+nli:{nli}"}
    reasons = [r[0] for r in conn.execute("SELECT reason FROM evidence WHERE stance='supports'")]
    assert any(reason.startswith("statement: NLI entailment") for reason in reasons)
    without = check(conn, path, CheckConfig(model="fake-bow"), make_embedder=BagOfWordsEmbedder)
    assert without.messages == [
        "stance: no NLI model configured; using structured comparison and similarity"
    ]
