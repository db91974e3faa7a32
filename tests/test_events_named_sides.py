"""Sides the sentence names by its grammar, not by the nearest name (events/arguments.py, events/coder.py):
- a town in the "de" phrase of a meeting or pact noun names it wherever the noun stands, a verb's object included
  ("a rejeté le traité de Lisbonne": no act against Portugal);
- a company noun with a demonym ("le constructeur allemand") is a firm of that state, not the state: its sector is a
  company's, and its dealings with another firm are business;
- the subject pronoun of the "que" clause a verb of getting or asking tells (grammar class `asking_verbs`) stands for
  the one its "de" or "à" phrase names ("a obtenu du Mali qu'il libère ...");
- an incise's inverted clitic stands for the subject set before the quote in its sentence ("La juge argentine a
  répondu : « ... », a-t-elle regretté"), the clitic the parser hung on the euphonic "t" included.
Sentences written for veille."""

from __future__ import annotations

import pytest

from veille.events.testing import code, codes, find, of_type


@pytest.mark.parametrize("text, verb", [
    ("Le Danemark a rejeté le traité de Lisbonne.", "REJECT"),
    ("Le gouvernement islandais a critiqué le sommet de Riga.", "ACCUSE"),
])
def test_a_pact_named_after_a_town_is_no_side_as_an_object(veille_nlp, text: str, verb: str) -> None:
    event = find(code(veille_nlp, text), verb)
    assert event is not None and not codes(event["recipient"]), event


def test_a_pact_object_keeps_the_state_it_names(veille_nlp) -> None:
    # the pair: a state (not a town) in the object's phrase is still the one judged
    event = find(code(veille_nlp, "Le Danemark a critiqué la position de la Pologne."), "ACCUSE")
    assert event is not None and codes(event["recipient"]) == {"POL"}, event


def test_a_company_with_a_demonym_is_a_firm(veille_nlp) -> None:
    event = find(code(veille_nlp, "Le constructeur suédois a signé jeudi un contrat avec la Norvège."), "AGREE")
    assert event is not None and event["actor"][0]["sector"] == "BUS" and codes(event["recipient"]) == {"NOR"}, event


def test_two_firms_dealing_is_business(veille_nlp) -> None:
    text = "Le groupe suédois a signé jeudi un contrat avec la société finlandaise."
    assert not of_type(code(veille_nlp, text), "AGREE")
    # the pair: the state itself signing with the firm is an event
    assert of_type(code(veille_nlp, "La Suède a signé jeudi un contrat avec la société finlandaise."), "AGREE")


@pytest.mark.parametrize("text, doer", [
    ("Le Bénin a arraché au Tchad qu'il libère six marins.", {"TCD"}),
])
def test_the_one_asked_does_the_deed(veille_nlp, text: str, doer: set[str]) -> None:
    freed = of_type(code(veille_nlp, text), "RETREAT")
    assert freed and codes(freed[0]["actor"]) == doer, freed


def test_a_promise_to_someone_is_still_the_speakers(veille_nlp) -> None:
    # the pair: a verb of saying is no asking; its clause's pronoun is the speaker
    events = code(veille_nlp, "Le Chili a assuré au Pérou qu'il retirerait ses troupes.")
    assert events and all(codes(e["actor"]) == {"CHL"} for e in events), events


@pytest.mark.parametrize("text", [
    "La juge argentine a répondu lundi : « Le Paraguay méprise nos tribunaux », a-t-elle regretté.",
    "Le sénateur argentin a répondu lundi : « Le Paraguay méprise nos tribunaux », a-t-il regretté.",
])
def test_the_inverted_clitic_is_the_subject_before_the_quote(veille_nlp, text: str) -> None:
    event = find(code(veille_nlp, text), "ACCUSE")
    assert event is not None and codes(event["actor"]) == {"ARG"}, event


@pytest.mark.parametrize(("text", "event_type", "actor", "recipient"), [
    # a nation of the United Kingdom is the United Kingdom's, not Ireland's (actors/data/places.yaml, subdivisions)
    ("Le gouvernement de l'Irlande du Nord a accusé Dublin de bloquer les contrôles douaniers.", "ACCUSE", {"GBR"},
     {"IRL"}),
    ("L'Écosse a demandé à l'Union européenne de prolonger les négociations.", "REQUEST", {"GBR"}, {"EU"}),
])
def test_a_nation_of_the_united_kingdom_is_the_kingdom(veille_nlp, text, event_type, actor, recipient) -> None:
    event = find(code(veille_nlp, text), event_type)
    assert event is not None and codes(event["actor"]) == actor and codes(event["recipient"]) == recipient, event


