"""A meeting or an agreement a definite noun names again with no party of its own ("la rencontre a duré deux
heures") is the one of its type the text has just told between named sides: it takes that act's sides. An indefinite
noun is a new act, a noun a name completes is that named act, one the present describes is no act told, and an act
told many sentences before is too far to be the one named again."""

from __future__ import annotations

import pytest

from veille.events.testing import code, codes, of_type

PUBLISHED = "2023-04-14"
MET = "La ministre paraguayenne des Affaires étrangères a reçu lundi à Asuncion son homologue uruguayen. "
TALKED = "Le président chilien s'est entretenu mardi avec son homologue bolivien à La Paz. "
AGREED = "Le Chili et la Bolivie ont conclu lundi un cessez-le-feu à La Paz. "


def _by(events: list[dict], event_type: str, trigger: str) -> list[dict]:
    return [e for e in of_type(events, event_type) if e["trigger"].lower() == trigger]


@pytest.mark.parametrize(("text", "trigger", "sides"), [
    (MET + "La rencontre a duré deux heures.", "rencontre", {"PRY", "URY"}),  # the same meeting, told again
    (TALKED + "L'entretien s'est tenu à huis clos.", "entretien", {"CHL", "BOL"}),  # where it was held
])
def test_a_definite_noun_takes_the_sides_of_the_act_just_told(veille_nlp, text: str, trigger: str,
                                                              sides: set) -> None:
    told = [e for e in _by(code(veille_nlp, text, PUBLISHED), "CONSULT", trigger)
            if e["status"] in ("asserted", "reported")]
    assert told and codes(told[0]["actor"]) | codes(told[0]["recipient"]) == sides, told


@pytest.mark.parametrize(("text", "event_type", "trigger"), [
    (MET + "Une rencontre a eu lieu mardi.", "CONSULT", "rencontre"),  # indefinite: a new meeting, sides unsaid
    (MET + "La pluie a noyé les rues. Les cafés ont fermé tôt. Les bus ne circulaient plus. "
           "Le marché est resté désert. La rencontre a duré deux heures.", "CONSULT", "rencontre"),  # too far back
    (TALKED + "Les entretiens restent difficiles.", "CONSULT", "entretiens"),  # described in the present
    (TALKED + "L'entretien de Cusco s'est tenu à huis clos.", "CONSULT", "entretien"),  # a named meeting
    (AGREED + "La trêve a été rompue mardi.", "AGREE", "trêve"),  # broken: a pact already made, no agreeing
    (MET + "La prochaine rencontre a été reportée à juin.", "CONSULT", "rencontre"),  # the next one: still to come
    (TALKED + "L'éventuel entretien a été annulé mercredi.", "CONSULT", "entretien"),  # a possible one
])
def test_no_sides_are_lent_beyond_a_definite_noun_of_the_act_just_told(veille_nlp, text: str, event_type: str,
                                                                       trigger: str) -> None:
    assert not _by(code(veille_nlp, text, PUBLISHED), event_type, trigger)


@pytest.mark.parametrize("text", [
    "Le Chili a rompu la trêve avec la Bolivie.",  # the parser reads the object as an adjunct
    "La Bolivie a violé le cessez-le-feu avec le Chili.",
])
def test_a_pact_broken_is_no_agreement(veille_nlp, text: str) -> None:
    assert not of_type(code(veille_nlp, text, PUBLISHED), "AGREE")


def test_a_pact_made_stays_an_agreement(veille_nlp) -> None:
    assert of_type(code(veille_nlp, "Le Chili a conclu une trêve avec la Bolivie.", PUBLISHED), "AGREE")
