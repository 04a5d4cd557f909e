"""Embedding backends: the ONNX export gives sentence-transformers' vectors without torch."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from claimcheck.embed import DEFAULT_MODEL, StoredEmbedder, load_embedder, model_path
from claimcheck.embed.onnx import OnnxEmbedder, supported
from claimcheck.embed.sentence_transformer import SentenceTransformerEmbedder
from claimcheck.errors import ModelError
from claimcheck.store import connect
from tests.conftest import SEEDS
from tests.fakes import BagOfWordsEmbedder

TEXTS = [
    "North Korea has sent over 15,000 troops to Russia.",
    "Pyongyang launched a satellite on 23 November 2023 🚀 — 평양, موسكو.",
    "short",
    " ".join(["The agency said the deployment continued through the winter."] * 40),  # > 256
]
PACKAGED = Path(model_path(DEFAULT_MODEL))


@pytest.mark.model
def test_onnx_vectors_equal_sentence_transformers_vectors(tmp_path: Path) -> None:
    torch_vectors = SentenceTransformerEmbedder().encode(TEXTS)
    onnx = OnnxEmbedder(DEFAULT_MODEL, PACKAGED)
    onnx_vectors = onnx.encode(TEXTS, batch_size=3)
    assert onnx_vectors.shape == torch_vectors.shape == (4, 384)
    cosines = np.sum(onnx_vectors * torch_vectors, axis=1)
    assert cosines.min() > 0.9999, cosines
    assert np.allclose(np.linalg.norm(onnx_vectors, axis=1), 1.0, atol=1e-5)


@pytest.mark.model
def test_the_export_is_cached_and_reused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMCHECK_CACHE", str(tmp_path / "cache"))
    first = OnnxEmbedder(DEFAULT_MODEL, PACKAGED)
    (exported,) = (tmp_path / "cache" / "onnx").glob("*.onnx")
    stamp = exported.stat().st_mtime_ns
    second = OnnxEmbedder(DEFAULT_MODEL, PACKAGED)
    assert exported.stat().st_mtime_ns == stamp
    assert np.allclose(first.encode(TEXTS[:2]), second.encode(TEXTS[:2]))


def test_only_mean_pooled_models_are_supported(tmp_path: Path) -> None:
    assert supported(PACKAGED)
    folder = tmp_path / "cls"
    shutil.copytree(PACKAGED, folder, ignore=shutil.ignore_patterns("model.safetensors"))
    (folder / "model.safetensors").write_bytes(b"")
    assert supported(folder)
    pooling = folder / "1_Pooling" / "config.json"
    config = json.loads(pooling.read_text())
    config.update(pooling_mode_mean_tokens=False, pooling_mode_cls_token=True)
    pooling.write_text(json.dumps(config))
    assert not supported(folder)
    with pytest.raises(ModelError, match="not a mean-pooled transformer"):
        OnnxEmbedder("cls", folder)
    with pytest.raises(ModelError, match="ONNX backend cannot run it"):
        load_embedder(str(folder), backend="onnx")


def test_backend_choice_is_validated() -> None:
    with pytest.raises(ModelError, match="backend must be"):
        load_embedder(DEFAULT_MODEL, backend="tpu")
    with pytest.raises(ModelError, match="int8 models run on the torch backend"):
        load_embedder(DEFAULT_MODEL + "+int8", backend="onnx")


@pytest.mark.model
def test_auto_picks_onnx_and_torch_is_available_on_request() -> None:
    assert isinstance(load_embedder(DEFAULT_MODEL), OnnxEmbedder)
    assert isinstance(load_embedder(DEFAULT_MODEL, backend="torch"), SentenceTransformerEmbedder)


@pytest.mark.model
def test_a_cold_check_with_the_onnx_backend_never_imports_torch(tmp_path: Path) -> None:
    OnnxEmbedder(DEFAULT_MODEL, PACKAGED)  # make sure the export is in the cache
    db = tmp_path / "cold.db"
    script = (
        "import sys\nfrom claimcheck.cli import main\n"
        "for args in (['ingest', sys.argv[2]], ['check']):\n"
        "    try:\n        main(['--db', sys.argv[1], *args], standalone_mode=False)\n"
        "    except SystemExit:\n        pass\n"
        "print(sorted(m for m in ('torch', 'transformers', 'sentence_transformers')"
        " if m in sys.modules), file=sys.stderr)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script, str(db), str(SEEDS)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "texts embedded" in proc.stdout
    assert proc.stderr.strip().splitlines()[-1] == "[]"


def test_stored_embedder_embeds_each_text_once(tmp_path: Path) -> None:
    conn = connect(tmp_path / "stored.db")
    inner = BagOfWordsEmbedder()
    stored = StoredEmbedder(conn, "fake-bow", lambda: inner)
    first = stored.encode(["troops sent", "containers shipped"])
    again = stored.encode(["containers shipped", "troops sent"])
    assert inner.calls == 1
    assert np.allclose(first[::-1], again)


@pytest.mark.model
def test_an_unusable_cache_falls_back_to_torch_unless_onnx_was_asked_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("CLAIMCHECK_CACHE", str(blocker))
    assert isinstance(load_embedder(DEFAULT_MODEL), SentenceTransformerEmbedder)
    with pytest.raises(ModelError, match="ONNX backend failed"):
        load_embedder(DEFAULT_MODEL, backend="onnx")
