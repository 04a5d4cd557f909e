"""`check --engine ray` on a local Ray with 2 CPUs writes exactly what `--engine local` writes,
survives a killed worker and an interrupt, and fails in one line on an unreachable cluster."""

from __future__ import annotations

import contextlib
import functools
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from claimcheck.check import check
from claimcheck.check.engine import LocalEngine, make_engine
from claimcheck.check.ray_engine import RayEngine
from claimcheck.cli import main
from claimcheck.embed import Embedder
from claimcheck.errors import EngineError
from claimcheck.ingest import ingest_paths
from claimcheck.store import connect
from tests.check.test_check import NoModel
from tests.conftest import EVIDENCE, SEEDS, imported_by
from tests.fakes import BagOfWordsEmbedder, GatedEmbedder

pytestmark = pytest.mark.ray

Rows = dict[str, list[tuple[Any, ...]]]
STORED = {
    "evidence": "SELECT claim_id, passage_id, rank, similarity, lexical, stance, score, reason, "
    "kind, embedding_model, stance_model FROM evidence ORDER BY claim_id, rank",
    "claim_checks": "SELECT claim_id, claim_hash, fingerprint, config FROM claim_checks "
    "ORDER BY claim_id",
    "embeddings": "SELECT content_hash, model, dim, vector FROM embeddings "
    "ORDER BY content_hash, model",
}
"""Everything a check writes, less its timestamps."""


def stored(path: Path) -> Rows:
    """What `check` stored in the database at `path`."""
    conn = sqlite3.connect(path)
    try:
        return {table: conn.execute(sql).fetchall() for table, sql in STORED.items()}
    finally:
        conn.close()


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo corpus (seeds and evidence) ingested, not yet checked."""
    path = tmp_path_factory.mktemp("ray") / "ingested.db"
    conn = connect(path)
    assert not ingest_paths(conn, [SEEDS, EVIDENCE]).failed
    conn.close()
    return path


@pytest.fixture(scope="module")
def ray_engine() -> Iterator[RayEngine]:
    """One local Ray with 2 CPUs for the module (starting Ray takes seconds)."""
    with RayEngine(workers=2) as engine:
        yield engine


def checked_copy(
    ingested: Path,
    folder: Path,
    name: str,
    make_embedder: Callable[[], Embedder] | None,
    **options: Any,
) -> Path:
    """A copy of the ingested corpus, checked with `options` (engine, on_progress)."""
    path = folder / f"{name}.db"
    shutil.copy(ingested, path)
    conn = connect(path)
    try:
        check(conn, path, make_embedder=make_embedder, **options)
    finally:
        conn.close()
    return path


@pytest.fixture(scope="module")
def local_fake(ingested: Path, tmp_path_factory: pytest.TempPathFactory) -> Rows:
    """What `local` stores with the bag-of-words embedder."""
    folder = tmp_path_factory.mktemp("local")
    return stored(checked_copy(ingested, folder, "local", BagOfWordsEmbedder))


@pytest.fixture(scope="module")
def local_real(ingested: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The corpus checked by `local` with the packaged all-MiniLM-L6-v2."""
    folder = tmp_path_factory.mktemp("local-real")
    return checked_copy(ingested, folder, "local", None, engine=LocalEngine())


@pytest.mark.model
def test_ray_stores_exactly_what_local_stores(
    ingested: Path, local_real: Path, ray_engine: RayEngine, tmp_path: Path
) -> None:
    on_ray = checked_copy(ingested, tmp_path, "ray", None, engine=ray_engine)
    expected, got = stored(local_real), stored(on_ray)
    assert len(expected["evidence"]) > 1000 and len(expected["claim_checks"]) > 100
    for table in STORED:
        assert got[table] == expected[table], table
    for path, other in ((local_real, ray_engine), (on_ray, LocalEngine())):
        conn = connect(path)
        report = check(conn, path, make_embedder=NoModel, engine=other)
        conn.close()
        assert report.claims_checked == 0 and report.passages_embedded == 0, other.name


