"""A pronoun with a "de" phrase ("l'un de ses conseillers", "plusieurs des ministres turcs") picks among those the
phrase names: it stands for them, not for the party named last before it."""

from __future__ import annotations

from veille.events.testing import code, codes, find


def test_one_of_the_named_ministers_acts_for_their_state(veille_nlp) -> None:
    events = code(veille_nlp, "Le président chilien a rencontré son homologue. L'un des ministres péruviens a "
                              "dénoncé le blocus du port.")
    event = find(events, "ACCUSE", "dénoncé")
    assert event is not None, events
    assert codes(event["actor"]) == {"PER"}, event


def test_one_of_her_aides_is_not_the_senator(veille_nlp) -> None:
    events = code(veille_nlp, "La sénatrice Ana Rojas a été mise en examen mardi. L'un de ses anciens "
                              "collaborateurs dénonce une cabale contre les élus.")
    assert not any(p["text"] and "Rojas" in p["text"] for e in events for p in e["actor"]), events
    # "elle" is the senator
    events = code(veille_nlp, "La sénatrice chilienne Ana Rojas a été mise en examen mardi. Elle dénonce une cabale "
                              "contre les élus.")
    assert any(p["text"] and "Rojas" in p["text"] for e in events for p in e["actor"]), events


def test_a_plain_pronoun_still_stands_for_the_one_named_before(veille_nlp) -> None:
    events = code(veille_nlp, "Le ministre péruvien est arrivé à Quito lundi. Il a dénoncé le blocus du port.")
    event = find(events, "ACCUSE", "dénoncé")
    assert event is not None, events
    assert codes(event["actor"]) == {"PER"}, event


def test_one_of_its_own_craft_is_its_side(veille_nlp) -> None:
    # those a possessive owns are its owner's side, though unnamed
    events = code(veille_nlp, "Des heurts ont éclaté entre le Pérou et l'Équateur. Quito affirme que l'un de ses "
                              "navires a été bombardé par l'aviation péruvienne.")
    event = find(events, "ASSAULT", "bombardé")
    assert event is not None, events
    assert codes(event["actor"]) == {"PER"}, event
    assert codes(event["recipient"]) == {"ECU"}, event


def test_one_of_his_aides_with_no_side_named_speaks_for_his_owner(veille_nlp) -> None:
    # the possessive's owner is named: an act of words by one of his own is his side's, named
    events = code(veille_nlp, "Le ministre chilien a convoqué ses diplomates. L'un de ses conseillers a menacé la "
                              "Bolivie de représailles.")
    event = find(events, "THREATEN", "menacé")
    assert event is not None, events
    assert codes(event["actor"]) == {"CHL"} and codes(event["recipient"]) == {"BOL"}, event
