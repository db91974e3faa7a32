"""The document topic model (events/topic.py): is an article about politics? Texts written for veille."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from veille.events.confidence import POLITICS_EDGES, bucket
from veille.events.testing import code, of_type
from veille.events.topic import TopicModel, doc_terms, term_features

ROOT = Path(__file__).resolve().parents[1]

DIPLOMACY = (
    "Le ministre turc des Affaires étrangères a condamné mardi les sanctions imposées par Washington contre "
    "Ankara. Le Parlement a voté une résolution, et le gouvernement a convoqué l'ambassadeur américain. "
    "L'opposition accuse le président de mener une politique dangereuse avant les élections législatives. "
    "A Bruxelles, les diplomates européens redoutent une crise durable au sein de l'Otan, tandis que Moscou "
    "propose une médiation. Le Premier ministre a promis une réponse ferme si le Congrès adopte de nouvelles "
    "mesures contre l'armée turque déployée en Syrie."
)
FOOTBALL = (
    "Le club a remporté le match trois buts à un grâce à un doublé de son attaquant, auteur d'une attaque "
    "superbe en seconde période. L'entraîneur a salué la performance de ses joueurs avant la finale de la "
    "coupe, dimanche au stade, devant quarante mille supporters. Le gardien, blessé à la cheville lors de "
    "l'entraînement, devrait manquer la rencontre. Les supporters ont chanté pendant toute la soirée, et le "
    "capitaine a soulevé le trophée sous les applaudissements du public et des familles venues nombreuses."
)


def test_the_installed_model_is_trained() -> None:
    model = TopicModel.load()
    assert model.trained and len(model.weights) > 1000


@pytest.mark.parametrize(("text", "politics"), [(DIPLOMACY, True), (FOOTBALL, False)])
def test_a_dispatch_on_diplomacy_is_politics_a_match_report_is_not(veille_nlp, text: str, politics: bool) -> None:
    doc = veille_nlp(text)
    assert doc._.politics is not None
    assert (doc._.politics >= 0.5) is politics, doc._.politics


def test_the_coder_reads_the_document_topic_as_a_confidence_feature(veille_nlp) -> None:
    coder = veille_nlp.get_pipe("veille_events")
    keep = coder.keep_features
    coder.keep_features = True
    try:
        doc = veille_nlp(DIPLOMACY)
    finally:
        coder.keep_features = keep
    assert doc._.events
    expected = f"politics={bucket(doc._.politics, POLITICS_EDGES)}"
    assert all(event["_features"].get(expected) == 1.0 for event in doc._.events)


def test_the_confidence_model_learnt_that_events_of_other_news_are_less_often_right() -> None:
    from veille.events.confidence import ConfidenceModel

    weights = ConfidenceModel.load().weights
    assert weights.get("politics=0", 0.0) < weights.get(f"politics={len(POLITICS_EDGES)}", 0.0)


def test_a_text_too_short_to_tell_has_no_topic(veille_nlp) -> None:
    assert veille_nlp("En Syrie, un bombardement a fait 24 morts dans un marché d'Idleb.")._.politics is None


def test_term_features_have_unit_length() -> None:
    features = term_features({"ministre", "sanction", "voter", "parlement"})
    assert sum(v * v for v in features.values()) == pytest.approx(1.0)
    assert term_features(set()) == {}


# a document's politics probability from a few hundred of the model's terms, printed exactly
_PROBABILITY = ("from veille.events.topic import TopicModel, terms\n"
                "model = TopicModel.load()\n"
                "print(model.probability(terms(sorted(model.weights)[::37])).hex())")


def test_the_politics_probability_does_not_depend_on_the_hash_seed() -> None:
    # the terms are a set, whose order follows the hash seed; a sum of floats in another order differs in
    # its last bits, enough to move a document across a floor
    values = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT / "src")}
        run = subprocess.run([sys.executable, "-c", _PROBABILITY], env=env, capture_output=True, text=True,
                             check=True)
        values.add(run.stdout.strip())
    assert len(values) == 1


def test_doc_terms_are_lemmas_of_content_words(veille_nlp) -> None:
    terms = doc_terms(veille_nlp("Les ministres ont condamné les sanctions de la France."))
    assert {"ministre", "condamner", "sanction"} <= terms
    assert "les" not in terms and "de" not in terms


def test_doc_terms_read_as_arrays_are_those_of_the_tokens(veille_nlp) -> None:
    # the words of three letters or more, alphabetic, of a content part of speech
    doc = veille_nlp("Le 3 mars, l'ONU et M. Kagame ont signé à Kigali un accord-cadre de 12 pages ; "
                     "les rebelles du M23 s'y opposent, disent-ils, et menacent d'en découdre.")
    expected = {t.lemma_.lower() for t in doc if t.pos_ in ("NOUN", "VERB", "ADJ", "PROPN") and t.is_alpha
                and len(t.text) >= 3 and t.lemma_}
    terms = doc_terms(doc)
    assert terms == expected and list(terms) == list(expected)
    assert {"signer", "accord", "rebelle", "menacer"} <= terms and "M23" not in terms and "ont" not in terms
    assert doc_terms(veille_nlp.make_doc("")) == set()


def test_a_model_file_given_in_the_config_is_read_and_a_broken_one_refused(tmp_path: Path) -> None:
    path = tmp_path / "topic.json"
    path.write_text(json.dumps({"bias": -1.0, "weights": {"sanction": 4.0}}), "utf-8")
    model = TopicModel.load(path)
    assert model.probability({"sanction"}) > 0.9 > 0.3 > model.probability({"ballon"})
    path.write_text('{"weights": []}', "utf-8")
    with pytest.raises(ValueError, match="not a topic model"):
        TopicModel.load(path)


@pytest.mark.parametrize("path", sorted((ROOT / "eval" / "judged").glob("politics-*.jsonl")),
                         ids=lambda p: p.stem)
def test_the_judged_documents_are_references_not_text(path: Path) -> None:
    for line in path.read_text("utf-8").splitlines():
        item = json.loads(line)
        assert set(item) == {"source", "label"}, item
        assert item["label"] in ("politics", "mixed", "other") and item["source"].startswith("orangesum:")


def test_the_topic_is_stored_with_the_document_and_an_older_store_gains_the_column(tmp_path: Path, veille_nlp) -> None:
    from veille.pipeline import Ingestor
    from veille.store import Store
    from veille.store.duckdb_store import MIGRATIONS

    corpus = tmp_path / "articles.jsonl"
    corpus.write_text("\n".join(json.dumps({"url": f"https://example.org/{name}", "title": name, "text": text,
                                            "published": "2022-03-01"}, ensure_ascii=False)
                                for name, text in (("diplomatie", DIPLOMACY), ("football", FOOTBALL),
                                                   ("breve", "Le ministre a démissionné mardi."))) + "\n", "utf-8")
    path = tmp_path / "store.duckdb"
    with Store(path) as store:
        Ingestor(store, nlp=veille_nlp).ingest_paths([corpus])
        topic = dict(store.con.execute("SELECT title, politics FROM documents").fetchall())
    assert topic["diplomatie"] >= 0.5 > topic["football"] and topic["breve"] is None
    with Store(path) as store:  # a store of version 11: no column yet
        store.con.execute("ALTER TABLE documents DROP COLUMN politics")
        store.con.execute("DELETE FROM schema_version WHERE version >= 12")
    with Store(path) as store:
        assert store.schema_version() == max(MIGRATIONS)
        assert store.con.execute("SELECT count(*) FROM documents WHERE politics IS NULL").fetchone()[0] == 3


# ordinary news: a court case on a thief (no political actor in it, no word of ordinary crime the coder reads
# in the sentence itself), and the same story told of attacks
BURGLARY = (
    "Le tribunal correctionnel de Lyon a condamné mardi un homme de 34 ans à trois ans de prison ferme pour une "
    "série de vols commis dans plusieurs villages de la région. Le prévenu, déjà connu des services "
    "de gendarmerie, dérobait des bijoux, des téléviseurs et des vélos dans des maisons inoccupées pendant les "
    "vacances scolaires. Son avocat a plaidé la relaxe pour deux des faits, sans convaincre les juges. Les "
    "victimes, une dizaine de familles, recevront des dommages et intérêts. Le procureur avait dénoncé un "
    "comportement méthodique et requis quatre ans."
)


def test_the_model_file_declares_its_floors_and_what_they_were_measured_on() -> None:
    from veille.store.queries import thresholds

    model = TopicModel.load()
    assert model.threshold is not None and model.ordinary_below is not None
    assert 0.0 < model.threshold < model.ordinary_below < 0.5
    assert "out of fold" in json.loads(Path(model.source).read_text("utf-8"))["measured"]
    assert thresholds()["min_politics"] == model.threshold


@pytest.mark.parametrize(("text", "kept"), [(BURGLARY, False), (BURGLARY.replace("vols", "attentats"), True)])
def test_in_ordinary_news_an_event_of_a_court_and_unnamed_people_is_not_emitted(veille_nlp, text: str,
                                                                                 kept: bool) -> None:
    coder = veille_nlp.get_pipe("veille_events")
    doc = veille_nlp(text)
    assert doc._.politics is not None and doc._.politics < coder.ordinary_below
    below = coder.ordinary_below
    coder.ordinary_below = None  # no frame: the court's act is coded
    try:
        unframed = veille_nlp(text)._.events
    finally:
        coder.ordinary_below = below
    assert any(p["sector"] == "JUD" for e in unframed for p in e["actor"])
    assert bool(doc._.events) is kept, doc._.events


def test_a_side_of_a_political_sector_or_a_known_actor_is_not_ordinary() -> None:
    from veille.events.coder import _ordinary_side

    assert _ordinary_side({"sector": "JUD", "actor_id": None})
    assert _ordinary_side({"sector": None, "actor_id": None})  # an unnamed person
    assert not _ordinary_side({"sector": "GOV", "actor_id": None})
    assert not _ordinary_side({"sector": "COP", "actor_id": None})  # police acts stay events
    assert not _ordinary_side({"sector": None, "actor_id": "FRA"})  # a state named


def _wounded(events: list[dict]) -> list[dict]:
    return [e for e in events if e["type"] == "ASSAULT" and e["trigger"] == "blessés"]


@pytest.mark.parametrize(("opening", "where", "kept"), [
    # a fight in the document makes wounds political violence, unless their own sentence is a fait divers
    ("Des affrontements ont opposé des bandes rivales dans la nuit à Marseille.",
     "dans un quartier miné par le trafic de drogue", False),
    ("Des affrontements ont opposé des bandes rivales dans la nuit à Marseille.", "dans un quartier du nord", True),
    # a word of political violence in the document: no sentence of it is ordinary crime
    ("Un attentat a visé la préfecture de Marseille.", "dans un quartier miné par le trafic de drogue", True),
])
def test_an_event_of_ordinary_sides_in_a_sentence_on_ordinary_crime_is_not_emitted(veille_nlp, opening: str,
                                                                                   where: str, kept: bool) -> None:
    events = code(veille_nlp, f"{opening} Trois hommes ont été blessés par balles {where}, selon la police.")
    assert bool(_wounded(events)) is kept, events


CRUISE = (
    "Le paquebot de la compagnie de croisières a quitté le port de Miami mardi avec trois mille passagers à bord. "
    "Des dizaines de serveurs et de cuisiniers ont manifesté vendredi {where}, brandissant des pancartes. "
    "Ils réclament le paiement de leurs heures supplémentaires et de meilleures cabines. "
    "La direction de l'armateur promet des primes aux équipages et une nouvelle carte pour le restaurant. "
    "Les passagers, eux, profitent des piscines, du casino et des escales aux Bahamas pendant les vacances."
)


@pytest.mark.parametrize(("where", "kept"), [("sur le pont du navire", False),
                                             ("contre le gouvernement des Bahamas", True)])
def test_in_ordinary_news_a_recipient_only_guessed_is_no_political_side(veille_nlp, monkeypatch, where: str,
                                                                         kept: bool) -> None:
    coder = veille_nlp.get_pipe("veille_events")
    monkeypatch.setattr(coder, "threshold", 0.0)  # the rule refuses the event, whatever the model's confidence
    doc = veille_nlp(CRUISE.format(where=where))
    assert doc._.politics is not None and doc._.politics < coder.ordinary_below
    protests = of_type(doc._.events, "PROTEST")
    assert bool(protests) is kept, doc._.events
