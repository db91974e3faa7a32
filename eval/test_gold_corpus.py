"""The ingest flow on the shared seeds and dev corpus: every document in, metadata and clean text of
the real articles, mentions that point into the text, and a second ingest that adds nothing.
tests/test_pipeline.py checks the same on the project's fixture corpus."""

from __future__ import annotations

import json
from pathlib import Path

from veille.pipeline import Ingestor

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEV = SHARED / "corpus" / "dev" / "articles.jsonl"


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def test_seeds_and_dev_give_43_documents(gold_store):
    report = gold_store["report"]
    assert report.new == 43, report.as_dict()
    assert report.failed == 0
    docs = {Path(d["source"]).name if "://" not in d["source"] else d["source"]: d
            for d in read_jsonl(gold_store["exports"]["documents"])}
    assert len(docs) == 43
    assert all(d["lang"] == "fr" and d["status"] == "parsed" for d in docs.values())


def test_seed_metadata_and_clean_text(gold_store):
    docs = read_jsonl(gold_store["exports"]["documents"])
    by_name = {Path(d["source"]).name: d for d in docs}
    blog = next(d for name, d in by_name.items() if name.startswith("002_"))
    assert blog["title"] == "Kazakhstan : Poutine se méfie de la Turquie aux dents longues"
    assert blog["byline"] == "Jules Ferry"
    assert blog["published"] == "2022-01-11" and blog["published_precision"] == "day"
    for residue in ("**", "](", "<http", "### "):
        assert residue not in blog["text"]
    monde = next(d for name, d in by_name.items() if name.startswith("000_"))
    for boilerplate in ("Il vous reste", "réservée aux abonnés", "apparu en premier sur"):
        assert boilerplate not in monde["text"]
    assert "\nSource\n" not in monde["text"]


def test_mentions_point_into_the_exported_text(gold_store):
    texts = {d["doc_id"]: d["text"] for d in read_jsonl(gold_store["exports"]["documents"])}
    mentions = read_jsonl(gold_store["exports"]["mentions"])
    assert len(mentions) > 300
    for mention in mentions:
        assert texts[mention["doc_id"]][mention["start"]:mention["end"]] == mention["text"]
    store = gold_store["store"]
    sentences = store.con.execute("SELECT count(*) FROM sentences").fetchone()[0]
    assert sentences > 200


def test_reingesting_adds_nothing(gold_store, veille_nlp):
    store = gold_store["store"]
    before = store.counts()
    report = Ingestor(store, nlp=veille_nlp).ingest_paths([SHARED / "seeds", DEV])
    assert report.new == 0 and report.duplicates == 43 and report.failed == 0
    after = store.counts()
    assert after == before
