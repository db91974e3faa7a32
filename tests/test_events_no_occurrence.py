"""Words of events that name no occurrence (events/coder.py `_no_occurrence`).

The kind of act a ruling bans, allows or bounds ("l'interdiction des rassemblements"), what a noun of lack says is
missing ("le manque de coopération"), a kind of act a noun of kind qualifies with it bare ("les méthodes
d'arrestation"), and a standing relation something harms ("un coup au dialogue") are no act that happened: the coder
finds no event in them, and still finds the acts told beside them. Texts written for veille."""

from __future__ import annotations

import pytest

from veille.events.testing import code, features_kept


def _types(veille_nlp, text: str) -> set[tuple[str, str]]:
    with features_kept(veille_nlp):  # every event the grammar finds, whatever its confidence
        return {(e["type"], e["trigger"]) for e in code(veille_nlp, text)}


@pytest.mark.parametrize(("text", "trigger"), [
    # the complement of a ban, through an enumeration the parser hangs on the ban itself
    ("La préfecture de la Gironde a annoncé mardi l'interdiction des concerts, des brocantes ou des "
     "rassemblements de plus de six personnes à Bordeaux.", "rassemblements"),
    # the subject of a passive ban
    ("Depuis lundi, les manifestations de soutien aux détenus sont interdites à Minsk par le ministère de "
     "l'Intérieur.", "manifestations"),
    # the object of an authorisation
    ("La mairie de Rennes a autorisé mercredi les rassemblements de moins de trente personnes sur les places du "
     "centre.", "rassemblements"),
    # the complement of a noun of lack
    ("Le manque de coopération de Pékin avec l'OMS a été dénoncé mardi par Washington.", "coopération"),
    # a relation something harms
    ("Ce scandale porte un coup sévère au dialogue franco-turc, selon plusieurs diplomates.", "dialogue"),
])
def test_no_event_in_what_a_ruling_or_a_lack_names(veille_nlp, text: str, trigger: str) -> None:
    assert not any(found == trigger for _, found in _types(veille_nlp, text))


@pytest.mark.parametrize(("text", "event_type", "trigger"), [
    # a protest held in spite of a ban happened
    ("Malgré l'interdiction, des milliers de manifestants ont défilé samedi à Lyon contre le gouvernement.",
     "PROTEST", "défilé"),
    # a dialogue held, and one resumed, are meetings
    ("Le président serbe a rencontré lundi à Bruxelles le Premier ministre kosovar pour relancer le dialogue "
     "entre Belgrade et Pristina.", "CONSULT", "rencontré"),
    ("Les manifestations contre la réforme des retraites ont rassemblé jeudi 800 000 personnes à travers la "
     "France.", "PROTEST", "manifestations"),
])
def test_the_acts_beside_a_ruling_or_a_relation_are_still_events(veille_nlp, text: str, event_type: str,
                                                                 trigger: str) -> None:
    assert (event_type, trigger) in _types(veille_nlp, text)


@pytest.mark.parametrize(("text", "trigger"), [
    # a way of doing the act
    ("Les méthodes d'arrestation de la police biélorusse contre les opposants ont choqué l'Union européenne.",
     "arrestation"),
    # a cry of a kind, not a demonstration
    ("Les cris de protestation de l'opposition géorgienne contre le gouvernement géorgien se multiplient à "
     "Tbilissi.", "protestation"),
    # a theme of talks, not talks held
    ("Le sujet de négociation entre Moscou et Kiev reste la frontière.", "négociation"),
])
def test_no_event_in_a_kind_of_act(veille_nlp, text: str, trigger: str) -> None:
    assert not any(found == trigger for _, found in _types(veille_nlp, text))


@pytest.mark.parametrize(("text", "event_type", "trigger"), [
    # a wave and a series of acts are acts
    ("La police biélorusse a mené lundi une vague d'arrestations contre les opposants à Minsk.",
     "COERCE", "arrestations"),
    ("Une série de manifestations contre le gouvernement slovaque a eu lieu samedi à Bratislava.",
     "PROTEST", "manifestations"),
    # with its determiner, the complement of a noun of kind is one act
    ("La méthode de l'arrestation de l'opposant par la police biélorusse a choqué l'Union européenne.",
     "COERCE", "arrestation"),
])
def test_the_acts_a_noun_of_number_or_a_determiner_names_are_still_events(veille_nlp, text: str, event_type: str,
                                                                          trigger: str) -> None:
    assert (event_type, trigger) in _types(veille_nlp, text)
