"""Threats made of hostile acts promised, and the frames that choose a trigger's type (real model)."""

from __future__ import annotations

from veille.events.testing import code, codes, find


def test_sanctions_promised_on_a_condition_are_a_threat(veille_nlp) -> None:
    events = code(veille_nlp, "Le Japon imposera de nouvelles sanctions à la Chine si Pékin ne libère pas les "
                              "pêcheurs, a prévenu le Premier ministre japonais.")
    threat = find(events, "THREATEN")
    assert threat is not None, events
    assert codes(threat["actor"]) == {"JPN"} and codes(threat["recipient"]) == {"CHN"}
    assert threat["status"] == "reported"
    assert find(events, "SANCTION") is None


def test_a_decision_announced_stays_the_act_to_come(veille_nlp) -> None:
    events = code(veille_nlp, "Le ministre japonais a déclaré que Tokyo imposera de nouvelles sanctions à Pékin.")
    sanction = find(events, "SANCTION")
    assert sanction is not None and sanction["status"] == "future", events
    assert find(events, "THREATEN") is None


def test_the_condition_itself_is_no_threat(veille_nlp) -> None:
    events = code(veille_nlp, "Si la Chine attaquait Taïwan, le Japon imposerait des sanctions, a prévenu le "
                              "Premier ministre japonais.")
    assert find(events, "THREATEN") is not None, events
    assert not any(e["type"] == "THREATEN" and codes(e["actor"]) == {"CHN"} for e in events), events


def test_planned_measures_counted_by_an_adverb_are_a_threat(veille_nlp) -> None:
    events = code(veille_nlp, "\"Nous prévoyons beaucoup plus de sanctions contre le régime iranien\", a déclaré "
                              "le secrétaire d'Etat américain.")
    threat = find(events, "THREATEN")
    assert threat is not None, events
    assert codes(threat["actor"]) == {"USA"} and codes(threat["recipient"]) == {"IRN"}
    assert find(events, "SANCTION") is None or find(events, "SANCTION")["status"] not in ("asserted", "reported")


def test_whoever_exposes_himself_to_measures_is_threatened_by_the_speaker(veille_nlp) -> None:
    events = code(veille_nlp, "\"Toute entreprise qui commercera avec le régime de Pyongyang s'expose à des "
                              "restrictions\", a déclaré le porte-parole du département d'Etat américain.")
    threat = find(events, "THREATEN")
    assert threat is not None, events
    assert codes(threat["actor"]) == {"USA"}


def test_unspecified_measures_announced_are_a_threat(veille_nlp) -> None:
    events = code(veille_nlp, "La Corée du Nord a rompu ses liens avec la Corée du Sud. L'armée nord-coréenne a "
                              "affirmé jeudi qu'elle prendrait de multiples actions contre le Sud.")
    threat = find(events, "THREATEN", "actions")
    assert threat is not None, events
    assert codes(threat["actor"]) == {"PRK"} and codes(threat["recipient"]) == {"KOR"}
    assert threat["status"] == "reported"
    assert find(code(veille_nlp, "Le gouvernement italien a pris des mesures contre le virus."), "SANCTION") is None


def test_invited_to_act_is_a_request_invited_to_come_an_offer(veille_nlp) -> None:
    request = code(veille_nlp, "Le secrétaire général de l'ONU a invité les belligérants yéménites à cesser les "
                               "combats.")
    assert find(request, "REQUEST", "invité") is not None and find(request, "AGREE") is None, request
    visit = code(veille_nlp, "Le président français a invité son homologue indien à venir à Paris.")
    assert find(visit, "AGREE", "invité") is not None and find(visit, "REQUEST") is None, visit


def test_a_broadcast_guest_is_no_invitation(veille_nlp) -> None:
    events = code(veille_nlp, "Invité de BFMTV dimanche, le ministre français de l'Intérieur a défendu la "
                              "réforme.")
    assert find(events, "SUPPORT") is not None, events
    assert find(events, "AGREE") is None and find(events, "REQUEST") is None, events


def test_ready_for_something_is_an_offer_merely_ready_is_none(veille_nlp) -> None:
    offer = code(veille_nlp, "Le Qatar est prêt à accueillir des pourparlers entre les talibans et Kaboul.")
    assert find(offer, "AGREE", "prêt") is not None, offer
    ready = code(veille_nlp, "Le ministre espagnol a assuré que le gouvernement était \"prêt\".")
    assert find(ready, "AGREE") is None, ready
    threat = code(veille_nlp, "Le président iranien s'est dit prêt à frapper les bases américaines.")
    assert find(threat, "THREATEN", "prêt") is not None and find(threat, "AGREE") is None, threat


