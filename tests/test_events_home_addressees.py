"""Recipients of the actor's own state that the clause names: a second named person of that state whom a judgement or
a demand is aimed at (its object, or the owner of its object, not the victim of an act), and an addressee that a verb
of asking names by a plain noun before its infinitive ("a pressé les bailleurs de ...")."""

from __future__ import annotations

from veille.events.testing import code, codes, find


def _sides(event: dict) -> tuple[set[str], list[str]]:
    return codes(event["actor"]), [p["text"] for p in event["recipient"]]


def test_a_named_colleague_of_the_same_state_is_the_recipient(veille_nlp) -> None:
    event = find(code(veille_nlp, "La sénatrice Odile Ferrand a soutenu jeudi le sénateur Gaël Tissier dans sa course "
                                  "à la mairie.", home="FRA"), "SUPPORT")
    assert event is not None
    assert _sides(event) == ({"FRA"}, ["sénateur Gaël Tissier"]), event


def test_the_victim_of_an_act_judged_is_no_recipient(veille_nlp) -> None:
    event = find(code(veille_nlp, "La sénatrice Odile Ferrand a condamné jeudi le meurtre du sénateur Gaël Tissier.",
                      home="FRA"), "ACCUSE")
    assert event is not None
    assert "sénateur Gaël Tissier" not in _sides(event)[1], event


def test_one_person_named_twice_is_not_its_own_recipient(veille_nlp) -> None:
    event = find(code(veille_nlp, "La sénatrice Odile Ferrand a salué jeudi la sénatrice Odile Ferrand.", home="FRA"),
                 "SUPPORT")
    assert event is None or not any(p["text"] for p in event["recipient"]), event


def test_the_noun_asked_to_act_is_the_recipient(veille_nlp) -> None:
    event = find(code(veille_nlp, "La ministre Agnès Morvan a exhorté lundi les bailleurs à geler les loyers des "
                                  "étudiants.", home="FRA"), "REQUEST")
    assert event is not None
    assert codes(event["recipient"]) == {"FRA"}, event
    assert [p["text"] for p in event["recipient"]] == ["bailleurs"], event


def test_an_appeal_to_do_something_names_no_addressee(veille_nlp) -> None:
    # "appeler à + infinitive" with no object: no one is named as asked
    events = code(veille_nlp, "La ministre Agnès Morvan a appelé lundi à geler les loyers des étudiants.", home="FRA")
    event = find(events, "REQUEST")
    assert event is None or not any(p["text"] for p in event["recipient"]), events


def test_an_addressee_that_stands_for_other_states_is_not_the_askers(veille_nlp) -> None:
    events = code(veille_nlp, "Le Chili a appelé mardi les pays voisins à fermer leurs frontières.", home="FRA")
    event = find(events, "REQUEST")
    assert event is None or "CHL" not in codes(event["recipient"]), events
