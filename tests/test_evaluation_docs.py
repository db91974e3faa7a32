"""The gold sets are parsed as the ingest parses documents (evaluation.gold_documents, nlp.pipeline.make_doc): linked
to their outlets, whose country is the doc's home state. The confidence model is trained on docs made so, and the
evaluation scripts (events/evaluate.py, actors/evaluate.py) measure docs made so."""

from __future__ import annotations

import json
from pathlib import Path

from veille.actors.evaluate import link
from veille.evaluation import gold_documents, ingested_gold
from veille.events.evaluate import run
from veille.ingest.outlets import load_outlets
from veille.pipeline import make_doc

TEXT = "Le gouvernement a promis jeudi une aide aux éleveurs de chèvres touchés par la grêle."


def _shared(tmp_path: Path) -> Path:
    folder = tmp_path / "shared" / "corpus" / "dev"
    folder.mkdir(parents=True)
    records = [{"url": "https://www.belga.be/fr/eleveurs-grele", "title": "Grêle", "published": "2024-05-16",
                "text": TEXT},
               {"url": "https://example.invalid/grele", "title": "Grêle", "published": "2024-05-16", "text": TEXT}]
    (folder / "articles.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    return tmp_path / "shared"


def test_gold_documents_are_linked_to_their_outlets_as_the_ingest_links_them(tmp_path) -> None:
    shared = _shared(tmp_path)
    linked = gold_documents(shared, "dev", load_outlets())
    assert [key for key, _ in linked] == ["https://www.belga.be/fr/eleveurs-grele", "https://example.invalid/grele"]
    assert [d.outlet_country for _, d in linked] == ["BEL", None]  # an outlet veille does not know: no home
    assert all(d.outlet_country is None for _, d in gold_documents(shared, "dev"))  # no outlets given: unlinked
    key, document = linked[0]
    assert (key, document.text, document.published) == ("https://www.belga.be/fr/eleveurs-grele", TEXT, "2024-05-16")


def test_a_gold_doc_is_made_with_its_home_state(tmp_path, veille_nlp) -> None:
    (_, belgian), (_, unknown) = gold_documents(_shared(tmp_path), "dev", load_outlets())
    doc = make_doc(veille_nlp, belgian)
    assert doc._.home == "BEL" and doc._.published == "2024-05-16"
    assert make_doc(veille_nlp, unknown)._.home is None
    # the home state is what the government of a text that names no state is
    events = veille_nlp(doc)._.events
    assert events and {p["code"] for e in events for p in e["actor"]} == {"BEL"}, events


def test_the_evaluation_scripts_parse_the_gold_docs_with_their_home_state(tmp_path, veille_nlp) -> None:
    documents = ingested_gold(_shared(tmp_path), "dev")
    assert [d.outlet_country for _, d in documents] == ["BEL", None]
    # the events script: the Belgian outlet's government is Belgium's, the unknown outlet's nobody's
    run(veille_nlp, documents, tmp_path / "events.jsonl")
    events = [json.loads(line) for line in (tmp_path / "events.jsonl").read_text("utf-8").splitlines()]
    codes = {(e["source"], p.get("code")) for e in events for p in e["actor"]}
    assert ("https://www.belga.be/fr/eleveurs-grele", "BEL") in codes
    assert all(code is None for source, code in codes if source == "https://example.invalid/grele"), codes
    # the linker's script: the same mention linked to the home state
    mentions, texts = link(veille_nlp, documents)
    assert [t["text"] for t in texts] == [TEXT, TEXT]
    government = {m["source"]: m["code"] for m in mentions if m["text"] == "gouvernement"}
    assert government["https://www.belga.be/fr/eleveurs-grele"] == "BEL"
    assert government["https://example.invalid/grele"] is None
