"""The ingest flow end to end: real files, the real model, a real DuckDB file."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import ARTICLES, CORPUS_DOCUMENTS, DEPECHES, ROOT, read_jsonl

from veille.pipeline import Ingestor
from veille.store import Store
from veille.store.export import export


def test_the_fixture_corpus_gives_28_documents(corpus_store):
    report = corpus_store["report"]
    assert report.new == CORPUS_DOCUMENTS == 28, report.as_dict()
    assert report.failed == 0
    docs = {Path(d["source"]).name if "://" not in d["source"] else d["source"]: d
            for d in read_jsonl(corpus_store["exports"]["documents"])}
    assert len(docs) == CORPUS_DOCUMENTS
    assert all(d["lang"] == "fr" and d["status"] == "parsed" for d in docs.values())


def test_article_metadata_and_clean_text(corpus_store):
    docs = read_jsonl(corpus_store["exports"]["documents"])
    by_name = {Path(d["source"]).name: d for d in docs}
    blog = next(d for name, d in by_name.items() if name.startswith("01_"))
    assert blog["title"] == "Kazakhstan : Tokaïev regarde vers Ankara sans froisser Moscou"
    assert blog["byline"] == "Hélène Varga"
    assert blog["published"] == "2024-10-09" and blog["published_precision"] == "day"
    for residue in ("**", "](", "<http", "### "):
        assert residue not in blog["text"]
    monde = next(d for name, d in by_name.items() if name.startswith("02_"))
    for boilerplate in ("Il vous reste", "réservée aux abonnés", "apparu en premier sur", "Monde Actualités"):
        assert boilerplate not in monde["text"]
    assert "\nSource\n" not in monde["text"]


def test_mentions_point_into_the_exported_text(corpus_store):
    texts = {d["doc_id"]: d["text"] for d in read_jsonl(corpus_store["exports"]["documents"])}
    mentions = read_jsonl(corpus_store["exports"]["mentions"])
    assert len(mentions) > 300
    for mention in mentions:
        assert texts[mention["doc_id"]][mention["start"]:mention["end"]] == mention["text"]
    store = corpus_store["store"]
    sentences = store.con.execute("SELECT count(*) FROM sentences").fetchone()[0]
    assert sentences > 120


def test_reingesting_adds_nothing(corpus_store, veille_nlp):
    store = corpus_store["store"]
    before = store.counts()
    report = Ingestor(store, nlp=veille_nlp).ingest_paths([ARTICLES, DEPECHES])
    assert report.new == 0 and report.duplicates == CORPUS_DOCUMENTS and report.failed == 0
    after = store.counts()
    assert after == before


def test_other_languages_are_stored_unsupported(tmp_path, veille_nlp):
    english = tmp_path / "en.txt"
    english.write_text("The president asked the alliance for help as protesters stormed the buildings "
                       "of the government in the largest city of the country on Wednesday.", "utf-8")
    store = Store(tmp_path / "s.duckdb")
    report = Ingestor(store, nlp=veille_nlp).ingest_paths([english])
    assert report.new == 1 and report.unsupported == 1
    (doc,) = store.iter_rows("documents")
    assert doc["lang"] == "en" and doc["status"] == "unsupported"
    assert store.counts()["mentions"] == 0


def _corpus(path: Path, n: int) -> Path:
    records = read_jsonl(DEPECHES)
    with path.open("w", encoding="utf-8") as handle:
        for i in range(n):
            record = dict(records[i % len(records)])
            record["id"] = f"gen-{i}"
            record["url"] = f"https://example.org/gen/{i}"
            record["text"] = f"Dépêche numéro {i} de la série. {record['text']}"
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def _comparable(store: Store) -> dict[str, list]:
    out = {}
    for table in ("documents", "mentions", "events", "sentences"):
        rows = list(store.iter_rows(table))
        for row in rows:
            row.pop("ingested_at", None)
        out[table] = sorted(json.dumps(r, sort_keys=True, default=str) for r in rows)
    return out


CHILD = """
import sys
from veille.pipeline import Ingestor
from veille.store import Store