@pytest.mark.parametrize(("text", "event_type", "actor", "recipient"), [
    # a nation of the United Kingdom named by its adjective is the United Kingdom's too, as "anglais" is
    ("Le gouvernement écossais a demandé à l'Union européenne de prolonger les négociations.", "REQUEST", {"GBR"},
     {"EU"}),
    ("Le Premier ministre nord-irlandais a accusé Dublin de bloquer les contrôles douaniers.", "ACCUSE", {"GBR"},
     {"IRL"}),
    # (the kingdom's own adjective keeps all its forms: a list of four or more is read as every form spelled)
    ("Les autorités britanniques ont accusé la Russie d'espionnage.", "ACCUSE", {"GBR"}, {"RUS"}),
])
def test_a_nation_of_the_united_kingdom_named_by_its_adjective_is_the_kingdom(veille_nlp, text, event_type, actor,
                                                                             recipient) -> None:
    event = find(code(veille_nlp, text), event_type)
    assert event is not None and codes(event["actor"]) == actor and codes(event["recipient"]) == recipient, event



@pytest.mark.parametrize(("text", "event_type", "actor", "helper"), [
    # the help or consent an act is done with names its giver, no one the act is aimed at
    # (an act with no party named as its target still gets one guessed from the story: the other state most named)
    ("L'armée russe a bombardé Kharkiv avec l'aide des forces biélorusses.", "ASSAULT", {"RUS"}, "BLR"),
    ("L'armée turque a bombardé Damas avec l'accord de la Russie.", "ASSAULT", {"TUR"}, "RUS"),
    ("L'armée syrienne a bombardé Idleb avec le soutien de l'aviation russe.", "ASSAULT", {"SYR"}, "RUS"),
])
def test_the_help_an_act_is_done_with_is_not_its_target(veille_nlp, text, event_type, actor, helper) -> None:
    event = find(code(veille_nlp, text), event_type)
    assert event is not None and codes(event["actor"]) == actor and helper not in codes(event["recipient"]), event


@pytest.mark.parametrize(("text", "event_type", "actor", "helper"), [
    # no target named: the other side guessed from the sentence's states is not the helper either
    ("L'armée ukrainienne a frappé des dépôts avec l'aide des Etats-Unis.", "ASSAULT", {"UKR"}, "USA"),
    ("La Turquie a bombardé des positions grâce au soutien de l'Azerbaïdjan.", "ASSAULT", {"TUR"}, "AZE"),
    ("Les forces arméniennes ont attaqué des villages avec l'appui de la France.", "ASSAULT", {"ARM"}, "FRA"),
])
def test_the_helper_of_an_act_with_no_target_is_not_guessed_as_its_target(veille_nlp, text, event_type, actor,
                                                                           helper) -> None:
    event = find(code(veille_nlp, text), event_type)
    assert event is not None and codes(event["actor"]) == actor and helper not in codes(event["recipient"]), event


@pytest.mark.parametrize(("text", "recipient"), [
    # the pairs: a target named beside the helper, or a state the sentence names otherwise, is still the other side
    ("L'armée ukrainienne a frappé des dépôts russes avec l'aide des Etats-Unis.", {"RUS"}),
    ("L'Ukraine a frappé des dépôts, a dénoncé la Russie.", {"RUS"}),
])
def test_the_other_side_is_still_guessed_beside_a_helper(veille_nlp, text, recipient) -> None:
    event = find(code(veille_nlp, text), "ASSAULT")
    assert event is not None and codes(event["recipient"]) == recipient, event


def test_a_partner_named_with_avec_is_the_recipient(veille_nlp) -> None:
    event = find(code(veille_nlp, "La Lettonie a signé un accord avec l'Estonie."), "AGREE")
    assert event is not None and codes(event["actor"]) == {"LVA"} and codes(event["recipient"]) == {"EST"}, event
