"""The package layout: core packages load no heavy or front-end library; SQL stays in store."""

from __future__ import annotations

import ast
import json
import subprocess
import sys

from tests.conftest import ROOT

CORE = [
    "claimcheck.models",
    "claimcheck.errors",
    "claimcheck.config",
    "claimcheck.text",
    "claimcheck.extract",
    "claimcheck.store",
    "claimcheck.embed",
    "claimcheck.search",
    "claimcheck.stance",
    "claimcheck.check",
    "claimcheck.ingest",
    "claimcheck.report",
    "claimcheck.benchmark",
]
HEAVY = [
    "textual",
    "click",
    "torch",
    "faiss",
    "onnxruntime",
    "sentence_transformers",
    "spacy",
    "ray",
]
SQL_METHODS = {"execute", "executemany", "executescript"}


def _loaded_after_importing(modules: list[str]) -> list[str]:
    script = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    module = importlib.import_module(name)\n"
        "    for sub in getattr(module, '__all__', []):\n"
        "        getattr(module, sub)\n"
        f"print(json.dumps(sorted(m for m in {HEAVY!r} if m in sys.modules)))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    loaded: list[str] = json.loads(proc.stdout)
    return loaded


def test_every_core_package_imports_without_front_ends_or_models() -> None:
    assert _loaded_after_importing(CORE) == []


def test_every_core_module_imports_without_front_ends_or_models() -> None:
    package = ROOT / "claimcheck"
    modules = [
        "claimcheck." + ".".join(path.relative_to(package).with_suffix("").parts)
        for path in sorted(package.rglob("*.py"))
        if path.name != "__init__.py" and path.parts[len(package.parts)] not in ("cli", "tui")
    ]
    assert len(modules) > 40
    assert _loaded_after_importing(modules) == []


def _sql_calls(path_text: str) -> list[int]:
    tree = ast.parse(path_text)
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in SQL_METHODS
    ]


def test_no_module_outside_store_runs_sql() -> None:
    package = ROOT / "claimcheck"
    offenders = {
        str(path.relative_to(ROOT)): lines
        for path in sorted(package.rglob("*.py"))
        if "store" not in path.relative_to(package).parts[:1]
        and (lines := _sql_calls(path.read_text(encoding="utf-8")))
    }
    assert offenders == {}


def test_the_sql_check_sees_a_statement() -> None:
    assert _sql_calls("conn.execute('SELECT 1')\nx.executemany('x', [])\n") == [1, 2]
