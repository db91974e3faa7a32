"""Who makes a verbal act, and whether it is made: the incise "a-t-il" speaks through its clitic, not through the
euphonic "-t"; a possessive names the doer of a verbal noun, so its "de" phrase is what the act is about, and the
owner of the soldiers it sends or withdraws; a verb coordinated with another keeps its own force, and a coordinated
verb is no incise."""

from __future__ import annotations

from veille.events.testing import code, codes, find, of_type


def test_first_person_of_a_quote_closed_by_a_t_il_incise_is_the_speaker(veille_nlp) -> None:
    events = code(veille_nlp, "\"Les mesures contre le Venezuela entrent en vigueur aujourd'hui\", a déclaré le "
                              "ministre canadien des Affaires étrangères dans un communiqué. \"Nous prévoyons d'autres "
                              "sanctions et ne nous arrêterons pas tant que le régime n'aura pas libéré les "
                              "prisonniers\", a-t-il prévenu.")
    threat = find(events, "THREATEN", "prévoyons")
    assert threat is not None, events
    assert codes(threat["actor"]) == {"CAN"}, threat
    assert codes(threat["recipient"]) == {"VEN"}, threat


def test_a_possessive_names_the_doer_and_the_de_phrase_what_is_condemned(veille_nlp) -> None:
    events = code(veille_nlp, "La Norvège a fait part de sa condamnation de l'essai nucléaire nord-coréen.")
    accusation = find(events, "ACCUSE", "condamnation")
    assert accusation is not None, events
    assert codes(accusation["actor"]) == {"NOR"}, accusation
    assert codes(accusation["recipient"]) == {"PRK"}, accusation


def test_a_possessive_refusal_of_talks_with_a_state_is_aimed_at_that_state(veille_nlp) -> None:
    events = code(veille_nlp, "Le ministre grec a dénoncé les manoeuvres turques et souligné son rejet de toute "
                              "négociation avec Ankara.")
    refusal = find(events, "REJECT", "rejet")
    assert refusal is not None, events
    assert codes(refusal["actor"]) == {"GRC"}, refusal
    assert codes(refusal["recipient"]) == {"TUR"}, refusal


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


def test_soldiers_a_possessive_owns_are_the_speakers_not_the_state_they_leave(veille_nlp) -> None:
    events = code(veille_nlp, "\"Nous resterons vigilants face à Moscou\", a dit le Premier ministre canadien. "
                              "\"Nous avons retiré nos instructeurs de Lettonie\", a-t-il ajouté.")
    withdrawal = find(events, "RETREAT", "retiré")
    assert withdrawal is not None, events
    assert codes(withdrawal["actor"]) == {"CAN"}, withdrawal
    assert codes(withdrawal["recipient"]) == {"LVA"}, withdrawal
