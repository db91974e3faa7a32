"""People held whom the text calls by their nationality (issue 16's general press: X->X self-events): when the clause
names no one who acts and no place, the document's state is not lent as the doer of an arrest of people the text calls
by that state's nationality when the document sets them abroad (another state is its focus or main pair, or is
named in the sentence), since calling them so marks them as foreigners where they are held; named at home, they keep
the guess; the dead keep the guess (their own police may have killed them). Sentences written for veille."""

from __future__ import annotations

from veille.events.testing import code, codes, of_type

LEAD = "Le président argentin a réuni son gouvernement. "


def test_nationals_held_with_no_doer_and_no_place_are_not_held_by_their_own_state(veille_nlp) -> None:
    # another state named in the sentence sets them abroad
    events = code(veille_nlp, LEAD + "Deux Argentins ont été arrêtés lundi, a indiqué le Paraguay.")
    assert not [e for e in of_type(events, "COERCE") if codes(e["actor"]) == {"ARG"}], events


def test_victims_not_named_by_nationality_are_still_held_where_the_document_is(veille_nlp) -> None:
    events = code(veille_nlp, LEAD + "Deux militants ont été arrêtés lundi.")
    arrests = of_type(events, "COERCE")
    assert arrests and codes(arrests[0]["actor"]) == {"ARG"}, events


def test_nationals_held_in_a_town_of_their_state_keep_its_doer(veille_nlp) -> None:
    events = code(veille_nlp, LEAD + "Deux Argentins ont été arrêtés lundi à Buenos Aires.")
    arrests = of_type(events, "COERCE")
    assert arrests and codes(arrests[0]["actor"]) == {"ARG"}, events


def test_victims_of_several_nationalities_keep_the_guessed_doer(veille_nlp) -> None:
    events = code(veille_nlp, LEAD + "Un Argentin et un Chilien ont été arrêtés lundi.")
    arrests = of_type(events, "COERCE")
    assert arrests and codes(arrests[0]["actor"]) == {"ARG"}, events
    assert codes(arrests[0]["recipient"]) == {"ARG", "CHL"}, events


def test_nationals_killed_with_no_doer_keep_the_guessed_doer(veille_nlp) -> None:
    events = code(veille_nlp, "Le président argentin a réuni son gouvernement après les émeutes. Un Argentin de 30 ans "
                              "a été tué par balle lors d'un contrôle.")
    killings = of_type(events, "ASSAULT")
    assert killings and codes(killings[0]["actor"]) == {"ARG"}, events


def test_nationals_held_at_home_in_a_story_on_their_state_keep_its_doer(veille_nlp) -> None:
    # no other state in the document: people named by their nationality are held at home, by their own state
    events = code(veille_nlp, "Les grèves contre le régime s'étendent en Iran. Mardi, une centaine d'Iraniens ont été "
                              "interpellés.", "2021-04-15")
    arrests = of_type(events, "COERCE")
    assert arrests and codes(arrests[0]["actor"]) == {"IRN"}, events
    assert codes(arrests[0]["recipient"]) == {"IRN"}, events