seen = [0]
def tell(report):
    if report.new != seen[0]:
        seen[0] = report.new
        print(report.new, flush=True)

Ingestor(Store(sys.argv[1]), batch_size=8).ingest_paths([sys.argv[2]], progress=tell)
"""


def test_killed_ingest_is_consistent_and_rerun_completes(tmp_path, veille_nlp):
    corpus = _corpus(tmp_path / "corpus.jsonl", 90)
    killed_db = tmp_path / "killed.duckdb"
    process = subprocess.Popen([sys.executable, "-c", CHILD, str(killed_db), str(corpus)], cwd=ROOT,
                               stdout=subprocess.PIPE, text=True, start_new_session=True)
    # wait until two batches have been committed, then kill without warning, mid-batch
    committed = [int(process.stdout.readline()) for _ in range(2)]
    assert committed == [8, 16]
    time.sleep(0.5)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()

    with Store(killed_db) as store:
        partial = store.counts()
        assert 0 < partial["documents"] < 90
        # every stored document has its sentences: batches are all or nothing
        orphans = store.con.execute(
            "SELECT count(*) FROM documents d WHERE status = 'parsed' AND NOT EXISTS "
            "(SELECT 1 FROM sentences s WHERE s.doc_id = d.doc_id)").fetchone()[0]
        assert orphans == 0
        report = Ingestor(store, nlp=veille_nlp, batch_size=8).ingest_paths([corpus])
        assert report.new + partial["documents"] == 90
        resumed = _comparable(store)

    with Store(tmp_path / "clean.duckdb") as store:
        Ingestor(store, nlp=veille_nlp, batch_size=8).ingest_paths([corpus])
        assert _comparable(store) == resumed


def test_export_files_are_what_the_scorer_reads(corpus_store, tmp_path):
    store = corpus_store["store"]
    out = tmp_path / "events.csv"
    export(store, "events", "csv", out)
    assert out.read_text("utf-8").splitlines()[0].startswith("event_id,doc_id,source,type")


def test_doc_text_is_kept_once_and_equals_spacy_text():
    import spacy

    from veille.nlp.extensions import TEXT_KEY, doc_text

    nlp = spacy.blank("fr")
    doc = nlp.make_doc("Le Kazakhstan  a demandé l'aide de l'OTSC.\n")
    assert TEXT_KEY not in doc.user_data
    assert doc_text(doc) == doc.text == "Le Kazakhstan  a demandé l'aide de l'OTSC.\n"
    assert doc.user_data[TEXT_KEY] == doc.text
    restored = type(doc)(nlp.vocab).from_bytes(doc.to_bytes())  # n_process ships Docs as bytes
    assert restored.user_data[TEXT_KEY] == doc.text


def test_a_negated_events_reporter_is_exported(tmp_path, veille_nlp):
    """reported_by goes through the store to the export for every status, not only for reported events: the
    minister who denies a strike is who tells the negated strike."""
    feed = tmp_path / "denial.jsonl"
    feed.write_text(json.dumps({
        "id": "D1", "url": "https://example.org/dementi", "published": "2024-03-12",
        "text": "Le ministre russe de la Défense a affirmé mardi que l'armée russe n'avait pas bombardé Kharkiv. "
                "Selon le ministère ukrainien, l'armée russe a bombardé Soumy."}, ensure_ascii=False) + "\n", "utf-8")
    store = Store(tmp_path / "denial.duckdb")
    try:
        Ingestor(store, nlp=veille_nlp).ingest_paths([feed])
        export(store, "events", "jsonl", tmp_path / "events.jsonl")
    finally:
        store.close()
    events = {e["status"]: e for e in read_jsonl(tmp_path / "events.jsonl") if e["type"] == "ASSAULT"}
    assert set(events) == {"negated", "reported"}, events
    assert events["negated"]["reported_by"]["code"] == "RUS", events
    assert events["reported"]["reported_by"]["code"] == "UKR", events
