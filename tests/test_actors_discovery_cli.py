"""`veille actors discovered`: the people and bodies linked from their description, listed from a store."""

from __future__ import annotations

import json

import yaml
from typer.testing import CliRunner

from veille.actors.cli import app

ARTICLE = ("Le ministre uruguayen des Affaires étrangères, Tomás Ferreira, a reçu mardi à Montevideo "
           "son homologue. M. Ferreira a salué un accord. Selon l'agence chilienne Noticias Libres, "
           "la rencontre a duré deux heures.")


def _store_of(tmp_path, nlp, doc_id: str, text: str):
    """A store holding the one article, ingested with the real pipeline."""
    from veille.pipeline import Ingestor
    from veille.store import Store

    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"id": doc_id, "url": f"https://example.org/{doc_id}", "published": "2021-03-02",
                                  "text": text}, ensure_ascii=False) + "\n", encoding="utf-8")
    db = tmp_path / "store.duckdb"
    with Store(db) as store:
        Ingestor(store, nlp=nlp).ingest_paths([corpus])
    return db


def test_discovered_lists_actors_linked_from_their_description(tmp_path, veille_nlp):
    db = _store_of(tmp_path, veille_nlp, "x1", ARTICLE)

    runner = CliRunner()
    listed = runner.invoke(app, ["discovered", "--db", str(db)])
    assert listed.exit_code == 0, listed.output
    assert "2 discovered actors" in listed.output
    every = yaml.safe_load(runner.invoke(app, ["discovered", "--db", str(db), "--yaml"]).output)
    assert {(e["names"]["fr"][0], e["roles"][0]["code"], e["type"]) for e in every} == {
        ("Tomás Ferreira", "URY", "person"), ("Noticias Libres", "CHL", "organisation")}

    only = runner.invoke(app, ["discovered", "--db", str(db), "--code", "chl", "--yaml"])
    assert only.exit_code == 0, only.output
    entries = yaml.safe_load(only.output)
    assert [e["id"] for e in entries] == ["noticias_libres"]
    assert entries[0]["roles"][0]["code"] == "CHL" and entries[0]["type"] == "organisation"

    missing = runner.invoke(app, ["discovered", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 2


def test_trailing_name():
    from veille.actors.cli import trailing_name

    particles = frozenset({"ben", "al"})
    assert trailing_name("président sud-coréen Moon Jae-in") == "Moon Jae-in"
    assert trailing_name("porte-parole de la Commission européenne Dana Spinant") == "Dana Spinant"
    assert trailing_name("Saïd ben Hamdan Al-Rawahi", particles) == "Saïd ben Hamdan Al-Rawahi"
    assert trailing_name("M. Ferreira") == "Ferreira"
    assert trailing_name("délégation gouvernementale") == ""
    connectors = frozenset({"de", "des", "de la", "du"})
    # a capitalised run after a complement's connector opens with the complement's name
    assert trailing_name("ancien ministre de la Justice Pablo Ortiz Rivas", connectors=connectors) == \
        "Pablo Ortiz Rivas"
    assert trailing_name("commandant des Forces de la Liberté", connectors=connectors) == ""
    # a word glued to a capitalised one before it ends that name, no person's
    assert trailing_name("chef de la Brigade Tigre", frozenset(), {"brigade"}, connectors) == ""


STORY = ("Le ministre uruguayen des Affaires étrangères, Tomás Ferreira, a reçu mardi à Montevideo son homologue "
         "argentin. Le gouvernement uruguayen a salué un accord sur le fleuve. Le président de la Chambre des "
         "députés uruguayenne, Andrés Lema, a voté le texte. Le chien Pancho, mascotte du palais présidentiel, a "
         "accueilli les délégations, a raconté Lucía Méndez, une habitante de Montevideo.")


def test_discovered_keeps_only_those_the_text_presents_as_actors(tmp_path, veille_nlp):
    # the pet and the resident take the story's state, but no title, function or nationality presents them
    from veille.store import Store

    db = _store_of(tmp_path, veille_nlp, "y1", STORY)
    with Store(db) as store:
        codes = {(m["text"], m["code"]) for m in store.iter_rows("mentions")}
    assert {("Pancho", "URY"), ("Lucía Méndez", "URY")} <= codes  # what the list has to leave out
    entries = yaml.safe_load(CliRunner().invoke(app, ["discovered", "--db", str(db), "--yaml"]).output)
    assert {e["names"]["fr"][0] for e in entries} == {"Tomás Ferreira", "Andrés Lema"}


def test_trailing_name_keeps_the_particles_of_a_surname():
    from veille.actors.cli import trailing_name

    particles = frozenset({"le", "la", "de", "du", "von", "der"})
    connectors = frozenset({"de", "des", "de la", "du"})
    assert trailing_name("Marine Le Pen", particles) == "Marine Le Pen"
    assert trailing_name("M. Le Pen", particles) == "Le Pen"
    assert trailing_name("Marine Le Pen", particles, {"marine", "le"}) == "Marine Le Pen"  # "Marine": the navy
    assert trailing_name("ministre de l'Écologie François de Rugy", particles) == "François de Rugy"
    assert trailing_name("présidente de la Commission Ursula von der Leyen", particles, connectors=connectors) == \
        "Ursula von der Leyen"
    # a complement's connector is no particle of the name after it
    assert trailing_name("ancien ministre de la Justice Pablo Ortiz Rivas", particles, connectors=connectors) == \
        "Pablo Ortiz Rivas"


PARTIES = ("Marine Le Pen, présidente du Rassemblement national, a dénoncé mardi la réforme des retraites. "
           "Le ministre français de l'Intérieur, Hervé de Valbonne, lui a répondu à l'Assemblée. La députée PS "
           "de la Gironde a demandé un nouveau débat, et le porte-parole du groupe Valmorel a refusé de "
           "commenter. Selon Mediapart, le ministre français des Finances aurait rencontré les syndicats. "
           "M. de Valbonne a promis un vote avant l'été, a ajouté Mme Le Pen.")


def test_discovered_names_keep_their_particles_and_leave_parties_and_media_out(tmp_path, veille_nlp):
    # a surname's particles stay in it ("Pen" is no one); a party's acronym, the group a spokesman speaks for
    # and a newspaper quoted before a minister are no people
    db = _store_of(tmp_path, veille_nlp, "z1", PARTIES)
    entries = yaml.safe_load(CliRunner().invoke(app, ["discovered", "--db", str(db), "--yaml"]).output)
    names = {e["names"]["fr"][0]: e for e in entries}
    assert "Hervé de Valbonne" in names and names["Hervé de Valbonne"]["roles"][0]["code"] == "FRA"
    assert not {"Pen", "Valbonne", "PS", "Valmorel", "Mediapart"} & set(names), names


def test_a_surname_alone_counts_for_the_full_name_its_own_document_gave(tmp_path, veille_nlp):
    # two prosecutors share a surname across the corpus: "M. Valdoux" is the one his article named
    from veille.pipeline import Ingestor
    from veille.store import Store

    texts = {"p1": "Le procureur de Lyon, Paul Valdoux, a ouvert une enquête mardi sur l'incendie de la préfecture.",
             "p2": "Le procureur de Nantes, Serge Valdoux, a requis trois ans de prison contre les émeutiers. "
                   "M. Valdoux a dénoncé des violences d'une gravité exceptionnelle."}
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"id": i, "url": f"https://example.org/{i}", "published": "2021-03-02",
                                          "text": t}, ensure_ascii=False) + "\n" for i, t in texts.items()),
                      encoding="utf-8")
    db = tmp_path / "store.duckdb"
    with Store(db) as store:
        Ingestor(store, nlp=veille_nlp).ingest_paths([corpus])
    listed = CliRunner().invoke(app, ["discovered", "--db", str(db), "--yaml"])
    mentions = {e["names"]["fr"][0] for e in yaml.safe_load(listed.output)}
    assert mentions == {"Paul Valdoux", "Serge Valdoux"}, listed.output
