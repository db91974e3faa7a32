"""Stories and merged events count their sources by outlet profile: every article of one outlet is one source,
whether its record carries a web address or an archive identifier ("courplat:501"); without a profile, by the
outlet's name, its web host or its identifier's scheme. A claim told only by a party's state media stays flagged.

The outlets and articles below were written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from veille.ingest.outlets import load_outlets
from veille.pipeline import Ingestor
from veille.store import Store
from veille.stories.merge import DocInfo, count_sources, independent_outlets, source_key

OUTLETS = """outlets:
  courrier_du_plateau: {name: Le Courrier du Plateau, domains: [courrierduplateau.example], schemes: [courplat],
                        country: FRA, language: fr, kind: private}
  voix_officielle: {name: La Voix officielle, domains: [voixofficielle.example], country: BLR, language: fr,
                    kind: state_controlled, state: BLR}
"""

ARTICLES = [
    # one event told twice by one outlet whose records are archive identifiers, and once by the state media of
    # its actor
    ("courplat:501", "2024-02-14", "La Biélorussie a livré mercredi 40 tonnes de matériel médical à la Moldavie, a "
     "indiqué le ministère moldave de la Santé. Les camions sont arrivés à Chisinau dans la matinée avec des "
     "respirateurs et des lits d'hôpital."),
    ("courplat:502", "2024-02-14", "Mercredi, la Biélorussie a livré à la Moldavie 40 tonnes de matériel médical, "
     "selon le ministère moldave de la Santé. Les respirateurs et les lits d'hôpital seront répartis entre les "
     "hôpitaux de Chisinau et de Balti."),
    ("https://www.voixofficielle.example/monde/materiel-medical-moldavie", "2024-02-14", "La Biélorussie a livré "
     "mercredi 40 tonnes de matériel médical à la Moldavie, a annoncé le ministère biélorusse des Affaires "
     "étrangères. Le convoi transportait des respirateurs et des lits d'hôpital destinés à Chisinau."),
    # one event told only by the state media of its actor, twice
    ("https://voixofficielle.example/monde/ambulances-tadjikistan", "2024-03-08", "La Biélorussie a offert vendredi "
     "douze ambulances au Tadjikistan, a déclaré l'ambassade de Biélorussie à Douchanbé. Les véhicules équiperont "
     "les hôpitaux des régions montagneuses du pays."),
    ("https://www.voixofficielle.example/monde/douze-ambulances-tadjikes", "2024-03-08", "Vendredi, la Biélorussie "
     "a offert au Tadjikistan douze ambulances, selon l'ambassade de Biélorussie à Douchanbé. Elles seront envoyées "
     "dans les hôpitaux des régions montagneuses."),
    # one event told by two outlets veille has no profile of, one of them twice
    ("https://www.gazette-des-vallons.example/monde/expulsion-diplomates", "2024-04-11", "Le Kazakhstan a expulsé "
     "jeudi deux diplomates de l'Ouzbékistan, accusés d'espionnage par le ministère kazakh des Affaires étrangères. "
     "Ils ont quitté Astana dans la soirée."),
    ("https://gazette-des-vallons.example/monde/deux-diplomates-ouzbeks-expulses", "2024-04-11", "Jeudi, le "
     "Kazakhstan a expulsé deux diplomates de l'Ouzbékistan accusés d'espionnage, selon le ministère kazakh des "
     "Affaires étrangères. Les deux hommes ont quitté Astana le soir même."),
    ("https://echo-du-lac.example/international/astana-expulse", "2024-04-11", "Le Kazakhstan a expulsé jeudi deux "
     "diplomates de l'Ouzbékistan pour espionnage, a annoncé le ministère kazakh des Affaires étrangères. Tachkent "
     "dénonce une décision injustifiée."),
]


@pytest.fixture(scope="module")
def counted_store(tmp_path_factory, veille_nlp) -> Path:
    """The articles ingested into a DuckDB file with the two outlets' profiles (closed: tests reopen it)."""
    folder = tmp_path_factory.mktemp("sources")
    (folder / "outlets").mkdir()
    (folder / "outlets" / "mine.yaml").write_text(OUTLETS, "utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("VEILLE_OUTLETS_DIR", str(folder / "outlets"))
        outlets = load_outlets()
    records = folder / "articles.jsonl"
    records.write_text("".join(json.dumps({"url": url, "title": text.split(",")[0], "published": published,
                                           "text": text}, ensure_ascii=False) + "\n"
                               for url, published, text in ARTICLES), "utf-8")
    path = folder / "store.duckdb"
    with Store(path) as store:
        report = Ingestor(store, nlp=veille_nlp, outlets=outlets).ingest_paths([records])
        assert report.new == len(ARTICLES)
    return path


def _story(store: Store, recipient: str) -> tuple[dict, dict]:
    """The story of the event whose recipient is `recipient`, and that merged event."""
    [event] = [row for row in store.iter_rows("merged_events")
               if recipient in {p["code"] for p in row["recipient"]} and row["num_documents"] > 1]
    [story] = [row for row in store.iter_rows("stories") if row["story_id"] == event["story_id"]]
    return story, event


def test_two_articles_of_one_outlet_are_one_source_whatever_their_record_identifiers(counted_store):
    with Store(counted_store, read_only=True) as store:
        outlet_ids = [row[0] for row in store.con.execute(
            "SELECT outlet_id FROM documents WHERE url LIKE 'courplat:%'").fetchall()]
        story, event = _story(store, "MDA")
    assert outlet_ids == ["courrier_du_plateau"] * 2
    assert story["num_documents"] == event["num_documents"] == 3
    # the two records of the Courrier and the state media of the actor: two sources, one independent of the parties
    assert story["num_sources"] == event["num_sources"] == 2
    assert (event["independent_sources"], event["state_media_only"]) == (1, False)


def test_a_claim_told_only_by_the_actors_state_media_is_flagged(counted_store):
    with Store(counted_store, read_only=True) as store:
        story, event = _story(store, "TJK")
    assert {p["outlet_id"] for p in event["provenance"]} == {"voix_officielle"}
    assert story["num_sources"] == event["num_sources"] == 1  # the outlet's domain with and without www.
    assert (event["independent_sources"], event["state_media_only"]) == (0, True)


def test_outlets_without_a_profile_are_counted_by_their_host(counted_store):
    with Store(counted_store, read_only=True) as store:
        story, event = _story(store, "UZB")
    assert story["num_documents"] == event["num_documents"] == 3
    assert story["num_sources"] == event["num_sources"] == 2
    assert (event["independent_sources"], event["state_media_only"]) == (2, False)


def _doc(doc_id: str, outlet: str | None, source: str | None, outlet_id: str | None = None,
         state: str | None = None) -> DocInfo:
    return DocInfo(doc_id, 0, outlet, source, "2024-05-02", doc_id, (), outlet_id, None, state)


def test_what_a_document_counts_as_without_a_profile():
    # the profile first, whatever name or address the document carries
    assert source_key(_doc("a", "Le Courrier", "courplat:1", "courrier")) == source_key(
        _doc("b", "courrierduplateau.example", "https://courrierduplateau.example/x", "courrier"))
    # else the outlet's name (case and accents folded), the web host (www. dropped), the record scheme
    assert count_sources([_doc("a", "La Dépêche des Monts", None), _doc("b", "la depeche des monts", None)]) == 1
    assert count_sources([_doc("a", None, "https://www.feuille.example/1"),
                          _doc("b", None, "https://feuille.example/2")]) == 1
    assert count_sources([_doc("a", None, "archivum:17"), _doc("b", None, "archivum:18"),
                          _doc("c", None, "registre:17")]) == 2
    # a file of its own, or nothing at all: the document itself
    assert count_sources([_doc("a", None, "/data/notes/a.txt"), _doc("b", None, "/data/notes/b.txt"),
                          _doc("c", None, None), _doc("d", None, None)]) == 4


def test_independence_is_counted_by_the_same_key():
    docs = [_doc("a", None, "archivum:1"), _doc("b", None, "archivum:2"),
            _doc("c", "Voix", "https://voix.example/1", "voix", state="BLR"),
            _doc("d", "Voix", "https://voix.example/2", "voix", state="BLR")]
    assert len(independent_outlets(docs, {"BLR", "MDA"})) == 1
    assert len(independent_outlets(docs, {"KAZ"})) == 2
