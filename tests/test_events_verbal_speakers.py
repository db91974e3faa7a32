"""Who makes a verbal act, and whether it is made: the incise "a-t-il" speaks through its clitic, not through the
euphonic "-t"; a possessive names the doer of a verbal noun, so its "de" phrase is what the act is about, and the
owner of the soldiers it sends or withdraws; a verb coordinated with another keeps its own force, and a coordinated
verb is no incise."""

from __future__ import annotations

import pytest

from veille.events.testing import code, codes, find, of_type

SIDES = [  # (why, text, type, trigger, actor, recipient)
    ("the first person of a quote closed by a '-t-il' incise is the speaker",
     "\"Les mesures contre le Venezuela entrent en vigueur aujourd'hui\", a déclaré le ministre canadien des Affaires "
     "étrangères dans un communiqué. \"Nous prévoyons d'autres sanctions et ne nous arrêterons pas tant que le régime "
     "n'aura pas libéré les prisonniers\", a-t-il prévenu.", "THREATEN", "prévoyons", {"CAN"}, {"VEN"}),
    ("a possessive names the doer, the 'de' phrase what is condemned",
     "La Norvège a fait part de sa condamnation de l'essai nucléaire nord-coréen.", "ACCUSE", "condamnation",
     {"NOR"}, {"PRK"}),
    ("a possessive refusal of talks with a state is aimed at that state",
     "Le ministre grec a dénoncé les manoeuvres turques et souligné son rejet de toute négociation avec Ankara.",
     "REJECT", "rejet", {"GRC"}, {"TUR"}),
    ("soldiers a possessive owns are the speaker's, not the state they leave",
     "\"Nous resterons vigilants face à Moscou\", a dit le Premier ministre canadien. \"Nous avons retiré nos "
     "instructeurs de Lettonie\", a-t-il ajouté.", "RETREAT", "retiré", {"CAN"}, {"LVA"}),
]


@pytest.mark.parametrize(("why", "text", "event_type", "trigger", "actor", "recipient"), SIDES,
                         ids=[row[0] for row in SIDES])
def test_who_speaks_and_at_whom(veille_nlp, why, text, event_type, trigger, actor, recipient) -> None:
    events = code(veille_nlp, text)
    event = find(events, event_type, trigger)
    assert event is not None, events
    assert codes(event["actor"]) == actor, event
    assert codes(event["recipient"]) == recipient, event


def test_a_coordinated_speech_verb_is_no_incise_of_the_first_act(veille_nlp) -> None:
    events = code(veille_nlp, "Le ministre grec a dénoncé les manoeuvres turques et souligné son rejet de toute "
                              "négociation avec Ankara.")
    accusation = find(events, "ACCUSE", "dénoncé")
    assert accusation is not None, events
    assert accusation["status"] == "asserted", accusation
    assert codes(accusation["reported_by"]) == {"GRC"}, accusation


def test_a_demand_coordinated_with_a_denunciation_is_made(veille_nlp) -> None:
    events = code(veille_nlp, "Les syndicats d'enseignants ivoiriens dénoncent une mesure injuste et réclament son "
                              "retrait.")
    demand = find(events, "REQUEST", "réclament")
    assert demand is not None, events
    assert demand["status"] == "asserted", demand


def test_a_demand_coordinated_with_a_wish_is_made(veille_nlp) -> None:
    events = code(veille_nlp, "Moscou veut négocier avec Kiev et exige un cessez-le-feu.")
    demands = of_type(events, "REQUEST")
    assert [e["status"] for e in demands] == ["asserted"], events
    assert codes(demands[0]["actor"]) == {"RUS"}, demands