def test_worry_for_ones_own_lot_is_no_reproach(veille_nlp) -> None:
    own = code(veille_nlp, "Le maire de Lyon s'inquiète de ne pas pouvoir rouvrir les écoles de la ville.")
    assert find(own, "ACCUSE") is None, own
    seen = code(veille_nlp, "Le ministre français s'inquiète de voir la Russie masser des troupes à la frontière "
                            "ukrainienne.")
    accuse = find(seen, "ACCUSE")
    assert accuse is not None and "RUS" in codes(accuse["recipient"]), seen


def test_an_act_ordered_is_that_act(veille_nlp) -> None:
    release = code(veille_nlp, "Le président afghan a ordonné la libération de 400 prisonniers talibans.")
    assert find(release, "RETREAT", "ordonné") is not None and find(release, "REQUEST") is None, release
    strike = code(veille_nlp, "Le président américain a ordonné une frappe contre des milices irakiennes.")
    assert find(strike, "ASSAULT", "ordonné") is not None and find(strike, "REQUEST") is None, strike


def test_a_source_told_as_the_actors_own_speaks_for_its_side(veille_nlp) -> None:
    events = code(veille_nlp, "Le président afghan Ashraf Ghani a ordonné lundi la libération de 400 prisonniers "
                              "talibans, ont annoncé ses services.")
    release = find(events, "RETREAT")
    assert release is not None and release["status"] == "reported", events
    assert release["reported_by"]["code"] == "AFG"


def test_a_hostile_act_promised_not_to_be_done_is_no_threat(veille_nlp) -> None:
    # the negation inside the promised infinitive: a reassurance, not a threat (nor a threat taken from its words)
    for text in ("Le chancelier autrichien a promis de ne jamais sanctionner la Slovénie.",
                 "Le président péruvien a promis de ne pas attaquer la Bolivie.",
                 "La présidente chilienne a juré de ne plus bombarder les positions argentines."):
        events = code(veille_nlp, text)
        assert find(events, "THREATEN") is None, (text, events)
    events = code(veille_nlp, "Le président péruvien a promis d'attaquer la Bolivie.")
    assert find(events, "THREATEN", "promis") is not None, events


def test_a_threat_hinted_in_an_incise_is_its_speakers_at_the_target_of_the_act_hinted(veille_nlp) -> None:
    # the speaker inverted after the quote hints; the hinted sanctions' imposer ("du Conseil") is no target
    events = code(veille_nlp, "\"Nous attendons des explications de Pékin\", a déclaré mardi le ministre japonais des "
                              "Affaires étrangères, dans une allusion à de possibles sanctions du Conseil.")
    threat = find(events, "THREATEN")
    assert threat is not None and codes(threat["actor"]) == {"JPN"}, events
    assert "UN" not in codes(threat["recipient"]), threat


def test_a_threat_hinted_aims_at_the_target_the_act_hinted_names(veille_nlp) -> None:
    events = code(veille_nlp, "Le ministre japonais a évoqué mardi, dans une allusion à des sanctions de l'ONU "
                              "contre la Chine, une réponse ferme.")
    threat = find(events, "THREATEN")
    assert threat is not None and codes(threat["actor"]) == {"JPN"} and codes(threat["recipient"]) == {"CHN"}, events


def test_a_measure_the_sentence_fronts_as_its_topic_is_what_is_not_ruled_out(veille_nlp) -> None:
    events = code(veille_nlp, "A propos des éventuelles sanctions que pourraient adopter les Européens, le ministre "
                              "autrichien n'a pas exclu le projet d'oléoduc russe.")
    threat = find(events, "THREATEN")
    assert threat is not None, events
    assert codes(threat["actor"]) == {"AUT"} and threat["status"] == "asserted"


def test_without_a_measure_fronted_not_ruling_out_a_project_stays_a_refusal_denied(veille_nlp) -> None:
    # (paired: the same clause with no topic fronted is no threat)
    events = code(veille_nlp, "Le ministre autrichien n'a pas exclu le projet d'oléoduc russe.")
    assert find(events, "THREATEN") is None, events