@pytest.fixture
def ray_head(tmp_path: Path) -> Iterator[tuple[str, dict[str, str]]]:
    """A `ray start --head` cluster on 127.0.0.1 with token auth: its address and the
    environment a driver needs; stopped (its whole process group) afterwards."""
    token = tmp_path / "token"
    token.write_text("0123456789abcdef" * 4)
    env = {**os.environ, "RAY_AUTH_MODE": "token", "RAY_AUTH_TOKEN_PATH": str(token)}
    port = _closed_port()
    temp = Path(tempfile.mkdtemp(prefix="cc-ray-"))  # short: Ray's socket paths have a limit
    head = subprocess.Popen(
        [
            *(Path(sys.executable).parent / "ray", "start", "--head", "--block"),
            *("--node-ip-address", "127.0.0.1", "--port", str(port), "--num-cpus", "2"),
            *("--disable-usage-stats", "--include-dashboard", "false", "--temp-dir", str(temp)),
        ],
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while head.poll() is None and time.monotonic() < deadline:
            with contextlib.suppress(OSError):
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            time.sleep(0.1)
        assert head.poll() is None, "ray start --head exited"
        yield f"127.0.0.1:{port}", env
    finally:
        os.killpg(head.pid, signal.SIGKILL)
        head.wait()
        shutil.rmtree(temp, ignore_errors=True)


@pytest.mark.model
def test_check_against_a_started_cluster_stores_what_local_stores(
    ingested: Path, local_real: Path, ray_head: tuple[str, dict[str, str]], tmp_path: Path
) -> None:
    address, env = ray_head
    path = tmp_path / "cluster.db"
    shutil.copy(ingested, path)
    argv: list[str | Path] = [Path(sys.executable).parent / "claimcheck", "--db", path, "check"]
    proc = subprocess.run(
        [*argv, "--json", "--engine", "ray", "--address", address],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["engine"] == "ray"
    assert stored(path) == stored(local_real)


def test_a_worker_killed_mid_run_is_survived(
    ingested: Path, ray_engine: RayEngine, local_fake: Rows, tmp_path: Path
) -> None:
    gate = tmp_path / "gate"
    gate.touch()
    results: dict[str, Any] = {}

    def run() -> None:
        embedder = functools.partial(GatedEmbedder, gate)
        try:
            results["path"] = checked_copy(ingested, tmp_path, "ray", embedder, engine=ray_engine)
        except BaseException as error:  # reported by the assertion below
            results["error"] = error

    runner = threading.Thread(target=run)
    runner.start()
    pid_file = gate.with_suffix(".pid")
    deadline = time.monotonic() + 120
    while not pid_file.exists() and runner.is_alive() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert pid_file.exists(), results
    os.kill(int(pid_file.read_text()), signal.SIGKILL)  # an embedding actor, mid-chunk
    gate.unlink()
    runner.join(timeout=300)
    assert "error" not in results, results["error"]
    assert stored(results["path"]) == local_fake


def test_an_interrupted_check_keeps_what_it_stored_and_resumes(
    ingested: Path, ray_engine: RayEngine, local_fake: Rows, tmp_path: Path
) -> None:
    def interrupt(stage: str, done: int, total: int) -> None:
        if stage == "check" and done == 40:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        checked_copy(
            ingested, tmp_path, "ray", BagOfWordsEmbedder, engine=ray_engine, on_progress=interrupt
        )
    path = tmp_path / "ray.db"
    assert len(stored(path)["claim_checks"]) == 40
    conn = connect(path)
    resumed = check(conn, path, make_embedder=NoModel, engine=ray_engine)
    conn.close()
    assert resumed.claims_checked == len(local_fake["claim_checks"]) - 40
    assert resumed.passages_embedded == 0
    assert stored(path) == local_fake


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def test_an_unreachable_cluster_is_a_one_line_error(ingested: Path, tmp_path: Path) -> None:
    path = tmp_path / "copy.db"
    shutil.copy(ingested, path)
    address = f"127.0.0.1:{_closed_port()}"
    proc = subprocess.run(
        [Path(sys.executable).parent / "claimcheck", "--db", path, "check", "--engine", "ray"],
        env={**os.environ, "CLAIMCHECK_RAY_ADDRESS": address},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 1
    assert proc.stderr.strip() == f"error: ray cluster at {address} cannot be reached: " + (
        "[Errno 111] Connection refused"
    )
    assert stored(path) == stored(ingested)


def test_engine_options_are_checked() -> None:
    with pytest.raises(EngineError, match="engine must be local or ray"):
        make_engine("spark")
    with pytest.raises(EngineError, match="HOST:PORT"):
        make_engine("ray", address="localhost")
    result = CliRunner().invoke(main, ["check", "--workers", "2"])
    assert result.exit_code == 2 and "need --engine ray" in result.output


def test_ray_is_imported_only_when_the_ray_engine_runs() -> None:
    _, imported = imported_by([["check", "--help"], ["check", "--engine", "nope"]], ["ray"])
    assert imported == []
    script = "import sys, claimcheck.check.ray_engine; print('ray' in sys.modules)"
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert proc.stdout.strip() == "False", proc.stderr
