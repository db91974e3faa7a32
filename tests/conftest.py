"""Shared fixtures: the real French model with veille's components, and a real store built
from the project's own texts (tests/fixtures/corpus), each made once per test session.

Nothing here reads ../shared: the measures against the shared gold live in eval/ (`make eval`).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
CORPUS = FIXTURES / "corpus"  # texts written for veille's tests: two raw articles and a JSON Lines feed
ARTICLES = CORPUS / "articles"  # two articles as received: Markdown in a .txt file, and plain text with boilerplate
DEPECHES = CORPUS / "depeches.jsonl"  # 26 short dispatches: five stories told by several outlets, two copies
CORPUS_DOCUMENTS = 28
PHOENIX = FIXTURES / "phoenix"  # small dictionaries in the CAMEO/PETRARCH (Phoenix) format

# Hermetic tests: the user's own actors and outlets folders (~/.veille/) must not change the results.
os.environ["VEILLE_ACTORS_DIR"] = tempfile.mkdtemp(prefix="veille-test-actors-")
os.environ["VEILLE_OUTLETS_DIR"] = tempfile.mkdtemp(prefix="veille-test-outlets-")


@pytest.fixture(scope="session")
def bare_nlp():
    """The model as shipped, without veille's fixes (what the parser and lemmatizer read on their own)."""
    import spacy

    from veille.nlp.pipeline import MODEL

    return spacy.load(MODEL, exclude=["ner"])


@pytest.fixture(scope="session")
def nlp():
    """The model with veille's language fixes (lemmas, junctions, acronyms, attachments), none of its components."""
    from veille.nlp.pipeline import build_nlp

    return build_nlp(components=[])


@pytest.fixture(scope="session")
def veille_nlp():
    from veille.nlp.pipeline import build_nlp

    return build_nlp()


@pytest.fixture()
def every_event(veille_nlp):
    """The coder with its background filter off (`background_days` 0): for tests that date acts years old."""
    coder = veille_nlp.get_pipe("veille_events")
    kept, coder.background_days = coder.background_days, 0
    yield veille_nlp
    coder.background_days = kept


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory, veille_nlp):
    """A store holding the fixture corpus (articles and dispatches), and its exports as JSONL files."""
    from veille.pipeline import Ingestor
    from veille.store import Store
    from veille.store.export import export

    folder = tmp_path_factory.mktemp("corpus")
    store = Store(folder / "corpus.duckdb")
    report = Ingestor(store, nlp=veille_nlp).ingest_paths([ARTICLES, DEPECHES])
    exports = {}
    for table in ("documents", "mentions", "events"):
        exports[table] = folder / f"{table}.jsonl"
        export(store, table, "jsonl", exports[table])
    yield {"store": store, "report": report, "exports": exports, "folder": folder}
    store.close()


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def depeches() -> dict[str, dict]:
    """The fixture dispatches by id."""
    return {record["id"]: record for record in read_jsonl(DEPECHES)}


def store_snapshot(store) -> dict[str, list[str]]:
    """Every row of the tables an ingest writes (stories included), sorted, times of writing left out."""
    out = {}
    for table in ("documents", "mentions", "events", "sentences", "sources", "stories", "merged_events"):
        rows = []
        for row in store.iter_rows(table):
            for name in ("ingested_at", "seen_at", "created_at", "updated_at", "merged_at"):
                row.pop(name, None)
            rows.append(json.dumps(row, sort_keys=True, default=str))
        out[table] = sorted(rows)
    return out


def package_copy(folder: Path) -> Path:
    """A copy of the veille package under ``folder``, to edit its data files; returns ``folder``."""
    shutil.copytree(ROOT / "src" / "veille", folder / "veille", ignore=shutil.ignore_patterns("__pycache__"))
    return folder


def probe(source_root: Path, script: str) -> str:
    """What ``script`` prints, run by a fresh interpreter that imports veille from ``source_root``."""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300,
                            env={**os.environ, "PYTHONPATH": str(source_root)})
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()
