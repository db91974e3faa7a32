"""Sides and statuses of acts told by nouns and material verbs, read off the parse: a place completing a noun that is
itself named as a place ("dans la région militaire de X"), the target of forces a state moves at home (the side
the story sets it against), a clause a time is counted from ("depuis que ...")."""

from __future__ import annotations

from veille.events.testing import code, codes, of_type

PUBLISHED = "2021-06-10"


def test_a_place_completing_a_place_noun_is_where_troops_go(veille_nlp) -> None:
    # the sentence names where the troops go (a place of the army's own state): troops moved at home, not sent to
    # the state named a sentence before (told as news, not in reported speech the confidence model may drop)
    events = code(veille_nlp, "Le Premier ministre russe était en visite en Arménie lundi. Mercredi, l'armée russe a "
                              "déployé trois brigades dans la région militaire de Koursk.",
                  PUBLISHED)
    deployed = [e for e in events if e["trigger"] == "déployé"]
    assert deployed and deployed[0]["type"] == "MOBILIZE", events
    assert "ARM" not in codes(deployed[0]["recipient"]), events


def test_a_state_completing_a_place_noun_is_no_place(veille_nlp) -> None:
    # a state (not a place name) completing a noun in a locative phrase may be an actor: it is not read as where
    # the act happens ("dans le viseur de la Russie")
    from veille.events import places as placemod

    doc = veille_nlp("Les bataillons se trouvent dans le viseur de la Russie.")
    states = [m for m in doc.spans["mentions"] if m.text == "Russie"]
    assert states and not any(placemod.is_locative(m) for m in states)


def test_forces_moved_at_home_are_mobilised_against_the_side_the_story_sets_them_against(veille_nlp) -> None:
    events = code(veille_nlp, "L'Azerbaïdjan a accusé l'Arménie de provocations. Bakou a menacé Erevan de "
                              "représailles. L'armée arménienne a massé lundi des bataillons près de la frontière.",
                  PUBLISHED)
    massed = of_type(events, "MOBILIZE")
    assert massed and codes(massed[0]["actor"]) == {"ARM"}, events
    assert codes(massed[0]["recipient"]) == {"AZE"}, events


def test_forces_moved_after_a_quarrel_in_words_have_no_target(veille_nlp) -> None:
    # an accusation is no hostility: troops moved at home afterwards are aimed at no one
    events = code(veille_nlp, "La Suède a accusé la Russie de cyberattaques. Lundi, l'armée suédoise a déployé 2 000 "
                              "soldats sur l'île de Gotland.", PUBLISHED)
    moved = of_type(events, "MOBILIZE")
    assert moved and codes(moved[0]["actor"]) == {"SWE"}, events
    assert not codes(moved[0]["recipient"]), events


def test_forces_moved_for_a_stated_purpose_have_no_target(veille_nlp) -> None:
    # even after a threat: troops sent to guard a summit are not mobilised against the threatened
    events = code(veille_nlp, "Le Chili a menacé le Pérou de représailles. Lundi, l'armée chilienne a déployé 3 000 "
                              "soldats pour protéger le sommet régional.", PUBLISHED)
    moved = of_type(events, "MOBILIZE")
    assert moved and codes(moved[0]["actor"]) == {"CHL"}, events
    assert not codes(moved[0]["recipient"]), events


def test_forces_moved_at_home_are_not_mobilised_against_a_partner(veille_nlp) -> None:
    # a state the army's state only met is no target
    events = code(veille_nlp, "Le président arménien a rencontré son homologue géorgien. L'armée arménienne a massé "
                              "lundi des bataillons près de la frontière.", PUBLISHED)
    massed = of_type(events, "MOBILIZE")
    assert massed and not codes(massed[0]["recipient"]) - {"ARM"}, events


def test_what_a_time_is_counted_from_has_happened_whatever_the_clause_above_denies(veille_nlp) -> None:
    events = code(veille_nlp, "La police n'a signalé aucun incident depuis que l'armée turque a retiré ses troupes "
                              "de la ville.", PUBLISHED)
    withdrawn = of_type(events, "RETREAT")
    assert withdrawn and withdrawn[0]["status"] in ("asserted", "reported"), events
    # the clause above keeps its own negation
    denied = code(veille_nlp, "L'armée turque n'a pas retiré ses troupes de la ville.", PUBLISHED)
    assert all(e["status"] == "negated" for e in of_type(denied, "RETREAT")), denied
