"""Shared fixtures: the real French model with veille's components, and a real store
built from ../shared (seeds and dev corpus), each made once per test session."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
DEV = SHARED / "corpus" / "dev" / "articles.jsonl"
GOLD = SHARED / "gold"

# Hermetic tests: the user's own actors folder (~/.veille/actors) must not change the results.
os.environ["VEILLE_ACTORS_DIR"] = tempfile.mkdtemp(prefix="veille-test-actors-")


@pytest.fixture(scope="session")
def veille_nlp():
    from veille.nlp.pipeline import build_nlp

    return build_nlp()


@pytest.fixture(scope="session")
def gold_store(tmp_path_factory, veille_nlp):
    """A store holding the seeds and the dev corpus, and its exports as JSONL files."""
    from veille.pipeline import Ingestor
    from veille.store import Store
    from veille.store.export import export

    folder = tmp_path_factory.mktemp("gold")
    store = Store(folder / "gold.duckdb")
    report = Ingestor(store, nlp=veille_nlp).ingest_paths([SEEDS, DEV])
    exports = {}
    for table in ("documents", "mentions", "events"):
        exports[table] = folder / f"{table}.jsonl"
        export(store, table, "jsonl", exports[table])
    yield {"store": store, "report": report, "exports": exports, "folder": folder}
    store.close()


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
