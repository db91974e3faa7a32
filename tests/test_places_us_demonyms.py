"""Gazetteer data (actors/data/places.yaml, states.yaml): the states of the United States and its big cities are
places of the United States ("au Texas" is no place of the outlet's own state; "La Nouvelle-Orléans" is not
Orléans), and every member state's demonym is known, as an adjective and as a person noun ("le Paraguayen").

The sentences were written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from veille.nlp.extensions import MENTIONS


def _parse(nlp: Any, text: str) -> Any:
    doc = nlp.make_doc(text)
    doc._.published, doc._.home = "2025-03-04", "FRA"  # a French outlet
    return nlp(doc)


def _code(doc: Any, words: str) -> str | None:
    start = doc.text.index(words)
    [span] = [s for s in doc.spans[MENTIONS] if s.start_char <= start and s.end_char >= start + len(words)]
    return span._.code


@pytest.mark.parametrize(("text", "place", "noun"), [
    ("Des manifestants ont incendié jeudi un dépôt de carburant au Texas.", "Texas", "manifestants"),
    ("La police a interpellé douze militants écologistes en Californie samedi.", "Californie", "police"),
    ("Des émeutiers ont pillé trois pharmacies dans le centre de La Nouvelle-Orléans.", "Nouvelle-Orléans",
     "émeutiers"),
    ("La police a dispersé à Houston un rassemblement de chauffeurs routiers.", "Houston", "police"),
    ("La police a arrêté mardi six militants dans l'Oklahoma.", "Oklahoma", "police"),
])
def test_the_states_and_big_cities_of_the_united_states_are_its_places(veille_nlp, text, place, noun) -> None:
    doc = _parse(veille_nlp, text)
    assert _code(doc, place) == "USA"
    # the place is the focus: the unqualified actors are American, not the French outlet's
    assert _code(doc, noun) == "USA"
    assert doc._.events and {e["location"]["code"] for e in doc._.events} == {"USA"}, doc._.events


def test_la_nouvelle_orleans_is_not_orleans(veille_nlp) -> None:
    doc = _parse(veille_nlp, "Le maire de La Nouvelle-Orléans a décrété mercredi un couvre-feu.")
    assert _code(doc, "Orléans") == "USA"
    assert _code(_parse(veille_nlp, "Le préfet a interdit samedi une marche à Orléans."), "Orléans") == "FRA"


@pytest.mark.parametrize(("text", "words"), [
    ("Virginie Castagne a été nommée jeudi à la tête du syndicat des infirmiers.", "Virginie"),  # a first name
    ("Les troupes russes ont quitté la Géorgie en 2008 selon le ministère.", "Géorgie"),  # the state
])
def test_names_left_out_of_the_united_states_places(veille_nlp, text, words) -> None:
    doc = _parse(veille_nlp, text)
    covering = [s._.code for s in doc.spans[MENTIONS] if words in s.text]
    assert "USA" not in covering, covering


@pytest.mark.parametrize(("text", "words", "state"), [
    ("Un diplomate paraguayen a été expulsé lundi par le gouvernement chilien.", "diplomate paraguayen", "PRY"),
    ("Le Paraguayen a remporté l'élection avec une large avance.", "Paraguayen", "PRY"),
    ("La marine malgache a arraisonné un chalutier au large de Toliara.", "marine malgache", "MDG"),
    ("Deux Népalais ont été blessés lors de l'éboulement.", "Népalais", "NPL"),
    ("Les autorités tanzaniennes ont fermé la frontière mercredi.", "autorités tanzaniennes", "TZA"),
    ("L'Équatorien a été libéré sous caution vendredi.", "Équatorien", "ECU"),
])
def test_demonyms_of_every_member_state(veille_nlp, text, words, state) -> None:
    doc = _parse(veille_nlp, text)
    assert _code(doc, words) == state
    assert state in doc._.demonyms.values()
