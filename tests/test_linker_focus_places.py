"""The focus state of generic nouns and unqualified people: a place where something happens weighs
less than the actors the text presents with their state, so one passing place does not make the
document's actors its state's."""

from __future__ import annotations

from typing import Any

import pytest

from test_linker_rules import code_of, link
from veille.nlp.extensions import MENTIONS


@pytest.fixture(scope="session")
def actors_nlp() -> Any:
    from veille.actors.evaluate import build_nlp

    return build_nlp()


def test_a_passing_place_does_not_outweigh_the_people_of_the_debate(actors_nlp: Any) -> None:
    text = ("Emmanuel Macron a promulgué mardi la loi sur les données de santé. Le dispositif rappelle celui "
            "qui a été mis en place à Pékin l'an dernier. Le gouvernement a défendu un texte « équilibré » "
            "face aux critiques.")
    assert code_of(actors_nlp, text, "gouvernement", "2020-06-10") == "FRA"


def test_a_passing_place_does_not_outweigh_a_nationality_adjective(actors_nlp: Any) -> None:
    text = ("Le ministère algérien de l'Intérieur a annoncé un nouveau plan contre les incendies. Des experts "
            "ont été formés au Portugal. Le gouvernement a promis des moyens supplémentaires.")
    assert code_of(actors_nlp, text, "gouvernement", "2021-08-20") == "DZA"


def test_the_place_still_gives_the_focus_when_nothing_else_does(actors_nlp: Any) -> None:
    text = ("À Bamako, des milliers de manifestants ont défilé vendredi. Le gouvernement a appelé au calme.")
    assert code_of(actors_nlp, text, "gouvernement", "2020-06-05") == "MLI"


def test_a_place_qualifying_an_actor_is_the_actors(actors_nlp: Any) -> None:
    text = ("La junte au pouvoir au Burkina Faso a dénoncé jeudi l'accord qui la liait à la France depuis "
            "2018. Le gouvernement a convoqué l'ambassadeur.")
    assert code_of(actors_nlp, text, "gouvernement", "2023-02-02") == "BFA"


def test_a_place_named_only_in_passing_yields_to_the_outlets_own_state(actors_nlp: Any) -> None:
    # a French outlet's story: the former minister "réfugié au Liban" is French, not Lebanon's
    text = "L'ancien ministre Jean Dupraz, réfugié au Liban depuis 2019, a dénoncé mardi une cabale judiciaire."
    doc = actors_nlp.make_doc(text)
    doc._.published, doc._.home = "2022-01-10", "FRA"
    doc = actors_nlp(doc)
    minister = next(s for s in doc.spans[MENTIONS] if "Dupraz" in s.text)
    assert minister._.code == "FRA"


@pytest.mark.parametrize(("text", "noun", "state"), [
    # a foreign story in a French outlet: the state is named only as the place where things happen
    ("Des centaines d'étudiants ont manifesté à Tbilissi dimanche. Le gouvernement a promis un dialogue.",
     "gouvernement", "GEO"),
    ("Deux bus ont été incendiés dans la nuit à Montevideo. La police a arrêté quatre jeunes.", "police", "URY"),
    ("Des milliers de personnes ont défilé à Oulan-Bator. L'exécutif a reporté sa réforme des retraites.",
     "exécutif", "MNG"),
])
def test_an_institution_in_a_foreign_place_is_that_states_not_the_outlets(actors_nlp: Any, text: str, noun: str,
                                                                          state: str) -> None:
    doc = actors_nlp.make_doc(text)
    doc._.published, doc._.home = "2022-01-10", "FRA"
    doc = actors_nlp(doc)
    assert _code(doc, noun) == state


def test_a_text_naming_no_state_still_speaks_of_the_outlets_own(actors_nlp: Any) -> None:
    doc = actors_nlp.make_doc("La police a interpellé trois hommes après le cambriolage d'une bijouterie.")
    doc._.published, doc._.home = "2022-01-10", "FRA"
    assert _code(actors_nlp(doc), "police") == "FRA"


def _code(doc: Any, text: str) -> str | None:
    return next(s for s in doc.spans[MENTIONS] if s.text == text)._.code


@pytest.mark.parametrize(("text", "noun"), [
    # a foreign story in a French outlet that names its state only further on: its institutions are not France's
    ("Le gouvernement a reporté jeudi le vote sur la réforme des mines. Les députés péruviens réclament un débat.",
     "gouvernement"),
    ("Des manifestants ont bloqué la route du port jeudi. La police a dispersé le cortège. Le ministre argentin "
     "de la Sécurité a appelé au calme.", "police"),
])
def test_the_outlets_state_waits_for_the_states_the_document_names_later(actors_nlp: Any, text: str,
                                                                         noun: str) -> None:
    doc = actors_nlp.make_doc(text)
    doc._.published, doc._.home = "2022-01-10", "FRA"
    assert _code(actors_nlp(doc), noun) != "FRA"


def test_a_french_story_naming_only_france_further_on_keeps_the_outlets_state(actors_nlp: Any) -> None:
    doc = actors_nlp.make_doc("Le gouvernement a présenté mercredi son budget. Le chef de l'État français a salué "
                              "un texte de responsabilité.")
    doc._.published, doc._.home = "2022-01-10", "FRA"
    assert _code(actors_nlp(doc), "gouvernement") == "FRA"


@pytest.mark.parametrize(("text", "noun", "state"), [
    # a bare organ right after the place that opens its sentence, as its subject, is that place's state's
    ("Au Malawi, le régime a expulsé lundi deux diplomates zambiens.", "régime", "MWI"),
    ("En Équateur, le pouvoir a fermé mardi la frontière avec la Colombie.", "pouvoir", "ECU"),
    ("Au Malawi, dès l'aube, le régime a expulsé deux diplomates zambiens.", "régime", "MWI"),
])
def test_a_place_opening_the_sentence_says_whose_a_bare_organ_is(actors_nlp: Any, text: str, noun: str,
                                                                  state: str) -> None:
    assert code_of(actors_nlp, text, noun, "2024-04-02") == state


@pytest.mark.parametrize("text", [
    # the place is not the sentence's frame, or the organ is not its clause's subject right after it
    "Selon le Malawi, le régime a expulsé lundi deux diplomates zambiens.",
    "Des observateurs au Malawi affirment que le régime a expulsé deux diplomates zambiens.",
    "Au Malawi, la chute du régime a été saluée lundi par la Zambie.",
    "Au Malawi, d'après la Zambie, le régime a expulsé deux diplomates tanzaniens.",
])
def test_a_bare_organ_takes_no_state_from_a_place_that_does_not_frame_it(actors_nlp: Any, text: str) -> None:
    start = text.index("régime")
    assert not [m for m in link(actors_nlp, text, "2024-04-02") if m.start <= start < m.end and m.code]
