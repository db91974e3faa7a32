"""The measures of veille against the shared gold (`make eval`): ../shared beside the repository
holds the seeds, the corpora, the gold files and the scorer (tools/score.py).

Without it the run stops at once, with one line saying what is missing and a non-zero exit: an
evaluation never passes without scoring. The fixtures are those of tests/conftest.py, on the
shared texts: the real French model, and a real store of the seeds and the dev corpus.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV = SHARED / "corpus" / "dev" / "articles.jsonl"
NEEDED = ("tools/score.py", "gold/seeds.gold.jsonl", "gold/dev.gold.jsonl", "seeds", "corpus/dev/articles.jsonl")

# Hermetic runs: the user's own actors and outlets folders (~/.veille/) must not change the results.
os.environ["VEILLE_ACTORS_DIR"] = tempfile.mkdtemp(prefix="veille-eval-actors-")
os.environ["VEILLE_OUTLETS_DIR"] = tempfile.mkdtemp(prefix="veille-eval-outlets-")


def pytest_configure(config: pytest.Config) -> None:
    missing = [name for name in NEEDED if not (SHARED / name).exists()]
    if missing:
        where = f"not found at {SHARED}" if not SHARED.is_dir() else f"{', '.join(missing)} missing in {SHARED}"
        pytest.exit(f"make eval needs ../shared (gold, corpora, tools/score.py) beside the repository: {where}",
                    returncode=2)


@pytest.fixture(scope="session")
def shared() -> Path:
    return SHARED


@pytest.fixture(scope="session")
def veille_nlp():
    from veille.nlp.pipeline import build_nlp

    return build_nlp()


def ingest(folder: Path, paths: list[Path], nlp, tables: tuple[str, ...] = ("documents", "mentions", "events")):
    """Ingest `paths` into a new store in `folder` (the real pipeline) and export `tables` as JSONL:
    returns the open store, the ingest report and {table: path}."""
    from veille.pipeline import Ingestor
    from veille.store import Store
    from veille.store.export import export

    store = Store(folder / "store.duckdb")
    report = Ingestor(store, nlp=nlp).ingest_paths(paths)
    exports = {table: folder / f"{table}.jsonl" for table in tables}
    for table, path in exports.items():
        export(store, table, "jsonl", path)
    return store, report, exports


def codes(parties: list[dict]) -> list[str]:
    """The sorted codes of an exported event's actor or recipient parties."""
    return sorted({p["code"] for p in parties if p.get("code")})


def ingest_unlabeled(folder: Path, sources: set[str], nlp) -> tuple[list[dict], dict[str, str]]:
    """The articles of ../shared/corpus/real/unlabeled.jsonl whose url is in `sources`, ingested into a new store in
    `folder` (the real pipeline): their exported events, and the document each source was stored as (an exact copy of
    an article under another url is stored once, its events under the first url: the document is what is compared)."""
    subset = folder / "articles.jsonl"
    with (SHARED / "corpus" / "real" / "unlabeled.jsonl").open(encoding="utf-8") as articles, \
            subset.open("w", encoding="utf-8") as out:
        for line in articles:
            if json.loads(line)["url"] in sources:
                out.write(line)
    store, _, exports = ingest(folder, [subset], nlp, tables=("events",))
    stored = dict(store.con.execute("SELECT source, doc_id FROM sources").fetchall())
    store.close()
    return [json.loads(line) for line in exports["events"].read_text("utf-8").splitlines()], stored


@pytest.fixture(scope="session")
def judged_press(veille_nlp, tmp_path_factory) -> tuple[list[dict], dict[str, str]]:
    """The articles of every judged sample of eval/judged/ coded again in one store (the samples and the side labels
    share it): their events, and each source's document."""
    sources = {json.loads(line)["source"] for path in (ROOT / "eval" / "judged").glob("unlabeled-sample*.jsonl")
               for line in path.read_text("utf-8").splitlines() if line.strip()}
    return ingest_unlabeled(tmp_path_factory.mktemp("judged"), sources, veille_nlp)


def score(gold: str, exports: dict[str, Path], tool: str = "score.py") -> dict:
    """The shared scorer's JSON on exported files (`score_dates.py` for dates)."""
    args = [sys.executable, str(SHARED / "tools" / tool), "--gold", str(SHARED / "gold" / gold)]
    for table, path in exports.items():
        args += [f"--{table}", str(path)]
    if tool == "score.py":
        args.append("--json")
    result = subprocess.run(args, capture_output=True, text=True, check=True)
    lines = result.stdout.strip().splitlines()
    return json.loads(lines[-1] if tool == "score.py" else lines[0])


@pytest.fixture(scope="session")
def gold_store(tmp_path_factory, veille_nlp):
    """A store holding the seeds and the dev corpus, and its exports as JSONL files."""
    folder = tmp_path_factory.mktemp("gold")
    store, report, exports = ingest(folder, [SHARED / "seeds", DEV], veille_nlp)
    yield {"store": store, "report": report, "exports": exports, "folder": folder}
    store.close()
