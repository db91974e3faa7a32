"""Acts only a state's authorities do (trigger entries flagged `authority`: charging, prosecuting): told in the passive
with no agent and with a named party charged, the authorities of where it happens did it; a charge any side may make
("accusé de"), a passive with its agent, one that names no party charged, or a bare participle describing the one
charged by their past ("X, inculpé pour ...") keep their own reading. Sentences written for veille."""

from __future__ import annotations

from veille.events.testing import code, codes, of_type

LEAD = "Le gouvernement équatorien affronte une grève des transports. "


def test_an_agentless_charge_is_the_authorities_of_where_it_happens(veille_nlp) -> None:
    events = code(veille_nlp, LEAD + "Deux diplomates boliviens ont été inculpés mardi pour espionnage à Quito.")
    charges = of_type(events, "ACCUSE")
    assert charges and codes(charges[0]["actor"]) == {"ECU"}, events
    assert codes(charges[0]["recipient"]) == {"BOL"}, events


def test_the_authorities_charging_one_of_their_own_keep_the_one_charged(veille_nlp) -> None:
    events = code(veille_nlp, LEAD + "L'ancien ministre équatorien des Mines est poursuivi en justice pour fraude.")
    charges = of_type(events, "ACCUSE")
    assert charges and codes(charges[0]["actor"]) == {"ECU"}, events
    assert codes(charges[0]["recipient"]) == {"ECU"}, events


def test_a_charge_with_no_party_named_is_no_event(veille_nlp) -> None:
    events = code(veille_nlp, LEAD + "Trois hommes ont été inculpés mardi pour vol de câbles.")
    assert not of_type(events, "ACCUSE"), events


def test_the_place_of_the_charge_is_not_the_one_charged(veille_nlp) -> None:
    events = code(veille_nlp, LEAD + "La coopérative Sumak a été inculpée mardi aux Pays-Bas pour fraude douanière.")
    assert not of_type(events, "ACCUSE"), events


def test_an_agentless_accusation_anyone_may_make_gets_no_guessed_accuser(veille_nlp) -> None:
    events = code(veille_nlp, LEAD + "L'ancien ministre équatorien des Mines a été accusé mardi de favoritisme.")
    assert not of_type(events, "ACCUSE"), events


def test_a_charge_with_its_agent_is_the_agent_s(veille_nlp) -> None:
    events = code(veille_nlp, LEAD + "L'ancien ministre équatorien des Mines a été inculpé mardi par la justice "
                                     "péruvienne.")
    charges = of_type(events, "ACCUSE")
    assert charges and codes(charges[0]["actor"]) == {"PER"}, events


def test_a_bare_participle_describing_the_one_charged_is_no_charge_told(veille_nlp) -> None:
    events = code(veille_nlp, LEAD + "L'ancien ministre équatorien des Mines, inculpé pour corruption, a fui le pays.")
    assert not of_type(events, "ACCUSE"), events


def test_a_private_person_charged_with_an_ordinary_crime_is_a_fait_divers(veille_nlp) -> None:
    # the authorities of where it happens charge a foreigner: the sides would be right, but no political event
    events = code(veille_nlp, "Un cuisinier portugais a été inculpé de viol à Lyon.")
    assert not of_type(events, "ACCUSE"), events


def test_the_place_of_the_charge_is_not_among_the_charged(veille_nlp) -> None:
    events = code(veille_nlp, "Un élu bolivien a été inculpé pour fraude à La Paz.")
    charges = of_type(events, "ACCUSE")
    assert charges and codes(charges[0]["actor"]) == {"BOL"}, events
    assert [p["text"] for p in charges[0]["recipient"]] == ["élu bolivien"], events
