"""Sides the parse hides: what the parser hangs on a day named after the verb, hung back on the verb
(nlp/attachments.py); the one a threat's infinitive aims at, of the threatener's own state; the one a demand
asks to give, named by a plain noun ("de la part des chasseurs"), or a proposal to act its "à" phrase; and a resignation
a verb of presenting performs."""

from __future__ import annotations

from veille.events.testing import code, codes, find


def _word(doc, text: str):
    return next(t for t in doc if t.text == text)


def test_the_object_the_parser_hangs_on_the_day_goes_back_to_the_verb(bare_nlp, nlp) -> None:
    sentence = "Le président a appelé jeudi les électeurs à voter."
    assert _word(bare_nlp(sentence), "électeurs").head.text == "jeudi"  # the parser's reading
    fixed = nlp(sentence)
    assert (_word(fixed, "électeurs").head.text, _word(fixed, "électeurs").dep_) == ("appelé", "obj")
    assert _word(fixed, "jeudi").head.text == "appelé"


def test_the_infinitive_the_parser_hangs_on_the_day_goes_back_to_the_verb(bare_nlp, nlp) -> None:
    sentence = ("L'homme d'affaires Evguéni Prigojine, d'ordinaire discret et soupçonné d'être lié à des "
                "mercenaires, a promis mercredi de \"ruiner\" l'opposant Alexeï Navalny.")
    assert _word(bare_nlp(sentence), "ruiner").head.text == "mercredi"
    fixed = nlp(sentence)
    assert (_word(fixed, "ruiner").head.text, _word(fixed, "ruiner").dep_) == ("promis", "xcomp")


def test_a_day_with_its_own_determiner_keeps_what_hangs_on_it(nlp) -> None:
    doc = nlp("Le ministre a parlé le mercredi suivant devant les députés.")
    assert _word(doc, "suivant").head.text == "mercredi"


def test_the_one_a_threat_aims_at_through_its_infinitive_is_its_recipient_of_the_same_state(veille_nlp) -> None:
    event = find(code(veille_nlp, "Le président russe Vladimir Poutine a menacé de poursuivre Alexeï "
                                  "Navalny.", home="FRA"), "THREATEN")
    assert event is not None
    assert codes(event["actor"]) == {"RUS"} and [p["text"] for p in event["recipient"]] == ["Alexeï Navalny"], event


def test_a_threat_told_after_a_day_aims_at_its_infinitive_object(veille_nlp) -> None:
    event = find(code(veille_nlp, "L'homme d'affaires russe Evguéni Prigojine, d'ordinaire discret et soupçonné "
                                  "d'être lié à des mercenaires, a promis mercredi de \"ruiner\" "
                                  "Alexeï Navalny.", home="FRA"), "THREATEN")
    assert event is not None
    assert codes(event["actor"]) == {"RUS"} and codes(event["recipient"]) == {"RUS"}, event


def test_a_threat_names_no_recipient_of_its_own_state_outside_its_infinitive(veille_nlp) -> None:
    # the same state's person named elsewhere in the sentence is no target
    event = find(code(veille_nlp, "Le président russe Vladimir Poutine, proche de l'homme d'affaires Evguéni "
                                  "Prigojine, a menacé de frapper l'Ukraine.", home="FRA"), "THREATEN")
    assert event is not None and codes(event["recipient"]) == {"UKR"}, event


def test_the_one_asked_to_give_named_by_a_plain_noun_is_the_recipient(veille_nlp) -> None:
    event = find(code(veille_nlp, "La ministre de l'Agriculture Agnès Morvan a réclamé des garanties de la part des "
                                  "éleveurs.", home="FRA"), "REQUEST")
    assert event is not None
    assert codes(event["recipient"]) == {"FRA"} and [p["text"] for p in event["recipient"]] == ["éleveurs"], event


def test_a_resignation_presented_is_done(veille_nlp) -> None:
    event = find(code(veille_nlp, "Quatre membres de la Cour constitutionnelle du Mali ont présenté leur démission.",
                      home="FRA"), "RETREAT")
    assert event is not None and event["status"] != "hypothetical", event


def test_an_attack_presented_as_something_stays_a_view(veille_nlp) -> None:
    # (the verb's other sense: what it presents as something is a view, not an act it performs)
    events = code(veille_nlp, "Le ministre malien a présenté l'attaque du camp comme un acte terroriste.", home="FRA")
    assert all(e["status"] != "asserted" for e in events if e["type"] == "ASSAULT"), events


def test_the_one_offered_to_act_is_the_recipient_of_the_same_state(veille_nlp) -> None:
    # "proposer à X de ...": the "à" phrase is asked to do what the infinitive says, as for "demander à X de ..."
    event = find(code(veille_nlp, "La maire de Lille, Agnès Morvan, a proposé aux services de l'Etat d'interdire la "
                                  "circulation des camions.", home="FRA"), "AGREE")
    assert event is not None and [p["text"] for p in event["recipient"]] == ["services de l'Etat"], event


def test_the_one_offered_to_act_whose_infinitive_the_parser_hangs_as_its_de_phrase(veille_nlp) -> None:
    event = find(code(veille_nlp, "Face au pic de pollution, la maire de Lille, Agnès Morvan, a proposé hier aux "
                                  "services de l'Etat d'interdire temporairement la circulation des véhicules "
                                  "polluants.", home="FRA"), "AGREE")
    assert event is not None and [p["text"] for p in event["recipient"]] == ["services de l'Etat"], event
